// Issue 20, item 1: with the committee's page closed, members report concerns; each time the
// committee opens the board again it must show what the relay holds, and the header must not say
// "all saved" while a concern the relay holds is missing. Many reopenings, in Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRoster, reportConcern } from '@lianxin/model';
import { startWorld, type World } from './support/harness';
import { readDoc, tokenFor, writeDoc } from './support/seed';

let world: World;

beforeAll(async () => {
  world = await startWorld('catchup-e2e');
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('the concern board after remote changes', () => {
  it('shows every concern the relay holds each time it is reopened, and says "saved" only with them on screen', async () => {
    const committee = await world.join('committee', '李委员');
    const member = await tokenFor(world.relay, 'catchup-e2e', 'member', '王党员');
    const roster = readRoster(await readDoc(world.relay, 'catchup-e2e/roster', member.token)).view;
    const household = world.community.memberHouseholds[0]!;
    const board = `/c/catchup-e2e/concerns`;
    let page = committee.page;
    await page.goto(board);
    await page.getByTestId('concern-board').waitFor();

    const titles: string[] = [];
    const socketUrls: string[] = [];
    for (let round = 1; round <= 6; round++) {
      await page.close();
      const title = `第${round}次反映:楼道灯不亮`;
      titles.push(title);
      await writeDoc(world.relay, 'catchup-e2e/work', member.token, (doc) => {
        const result = reportConcern(doc, roster, { title, reporter: { type: 'household', householdId: household } }, { actor: member.personId });
        if (result.type !== 'done') throw new Error(`report failed: ${JSON.stringify(result)}`);
      });

      page = await committee.context.newPage();
      page.on('websocket', (ws) => socketUrls.push(ws.url()));
      await page.goto(board);
      await page.getByTestId('concern-board').waitFor({ timeout: 30_000 });
      // Once the header says synced, every concern written so far must be on the board.
      await page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout: 20_000 });
      const shown = await page.getByTestId('concern-card').allTextContents();
      for (const t of titles) expect(shown.join('\n'), `round ${round}: ${t}`).toContain(t);
    }
    // The token rides in the handshake header, never in a URL the console prints (item 3).
    expect(socketUrls.length).toBeGreaterThan(0);
    for (const url of socketUrls) expect(url).not.toMatch(/token=/);
  }, 120_000);
});
