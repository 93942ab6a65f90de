// The relay (startServer: SQLite store, rooms, WebSockets, the same code path as `relay serve`)
// with the public routes mounted, for the benchmark. Prints one JSON line { url } when listening;
// stops when stdin closes.
//   node --import tsx test/bench/public/server.ts --data DIR [--uncached]
import { parseArgs } from 'node:util';
import { loadConfig } from '../../../relay/src/config';
import { createLogger } from '../../../relay/src/logger';
import { mountPublicRoutes } from '../../../relay/src/public/mountPublicRoutes';
import { startServer } from '../../../relay/src/server';

const { values } = parseArgs({ options: { data: { type: 'string' }, uncached: { type: 'boolean', default: false } } });
if (!values.data) throw new Error('--data DIR is required');
const config = loadConfig({ port: 0, host: '127.0.0.1', data: values.data, staticDir: null }, { LIANXIN_IDLE_MS: '600000' });
const relay = await startServer({
  config,
  env: {},
  log: createLogger('warn'),
  // "uncached": the render cache is off, so every 200 renders the whole page with hono/jsx.
  routes: [mountPublicRoutes(values.uncached ? { renderCache: false } : {})],
});
process.stdout.write(`${JSON.stringify({ url: relay.url, pid: process.pid })}\n`);
const stop = (): void => {
  relay.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
