// A tag in antd's look (preset and status colours), without antd.
import type { HTMLAttributes, ReactNode } from 'react';
import './ui.css';

export type TagColor = 'red' | 'blue' | 'success' | 'processing' | 'warning' | 'error' | 'default';

export function Tag({ color = 'default', icon, children, className, ...rest }: { color?: TagColor; icon?: ReactNode; children?: ReactNode } & HTMLAttributes<HTMLSpanElement>) {
  return (
    <span className={`lx-tag lx-tag--${color}${className ? ` ${className}` : ''}`} {...rest}>
      {icon}
      {children}
    </span>
  );
}
