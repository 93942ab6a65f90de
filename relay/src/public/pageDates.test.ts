import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { publishCommunity, publishResolution } from '@lianxin/model';
import { createDocPublicSource } from './docPublicSource';
import { DICTIONARY } from './dictionary';
import { createPublicRoutes } from './publicRoutes';
import { sampleResolution } from './samplePublicDoc';

// 2026-12-02 16:30 UTC is 2026-12-03 00:30 in Beijing.
const AFTER_BEIJING_MIDNIGHT = Date.UTC(2026, 11, 2, 16, 30);

async function page(timeZone: string | null) {
  const doc = new Y.Doc();
  const community = { name: '刘村社区', kind: 'urban' as const, township: null, address: null, phone: null, officeHours: null, intro: null };
  publishCommunity(doc, timeZone ? { ...community, timeZone } : community, { actor: 'sec', now: AFTER_BEIJING_MIDNIGHT });
  publishResolution(doc, sampleResolution(1, AFTER_BEIJING_MIDNIGHT), { actor: 'sec', now: AFTER_BEIJING_MIDNIGHT });
  const app = createPublicRoutes(createDocPublicSource({ liucun: doc }));
  return (await app.request('/p/liucun')).text();
}

const publishedOn = (day: string) => `<dt>${DICTIONARY.zh.publishedOn}</dt><dd>${day}</dd>`;

describe('the public page shows dates in the community time zone', () => {
  it('names the day the app names: China time by default and for pages published before zones', async () => {
    const body = await page(null);
    expect(body).toContain(publishedOn('2026-12-03'));
    expect(body).toContain(DICTIONARY.zh.lastUpdated('2026-12-03'));
  });

  it("uses the community's own zone when it has one", async () => {
    const body = await page('America/New_York');
    expect(body).toContain(publishedOn('2026-12-02'));
    expect(body).toContain(DICTIONARY.zh.lastUpdated('2026-12-02'));
  });
});
