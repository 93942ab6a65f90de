// A cold first load of /setup and /join (a new secretary, a member's cheap phone) parses only the
// shell: not Yjs, not Dexie and the sync providers, not TipTap. They load when the account is
// stored or the community opens (issue 20, item 12).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RelayProcess } from '../support/relayProcess';
import { watchErrors } from './support/browser';
import { startEmptyWorld, type EmptyWorld } from './support/harness';

let relay: RelayProcess;
let browser: Browser;
let world: EmptyWorld;

beforeAll(async () => {
  world = await startEmptyWorld();
  ({ relay, browser } = world);
}, 240_000);

afterAll(async () => {
  await world?.close();
});

/** Strings only these libraries' code contains. */
const HEAVY = { yjs: 'Yjs was already imported', dexie: 'DatabaseClosedError', tiptap: 'ProseMirror' };

describe('the shell pages stay light', () => {
  it('loads no Yjs, Dexie or TipTap code on /setup and /join, and still sets up a community', async () => {
    const code = await relay.waitForSetupCode();
    for (const path of [`/setup#code=${code}`, '/join#code=x']) {
      const context = await browser.newContext({ baseURL: relay.url, locale: 'zh-CN', serviceWorkers: 'block' });
      const page = await context.newPage();
      const scripts: Array<Promise<string>> = [];
      page.on('response', (r) => {
        if (r.request().resourceType() === 'script') scripts.push(r.text().catch(() => ''));
      });
      await page.goto(path);
      await page.getByRole('button', { name: /创\s*建|加\s*入/ }).waitFor();
      await page.waitForLoadState('networkidle');
      const bodies = await Promise.all(scripts);
      expect(bodies.length).toBeGreaterThan(0);
      for (const [name, marker] of Object.entries(HEAVY)) expect(bodies.some((b) => b.includes(marker)), `${path} loads ${name}`).toBe(false);
      await context.close();
    }
    // The lazily loaded store still keeps the secretary's token.
    const context = await browser.newContext({ baseURL: relay.url, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`/setup#code=${code}`);
    await page.getByTestId('setup-id').fill('qingshan');
    await page.getByTestId('setup-name').fill('青山社区');
    await page.getByTestId('setup-secretary').fill('张书记');
    await page.getByTestId('setup-public-url').fill('http://192.168.1.20:8787');
    await page.getByTestId('setup-submit').click();
    await expect.poll(() => page.getByTestId('my-role').getAttribute('data-role'), { timeout: 20_000 }).toBe('secretary');
    await page.reload();
    await expect.poll(() => page.getByTestId('my-role').getAttribute('data-role'), { timeout: 20_000 }).toBe('secretary');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
