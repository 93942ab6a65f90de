// Renders the SVG icons to the PNG sizes the web manifest and iOS need, with headless Chromium.
// Run: npx tsx client/scripts/makeIcons.ts (outputs are committed; rerun after changing an SVG).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const dir = fileURLToPath(new URL('../public/icons/', import.meta.url));
const jobs = [
  { svg: 'icon.svg', out: 'icon-192.png', size: 192 },
  { svg: 'icon.svg', out: 'icon-512.png', size: 512 },
  { svg: 'maskable.svg', out: 'maskable-512.png', size: 512 },
  { svg: 'maskable.svg', out: 'apple-touch-icon.png', size: 180 },
  { svg: 'icon.svg', out: 'favicon-32.png', size: 32 },
] as const;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  for (const job of jobs) {
    const svg = readFileSync(dir + job.svg, 'utf8');
    await page.setViewportSize({ width: job.size, height: job.size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img style="display:block;width:${job.size}px;height:${job.size}px" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body></html>`,
    );
    await page.screenshot({ path: dir + job.out, omitBackground: true, clip: { x: 0, y: 0, width: job.size, height: job.size } });
  }
} finally {
  await browser.close();
}
