import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode, SYNC_SUBPROTOCOL, tokenFromSubprotocols } from '@lianxin/protocol';
import { admitToRoom, type AuthDeps } from '../auth/authenticate';
import type { RelayConfig } from '../config';
import { redactUrl, type Logger } from '../logger';
import type { RelayMetrics } from '../metrics';
import type { RelaySocket } from '../rooms/Connection';
import type { RoomRegistry } from '../rooms/RoomRegistry';
import { clientAddress } from './clientAddress';
import { refuseUpgrade } from './httpRefusal';
import { RelayWebSocket } from './RelayWebSocket';
import type { SocketCounter } from './SocketCounter';
import { SocketQuota } from './SocketQuota';

export interface SyncDeps extends AuthDeps {
  readonly config: RelayConfig;
  readonly registry: RoomRegistry;
  readonly metrics: RelayMetrics;
  readonly log: Logger;
  /** TCP connections per address (absent behind a trusted proxy, where the socket is the proxy's) */
  readonly sockets?: SocketCounter;
}

const SYNC_PREFIX = '/sync/';
/** Seconds a client refused for a full quota is asked to wait. */
const QUOTA_RETRY_SECONDS = 30;

function relaySocket(raw: WebSocket): RelaySocket {
  return {
    send: (data) => {
      if (raw.readyState === raw.OPEN) raw.send(data);
    },
    close: (code, reason) => raw.close(code, reason),
    ping: () => {
      if (raw.readyState === raw.OPEN) raw.ping();
    },
    terminate: () => raw.terminate(),
  };
}

/**
 * `GET /sync/<community>/<doc>` upgrades, owned through ws's public API (`noServer` servers and
 * `handleUpgrade`): authenticated before the handshake (401/403/404 refuse it), counted against the
 * socket quota (429), then handed to the room registry. One ws server per frame cap, because
 * `maxPayload` — checked on each frame header, before the payload is buffered — is per server: 64
 * KiB for anonymous readers, the full cap with a token. A path that is no room is accepted and
 * closed with 4404 so a client learns why.
 */
export class SyncUpgrades {
  private readonly anonymous: WebSocketServer;
  private readonly authenticated: WebSocketServer;
  private readonly quota: SocketQuota;

  constructor(private readonly deps: SyncDeps) {
    const { limits, http } = deps.config;
    // Only `lianxin.v1` is ever chosen: the token a client offers as a subprotocol is not echoed.
    const handleProtocols = (offered: Set<string>) => (offered.has(SYNC_SUBPROTOCOL) ? SYNC_SUBPROTOCOL : false);
    const server = (maxPayload: number) => new WebSocketServer({ noServer: true, maxPayload, WebSocket: RelayWebSocket, perMessageDeflate: false, handleProtocols });
    this.anonymous = server(limits.maxFrameAnonymous);
    this.authenticated = server(limits.maxFrame);
    this.quota = new SocketQuota({ total: http.maxConnections, perAddress: http.maxConnectionsPerAddress, perToken: http.maxSocketsPerToken });
  }

  /** Open WebSockets. */
  get open(): number {
    return this.quota.open;
  }

  /** The server's 'upgrade' listener. */
  readonly handle = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // A peer that resets while its upgrade is being answered must not take the relay down: a
    // socket 'error' with no listener is thrown.
    socket.on('error', (error) => this.deps.log.debug({ err: error.message }, 'upgrade socket error'));
    this.upgrade(request, socket, head).catch((error: unknown) => {
      this.deps.log.error({ err: error, url: redactUrl(request.url ?? '') }, 'upgrade failed');
      refuseUpgrade(socket, 500);
    });
  };

  /** Closes every socket without a handshake (shutdown stragglers). */
  terminateAll(): void {
    for (const ws of this.anonymous.clients) ws.terminate();
    for (const ws of this.authenticated.clients) ws.terminate();
  }

  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const { deps } = this;
    const url = new URL(request.url ?? '/', 'http://relay');
    if (!url.pathname.startsWith(SYNC_PREFIX)) return refuseUpgrade(socket, 404);
    if (request.method !== 'GET' || request.headers.upgrade?.toLowerCase() !== 'websocket') return refuseUpgrade(socket, 426);
    const roomName = url.pathname.slice(SYNC_PREFIX.length);
    const address = clientAddress(request, deps.config.http.trustProxy);
    if (deps.sockets?.isOverLimit(request.socket as Socket)) return this.refuseForQuota(socket, roomName, address, 'too-many-connections-for-address');

    // The token in the handshake header (PROTOCOL.md); `?token=` stays for stock clients.
    const token = tokenFromSubprotocols(request.headers['sec-websocket-protocol']) ?? url.searchParams.get('token');
    const admission = await admitToRoom(roomName, token, deps);
    if (socket.destroyed) return;
    if (!admission.ok && !('closeCode' in admission)) {
      deps.metrics.connectionsRejected.inc({ reason: admission.reason });
      deps.log.info({ room: roomName, address, status: admission.status, reason: admission.reason }, 'upgrade refused');
      return refuseUpgrade(socket, admission.status);
    }
    const tokenId = admission.ok ? admission.identity.tokenId : null;
    const slot = this.quota.acquire(address, tokenId);
    if (!slot.ok) return this.refuseForQuota(socket, roomName, address, slot.reason);

    const wss = tokenId !== null ? this.authenticated : this.anonymous;
    wss.handleUpgrade(request, socket, head, (raw) => {
      raw.once('close', slot.release);
      if (!admission.ok) {
        slot.release();
        deps.metrics.connectionsRejected.inc({ reason: admission.reason });
        deps.log.warn({ room: roomName, closeCode: CloseCode.unknownRoom }, 'closing connection: unknown room');
        raw.close(CloseCode.unknownRoom, 'unknown room');
        return;
      }
      const maxFrame = tokenId !== null ? deps.config.limits.maxFrame : deps.config.limits.maxFrameAnonymous;
      const conn = deps.registry.open(relaySocket(raw), admission.identity, admission.room, admission.access, maxFrame);
      raw.on('message', (data: Buffer, isBinary: boolean) => {
        if (!isBinary) deps.registry.close(conn, CloseCode.malformed, 'text frames are not part of the protocol');
        else deps.registry.receive(conn, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      });
      raw.on('pong', () => conn.pong());
      // ws closes a socket whose frame passes its cap itself (RelayWebSocket makes that 4413);
      // record it like every other close.
      raw.on('error', (error: Error & { code?: string }) => {
        if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') deps.registry.close(conn, CloseCode.frameTooLarge, 'frame too large');
        else deps.log.debug({ conn: conn.id, err: error }, 'socket error');
      });
      raw.on('close', (code: number) => {
        if (!conn.closed) deps.log.info({ conn: conn.id, room: conn.roomName, closeCode: code }, 'connection closed by peer');
        deps.registry.closedByPeer(conn);
      });
      deps.log.info({ conn: conn.id, room: admission.room.name, role: admission.identity.role, access: admission.access, tokenId }, 'connection opened');
    });
  }

  private refuseForQuota(socket: Duplex, room: string, address: string, reason: string): void {
    this.deps.metrics.connectionsRejected.inc({ reason });
    this.deps.metrics.httpRefused.inc({ reason });
    this.deps.log.warn({ room, address, reason }, 'upgrade refused: connection limit');
    refuseUpgrade(socket, 429, { 'Retry-After': String(QUOTA_RETRY_SECONDS) });
  }
}
