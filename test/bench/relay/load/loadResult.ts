import type { ClientKind } from './loadConfig';
import type { Summary } from './summarize';

/** What the load process reports for one step (one JSON line on stdout). */
export interface LoadResult {
  readonly event: 'result';
  readonly rooms: number;
  readonly writers: ClientKind;
  readonly observers: ClientKind;
  readonly connectMs: number;
  /** Writes per second the schedule asked for, and what was really sent in the window. */
  readonly targetRate: number;
  readonly achievedRate: number;
  /** Writer → observer, one sample per (write in the window, observer) pair. */
  readonly latency: Summary;
  readonly expected: number;
  readonly received: number;
  readonly lost: number;
  readonly duplicates: number;
  /** How late each write left compared with its slot in the schedule. */
  readonly schedulerLag: Summary;
  readonly eventLoopDelayP99: number;
  readonly eventLoopDelayMax: number;
  /** CPU of the load process over the window, % of one core. */
  readonly loadCpuPercent: number;
  /** Time the load process was runnable but waited for its core (other work), % of the window. */
  readonly loadWaitPercent?: number;
  readonly drops: number;
  /** Relay only: writer's update sent → relay says it is stored. */
  readonly storedAck: Summary | null;
}

/** Progress lines the harness reacts to (it samples the server's CPU on the window events). */
export type LoadEvent =
  | { readonly event: 'connected'; readonly ms: number }
  | { readonly event: 'window-start' }
  | { readonly event: 'window-end' }
  | { readonly event: 'error'; readonly message: string }
  | LoadResult;
