// Doc-load probe page: seeds one community's documents as rows (as written, or compacted), or
// loads one document cold through LocalDocStore while a PerformanceObserver records long tasks.
import * as Y from 'yjs';
import { DOC_UPDATES_TABLE, openCommunityDatabase } from '../../../../packages/sync/src/communityDatabase';
import { compactStoredDoc, type UpdateRow } from '../../../../packages/sync/src/compactStoredDoc';
import { LocalDocStore } from '../../../../packages/sync/src/localDocStore';
import { unpackUpdates } from '../../client/history';

declare global {
  interface Window {
    __docload?: { done: boolean; error?: string; result?: Record<string, number> };
  }
}

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

const params = new URLSearchParams(location.search);
const docs = ['roster', 'work'];
window.__docload = { done: false };

/** as written (a row per record), merged into one row (what compaction stored before chunks), or merged into chunks */
const state = params.get('state') ?? 'written';

async function seed(): Promise<Record<string, number>> {
  const db = openCommunityDatabase(`probe-${state}`, 'p1');
  await db.open();
  const table = db.table<UpdateRow, number>(DOC_UPDATES_TABLE);
  const out: Record<string, number> = {};
  for (const kind of docs) {
    const updates = unpackUpdates(new Uint8Array(await (await fetch(`/history/${kind}.bin`)).arrayBuffer()));
    await table.bulkAdd(updates.map((u) => ({ k: kind, u: Y.convertUpdateFormatV1ToV2(u), f: 1 }) as UpdateRow));
    if (state === 'chunks') await compactStoredDoc(db, kind);
    if (state === 'onerow') {
      const rows = await table.where('k').equals(kind).toArray();
      const doc = new Y.Doc();
      Y.transact(doc, () => rows.forEach((r) => Y.applyUpdateV2(doc, r.u)));
      await table.bulkDelete(rows.map((r) => r.i));
      await table.add({ k: kind, u: Y.encodeStateAsUpdateV2(doc), f: 1 } as UpdateRow);
    }
    const rows = await table.where('k').equals(kind).toArray();
    out[`${kind}Rows`] = rows.length;
    out[`${kind}Bytes`] = rows.reduce((n, r) => n + r.u.length, 0);
    out[`${kind}MaxRow`] = rows.reduce((n, r) => Math.max(n, r.u.length), 0);
  }
  db.close();
  return out;
}

async function open(): Promise<Record<string, number>> {
  const kind = params.get('doc')!;
  const db = openCommunityDatabase(`probe-${state}`, 'p1');
  await db.open();
  // Settle: the page's own script evaluation is not part of the load.
  await new Promise((r) => setTimeout(r, 300));
  const start = performance.now();
  // A timer ticking through the load: how often the page got a turn (input would too).
  let ticks = 0;
  let maxGap = 0;
  let last = start;
  const tick = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    ticks++;
  }, 10);
  const doc = new Y.Doc();
  // Main-thread time inside the load's transactions (the rest is reading and waiting for a turn).
  let applyMs = 0;
  let slices = 0;
  let maxSlice = 0;
  let began = 0;
  doc.on('beforeTransaction', () => (began = performance.now()));
  doc.on('afterTransaction', () => {
    const d = performance.now() - began;
    applyMs += d;
    maxSlice = Math.max(maxSlice, d);
    slices++;
  });
  let oneShotRows = 0;
  const oneShot = params.get('mode') === 'oneshot';
  const store = oneShot ? null : new LocalDocStore(db, kind, doc, { compactOnLoadDelayMs: 3_600_000 });
  if (store) await store.whenLoaded;
  else {
    // The load before slices: one read of every row, one transaction applying them.
    const rows = await db.table<UpdateRow, number>(DOC_UPDATES_TABLE).where('k').equals(kind).toArray();
    Y.transact(doc, () => rows.forEach((r) => Y.applyUpdateV2(doc, r.u)), 'load', false);
    oneShotRows = rows.length;
  }
  const end = performance.now();
  clearInterval(tick);
  maxGap = Math.max(maxGap, end - last);
  await new Promise((r) => setTimeout(r, 200));
  const during = longTasks.filter((t) => t.startTime + t.duration >= start && t.startTime <= end);
  const max = during.reduce((m, t) => Math.max(m, t.duration), 0);
  const tbt = during.reduce((n, t) => n + Math.max(0, t.duration - 50), 0);
  const entries = [...doc.share.keys()].reduce((n, k) => n + doc.getMap(k).size, 0);
  store?.destroy();
  db.close();
  return { load: end - start, applyMs, slices, maxSlice, maxLongTask: max, tbt, longTasks: during.length, ticks, maxGap, rows: store?.loadedRows ?? oneShotRows, entries };
}

(params.get('phase') === 'seed' ? seed() : open()).then(
  (result) => (window.__docload = { done: true, result }),
  (error: unknown) => (window.__docload = { done: true, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) }),
);
