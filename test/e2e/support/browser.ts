/** Debian's Chromium driven by playwright-core, with the pages' errors collected for assertions. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

export interface AccountSeed {
  readonly communityId: string;
  readonly communityName: string;
  readonly kind: 'urban' | 'village';
  readonly token: string;
  readonly tokenId: string;
  readonly role: 'secretary' | 'committee' | 'member';
  readonly name: string;
  readonly personId: string;
  /** roster member this person is, remembered on the device */
  readonly memberId?: string;
}

/**
 * A browser context that has already joined a community (what the join page stores), so a
 * test can start on a community page. The join page itself is covered by its own test.
 */
export async function contextWithAccount(browser: Browser, baseURL: string, account: AccountSeed, viewport = { width: 1280, height: 860 }): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'zh-CN', serviceWorkers: 'allow', reducedMotion: 'reduce' });
  const { memberId, ...stored } = account;
  await context.addInitScript(
    ([acc, member]) => {
      if (!localStorage.getItem('lianxin.accounts.v1')) {
        localStorage.setItem('lianxin.accounts.v1', JSON.stringify([{ ...acc, addedAt: Date.now() }]));
        localStorage.setItem('lianxin.lastCommunity', acc.communityId);
        if (member) localStorage.setItem(`lianxin.me.${acc.communityId}`, member);
      }
    },
    [stored, memberId ?? null] as const,
  );
  return context;
}

/** Collects uncaught page errors and console errors, to assert a page ran cleanly. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}
