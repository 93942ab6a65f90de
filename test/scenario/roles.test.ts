import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCommunity, createToken, startRelay, type RelayProcess } from '../support/relayProcess';
import { deviceRack, settled, waitForStatus, waitUntil } from './nodeSession';

let relay: RelayProcess;
let secretary: string;
let member: string;
const devices = deviceRack();
function open(token: string) {
  return devices.add().open(relay.url, token);
}

beforeAll(async () => {
  relay = await startRelay();
  secretary = (await createCommunity(relay.dataDir, 'maple', '枫林社区')).token;
  member = (await createToken(relay.dataDir, 'maple', 'member', '赵党员')).token;
});
afterAll(async () => {
  await devices.destroyAll();
  await relay?.stop();
});

describe('a member session', () => {
  it('opens only the documents a member may read', async () => {
    const m = open(member);
    await settled(m);
    expect(m.claims.role).toBe('member');
    expect(m.docs.care).toBeNull();
    expect(Object.keys(m.getStatus().docs)).toEqual(['roster', 'work', 'meetings', 'public']);
    // the relay agrees: every connection it opened for this token is a document a member may read
    const opened = () => relay.logRecords().filter((r) => r.msg === 'connection opened' && r.role === 'member').map((r) => String(r.room));
    await waitUntil(() => opened().length >= 4, 'the relay to log the member’s connections');
    expect(opened().sort()).toEqual(['maple/meetings', 'maple/public', 'maple/roster', 'maple/work']);
    expect(relay.logRecords().filter((r) => r.msg === 'upgrade refused')).toEqual([]);
  });

  it('has its roster edits refused (the relay copy is unchanged) while its work edits are stored', async () => {
    const sec = open(secretary);
    await settled(sec);
    sec.docs.roster!.getMap('households').set('h1', { head: '王芳' });
    await settled(sec);

    // Nothing the engine or the provider prints may contain the token (it rides in the URL).
    const printed: unknown[][] = [];
    const spies = (['log', 'warn', 'error', 'debug', 'info'] as const).map((level) => vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void printed.push(args)));
    const m = open(member);
    await settled(m);
    await waitUntil(() => m.docs.roster!.getMap('households').has('h1'), 'the member to read the roster');
    m.docs.roster!.getMap('households').set('h1', { head: '被改了' });
    m.docs.roster!.getMap('households').set('h666', { head: '伪造' });
    m.docs.work!.getMap('visits').set('v1', { household: 'h1' });
    expect(m.getStatus()).toMatchObject({ pending: 1, refused: 2 });
    await waitForStatus(m, (s) => s.type === 'synced' && s.pending === 0, 'the work edit to be stored');
    const roster = m.handle('roster')!;
    await waitUntil(() => roster.deniedReason !== null, 'the relay to answer with permission denied');
    expect(roster.deniedReason).toMatch(/read-only/);
    expect(roster.status).toMatchObject({ type: 'synced', pending: 0, refused: 2 });
    for (const spy of spies) spy.mockRestore();
    expect(JSON.stringify(printed)).not.toContain(member);
    expect(JSON.stringify(printed)).not.toContain(member.split('.')[1]);

    // What the relay holds, seen by a device that never saw the member's copy:
    const fresh = open(secretary);
    await settled(fresh);
    await waitUntil(() => fresh.docs.work!.getMap('visits').has('v1'), 'the member’s visit to reach a fresh device');
    expect(fresh.docs.roster!.getMap('households').toJSON()).toEqual({ h1: { head: '王芳' } });
    // …and a live secretary session never receives the refused edits either
    expect(sec.docs.roster!.getMap('households').toJSON()).toEqual({ h1: { head: '王芳' } });
  });
});
