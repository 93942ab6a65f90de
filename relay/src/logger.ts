import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/** Paths pino blanks out, wherever a token could end up in a log object. */
const REDACT = ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization', 'inviteCode', '*.inviteCode'];

/** JSON logs on stdout (or `destination`); tokens and invite codes are never written. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'lianxin-relay' }, redact: { paths: REDACT, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

/** A request path with any query value that could be a secret replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const key of [...params.keys()]) if (/token|code|key|secret/i.test(key)) params.set(key, '[redacted]');
  return `${url.slice(0, q)}?${params.toString()}`;
}
