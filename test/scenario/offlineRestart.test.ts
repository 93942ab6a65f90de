import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommunity, createToken, startRelay, type RelayProcess } from '../support/relayProcess';
import { canonical, deviceRack, settled, waitForStatus, waitUntil } from './nodeSession';

let relay: RelayProcess;
let secretary: string;
let member: string;
const devices = deviceRack();

beforeAll(async () => {
  relay = await startRelay();
  secretary = (await createCommunity(relay.dataDir, 'willow', '柳树村', 'village')).token;
  member = (await createToken(relay.dataDir, 'willow', 'member', '赵党员')).token;
});
afterAll(async () => {
  await devices.destroyAll();
  await relay?.stop();
});

describe('editing while the relay is down', () => {
  it('keeps edits on the device across a restart of the app, and both devices converge when the relay is back', async () => {
    const phone = devices.add();
    const laptop = devices.add();
    let p = phone.open(relay.url, member);
    const l = laptop.open(relay.url, secretary);
    await Promise.all([settled(p), settled(l)]);
    p.docs.work!.getMap('visits').set('v0', { household: 'h1', note: '上线前' });
    await settled(p);
    await waitUntil(() => l.docs.work!.getMap('visits').has('v0'), 'the first visit to reach the laptop');

    await relay.stop();
    await waitForStatus(p, (s) => s.type === 'offline', 'the phone to notice the relay is gone');
    const down = await waitForStatus(l, (s) => s.type === 'offline', 'the laptop to notice');
    expect(down).toMatchObject({ type: 'offline' });
    expect(['unreachable', 'closed']).toContain(down.type === 'offline' ? down.reason : '');

    // Both edit offline; the phone's app is then closed and started again from its local store.
    const visits = p.docs.work!.getMap('visits');
    visits.set('v1', { household: 'h2', note: '楼道积水' });
    visits.set('v2', { household: 'h3', note: '独居老人' });
    visits.delete('v0');
    p.docs.work!.getText('log').insert(0, '离线记录');
    l.docs.work!.getMap('visits').set('v3', { household: 'h4', note: '书记走访' });
    l.docs.roster!.getMap('households').set('h4', '6-2-302');
    expect(p.getStatus()).toMatchObject({ type: 'offline', pending: 4 });
    expect(l.getStatus()).toMatchObject({ type: 'offline', pending: 2 });
    await p.destroy();

    p = phone.open(relay.url, member);
    await p.whenLoaded;
    expect(p.docs.work!.getMap('visits').toJSON()).toEqual({ v1: { household: 'h2', note: '楼道积水' }, v2: { household: 'h3', note: '独居老人' } });
    expect(p.docs.work!.getText('log').toString()).toBe('离线记录');
    // the changes made before the restart are still counted as not stored
    expect(p.getStatus().pending).toBe(4);
    expect(await waitForStatus(p, (s) => s.type === 'offline', 'the restarted phone to find the relay down')).toMatchObject({ reason: 'unreachable', pending: 4 });

    relay = await relay.restart();
    await Promise.all([settled(p, 'the restarted phone to sync'), settled(l, 'the laptop to sync again')]);
    const expected = { v1: { household: 'h2', note: '楼道积水' }, v2: { household: 'h3', note: '独居老人' }, v3: { household: 'h4', note: '书记走访' } };
    const state = (s: typeof p) => canonical({ visits: s.docs.work!.getMap('visits').toJSON(), log: s.docs.work!.getText('log').toString() });
    await waitUntil(() => state(p) === state(l), 'both devices to converge');
    expect(p.docs.work!.getMap('visits').toJSON()).toEqual(expected);
    expect(l.docs.work!.getText('log').toString()).toBe('离线记录');
    await waitUntil(() => p.docs.roster!.getMap('households').get('h4') === '6-2-302', 'the roster edit to reach the phone');

    // nothing lost on the relay either: a third device with an empty store gets everything
    const third = devices.add();
    const t = third.open(relay.url, secretary);
    await settled(t);
    expect(t.docs.work!.getMap('visits').toJSON()).toEqual(expected);
    expect(t.docs.work!.getText('log').toString()).toBe('离线记录');
  });
});
