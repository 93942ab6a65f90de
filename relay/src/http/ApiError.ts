import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { Logger } from '../logger';

/** A request error: `{ error: { code, message } }` with an HTTP status. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(status, { message });
    this.name = 'ApiError';
  }
}

/** The one place request errors become responses. */
export function handleError(log: Logger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof ApiError) return c.json({ error: { code: error.code, message: error.message } }, error.status);
    if (error instanceof HTTPException) {
      const code = error.status === 413 ? 'too-large' : 'http-error';
      return c.json({ error: { code, message: error.message || 'request failed' } }, error.status);
    }
    log.error({ err: error, method: c.req.method, path: c.req.path }, 'unhandled request error');
    return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
  };
}

/** Reads and validates a JSON body; 400 with the schema's complaint otherwise. */
export async function readJson<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError(400, 'bad-json', 'the body is not JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(400, 'bad-request', z.prettifyError(parsed.error));
  return parsed.data;
}
