// A wide table's horizontal scroll: a focusable, labelled region, so a keyboard can scroll it too
// (axe's scrollable-region-focusable; Ant Design's own scroll container is neither).
import type { ReactNode } from 'react';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      {children}
    </div>
  );
}
