/**
 * One e2e world: a real relay process (serving the production build of the client), a seeded
 * community, Debian's Chromium, and people who join through real invite links.
 */
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { startRelay, type RelayProcess } from '../../support/relayProcess';
import { ensureClientBuilt } from './clientBuild';
import { launchBrowser, watchErrors } from './browser';
import { seedCommunity, type SeededCommunity } from './seed';

export interface Person {
  readonly context: BrowserContext;
  readonly page: Page;
  /** uncaught errors and console errors of the page */
  readonly errors: string[];
  /**
   * Network off or on for this device. Chromium's offline emulation blocks new requests but
   * leaves open WebSockets alone, so the relay sockets are routed too and dropped here, the way
   * a lost signal eventually drops them.
   */
  setOffline(offline: boolean): Promise<void>;
}

export interface World {
  readonly relay: RelayProcess;
  readonly community: SeededCommunity;
  readonly browser: Browser;
  /** A new browser context that opens an invite link for `role` and joins as `name`; `timezoneId` puts the device in another zone. */
  join(role: 'committee' | 'member', name: string, viewport?: { width: number; height: number }, device?: { timezoneId?: string }): Promise<Person>;
  close(): Promise<void>;
}

/** Close codes a peer may send (1005/1006 are reserved for "no code" and "dropped"). */
function closeOptions(code: number | undefined, reason: string | undefined): { code?: number; reason?: string } {
  return code === 1000 || (code !== undefined && code >= 3000 && code <= 4999) ? { code, reason: reason ?? '' } : {};
}

export const PHONE = { width: 375, height: 740 } as const;
export const LAPTOP = { width: 1280, height: 860 } as const;

export async function createInvite(relay: RelayProcess, secretaryToken: string, role: 'committee' | 'member'): Promise<string> {
  const response = await fetch(`${relay.url}/api/invites`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secretaryToken}` },
    body: JSON.stringify({ role }),
  });
  if (!response.ok) throw new Error(`invite failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { url: string }).url;
}

export async function startWorld(communityId: string): Promise<World> {
  await ensureClientBuilt();
  const relay = await startRelay();
  const contexts: BrowserContext[] = [];
  let browser: Browser | null = null;
  try {
    const community = await seedCommunity(relay, communityId);
    browser = await launchBrowser();
    const b = browser;
    return {
      relay,
      community,
      browser: b,
      async join(role, name, viewport = LAPTOP, device = {}) {
        const url = await createInvite(relay, community.secretaryToken, role);
        const context = await b.newContext({ baseURL: relay.url, viewport, locale: 'zh-CN', serviceWorkers: 'allow', reducedMotion: 'reduce', ...device });
        contexts.push(context);
        let offline = false;
        const sockets = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();
        await context.routeWebSocket(/\/sync\//, (ws) => {
          if (offline) return void ws.close({ code: 1001, reason: 'offline' });
          const pair = { page: ws, server: ws.connectToServer() };
          sockets.add(pair);
          // With close handlers set, closing is forwarded by hand.
          ws.onClose((code, reason) => {
            sockets.delete(pair);
            void pair.server.close(closeOptions(code, reason)).catch(() => undefined);
          });
          pair.server.onClose((code, reason) => {
            sockets.delete(pair);
            void ws.close(closeOptions(code, reason)).catch(() => undefined);
          });
        });
        const setOffline = async (value: boolean) => {
          offline = value;
          await context.setOffline(value);
          if (!value) return;
          for (const pair of [...sockets]) {
            sockets.delete(pair);
            await pair.page.close({ code: 1001, reason: 'offline' }).catch(() => undefined);
            await pair.server.close({ code: 1001, reason: 'offline' }).catch(() => undefined);
          }
        };
        const page = await context.newPage();
        const errors = watchErrors(page);
        await page.goto(url);
        await page.getByTestId('join-name').fill(name);
        await page.getByTestId('join-submit').click();
        await page.waitForURL(new RegExp(`/c/${communityId}/`));
        await page.getByTestId('sync-status').and(page.locator('[data-state="synced"]')).waitFor({ timeout: 15_000 });
        return { context, page, errors, setOffline };
      },
      async close() {
        for (const c of contexts) await c.close().catch(() => undefined);
        await b.close().catch(() => undefined);
        await relay.stop();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await relay.stop();
    throw error;
  }
}

/** Waits until the page's sync status says everything is stored on the relay. */
export async function waitAllSaved(page: Page, timeout = 15_000): Promise<void> {
  await page.locator('[data-testid="sync-status"][data-state="synced"][data-pending="0"]').waitFor({ timeout });
}

/** A relay with no community yet (it prints a setup link) and a browser: the first-run tests. */
export interface EmptyWorld {
  readonly relay: RelayProcess;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function startEmptyWorld(): Promise<EmptyWorld> {
  await ensureClientBuilt();
  const relay = await startRelay();
  try {
    const browser = await launchBrowser();
    return {
      relay,
      browser,
      async close() {
        await browser.close().catch(() => undefined);
        await relay.stop();
      },
    };
  } catch (error) {
    await relay.stop();
    throw error;
  }
}
