// Control for the benchmark: a bare node:http server answering every request with the same
// number of bytes as the page, so "200 uncompressed" can be compared with what the machine can
// move at all. Prints one JSON line { url }; stops when stdin closes.
//   node test/bench/public/referenceServer.ts --bytes N   (via tsx)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { bytes: { type: 'string' } } });
const size = Number(values.bytes);
if (!Number.isInteger(size) || size < 1) throw new Error('--bytes N is required');
const body = Buffer.alloc(size, 'a');
const server = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.byteLength });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
