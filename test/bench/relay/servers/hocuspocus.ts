// Hocuspocus as its README starts it: `new Server({...}).listen()`, in memory, no extensions.
import { createRequire } from 'node:module';
import { Server } from '@hocuspocus/server';
import { packageVersion } from './packageVersion';
import { parseServerArgs, printListening } from './serverArgs';

const { port, host } = parseServerArgs(process.argv.slice(2));
const require = createRequire(import.meta.url);
const version = packageVersion(require.resolve('@hocuspocus/server'));

const server = new Server({ port, address: host, quiet: true, stopOnSignals: true });
await server.listen();
printListening({ server: 'hocuspocus', version, node: process.version, port: server.address.port });
