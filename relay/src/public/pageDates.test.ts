import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PublicLayout, publishCommunity, publishResolution } from '@lianxin/model';
import { createDocPublicSource } from './docPublicSource';
import { DICTIONARY } from './dictionary';
import { createPublicRoutes } from './publicRoutes';
import { sampleResolution } from './samplePublicDoc';

// 2026-12-02 16:30 UTC is 2026-12-03 00:30 in Beijing.
const AFTER_BEIJING_MIDNIGHT = Date.UTC(2026, 11, 2, 16, 30);

/** A page whose community info carries `timeZone` (null: none) and whose resolution was published by a device in `publishedIn` (null: none given, so China time). */
async function page(timeZone: string | null, publishedIn: string | null = timeZone, withCommunity = true): Promise<string> {
  const doc = new Y.Doc();
  const community = { name: '刘村社区', kind: 'urban' as const, township: null, address: null, phone: null, officeHours: null, intro: null };
  if (withCommunity) publishCommunity(doc, timeZone ? { ...community, timeZone } : community, { actor: 'sec', now: AFTER_BEIJING_MIDNIGHT });
  publishResolution(doc, sampleResolution(1, AFTER_BEIJING_MIDNIGHT), { actor: 'sec', now: AFTER_BEIJING_MIDNIGHT, ...(publishedIn ? { timeZone: publishedIn } : {}) });
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

  it('a disclosure keeps the day its community named when it was published, even with no community info on the page', async () => {
    expect(await page(null, 'America/New_York', false)).toContain(publishedOn('2026-12-02'));
    // Published before disclosures carried their day: the community's zone decides.
    const doc = new Y.Doc();
    publishCommunity(doc, { name: '刘村社区', kind: 'urban', township: null, address: null, phone: null, officeHours: null, intro: null, timeZone: 'America/New_York' }, { actor: 'sec', now: AFTER_BEIJING_MIDNIGHT });
    doc.getMap(PublicLayout.resolutions).set('m1', { ...sampleResolution(1, AFTER_BEIJING_MIDNIGHT), matterId: 'm1', publishedAt: AFTER_BEIJING_MIDNIGHT });
    const app = createPublicRoutes(createDocPublicSource({ liucun: doc }));
    expect(await (await app.request('/p/liucun')).text()).toContain(publishedOn('2026-12-02'));
  });
});
