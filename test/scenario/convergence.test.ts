import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommunity, createToken, startRelay, type RelayProcess } from '../support/relayProcess';
import { canonical, deviceRack, settled, sleep, waitForStatus, waitUntil, type Device } from './nodeSession';

let relay: RelayProcess;
let secretary: string;
let committee: string;
const devices = deviceRack();
const newDevice = (): Device => devices.add();

beforeAll(async () => {
  relay = await startRelay();
  secretary = (await createCommunity(relay.dataDir, 'maple', '枫林社区')).token;
  committee = (await createToken(relay.dataDir, 'maple', 'committee', '张委员')).token;
});
afterAll(async () => {
  await devices.destroyAll();
  await relay?.stop();
});

describe('two devices through a real relay', () => {
  it('converge on one document, including concurrent edits', async () => {
    const a = newDevice().open(relay.url, secretary);
    const b = newDevice().open(relay.url, committee);
    await Promise.all([settled(a), settled(b)]);
    expect(a.getStatus()).toMatchObject({ type: 'synced', pending: 0, refused: 0 });

    const ra = a.docs.roster!;
    const rb = b.docs.roster!;
    ra.getMap('households').set('h1', { address: '3-2-501', head: '王芳' });
    rb.getMap('households').set('h2', { address: '3-2-502', head: '李强' });
    // concurrent inserts at the same position in the same text
    a.docs.meetings!.getText('agenda').insert(0, '议题一;');
    b.docs.meetings!.getText('agenda').insert(0, '议题二;');
    await waitUntil(
      () => canonical(ra.toJSON()) === canonical(rb.toJSON()) && a.docs.meetings!.getText('agenda').toString() === b.docs.meetings!.getText('agenda').toString(),
      'both devices to converge',
    );
    expect(Object.keys(ra.getMap('households').toJSON()).sort()).toEqual(['h1', 'h2']);
    expect(a.docs.meetings!.getText('agenda').toString()).toHaveLength('议题一;议题二;'.length);
    await Promise.all([settled(a), settled(b)]);

    // minutes opened on demand converge too
    const ma = a.openMinutes('m-1');
    const mb = b.openMinutes('m-1');
    ma.doc.getXmlFragment('body').insert(0, [new (await import('yjs')).XmlText('出席 7 人')]);
    await waitUntil(() => mb.doc.getXmlFragment('body').toString().includes('出席 7 人'), 'minutes to reach b');
    await settled(a);
    ma.release();
    mb.release();
  });

  it('counts a change as pending until the relay confirms it stored it', async () => {
    const a = newDevice().open(relay.url, secretary);
    await settled(a);
    // Freeze the relay: the socket stays open, nothing is acknowledged.
    process.kill(relay.pid, 'SIGSTOP');
    try {
      const work = a.docs.work!.getMap('concerns');
      work.set('c1', '楼道灯坏了');
      work.set('c2', '垃圾清运');
      a.docs.roster!.getMap('households').set('h9', '5-1-101');
      expect(a.getStatus()).toMatchObject({ type: 'synced', pending: 3 });
      expect(a.getStatus().docs.work?.pending).toBe(2);
      await sleep(400);
      expect(a.getStatus().pending).toBe(3);
    } finally {
      process.kill(relay.pid, 'SIGCONT');
    }
    await waitForStatus(a, (s) => s.pending === 0, 'the relay to acknowledge');
    // and the relay really has them: a brand-new device loads them from the relay only
    const fresh = newDevice().open(relay.url, committee);
    await settled(fresh);
    expect(fresh.docs.work!.getMap('concerns').toJSON()).toMatchObject({ c1: '楼道灯坏了', c2: '垃圾清运' });
    expect(fresh.docs.roster!.getMap('households').get('h9')).toBe('5-1-101');
  });
});
