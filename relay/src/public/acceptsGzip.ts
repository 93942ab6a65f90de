/**
 * Whether an Accept-Encoding header accepts gzip (by name or `*`, with a q-value above 0).
 * Phones on slow links get a page about a tenth of the size.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.slice(0, 1024).split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) return true;
  }
  return false;
}
