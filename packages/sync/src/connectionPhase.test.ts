import { describe, expect, it } from 'vitest';
import { CloseCode } from '@lianxin/protocol';
import { INITIAL_PHASE, nextPhase, type ConnectionEvent, type ConnectionPhase } from './connectionPhase';

function run(events: ConnectionEvent[], from: ConnectionPhase = INITIAL_PHASE): ConnectionPhase {
  return events.reduce(nextPhase, from);
}

describe('nextPhase', () => {
  it('connecting → open → synced', () => {
    expect(run([{ type: 'socketConnecting' }])).toEqual({ type: 'connecting' });
    expect(run([{ type: 'socketConnecting' }, { type: 'socketOpen' }])).toEqual({ type: 'connecting' });
    expect(run([{ type: 'socketConnecting' }, { type: 'socketOpen' }, { type: 'handshakeDone' }])).toEqual({ type: 'synced' });
  });

  it('a socket that never opened means unreachable, and retries stay offline until one opens', () => {
    const failed = run([{ type: 'socketConnecting' }, { type: 'socketClosed', code: 1006, opened: false }]);
    expect(failed).toEqual({ type: 'offline', reason: 'unreachable' });
    expect(nextPhase(failed, { type: 'socketConnecting' })).toBe(failed);
    expect(run([{ type: 'socketConnecting' }, { type: 'socketOpen' }], failed)).toEqual({ type: 'connecting' });
  });

  it('a relay that vanishes (1006) is unreachable; a deliberate close keeps its code', () => {
    const synced: ConnectionPhase = { type: 'synced' };
    expect(nextPhase(synced, { type: 'socketClosed', code: 1006, opened: true })).toEqual({ type: 'offline', reason: 'unreachable' });
    expect(nextPhase(synced, { type: 'socketClosed', code: CloseCode.goingAway, opened: true })).toEqual({ type: 'offline', reason: 'closed', closeCode: 1001 });
    expect(nextPhase(synced, { type: 'socketClosed', code: CloseCode.rateLimited, opened: true })).toEqual({ type: 'offline', reason: 'closed', closeCode: 4429 });
    expect(nextPhase(synced, { type: 'socketClosed', code: null, opened: true })).toEqual({ type: 'offline', reason: 'unreachable' });
  });

  it('a relay whose disk is full (4500) is not fatal: the session reconnects, its unconfirmed changes stay pending', () => {
    const closed = nextPhase({ type: 'synced' }, { type: 'socketClosed', code: CloseCode.storeFailed, opened: true });
    expect(closed).toEqual({ type: 'offline', reason: 'closed', closeCode: 4500 });
    // It retries (offline while it does) and is live again once a socket opens.
    expect(nextPhase(closed, { type: 'socketConnecting' })).toBe(closed);
    expect(nextPhase(closed, { type: 'socketOpen' })).toEqual({ type: 'connecting' });
  });

  it.each([
    [CloseCode.revoked, 'revoked'],
    [CloseCode.expired, 'expired'],
    [CloseCode.unknownRoom, 'unknownRoom'],
  ] as const)('close code %i is fatal (%s) and nothing but a stop replaces it', (code, reason) => {
    const fatal = nextPhase({ type: 'synced' }, { type: 'socketClosed', code, opened: true });
    expect(fatal).toEqual({ type: 'offline', reason, closeCode: code });
    expect(run([{ type: 'socketConnecting' }, { type: 'socketOpen' }, { type: 'handshakeDone' }, { type: 'socketClosed', code: null, opened: false }], fatal)).toBe(fatal);
    // a destroyed session still says why it stopped
    expect(nextPhase(fatal, { type: 'stopped' })).toBe(fatal);
  });

  it('a probe can make it fatal; stopped is final', () => {
    expect(nextPhase({ type: 'offline', reason: 'unreachable' }, { type: 'fatal', reason: 'unauthorized' })).toEqual({ type: 'offline', reason: 'unauthorized' });
    const stopped = nextPhase({ type: 'synced' }, { type: 'stopped' });
    expect(stopped).toEqual({ type: 'offline', reason: 'stopped' });
    expect(run([{ type: 'socketConnecting' }, { type: 'handshakeDone' }, { type: 'fatal', reason: 'revoked' }], stopped)).toBe(stopped);
  });

  it('a lost network reads as offline/network, also through the close it causes, until a socket opens', () => {
    const lost = nextPhase({ type: 'synced' }, { type: 'networkLost' });
    expect(lost).toEqual({ type: 'offline', reason: 'network' });
    expect(nextPhase(lost, { type: 'socketClosed', code: null, opened: true })).toBe(lost);
    expect(nextPhase(lost, { type: 'socketConnecting' })).toBe(lost);
    expect(run([{ type: 'socketConnecting' }, { type: 'socketOpen' }], lost)).toEqual({ type: 'connecting' });
    // A refusal after the network came back is still a refusal.
    expect(nextPhase(lost, { type: 'socketClosed', code: 1006, opened: false })).toEqual({ type: 'offline', reason: 'unreachable' });
    // Fatal and stopped are not replaced by it.
    const revoked: ConnectionPhase = { type: 'offline', reason: 'revoked', closeCode: 4403 };
    expect(nextPhase(revoked, { type: 'networkLost' })).toBe(revoked);
    const stopped: ConnectionPhase = { type: 'offline', reason: 'stopped' };
    expect(nextPhase(stopped, { type: 'networkLost' })).toBe(stopped);
  });
});
