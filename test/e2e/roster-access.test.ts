// A party member reads the roster but cannot change it: the app offers no edit, and a write
// forced through the page's own connection is refused by the relay, which keeps its copy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addHousehold, readRoster } from '@lianxin/model';
import { MessageType, SyncStep } from '@lianxin/protocol';
import { deviceDatabaseName } from '@lianxin/sync';
import { syncMessage } from '../support/syncClient';
import { startWorld, type World } from './support/harness';
import { readDoc } from './support/seed';

let world: World;

beforeAll(async () => {
  world = await startWorld('access-e2e');
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('roster access for a member', () => {
  it('offers no roster edit to a member, and the relay refuses a forced write', async () => {
    const member = await world.join('member', '王党员');
    const { page } = member;
    await page.getByRole('link', { name: '花名册' }).first().click();
    await page.getByTestId('household-table').waitFor();

    // Read-only: every household is listed, no way to add, import or save.
    await page.getByTestId('roster-readonly').waitFor();
    await expect.poll(() => page.getByTestId('household-open').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('add-household').count()).toBe(0);
    expect(await page.getByTestId('add-more').count()).toBe(0);
    expect(await page.getByTestId('import-open').count()).toBe(0);
    await page.getByTestId('household-open').first().click();
    await page.getByTestId('household-details').waitFor();
    expect(await page.getByTestId('household-form').count()).toBe(0);
    expect(await page.getByTestId('household-save').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: /党员/ }).click();
    await page.getByTestId('member-open').first().click();
    await page.getByTestId('member-form').waitFor();
    expect(await page.getByTestId('member-save').count()).toBe(0);
    expect(await page.getByTestId('member-name').isDisabled()).toBe(true);

    // What the relay holds before.
    const before = await readDoc(world.relay, 'access-e2e/roster', world.community.secretaryToken);
    const beforeState = Y.encodeStateAsUpdate(before);
    const beforeCount = readRoster(before).view.households.size;

    // A real change to the roster, made on a copy with the model, as a member's phone could.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, beforeState);
    const vector = Y.encodeStateVector(copy);
    const building = [...readRoster(copy).view.buildings.values()][0]!;
    const added = addHousehold(copy, { buildingId: building.id, room: '999', head: '强行写入' }, { actor: 'member' });
    expect(added.type).toBe('done');
    const message = syncMessage(SyncStep.update, Y.encodeStateAsUpdate(copy, vector));

    // Sent from the page over its own authenticated connection (the member's stored token).
    const replies = await page.evaluate(
      async ({ bytes, deviceDb, authType }) => {
        const token = await new Promise<string>((resolve, reject) => {
          const open = indexedDB.open(deviceDb);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('accounts').objectStore('accounts').getAll();
            get.onsuccess = () => resolve((get.result as { token: string }[])[0]!.token);
          };
        });
        const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/sync/access-e2e/roster?token=${encodeURIComponent(token)}`);
        ws.binaryType = 'arraybuffer';
        const types: number[] = [];
        await new Promise<void>((resolve) => (ws.onopen = () => resolve()));
        ws.onmessage = (e) => types.push(new Uint8Array(e.data as ArrayBuffer)[0]!);
        ws.send(new Uint8Array(bytes));
        const deadline = Date.now() + 5000;
        while (!types.includes(authType) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        ws.close();
        return types;
      },
      { bytes: [...message], deviceDb: deviceDatabaseName(), authType: MessageType.auth },
    );
    // The relay answered with a permission-denied message.
    expect(replies).toContain(MessageType.auth);

    // And stored nothing.
    const after = await readDoc(world.relay, 'access-e2e/roster', world.community.secretaryToken);
    expect(readRoster(after).view.households.size).toBe(beforeCount);
    expect([...readRoster(after).view.households.values()].some((h) => h.head === '强行写入')).toBe(false);
    expect(Y.encodeStateVector(after)).toEqual(Y.encodeStateVector(before));
  }, 120_000);
});
