// Two committee members co-edit one meeting's minutes live; each sees the other's text and caret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, waitAllSaved, type World } from './support/harness';
import { readDoc } from './support/seed';

let world: World;

beforeAll(async () => {
  world = await startWorld('minutes-e2e');
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('live minutes', () => {
  it('two committee members see each other’s text and caret, and the relay keeps both', async () => {
    const a = await world.join('committee', '李委员');
    const b = await world.join('committee', '赵支委');

    // A creates the meeting; B opens it by its address.
    await a.page.getByRole('link', { name: /会议/ }).first().click();
    await a.page.getByTestId('meeting-new').click();
    await a.page.getByTestId('meeting-title').fill('三月支委会');
    await a.page.getByTestId('meeting-create-ok').click();
    await a.page.waitForURL(/\/meetings\/[A-Za-z0-9_-]+$/);
    const meetingPath = new URL(a.page.url()).pathname;
    const meetingId = meetingPath.split('/').at(-1)!;
    await b.page.goto(meetingPath);
    await b.page.getByTestId('meeting-title-heading').waitFor();

    const editorA = a.page.getByTestId('minutes-editor');
    const editorB = b.page.getByTestId('minutes-editor');
    await editorA.click();
    await a.page.keyboard.type('甲:讨论充电桩安装。');
    await editorB.waitFor();
    await expect.poll(() => editorB.textContent(), { timeout: 10_000 }).toContain('甲:讨论充电桩安装。');

    await editorB.click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.press('Enter');
    await b.page.keyboard.type('乙:同意,下周报价。');
    await expect.poll(() => editorA.textContent(), { timeout: 10_000 }).toContain('乙:同意,下周报价。');
    await expect.poll(() => editorB.textContent()).toContain('甲:讨论充电桩安装。');

    // Carets: each page shows the other's, labelled with the name from their token.
    await expect.poll(() => a.page.locator('.collaboration-carets__label').allTextContents(), { timeout: 10_000 }).toContain('赵支委');
    await expect.poll(() => b.page.locator('.collaboration-carets__label').allTextContents(), { timeout: 10_000 }).toContain('李委员');
    // and never their own
    expect(await a.page.locator('.collaboration-carets__label').allTextContents()).not.toContain('李委员');

    await waitAllSaved(a.page);
    await waitAllSaved(b.page);
    const stored = await readDoc(world.relay, `minutes-e2e/minutes/${meetingId}`, world.community.secretaryToken);
    const text = stored.getXmlFragment('default').toString();
    expect(text).toContain('甲:讨论充电桩安装。');
    expect(text).toContain('乙:同意,下周报价。');
    // No seeded content was duplicated by two editors opening the same empty document.
    expect(stored.getXmlFragment('default').length).toBe(2);
    stored.destroy();

    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  }, 120_000);
});
