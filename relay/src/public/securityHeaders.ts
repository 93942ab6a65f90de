import type { MiddlewareHandler } from 'hono';

/**
 * No script may run on a public page, whatever a document contains: only inline styles and
 * `data:` images (the QR code) load; forms post back to the relay only; no framing, no sniffing,
 * no referrer leaking a resident's path to a linked site.
 */
export const PUBLIC_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': PUBLIC_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Sets the headers above on every response of the public routes (200, 304, 404, errors). */
export function securityHeaders(): MiddlewareHandler {
  return async function securityHeadersMiddleware(c, next) {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  };
}
