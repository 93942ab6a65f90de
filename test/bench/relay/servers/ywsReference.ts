// The y-websocket 1.5 reference server: its own bin/utils.js `setupWSConnection` behind the
// same upgrade handler as its bin/server.js, with the `ws` that package resolves itself
// (its optional dependency), in memory: YPERSISTENCE and CALLBACK_URL are cleared first.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { packageVersion } from './packageVersion';
import { parseServerArgs, printListening } from './serverArgs';

delete process.env.YPERSISTENCE;
delete process.env.CALLBACK_URL;

interface ReferenceUtils {
  setupWSConnection: (conn: unknown, req: unknown) => void;
}
interface WsServer {
  handleUpgrade: (req: unknown, socket: unknown, head: unknown, cb: (ws: unknown) => void) => void;
  emit: (event: string, ...args: unknown[]) => boolean;
  on: (event: string, listener: (...args: never[]) => void) => void;
}
interface WsModule {
  Server: new (options: { noServer: true }) => WsServer;
}

const { port, host } = parseServerArgs(process.argv.slice(2));
const require = createRequire(import.meta.url);
const utilsPath = require.resolve('y-websocket-1/bin/utils');
const utils = require(utilsPath) as ReferenceUtils;
const requireFromPackage = createRequire(utilsPath);
const wsPath = requireFromPackage.resolve('ws');
const ws = requireFromPackage('ws') as WsModule;
const version = packageVersion(utilsPath);
const wsVersion = packageVersion(wsPath);

const wss = new ws.Server({ noServer: true });
wss.on('connection', utils.setupWSConnection);

const server = createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.end('okay');
});
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (conn) => {
    wss.emit('connection', conn, request);
  });
});
server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  printListening({ server: 'y-websocket', version, ws: wsVersion, port: actualPort });
});
process.on('SIGTERM', () => {
  server.close();
  process.exit(0);
});
