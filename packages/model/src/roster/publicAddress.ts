/**
 * The address members' phones open (invite links, QR codes): an http(s) origin. A loopback one
 * (localhost, 127.x, ::1, 0.0.0.0) works only on the computer running the relay, so the app warns.
 */
export function parsePublicAddress(text: string): { ok: true; origin: string } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false };
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
  } catch {
    return { ok: false };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false };
  return { ok: true, origin: url.origin };
}

export function isLoopbackAddress(origin: string): boolean {
  let host: string;
  try {
    host = new URL(origin).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]' || host === '0.0.0.0';
}
