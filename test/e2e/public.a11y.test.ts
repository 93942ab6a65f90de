/**
 * The public pages in real Chromium: axe-core finds no serious or critical violation on the page
 * (phone width, both languages, filtered), the boards and the 404; the building search works with
 * JavaScript off (as in a chat app's browser that blocks it); boards print on one A4/A5 sheet;
 * the CSP stops any script, and a document full of hostile strings produces no element, handler
 * or dialog.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { publishBoards, publishCommunity, publishResolution } from '@lianxin/model';
import { createDocPublicSource } from '../../relay/src/public/docPublicSource';
import { createPublicRoutes } from '../../relay/src/public/publicRoutes';
import { SAMPLE_NOW, sampleBoard, samplePublicDoc, sampleResolution } from '../../relay/src/public/samplePublicDoc';

let server: Server;
let base = '';
let browser: Browser;

const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';

beforeAll(async () => {
  const good = samplePublicDoc({ disclosures: 5, buildings: 8 });
  const hostile = samplePublicDoc({ disclosures: 1, buildings: 1 });
  const ctx = { actor: 'sec', now: SAMPLE_NOW };
  publishCommunity(hostile, { name: HOSTILE.slice(0, 100), kind: 'village', township: HOSTILE, address: HOSTILE, phone: null, officeHours: HOSTILE, intro: HOSTILE }, ctx);
  publishResolution(hostile, { ...sampleResolution(3, SAMPLE_NOW), title: HOSTILE, summary: HOSTILE, decision: HOSTILE }, ctx);
  publishBoards(hostile, [{ ...sampleBoard(1, 1), label: HOSTILE.slice(0, 100), compound: HOSTILE.slice(0, 100) }], ctx);
  const app = createPublicRoutes(createDocPublicSource({ liucun: good, evil: hostile }));
  server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server)) as Server;
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility (axe-core in Chromium)', () => {
  const pages = [
    { path: '/p/liucun', viewport: { width: 375, height: 812 } },
    { path: '/p/liucun?lang=en', viewport: { width: 375, height: 812 } },
    { path: '/p/liucun?building=3', viewport: { width: 375, height: 812 } },
    { path: '/p/liucun/board/bldg3', viewport: { width: 1280, height: 900 } },
    { path: '/p/liucun/board/bldg3/unit3x2?size=a5&lang=en', viewport: { width: 375, height: 812 } },
    { path: '/p/evil', viewport: { width: 375, height: 812 } },
    { path: '/p/nobody', viewport: { width: 375, height: 812 } },
  ];

  // One test per page: axe on seven pages in one test outran the 30-s budget on a busy 2-core CI
  // machine, and a failure now names its page.
  it.each(pages)('finds no serious or critical violation on $path', async ({ path, viewport }) => {
    const context = await browser.newContext({ viewport });
    try {
      const page = await context.newPage();
      const res = await page.goto(`${base}${path}`);
      expect(res?.status(), path).toBe(path.startsWith('/p/nobody') ? 404 : 200);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('fits a 375 px phone screen without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    try {
      const page = await context.newPage();
      for (const path of ['/p/liucun', '/p/evil']) {
        await page.goto(`${base}${path}`);
        const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        expect(scroll, path).toBeLessThanOrEqual(client);
      }
    } finally {
      await context.close();
    }
  });
});

describe('printing', () => {
  it('prints a building board on one A4 sheet and a unit board on one A5 sheet', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      for (const [path, width, height] of [
        ['/p/liucun/board/bldg3', 595, 842],
        ['/p/liucun/board/bldg3/unit3x1?size=a5', 420, 595],
      ] as const) {
        await page.goto(`${base}${path}`);
        const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
        expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length, path).toBe(1);
        const box = (/\/MediaBox\s*\[([^\]]*)\]/.exec(pdf)?.[1] ?? '').trim().split(/\s+/).map(Number);
        expect([Math.round(box[2] ?? 0), Math.round(box[3] ?? 0)], path).toEqual([width, height]);
      }
    } finally {
      await context.close();
    }
  });
});

describe('with JavaScript off', () => {
  it('finds the members serving a building through the GET form and the anchors', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/p/liucun`);
      await page.getByRole('searchbox').fill('3');
      await page.getByRole('search').getByRole('button').click();
      await page.waitForURL(/building=3/);
      expect(new URL(page.url()).hash).toBe('#boards');
      await expect.poll(() => page.locator('section.building').count()).toBe(1);
      const building = page.locator('#b-bldg3');
      await expect.poll(() => building.getByRole('link', { name: /tel|1380/ }).count()).toBeGreaterThan(0);
      // index link → anchor
      await page.goto(`${base}/p/liucun`);
      await page.locator('a[href="#b-bldg5"]').click();
      expect(new URL(page.url()).hash).toBe('#b-bldg5');
      // the board link from the unit opens a printable board with the QR image
      await page.locator('#u-bldg5-unit5x1 p.screen-only a').click();
      await page.waitForURL(/\/board\/bldg5\/unit5x1$/);
      const qr = page.getByRole('img');
      expect(await qr.count()).toBe(1);
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    } finally {
      await context.close();
    }
  });
});

describe('script safety in the browser', () => {
  it('renders a hostile document as text: no script, no handler, no dialog; the CSP blocks injected scripts', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const dialogs: string[] = [];
      const cspReports: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) cspReports.push(m.text());
      });
      for (const path of ['/p/evil', '/p/evil/board/bldg1', `/p/evil?building=${encodeURIComponent(HOSTILE)}`]) {
        await page.goto(`${base}${path}`);
        const audit = await page.evaluate(() => {
          const all = [...document.querySelectorAll('*')];
          return {
            scripts: document.querySelectorAll('script').length,
            handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}.${a.name}`)),
            images: [...document.images].map((img) => img.src.slice(0, 26)),
            text: document.body.innerText,
          };
        });
        expect(audit.scripts, path).toBe(0);
        expect(audit.handlers, path).toEqual([]);
        expect(audit.images.every((src) => src === 'data:image/svg+xml;base64,'), path).toBe(true);
        expect(audit.text, path).toContain('<script>alert(1)</script>');
      }
      // An inline script that somehow reached the DOM would still not run.
      const ran = await page.evaluate(async () => {
        const s = document.createElement('script');
        s.textContent = 'window.__lianxinRan = true';
        document.body.append(s);
        await new Promise((r) => setTimeout(r, 50));
        return (window as unknown as { __lianxinRan?: boolean }).__lianxinRan === true;
      });
      expect(ran).toBe(false);
      expect(cspReports.length).toBeGreaterThan(0);
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
