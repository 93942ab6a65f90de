// A semantic list (ul/li) in place of antd's List, which antd 6.6 deprecates.
import type { HTMLAttributes, LiHTMLAttributes, ReactNode } from 'react';

export function PlainList<T>({ items, render, empty, ...rest }: { items: readonly T[]; render: (item: T) => ReactNode; empty?: ReactNode } & HTMLAttributes<HTMLUListElement>) {
  if (items.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <ul className="lx-list" {...rest}>
      {items.map(render)}
    </ul>
  );
}

export function PlainItem({
  title,
  description,
  actions,
  children,
  ...rest
}: { title?: ReactNode; description?: ReactNode; actions?: readonly ReactNode[] } & Omit<LiHTMLAttributes<HTMLLIElement>, 'title'>) {
  return (
    <li className="lx-list__item" {...rest}>
      <div className="lx-list__body">
        {title !== undefined ? <div className="lx-list__title">{title}</div> : null}
        {description !== undefined ? <div className="lx-list__description">{description}</div> : null}
        {children}
      </div>
      {actions && actions.length > 0 ? <div className="lx-list__actions">{actions}</div> : null}
    </li>
  );
}
