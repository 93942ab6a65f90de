import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Counts open TCP connections per peer address. A socket opened while its address is at the limit
 * is marked; its requests and upgrades are answered 429 (a status and a log line, not a silent
 * drop), and Node's header and request timeouts end it if it sends nothing.
 */
export class SocketCounter {
  private readonly open = new Map<string, number>();
  private readonly over = new WeakSet<Socket>();

  constructor(private readonly perAddress: number) {}

  /** Listens to the server's new connections. */
  attach(server: Server): void {
    server.on('connection', (socket: Socket) => this.track(socket));
  }

  track(socket: Socket): void {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (this.open.get(address) ?? 0) + 1;
    this.open.set(address, count);
    if (count > this.perAddress) this.over.add(socket);
    socket.once('close', () => {
      const left = (this.open.get(address) ?? 1) - 1;
      if (left <= 0) this.open.delete(address);
      else this.open.set(address, left);
    });
  }

  /** True when the socket was opened past its address's limit. */
  isOverLimit(socket: Socket): boolean {
    return this.over.has(socket);
  }

  /** Open connections from this address. */
  count(address: string): number {
    return this.open.get(address) ?? 0;
  }
}
