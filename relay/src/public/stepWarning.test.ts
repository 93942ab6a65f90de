// A 4+2 vote recorded at a meeting whose attendance nobody ticked is published with a warning
// beside the step, so residents see that the tally was never checked (issue 20, item 7).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addMember, createMatter, createMeeting, editMatter, projectResolution, publishResolution, readMeetings, readRoster, recordStep, type CommandResult, type MeetingKind } from '@lianxin/model';
import { createDocPublicSource } from './docPublicSource';
import { DICTIONARY } from './dictionary';
import { auditMarkup } from './markupAudit';
import { createPublicRoutes } from './publicRoutes';
import { SAMPLE_NOW, samplePublicDoc } from './samplePublicDoc';

function ok<T>(r: CommandResult<T>): T {
  if (r.type !== 'done') throw new Error(r.message.en);
  return r.value;
}

describe('a step recorded without attendance on the public page', () => {
  it('shows the warning beside the step, in Chinese and English, and nowhere else', async () => {
    const ctx = { actor: 'sec', now: SAMPLE_NOW };
    const rosterDoc = new Y.Doc();
    for (const [name, branchPost] of [['王丽娜', 'secretary'], ['赵殿卿', 'deputy'], ['徐上', 'member']] as const) ok(addMember(rosterDoc, { name, branchPost, representative: true }, ctx));
    const roster = readRoster(rosterDoc).view;
    const meetings = new Y.Doc();
    const matter = ok(createMatter(meetings, { title: '修缮58号楼屋面', origin: { type: 'branch' } }, ctx));
    const steps: Array<[MeetingKind, 'propose' | 'deliberate' | 'review' | 'resolve']> = [['branchCommittee', 'propose'], ['jointCommittees', 'deliberate'], ['memberAssembly', 'review'], ['representatives', 'resolve']];
    steps.forEach(([kind, step], i) => {
      // Nobody marked present or absent at any of these meetings.
      const meetingId = ok(createMeeting(meetings, { kind, date: `2024-03-0${i + 1}` }, ctx));
      ok(recordStep(meetings, roster, { matterId: matter, step, meetingId, votes: { for: 3, against: 0, abstain: 0 } }, ctx));
    });
    ok(editMatter(meetings, matter, { decision: '同意维修屋面' }, ctx));
    const draft = projectResolution(readMeetings(meetings, roster.settings.stepRules).view, matter)!;
    const pub = samplePublicDoc({ disclosures: 0, buildings: 1 });
    ok(publishResolution(pub, draft, ctx));
    const app = createPublicRoutes(createDocPublicSource({ liucun: pub }));

    const zh = await (await app.request('/p/liucun')).text();
    const warningZh = '会议未登记出席,表决票数未与出席人数核对(按投票计出席 3 人)';
    expect(zh.split(warningZh).length - 1).toBe(4);
    expect(zh).toContain(`<div class="step-warning" role="note"><strong>${DICTIONARY.zh.stepWarning}</strong>${DICTIONARY.zh.colon}${warningZh}</div>`);
    expect(auditMarkup(zh)).toEqual([]);
    const en = await (await app.request('/p/liucun?lang=en')).text();
    expect(en).toContain('No attendance was recorded for the meeting, so the tally was not checked against those present (counted from the votes: 3 present)');

    // A disclosure whose steps had attendance shows no warning.
    const plain = samplePublicDoc({ disclosures: 2, buildings: 1 });
    const page = await (await createPublicRoutes(createDocPublicSource({ liucun: plain })).request('/p/liucun')).text();
    expect(page).not.toContain('class="step-warning"');
  });
});
