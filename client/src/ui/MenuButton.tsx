// A button that opens a short menu of choices (antd's Dropdown with a click trigger), without
// antd: opens on the first tap, closes on a choice, Escape or a tap elsewhere; arrow keys move.
import { useEffect, useRef, useState, type HTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';
import { Button, type PlainButtonProps } from './Button';
import './ui.css';

export interface MenuChoice {
  readonly key: string;
  readonly label: ReactNode;
  readonly onSelect: () => void;
  readonly testId?: string;
}

export function MenuButton({ choices, button, menuProps }: { choices: readonly MenuChoice[]; button: PlainButtonProps; menuProps?: HTMLAttributes<HTMLUListElement> & { 'data-testid'?: string } }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    box.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const away = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      setOpen(false);
      box.current?.querySelector<HTMLButtonElement>('[aria-haspopup]')?.focus();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const items = [...(box.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
  };
  return (
    <div className="lx-dropdown" ref={box} onKeyDown={keys}>
      <Button {...button} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)} />
      {open ? (
        <ul role="menu" className="lx-menu" {...menuProps}>
          {choices.map((c) => (
            <li role="none" key={c.key}>
              <button
                type="button"
                role="menuitem"
                className="lx-menu__item"
                data-testid={c.testId}
                onClick={() => {
                  setOpen(false);
                  c.onSelect();
                }}
              >
                {c.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
