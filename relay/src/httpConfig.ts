/**
 * Settings of the relay's HTTP surface (issue 19): timeouts against slow clients, connection
 * limits, attempt limits on the code-taking endpoints, who may read /metrics. Kept apart from
 * config.ts so each concern reads on its own.
 */
export interface HttpConfig {
  /** Time a client has to send the request headers (slowloris). */
  readonly headersTimeoutMs: number;
  /** Time a client has to send a whole request, body included. */
  readonly requestTimeoutMs: number;
  /** An idle keep-alive socket is closed after this long. */
  readonly keepAliveTimeoutMs: number;
  /** TCP connections in total; past it new ones are dropped by Node before any parsing. */
  readonly maxConnections: number;
  /** Open TCP connections (HTTP and WebSocket) from one client address; past it: 429. */
  readonly maxConnectionsPerAddress: number;
  /** Open WebSockets per token; past it: 429 at the upgrade. */
  readonly maxSocketsPerToken: number;
  /** Attempts at /api/join and /api/setup per client address per minute; past it: 429. */
  readonly codeAttemptsPerMinute: number;
  /** Wrong codes per client address per 15 minutes, after which that address waits out the window. */
  readonly codeFailuresPer15Min: number;
  /** Bearer token that /metrics asks for; null: /metrics answers 404. */
  readonly metricsToken: string | null;
  /** Behind a reverse proxy: take the client address from the last X-Forwarded-For hop. */
  readonly trustProxy: boolean;
}

export const defaultHttpConfig: HttpConfig = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 20_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 20_000,
  // A village behind one carrier NAT shares an address; 512 still stops one host from taking all.
  maxConnectionsPerAddress: 512,
  // A phone opens a handful of documents; a few tabs or devices sharing a token stay well under.
  maxSocketsPerToken: 32,
  codeAttemptsPerMinute: 30,
  codeFailuresPer15Min: 10,
  metricsToken: null,
  trustProxy: false,
};

export const HTTP_ENV_VARS = {
  LIANXIN_HEADERS_TIMEOUT_MS: 'time a client has to send request headers (default 10000)',
  LIANXIN_REQUEST_TIMEOUT_MS: 'time a client has to send a whole request, body included (default 20000)',
  LIANXIN_KEEPALIVE_TIMEOUT_MS: 'idle keep-alive HTTP connections are closed after this long (default 5000)',
  LIANXIN_MAX_CONNECTIONS: 'TCP connections in total (default 20000)',
  LIANXIN_MAX_CONNECTIONS_PER_ADDRESS: 'open connections from one client address; past it 429 (default 512)',
  LIANXIN_MAX_SOCKETS_PER_TOKEN: 'open WebSockets per token; past it 429 (default 32)',
  LIANXIN_CODE_ATTEMPTS_PER_MINUTE: 'attempts at /api/join and /api/setup per client address per minute; past it 429 (default 30)',
  LIANXIN_CODE_FAILURES_PER_15_MIN: 'wrong invite or setup codes per client address per 15 minutes before it must wait (default 10)',
  LIANXIN_METRICS_TOKEN: 'bearer token for GET /metrics (≥ 16 characters); unset: /metrics answers 404',
  LIANXIN_TRUST_PROXY: '1: behind a reverse proxy, the client address is the last X-Forwarded-For hop (default: the socket address)',
} as const;
