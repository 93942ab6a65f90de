import type { IncomingMessage } from 'node:http';

/**
 * The address limits are keyed by: the socket's peer, or behind a trusted reverse proxy the last
 * X-Forwarded-For hop (the one the proxy appended; earlier hops are whatever the client claimed).
 */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = request.headers['x-forwarded-for'];
    const value = Array.isArray(header) ? header.at(-1) : header;
    const last = value?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return request.socket.remoteAddress ?? 'unknown';
}
