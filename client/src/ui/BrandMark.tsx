// The app's mark inline (see boot/brandMark.ts: no separate SVG document on a cold open).
import { createElement } from 'react';
import { BRAND_SHAPES, BRAND_VIEW_BOX } from '../boot/brandMark';

export function BrandMark({ size }: { size?: number }) {
  return (
    <svg viewBox={BRAND_VIEW_BOX} aria-hidden="true" className="lx-brand-mark" width={size} height={size}>
      {BRAND_SHAPES.map(({ tag, attrs }, i) => createElement(tag, { key: i, ...attrs }))}
    </svg>
  );
}
