import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommunity, createToken, revokeToken, startRelay, tempDataDir, type RelayProcess } from '../support/relayProcess';
import { isFatal } from '@lianxin/sync';
import { deviceRack, settled, waitForStatus, type Device } from './nodeSession';

let relay: RelayProcess;
const devices = deviceRack();
const newDevice = (): Device => devices.add();

beforeAll(async () => {
  relay = await startRelay();
  await createCommunity(relay.dataDir, 'maple', '枫林社区');
});
afterAll(async () => {
  await devices.destroyAll();
  await relay?.stop();
});

describe('tokens the relay no longer accepts', () => {
  it('a token revoked while connected: every document goes offline with reason revoked and stays there', async () => {
    const { token, tokenId } = await createToken(relay.dataDir, 'maple', 'committee', '钱委员');
    const d = newDevice();
    const s = d.open(relay.url, token);
    await settled(s);
    s.docs.work!.getMap('visits').set('v1', 'kept locally');
    await settled(s);
    await revokeToken(relay.dataDir, tokenId); // another process: the relay notices within its sweep
    const status = await waitForStatus(s, (x) => x.type === 'offline', 'the revocation to arrive');
    expect(status).toMatchObject({ type: 'offline', reason: 'revoked' });
    for (const doc of Object.values(status.docs)) expect(doc).toMatchObject({ type: 'offline', reason: 'revoked' });
    // the relay closed them with 4403 (the session may stop the last ones itself first)
    expect(Object.values(status.docs).some((doc) => doc.type === 'offline' && doc.closeCode === 4403)).toBe(true);
    // no reconnect attempt follows
    const before = relay.logRecords().filter((r) => r.msg === 'upgrade refused').length;
    await new Promise((r) => setTimeout(r, 1200));
    expect(relay.logRecords().filter((r) => r.msg === 'upgrade refused').length).toBe(before);
    expect(s.getStatus()).toMatchObject({ type: 'offline', reason: 'revoked' });
    await expect(s.whenSynced()).resolves.toMatchObject({ reason: 'revoked' });

    // The device reopens later: the upgrade is refused (403), the engine asks /api/me and stops.
    await s.destroy();
    const again = d.open(relay.url, token);
    await again.whenLoaded;
    expect(again.docs.work!.getMap('visits').get('v1')).toBe('kept locally');
    expect(await waitForStatus(again, (x) => x.type === 'offline' && x.reason !== 'unreachable', 'the refusal to be understood')).toMatchObject({ reason: 'revoked' });
  });

  it('a token this relay never issued is unauthorized', async () => {
    // Same community id, but created in another data folder: signed with another secret.
    const foreign = (await createCommunity(tempDataDir(), 'maple', '别处')).token;
    const s = newDevice().open(relay.url, foreign);
    expect(await waitForStatus(s, (x) => x.type === 'offline' && x.reason !== 'unreachable', 'the refusal')).toMatchObject({ reason: 'unauthorized' });
  });

  it('a token that expires goes offline with reason expired and stays there', async () => {
    // Usually it connects first and expires while connected; on a heavily loaded machine it may
    // expire before it synced. Either way the outcome is the same, so wait for whichever is first.
    const { token } = await createToken(relay.dataDir, 'maple', 'member', '短期', '6s');
    const s = newDevice().open(relay.url, token);
    await waitForStatus(s, (x) => x.type === 'synced' || isFatal(x), 'the session to connect (or expire)', 12_000);
    const expired = await waitForStatus(s, (x) => x.type === 'offline', 'the token to expire', 12_000);
    expect(expired).toMatchObject({ reason: 'expired' });
    for (const doc of Object.values(expired.docs)) expect(doc).toMatchObject({ type: 'offline', reason: 'expired' });
  });
});
