// A button (or a link drawn as one) in antd's look, without antd: the light path's buttons.
import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ReactNode } from 'react';
import './ui.css';

type Common = {
  /** antd's types this app uses */
  readonly kind?: 'primary' | 'default' | 'text';
  readonly icon?: ReactNode;
  /** spins and refuses taps, as antd's `loading` */
  readonly loading?: boolean;
  readonly children?: ReactNode;
};

/** A plain button's props (a test id may ride along). */
export type PlainButtonProps = Common & ButtonHTMLAttributes<HTMLButtonElement> & { readonly 'data-testid'?: string };

export type ButtonProps = Common & (({ readonly href: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) | ({ readonly href?: undefined } & ButtonHTMLAttributes<HTMLButtonElement>));

export function Button({ kind = 'default', icon, loading = false, children, className, ...rest }: ButtonProps) {
  const classes = ['lx-btn', `lx-btn--${kind}`, children === undefined ? 'lx-btn--icon' : '', loading ? 'lx-btn--loading' : '', className ?? ''].filter(Boolean).join(' ');
  const inner = (
    <>
      {loading ? <span className="lx-spinner" aria-hidden="true" /> : icon}
      {children !== undefined ? <span>{children}</span> : null}
    </>
  );
  if (rest.href !== undefined) {
    return (
      <a className={classes} {...(rest as AnchorHTMLAttributes<HTMLAnchorElement>)}>
        {inner}
      </a>
    );
  }
  const { type, ...button } = rest as ButtonHTMLAttributes<HTMLButtonElement>;
  return (
    <button type={type ?? 'button'} className={classes} aria-busy={loading || undefined} {...button}>
      {inner}
    </button>
  );
}
