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
});
