// The load process of one step: R rooms × (1 writer + 2 observers), each a real WebSocket
// client, the writer appending a timestamped record at `hz`. Runs pinned to its own core and
// reports on stdout, one JSON line per event (see load/loadResult.ts).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { BenchPeer, BenchWriter, OnInsert, OnStored } from './load/benchPeer';
import { hocuspocusObserver, hocuspocusWriter } from './load/hocuspocusPeers';
import { LoadConfigSchema } from './load/loadConfig';
import type { LoadConfig } from './load/loadConfig';
import type { LoadEvent } from './load/loadResult';
import { rawHocuspocusObserver, rawHocuspocusWriter, rawYWebsocketObserver, rawYWebsocketWriter } from './load/rawClients';
import { SampleBuffer } from './load/summarize';
import { runQueueWaitNs } from './harness/procStats';
import { encodeWriteRecord, parseWriteRecords } from './load/writeRecord';
import { yWebsocketObserver, yWebsocketWriter } from './load/yWebsocketPeers';

function emit(event: LoadEvent): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

/** Longest stretch the write loop runs before it lets incoming messages be handled. */
const SLICE_MS = 4;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Room {
  readonly writer: BenchWriter;
  readonly observers: readonly [BenchPeer, BenchPeer];
  nextSeq: number;
  sentInWindow: number;
  /** Per observer: which sequence numbers arrived (dedupes a write seen twice). */
  readonly seen: readonly [Uint8Array, Uint8Array];
}

function makeWriter(config: LoadConfig, room: string, onStored: OnStored | undefined): BenchWriter {
  const raw = config.writers === 'raw';
  if (config.family === 'hocuspocus') return raw ? rawHocuspocusWriter({ url: config.url, room }) : hocuspocusWriter({ url: config.url, room });
  const options = { url: config.url, room, token: config.tokens?.[0] ?? null };
  return raw ? rawYWebsocketWriter(options, onStored ?? null) : yWebsocketWriter({ ...options, ...(onStored ? { onStored } : {}) });
}

function makeObserver(config: LoadConfig, room: string, index: 1 | 2, onInsert: OnInsert): BenchPeer {
  const token = config.tokens?.[index] ?? null;
  if (config.family === 'hocuspocus') {
    return config.observers === 'raw'
      ? rawHocuspocusObserver({ url: config.url, room }, onInsert)
      : hocuspocusObserver({ url: config.url, room }, onInsert);
  }
  return config.observers === 'raw'
    ? rawYWebsocketObserver({ url: config.url, room, token }, onInsert)
    : yWebsocketObserver({ url: config.url, room, token }, onInsert);
}

