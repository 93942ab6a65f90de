// The app's mark (public/icons/icon.svg) drawn inline in the header: as an <img>, Chromium builds
// a separate SVG document for it (~10–20 ms of the main thread on a cold open, twice: the boot
// screen's header and the app's). One description for both the boot screen and React.

export const BRAND_VIEW_BOX = '0 0 512 512';

/** The mark's shapes, each a tag and its attributes. */
export const BRAND_SHAPES: readonly { readonly tag: 'rect' | 'path'; readonly attrs: Readonly<Record<string, string>> }[] = [
  { tag: 'rect', attrs: { width: '512', height: '512', rx: '112', fill: '#c62828' } },
  // a roof over two joined hearts: households linked to the people who serve them
  { tag: 'path', attrs: { d: 'M96 236 256 112l160 124', fill: 'none', stroke: '#fff', 'stroke-width': '36', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' } },
  { tag: 'path', attrs: { d: 'M256 408c-70-46-120-88-120-138 0-32 24-56 56-56 28 0 48 16 64 40 16-24 36-40 64-40 32 0 56 24 56 56 0 50-50 92-120 138z', fill: '#ffd54f' } },
];

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The mark as a DOM node (the boot screen draws without React). */
export function brandMarkNode(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', BRAND_VIEW_BOX);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'lx-brand-mark');
  for (const { tag, attrs } of BRAND_SHAPES) {
    const shape = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attrs)) shape.setAttribute(name, value);
    svg.append(shape);
  }
  return svg;
}
