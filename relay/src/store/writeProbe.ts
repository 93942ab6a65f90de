import { closeSync, fsyncSync, openSync, unlinkSync, writeSync } from 'node:fs';
import type { WriteHealth } from './writeHealth';

/** A probe writes and fsyncs this much: room for a typical batch, not only for a few bytes. */
export const PROBE_BYTES = 64 * 1024;

/**
 * While the store cannot write, checks every `everyMs` whether it can again: first the store's
 * own pending work (`retry`, e.g. moving what waits in the journal), then a write, fsync and
 * removal of `<file>` beside the database. Success makes the store writable (`WriteHealth`); the
 * next real write has the last word. Returns a function that stops the probe.
 */
export function startWriteProbe(health: WriteHealth, file: string, everyMs: number, retry: () => void): () => void {
  const probe = (): void => {
    try {
      health.run(() => {
        retry();
        const fd = openSync(file, 'w', 0o600);
        try {
          writeSync(fd, new Uint8Array(PROBE_BYTES));
          fsyncSync(fd);
        } finally {
          closeSync(fd);
          unlinkSync(file);
        }
      });
    } catch {
      // Still full: the health holds the reason.
    }
  };
  const timer = setInterval(() => {
    if (!health.state.writable) probe();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