async function withTimeout(promise: Promise<void>, ms: number, what: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not sync within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function run(config: LoadConfig): Promise<void> {
  const periodMs = 1000 / config.hz;
  const seqCapacity = Math.ceil(((config.warmupMs + config.windowMs + config.cooldownMs) / 1000) * config.hz) + 64;
  // The window is fixed in advance relative to the first write slot, so every write is
  // classified by the time it carries, identically by the writer and the observers.
  let windowStart = Number.POSITIVE_INFINITY;
  let windowEnd = Number.POSITIVE_INFINITY;
  const latency = new SampleBuffer();
  const storedAck = new SampleBuffer();
  const schedulerLag = new SampleBuffer();
  let received = 0;
  let duplicates = 0;

  const rooms: Room[] = [];
  const connectStart = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < config.rooms; i++) {
    const name = `${config.roomPrefix}${i}`;
    const seen = [new Uint8Array(seqCapacity), new Uint8Array(seqCapacity)] as const;
    const observe = (index: 0 | 1): OnInsert => (text) => {
      const now = performance.now();
      parseWriteRecords(text, (seq, sentAt) => {
        if (sentAt < windowStart || sentAt >= windowEnd) return;
        const marks = seen[index];
        if (seq >= marks.length || marks[seq] === 1) {
          duplicates++;
          return;
        }
        marks[seq] = 1;
        received++;
        latency.push(now - sentAt);
      });
    };
    const onStored = config.storedAcks
      ? (_count: number, sentAt: number | undefined): void => {
          if (sentAt !== undefined && sentAt >= windowStart && sentAt < windowEnd) storedAck.push(performance.now() - sentAt);
        }
      : undefined;
    const room: Room = {
      writer: makeWriter(config, name, onStored),
      observers: [makeObserver(config, name, 1, observe(0)), makeObserver(config, name, 2, observe(1))],
      nextSeq: 0,
      sentInWindow: 0,
      seen,
    };
    rooms.push(room);
    for (const peer of [room.writer, ...room.observers]) pending.push(withTimeout(peer.synced, config.connectTimeoutMs, `a client of ${name}`));
    // Open connections in waves so the server is not hit by thousands of handshakes at once.
    if (pending.length >= config.connectConcurrency) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  const connectMs = Math.round(performance.now() - connectStart);
  emit({ event: 'connected', ms: connectMs });
  await sleep(200);

  const writeStart = performance.now() + 10;
  windowStart = writeStart + config.warmupMs;
  windowEnd = windowStart + config.windowMs;
  const stopAt = windowEnd + config.cooldownMs;
  const roomCount = rooms.length;
  // Write g goes to room g % R; rooms are staggered evenly across each period, so the
  // schedule is a steady stream of R × hz writes per second, not bursts every period.
  const due = (g: number): number => writeStart + Math.floor(g / roomCount) * periodMs + ((g % roomCount) * periodMs) / roomCount;
  let g = 0;
  let windowWrites = 0;
  const loop = monitorEventLoopDelay({ resolution: 5 });
  let cpuAtStart = process.cpuUsage();
  let waitAtStart = runQueueWaitNs('self');
  let loadCpuPercent = Number.NaN;
  let loadWaitPercent = Number.NaN;
  let windowState: 'before' | 'open' | 'closed' = 'before';
  // Window events come from the write loop itself, so they are emitted in order with the
  // writes even when the process is too busy for its timers to fire on time.
  const openWindow = (): void => {
    windowState = 'open';
    emit({ event: 'window-start' });
    cpuAtStart = process.cpuUsage();
    waitAtStart = runQueueWaitNs('self');
    loop.enable();
  };
  const closeWindow = (): void => {
    if (windowState === 'before') openWindow();
    windowState = 'closed';
    const used = process.cpuUsage(cpuAtStart);
    loadCpuPercent = ((used.user + used.system) / 1000 / config.windowMs) * 100;
    loadWaitPercent = ((runQueueWaitNs('self') - waitAtStart) / 1e6 / config.windowMs) * 100;
    loop.disable();
    emit({ event: 'window-end' });
  };
  const done = new Promise<void>((resolve) => {
    const tick = (): void => {
      const sliceEnd = performance.now() + SLICE_MS;
      let now = performance.now();
      while (due(g) <= now && now < stopAt && now < sliceEnd) {
        const room = rooms[g % roomCount];
        if (room === undefined) throw new Error('room index out of range');
        const sentAt = performance.now();
        if (windowState === 'before' && sentAt >= windowStart) openWindow();
        if (windowState === 'open' && sentAt >= windowEnd) closeWindow();
        room.writer.write(encodeWriteRecord(room.nextSeq, sentAt));
        room.nextSeq++;
        if (sentAt >= windowStart && sentAt < windowEnd) {
          room.sentInWindow++;
          windowWrites++;
          schedulerLag.push(sentAt - due(g));
        }
        g++;
        now = performance.now();
      }
      if (windowState === 'open' && now >= windowEnd) closeWindow();
      if (now >= stopAt) {
        resolve();
        return;
      }
      // Behind schedule: yield to I/O (observers, acks) before catching up, never spin.
      if (due(g) <= now) setImmediate(tick);
      else setTimeout(tick, due(g) - now);
    };
    setTimeout(tick, Math.max(0, writeStart - performance.now()));
  });

  await done;
  const expected = rooms.reduce((sum, room) => sum + 2 * room.sentInWindow, 0);
  const drainUntil = performance.now() + config.drainMs;
  while (received < expected && performance.now() < drainUntil) await sleep(20);

  const drops = rooms.reduce((sum, room) => sum + room.writer.drops() + room.observers[0].drops() + room.observers[1].drops(), 0);
  emit({
    event: 'result',
    rooms: roomCount,
    writers: config.writers,
    observers: config.observers,
    connectMs,
    targetRate: roomCount * config.hz,
    achievedRate: windowWrites / (config.windowMs / 1000),
    latency: latency.summary(),
    expected,
    received,
    lost: expected - received,
    duplicates,
    schedulerLag: schedulerLag.summary(),
    eventLoopDelayP99: loop.percentile(99) / 1e6,
    eventLoopDelayMax: loop.max / 1e6,
    loadCpuPercent,
    loadWaitPercent,
    drops,
    storedAck: config.storedAcks ? storedAck.summary() : null,
  });
  for (const room of rooms) {
    room.writer.close();
    for (const observer of room.observers) observer.close();
  }
}

// Each y-websocket provider registers a process 'exit' listener.
process.setMaxListeners(0);
const raw = process.argv[2];
if (raw === undefined) {
  console.error('usage: load.ts <config JSON> (see load/loadConfig.ts)');
  process.exit(2);
}
run(LoadConfigSchema.parse(JSON.parse(raw)))
  .then(() => setTimeout(() => process.exit(0), 100))
  .catch((error: unknown) => {
    emit({ event: 'error', message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  });
