import { createHash } from 'node:crypto';

/**
 * A strong ETag for one representation: the document's state hash plus a short hash of the
 * variant (route, language, origin, filter…), since each variant is a different body.
 */
export function variantEtag(documentTag: string, variant: string): string {
  const doc = documentTag.replace(/[^0-9A-Za-z_-]/g, '').slice(0, 32);
  const v = createHash('sha1').update(variant).digest('base64url').slice(0, 12);
  return `"${doc}.${v}"`;
}

/**
 * Whether an `If-None-Match` header matches `etag` (weak comparison, as RFC 9110 asks for
 * If-None-Match): `*`, or any listed tag equal once `W/` is dropped.
 */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const wanted = etag.replace(/^W\//, '');
  // Cap the work a hostile header can cause.
  for (const part of header.slice(0, 8192).split(',')) {
    if (part.trim().replace(/^W\//, '') === wanted) return true;
  }
  return false;
}
