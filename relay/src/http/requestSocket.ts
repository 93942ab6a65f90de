import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/** The Node request behind a Hono context (@hono/node-server's bindings); absent in app.request() tests. */
export function incomingOf(c: Context): IncomingMessage | undefined {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
}
