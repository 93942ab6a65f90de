import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { UpgradeWebSocket, WSEvents } from 'hono/ws';
import type { WebSocket } from 'ws';
import { CloseCode } from '@lianxin/protocol';
import { admitToRoom, type AuthDeps } from '../auth/authenticate';
import type { RelayConfig } from '../config';
import type { Logger } from '../logger';
import type { RelayMetrics } from '../metrics';
import type { Connection, RelaySocket } from '../rooms/Connection';
import type { RoomRegistry } from '../rooms/RoomRegistry';
import { ApiError } from './ApiError';
import { frameCaps } from './RelayWebSocket';

export interface SyncDeps extends AuthDeps {
  readonly config: RelayConfig;
  readonly registry: RoomRegistry;
  readonly metrics: RelayMetrics;
  readonly log: Logger;
  readonly upgradeWebSocket: UpgradeWebSocket<WebSocket>;
}

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
 * `GET /sync/<community>/<doc>`: authenticates at the upgrade (401/403/404 refuse it), then hands
 * the socket to the room registry. A path that is no room is accepted and closed with 4404.
 */
export function syncHandler(deps: SyncDeps) {
  return async (c: Context): Promise<Response> => {
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') throw new ApiError(426, 'upgrade-required', 'connect with a WebSocket');
    const roomName = c.req.path.slice('/sync/'.length);
    const token = c.req.query('token') ?? null;
    const admission = await admitToRoom(roomName, token, deps);
    if (!admission.ok && !('closeCode' in admission)) {
      deps.metrics.connectionsRejected.inc({ reason: admission.reason });
      deps.log.info({ room: roomName, status: admission.status, reason: admission.reason }, 'upgrade refused');
      return c.body(null, admission.status);
    }
    const maxFrame = admission.ok && admission.identity.tokenId !== null ? deps.config.limits.maxFrame : deps.config.limits.maxFrameAnonymous;
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (incoming) frameCaps.set(incoming.socket, maxFrame);

    let conn: Connection | null = null;
    let direct = false;
    const events: WSEvents<WebSocket> = {
      onOpen: (_event, ws) => {
        const raw = ws.raw;
        if (!raw) return;
        if (!admission.ok) {
          deps.metrics.connectionsRejected.inc({ reason: admission.reason });
          deps.log.warn({ room: roomName, closeCode: CloseCode.unknownRoom }, 'closing connection: unknown room');
          raw.close(CloseCode.unknownRoom, 'unknown room');
          return;
        }
        const opened = deps.registry.open(relaySocket(raw), admission.identity, admission.room, admission.access, maxFrame);
        conn = opened;
        raw.on('pong', () => opened.pong());
        // ws itself closes a socket whose frame passes its cap (RelayWebSocket turns that into
        // 4413); record it like every other close.
        raw.on('error', (error: Error & { code?: string }) => {
          if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') deps.registry.close(opened, CloseCode.frameTooLarge, 'frame too large');
          else deps.log.debug({ conn: opened.id, err: error }, 'socket error');
        });
        // Right after onOpen, @hono/node-ws replays what arrived early (through onMessage) and
        // attaches its listener, which wraps every message in a MessageEvent over a copy. On the
        // hot path we read the socket directly instead — only if the adapter looks as expected.
        queueMicrotask(() => {
          if (raw.listenerCount('message') !== 1) return;
          raw.removeAllListeners('message');
          direct = true;
          raw.on('message', (data: Buffer, isBinary: boolean) => {
            if (!isBinary) deps.registry.close(opened, CloseCode.malformed, 'text frames are not part of the protocol');
            else deps.registry.receive(opened, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
          });
        });
        deps.log.info({ conn: opened.id, room: admission.room.name, role: admission.identity.role, access: admission.access, tokenId: admission.identity.tokenId }, 'connection opened');
      },
      onMessage: (event) => {
        if (!conn || direct) return;
        const data: unknown = event.data;
        if (data instanceof ArrayBuffer) deps.registry.receive(conn, new Uint8Array(data));
        else deps.registry.close(conn, CloseCode.malformed, 'text frames are not part of the protocol');
      },
      onClose: (event) => {
        if (!conn) return;
        if (!conn.closed) deps.log.info({ conn: conn.id, room: conn.roomName, closeCode: event.code }, 'connection closed by peer');
        deps.registry.closedByPeer(conn);
      },
    };
    // @hono/node-ws reports errors of its own (e.g. it builds an ErrorEvent, which Node 20 lacks).
    return deps.upgradeWebSocket(c, events, { onError: (error: unknown) => deps.log.debug({ err: error }, 'websocket adapter error') });
  };
}
