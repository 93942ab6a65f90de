import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ok, smallCommunity, testContext } from '../testSupport';
import { readRoster } from '../roster/readRoster';
import { updateSettings } from '../roster/structureCommands';
import { recordVisit } from '../work/visitCommands';
import { dayOf } from './context';
import { dateTimeInZone, dayInZone, isTimeZone } from './timeZone';

// 2026-12-02 16:30 UTC is 2026-12-03 00:30 in Beijing: the day a secretary there calls "today".
const AFTER_BEIJING_MIDNIGHT = Date.UTC(2026, 11, 2, 16, 30);
// 2026-12-02 15:59 UTC is 23:59 the evening before in Beijing.
const BEFORE_BEIJING_MIDNIGHT = Date.UTC(2026, 11, 2, 15, 59);

describe('days are counted in the community time zone', () => {
  it('counts China time by default, whatever zone the process runs in', () => {
    expect(dayOf(AFTER_BEIJING_MIDNIGHT)).toBe('2026-12-03');
    expect(dayOf(BEFORE_BEIJING_MIDNIGHT)).toBe('2026-12-02');
    expect(new Date(AFTER_BEIJING_MIDNIGHT).toISOString().slice(0, 10)).toBe('2026-12-02');
  });

  it('counts another zone when the community has one', () => {
    expect(dayOf(AFTER_BEIJING_MIDNIGHT, 'UTC')).toBe('2026-12-02');
    expect(dayOf(AFTER_BEIJING_MIDNIGHT, 'America/New_York')).toBe('2026-12-02');
    expect(dayOf(Date.UTC(2026, 11, 3, 4, 59), 'America/New_York')).toBe('2026-12-02');
    expect(dayOf(Date.UTC(2026, 11, 3, 5, 0), 'America/New_York')).toBe('2026-12-03');
    // Daylight saving: 2026-07-01 03:59 UTC is still June 30 in New York (UTC-4).
    expect(dayInZone(Date.UTC(2026, 6, 1, 3, 59), 'America/New_York')).toBe('2026-06-30');
    expect(dayInZone(Date.UTC(2026, 6, 1, 4, 0), 'America/New_York')).toBe('2026-07-01');
  });

  it('gives the time of day on a 24-hour clock in the zone', () => {
    expect(dateTimeInZone(AFTER_BEIJING_MIDNIGHT, 'Asia/Shanghai')).toBe('2026-12-03 00:30');
    expect(dateTimeInZone(AFTER_BEIJING_MIDNIGHT, 'America/New_York')).toBe('2026-12-02 11:30');
  });

  it('knows IANA names and nothing else', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('is a roster setting, default Asia/Shanghai; a bad name is refused and changes nothing', () => {
    const s = smallCommunity();
    expect(readRoster(s.roster).view.settings.timeZone).toBe('Asia/Shanghai');
    const before = Y.encodeStateAsUpdate(s.roster);
    const r = updateSettings(s.roster, { timeZone: 'Beijing' }, testContext());
    expect(r.type === 'rejected' && r.message.en).toContain('IANA');
    expect(Y.encodeStateAsUpdate(s.roster)).toEqual(before);
    ok(updateSettings(s.roster, { timeZone: 'America/New_York' }, testContext()));
    expect(readRoster(s.roster).view.settings.timeZone).toBe('America/New_York');
  });

  it("a visit dated today is accepted just after the community's midnight, not refused as future", () => {
    const s = smallCommunity();
    const work = new Y.Doc();
    const roster = readRoster(s.roster).view;
    const visit = { memberId: s.members.jiang, householdId: s.households[0]!, date: '2026-12-03', kind: 'routine' as const };
    ok(recordVisit(work, roster, visit, { actor: 'sec', now: AFTER_BEIJING_MIDNIGHT }));
    ok(updateSettings(s.roster, { timeZone: 'UTC' }, testContext()));
    const inUtc = readRoster(s.roster).view;
    expect(recordVisit(work, inUtc, visit, { actor: 'sec', now: AFTER_BEIJING_MIDNIGHT }).type).toBe('rejected');
  });
});

describe('a disclosure stores the day it was published in the community zone', () => {
  it('stamps publishedOn with the zone of the context', async () => {
    const { publishResolution } = await import('../public/publish');
    const { readPublic } = await import('../public/readPublic');
    const draft = { matterId: 'm1', title: '充电桩', summary: '', decision: '同意', decidedOn: '2026-12-01', steps: [] };
    const china = new Y.Doc();
    ok(publishResolution(china, draft, { actor: 'sec', now: AFTER_BEIJING_MIDNIGHT }));
    expect(readPublic(china).view.disclosures[0]!.resolution!.publishedOn).toBe('2026-12-03');
    const newYork = new Y.Doc();
    ok(publishResolution(newYork, draft, { actor: 'sec', now: AFTER_BEIJING_MIDNIGHT, timeZone: 'America/New_York' }));
    expect(readPublic(newYork).view.disclosures[0]!.resolution!.publishedOn).toBe('2026-12-02');
  });
});
