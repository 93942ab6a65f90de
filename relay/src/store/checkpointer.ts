import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Copies the WAL into the database file from a worker thread. SQLite's automatic checkpoint runs
 * inside a commit and, with synchronous=NORMAL, fsyncs: on the relay's one thread that stalls
 * every socket for milliseconds. A PASSIVE checkpoint on a second connection runs beside the
 * writer; the writer then rewinds the WAL by itself once it has been copied.
 */
export interface Checkpointer {
  stop(): Promise<void>;
}

// Plain CommonJS evaluated in the worker, so it needs no TypeScript loader there.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
// Lowest CPU priority for this thread only (Linux: a thread id is a pid to setpriority), so a
// checkpoint never holds the relay's event loop off a shared core. Elsewhere: best effort.
try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  require('node:os').setPriority(tid, 19);
} catch {}
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
let stopped = false;
const tick = () => {
  if (stopped) return;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
  setTimeout(tick, workerData.intervalMs);
};
setTimeout(tick, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  stopped = true;
  db.close();
  parentPort.postMessage({ stopped: true });
});
`;

export function startCheckpointer(file: string, intervalMs: number, onError: (message: string) => void): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, intervalMs } });
  worker.unref();
  worker.on('message', (m: { error?: string }) => {
    if (m.error) onError(m.error);
  });
  worker.on('error', (error) => onError(error.message));
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          void worker.terminate().then(() => resolve());
        };
        worker.once('message', done);
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
        setTimeout(done, 2000).unref();
      }),
  };
}
