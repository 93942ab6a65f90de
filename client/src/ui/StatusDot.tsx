// A status dot with words (antd's Badge `status`), without antd.
import type { HTMLAttributes, ReactNode } from 'react';
import './ui.css';

export type DotStatus = 'success' | 'processing' | 'default' | 'error' | 'warning';

export function StatusDot({ status, text, ...rest }: { status: DotStatus; text: ReactNode } & HTMLAttributes<HTMLSpanElement>) {
  return (
    <span className="lx-status" {...rest}>
      <span className={`lx-status__dot lx-status__dot--${status}`} />
      <span className="lx-status__text">{text}</span>
    </span>
  );
}
