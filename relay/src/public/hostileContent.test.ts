/**
 * What a hostile committee member (through the publish commands) or a hostile peer (writing the
 * Y.Doc directly, with any types) can put in `public`: it renders harmlessly and the page still
 * renders everything valid.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { publishBoards, publishCommunity, publishResolution, publishResult, type PublicBoardDraft } from '@lianxin/model';
import { createDocPublicSource } from './docPublicSource';
import { auditMarkup } from './markupAudit';
import { DICTIONARY } from './dictionary';
import { createPublicRoutes } from './publicRoutes';
import { SAMPLE_NOW, sampleBoard, samplePublicDoc, sampleResolution } from './samplePublicDoc';

const SCRIPT = '<script>alert(1)</script>';
const BREAKOUT = '"><img src=x onerror=alert(2)>';
const ATTR = "' onmouseover='alert(3)";
const ctx = { actor: 'sec', now: SAMPLE_NOW };

async function page(doc: Y.Doc, path = '/p/liucun') {
  const app = createPublicRoutes(createDocPublicSource({ liucun: doc }));
  const res = await app.request(path);
  return { status: res.status, body: await res.text() };
}

/** No markup a hostile string could have introduced: only our elements and attributes, no handler, no script. */
function expectHarmless(body: string): void {
  expect(auditMarkup(body)).toEqual([]);
  expect(body).not.toMatch(/<script/i);
}

