/**
 * Test aid: lists every piece of markup in a rendered page that the page templates never write —
 * an unknown element, an unknown attribute (any `on…` handler), a link or image to anything but
 * the relay, `tel:`, http(s) or the QR data URI, or a `<` that does not open a well-formed tag.
 * Text is escaped by hono/jsx, so every `<` outside `<style>` must start one of our tags.
 */
const TAGS = new Set(
  'html head meta title link style body a header h1 h2 h3 h4 h5 h6 p main section nav ul ol li dl dt dd div span strong em br form label input button article time table caption tbody tr th td footer figure figcaption img'.split(
    ' ',
  ),
);
const ATTRIBUTES = new Set(
  'class id href lang aria-label aria-labelledby for name type inputmode autocomplete placeholder value maxlength method action role datetime scope charset content rel src alt width height'.split(' '),
);
const HREF = /^(\/|#|tel:\+?[0-9]+$|https?:\/\/|data:,$)/;
const SRC = /^data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+$/;

export function auditMarkup(html: string): string[] {
  const problems: string[] = [];
  // Style sheets are our constants; their text is not markup.
  const body = html.replace(/^<!DOCTYPE html>/, '').replace(/<style>[^<]*<\/style>/g, '<style></style>');
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*")?)*)\s*(\/?)>/g;
  let tags = 0;
  for (const match of body.matchAll(tag)) {
    tags++;
    const [, , name = '', attrs = ''] = match;
    if (!TAGS.has(name.toLowerCase())) problems.push(`element <${name}>`);
    for (const attr of attrs.matchAll(/\s([a-zA-Z-]+)(?:="([^"]*)")?/g)) {
      const [, key = '', value = ''] = attr;
      if (!ATTRIBUTES.has(key.toLowerCase())) problems.push(`attribute ${key} on <${name}>`);
      if (key === 'href' && !HREF.test(value)) problems.push(`href ${value}`);
      if (key === 'src' && !SRC.test(value)) problems.push(`src ${value.slice(0, 40)}`);
      if (key === 'action' && !value.startsWith('/')) problems.push(`action ${value}`);
    }
  }
  const opens = body.split('<').length - 1;
  if (opens !== tags) problems.push(`${opens - tags} "<" that open no well-formed tag`);
  return problems;
}
