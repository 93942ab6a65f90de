/**
 * The token travels in the WebSocket handshake's `Sec-WebSocket-Protocol` header rather than the
 * URL: browsers print a failed socket's URL in the console on every reconnect, and proxies and
 * servers log URLs. The client offers `lianxin.v1` and `lianxin.token.<token>`; the relay answers
 * with `lianxin.v1` only, so the token is never echoed. (Tokens are base64url and '.', characters
 * a subprotocol may carry.)
 */
export const SYNC_SUBPROTOCOL = 'lianxin.v1';
export const TOKEN_SUBPROTOCOL_PREFIX = 'lianxin.token.';

/** What a client passes as `protocols` to `new WebSocket(url, protocols)`. */
export function tokenSubprotocols(token: string | null): string[] {
  return token ? [SYNC_SUBPROTOCOL, `${TOKEN_SUBPROTOCOL_PREFIX}${token}`] : [SYNC_SUBPROTOCOL];
}

/** The token a handshake's `Sec-WebSocket-Protocol` header carries, or null. */
export function tokenFromSubprotocols(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const value = part.trim();
    if (value.startsWith(TOKEN_SUBPROTOCOL_PREFIX) && value.length > TOKEN_SUBPROTOCOL_PREFIX.length) return value.slice(TOKEN_SUBPROTOCOL_PREFIX.length);
  }
  return null;
}