describe('hostile strings through the publish commands', () => {
  it('are escaped everywhere they are shown: page, English page, boards, JSON', async () => {
    const doc = samplePublicDoc({ disclosures: 1, buildings: 2 });
    expect(
      publishCommunity(doc, { name: `${SCRIPT}社区`, kind: 'urban', township: BREAKOUT, address: ATTR, phone: `1${BREAKOUT}`.slice(0, 40), officeHours: SCRIPT, intro: `${SCRIPT}\n${BREAKOUT}` }, ctx).type,
    ).toBe('done');
    const draft = sampleResolution(5, SAMPLE_NOW);
    const evilStep = { ...draft.steps[0]!, meeting: { kind: 'branchCommittee' as const, title: BREAKOUT }, explanation: { zh: SCRIPT, en: BREAKOUT } };
    expect(publishResolution(doc, { ...draft, title: SCRIPT, summary: BREAKOUT, decision: ATTR, steps: [evilStep] }, ctx).type).toBe('done');
    expect(publishResult(doc, { matterId: draft.matterId, title: SCRIPT, text: `${SCRIPT}${BREAKOUT}`, completedOn: '2024-04-10' }, ctx).type).toBe('done');
    const evilBoard: PublicBoardDraft = {
      ...sampleBoard(1, 1),
      label: `${BREAKOUT}1号楼`,
      compound: SCRIPT,
      grid: { label: BREAKOUT, leader: { name: SCRIPT, phone: BREAKOUT.slice(0, 40), post: { zh: SCRIPT, en: ATTR } } },
      units: [{ unitId: 'unitEvil', label: SCRIPT, householdCount: 1, members: [{ name: BREAKOUT, phone: 'tel:javascript:alert(1)', post: { zh: ATTR, en: ATTR }, households: 1 }], functionHouseholds: [{ role: 'hub', name: SCRIPT, phone: null }] }],
    };
    expect(publishBoards(doc, [evilBoard, sampleBoard(2, 1)], ctx).type).toBe('done');

    for (const path of ['/p/liucun', '/p/liucun?lang=en', '/p/liucun/board/bldg1', '/p/liucun/board/bldg1/unitEvil?size=a5', `/p/liucun?building=${encodeURIComponent(BREAKOUT)}`]) {
      const { status, body } = await page(doc, path);
      expect(status, path).toBe(200);
      expectHarmless(body);
      // shown, but as text
      expect(body, path).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
    const { body } = await page(doc, '/p/liucun');
    expect(body).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(body).toContain('&#39; onmouseover=&#39;alert(3)');
    // a "phone" that is not a phone number is not a link
    expect(body).not.toContain('href="tel:javascript');
    // the reflected filter query is escaped too
    const filtered = await page(doc, `/p/liucun?building=${encodeURIComponent(SCRIPT)}`);
    expect(filtered.body).not.toContain(SCRIPT);

    const json = await createPublicRoutes(createDocPublicSource({ liucun: doc })).request('/api/public/liucun');
    const text = await json.text();
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((JSON.parse(text) as { community: { name: string } }).community.name).toBe(`${SCRIPT}社区`);
  });

  it('shortens long names and labels for display with an ellipsis', async () => {
    const doc = samplePublicDoc({ disclosures: 1, buildings: 1 });
    const longName = '很'.repeat(100); // the model's maximum
    const board = sampleBoard(1, 1);
    expect(publishBoards(doc, [{ ...board, cadre: { name: longName, phone: null, post: null } }], ctx).type).toBe('done');
    const { body } = await page(doc, '/p/liucun/board/bldg1');
    expect(body).toContain(`<strong>${'很'.repeat(39)}…</strong>`);
    expect(body).not.toContain(longName);
  });
});

describe('a hostile peer writing the document directly', () => {
  it('cannot break the page: wrong types, 1 MB strings, Yjs types and bad keys are skipped', async () => {
    const doc = samplePublicDoc({ disclosures: 2, buildings: 2 });
    const huge = `${SCRIPT}${'x'.repeat(1024 * 1024)}`;
    doc.transact(() => {
      const resolutions = doc.getMap<unknown>('resolutions');
      resolutions.set('hugeOne', { ...sampleResolution(9, SAMPLE_NOW), matterId: 'hugeOne', summary: huge, publishedAt: SAMPLE_NOW });
      resolutions.set('wrongTypes', { matterId: 'wrongTypes', title: 42, steps: 'all passed', decidedOn: null, publishedAt: 'yesterday' });
      resolutions.set('richText', { ...sampleResolution(8, SAMPLE_NOW), matterId: 'richText', decision: { type: 'doc', content: [{ type: 'script', text: SCRIPT }] }, publishedAt: SAMPLE_NOW });
      resolutions.set('yText', new Y.Text(SCRIPT));
      resolutions.set('xml', new Y.XmlText(SCRIPT));
      resolutions.set('array', [SCRIPT]);
      resolutions.set('number', 7);
      resolutions.set('<bad key>', { ...sampleResolution(7, SAMPLE_NOW), matterId: '<bad key>', publishedAt: SAMPLE_NOW });
      resolutions.set('aliased', { ...sampleResolution(6, SAMPLE_NOW), matterId: 'matter0000', publishedAt: SAMPLE_NOW });
      doc.getMap<unknown>('results').set('matter0000', new Uint8Array([60, 115, 99]));
      doc.getMap<unknown>('boards').set('bldgX', { ...sampleBoard(9, 1), buildingId: 'bldgX', label: huge, publishedAt: SAMPLE_NOW });
      doc.getMap<unknown>('boards').set('bldgY', { ...sampleBoard(9, 1), buildingId: 'bldgY', units: [{ unitId: null, label: SCRIPT, members: 'everyone' }], publishedAt: SAMPLE_NOW });
      doc.getMap<unknown>('statistics').set('current', { rates: { response: 'NaN' }, asOf: SCRIPT });
      doc.getMap<unknown>('community').set('info', SCRIPT);
      // a name used for another type by this peer: only its own document is affected
      doc.getXmlFragment('intro').insert(0, [new Y.XmlText(SCRIPT)]);
    });
    const { status, body } = await page(doc);
    expect(status).toBe(200);
    expectHarmless(body);
    expect(body).not.toContain('xxxxxxxxxx');
    expect(body).not.toContain('hugeOne');
    expect(body).not.toContain('wrongTypes');
    expect(body).not.toContain('richText');
    expect(body).not.toContain('aliased');
    expect(body).not.toContain('bldgX');
    expect(body).not.toContain('bldgY');
    // the valid entries are all still there
    expect(body).toContain('id="m-matter0000"');
    expect(body).toContain('id="m-matter0001"');
    expect(body).toContain('id="b-bldg1"');
    expect(body).toContain('id="b-bldg2"');
    expect(body.length).toBeLessThan(200_000);
  });

  it('cannot break the page with an update that fills a top-level name with another type', async () => {
    // The hostile peer's document uses `resolutions` as an array and `boards` as XML.
    const hostile = new Y.Doc();
    hostile.getArray<unknown>('resolutions').push([{ matterId: 'arr', title: SCRIPT }]);
    hostile.getXmlFragment('boards').insert(0, [new Y.XmlElement('script')]);
    hostile.getText('statistics').insert(0, SCRIPT);

    // Order 1: our copy has already read the document when the update arrives.
    const readFirst = samplePublicDoc({ disclosures: 1, buildings: 1 });
    expect((await page(readFirst)).status).toBe(200);
    Y.applyUpdate(readFirst, Y.encodeStateAsUpdate(hostile));
    // Order 2: the update arrives first, into a fresh copy.
    const updateFirst = new Y.Doc();
    Y.applyUpdate(updateFirst, Y.encodeStateAsUpdate(hostile));
    Y.applyUpdate(updateFirst, Y.encodeStateAsUpdate(samplePublicDoc({ disclosures: 1, buildings: 1 })));

    for (const doc of [readFirst, updateFirst]) {
      const { status, body } = await page(doc);
      expect(status).toBe(200);
      expectHarmless(body);
      expect(body).toContain('id="m-matter0000"');
      expect(body).toContain('id="b-bldg1"');
      expect(body).not.toContain('alert(1)');
    }
  });

  it('still answers with the harmless 404 when nothing valid is left', async () => {
    const doc = new Y.Doc();
    doc.getMap<unknown>('resolutions').set('x', { title: SCRIPT });
    doc.getMap<unknown>('community').set('info', { name: SCRIPT });
    const { status, body } = await page(doc);
    expect(status).toBe(404);
    expectHarmless(body);
    expect(body).not.toContain('alert');
  });
});

describe('a hostile writer inflating the document', () => {
  it('gets a bounded page: at most 300 disclosures and 1000 buildings are rendered, with a note', async () => {
    const doc = samplePublicDoc({ disclosures: 0, buildings: 0 });
    doc.transact(() => {
      const resolutions = doc.getMap<unknown>('resolutions');
      for (let i = 0; i < 320; i++) resolutions.set(`m${i}`, { ...sampleResolution(i, SAMPLE_NOW), matterId: `m${i}`, steps: [], publishedAt: SAMPLE_NOW + i });
      const boards = doc.getMap<unknown>('boards');
      for (let i = 0; i < 1005; i++) boards.set(`b${i}`, { ...sampleBoard(i, 0), buildingId: `b${i}`, publishedAt: SAMPLE_NOW });
    });
    const { status, body } = await page(doc);
    expect(status).toBe(200);
    expect(body.split('<article ').length - 1).toBe(300);
    expect(body).toContain('id="m-m319"'); // newest first
    expect(body).not.toContain('id="m-m19"');
    expect(body).toContain(DICTIONARY.zh.moreNotShown(20));
    expect(body.split('<section class="building"').length - 1).toBe(1000);
    expect(body).toContain(DICTIONARY.zh.moreBuildings(5));
    // the search still reaches a building past the cap
    expect((await page(doc, '/p/liucun?building=1004')).body).toContain('id="b-b1004"');
  });
});
