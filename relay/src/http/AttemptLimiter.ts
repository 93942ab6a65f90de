import type { Context, MiddlewareHandler } from 'hono';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../logger';
import type { RelayMetrics } from '../metrics';

export interface AttemptLimits {
  readonly attemptsPerMinute: number;
  readonly failuresPer15Min: number;
}

/** Statuses that mean "wrong code": they count towards the failure limit. */
const WRONG_CODE = new Set([403, 404, 409, 410]);

/**
 * Limits guesses at the endpoints that take a secret code (/api/join, /api/setup) per client
 * address: a rate on all attempts, and a stricter budget of wrong codes that, once spent, makes the
 * address wait out the window. A refusal is 429 with Retry-After and one log line that names the
 * address and the route, never the code.
 */
export class AttemptLimiter {
  private readonly attempts: RateLimiterMemory;
  private readonly failures: RateLimiterMemory;

  constructor(
    private readonly limits: AttemptLimits,
    private readonly deps: { readonly log: Logger; readonly metrics: RelayMetrics; readonly address: (c: Context) => string },
  ) {
    this.attempts = new RateLimiterMemory({ keyPrefix: 'attempts', points: limits.attemptsPerMinute, duration: 60 });
    this.failures = new RateLimiterMemory({ keyPrefix: 'failures', points: limits.failuresPer15Min, duration: 15 * 60 });
  }

  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const address = this.deps.address(c);
      const spent = await this.failures.get(address);
      if (spent && spent.consumedPoints >= this.limits.failuresPer15Min) return this.refuse(c, address, 'wrong-codes', spent.msBeforeNext);
      try {
        await this.attempts.consume(address);
      } catch (error) {
        if (error instanceof RateLimiterRes) return this.refuse(c, address, 'attempts', error.msBeforeNext);
        throw error;
      }
      await next();
      if (WRONG_CODE.has(c.res.status)) {
        // A rejection here only means the budget is now spent; the next attempt is refused above.
        await this.failures.consume(address).catch((error: unknown) => {
          if (!(error instanceof RateLimiterRes)) throw error;
        });
      }
    };
  }

  private refuse(c: Context, address: string, reason: 'attempts' | 'wrong-codes', msBeforeNext: number): Response {
    const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
    this.deps.metrics.httpRefused.inc({ reason: `code-${reason}` });
    this.deps.log.warn({ address, route: c.req.path, reason, retryAfterSeconds: retryAfter }, 'too many attempts at a code');
    const message = reason === 'attempts' ? 'too many attempts; wait and try again' : 'too many wrong codes from this address; wait and try again';
    return c.json({ error: { code: 'too-many-attempts', message, retryAfterSeconds: retryAfter } }, 429, { 'retry-after': String(retryAfter) });
  }
}
