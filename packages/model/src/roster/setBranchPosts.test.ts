import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { evaluateStep } from '../meetings/evaluateStep';
import { addMember } from './memberCommands';
import { readRoster } from './readRoster';
import { setBranchPosts } from './setBranchPosts';

const ctx = { actor: 'sec', now: Date.UTC(2026, 11, 1) };

describe('setBranchPosts', () => {
  it('marks several members at once and leaves others alone', () => {
    const doc = new Y.Doc();
    const ids = ['张三', '李四', '王五'].map((name) => {
      const r = addMember(doc, { name }, ctx);
      if (r.type !== 'done') throw new Error('add failed');
      return r.value;
    });
    const r = setBranchPosts(doc, [ids[0]!, ids[1]!], 'member', ctx);
    expect(r).toMatchObject({ type: 'done', value: 2 });
    const posts = [...readRoster(doc).view.members.values()].map((m) => [m.name, m.branchPost ?? null]);
    expect(posts).toEqual(expect.arrayContaining([['张三', 'member'], ['李四', 'member'], ['王五', null]]));
    expect(setBranchPosts(doc, [ids[0]!], 'member', ctx)).toMatchObject({ type: 'done', value: 0 });
    expect(setBranchPosts(doc, [ids[0]!], null, ctx)).toMatchObject({ type: 'done', value: 1 });
  });
  it('refuses an empty choice and unknown members, changing nothing', () => {
    const doc = new Y.Doc();
    expect(setBranchPosts(doc, [], 'member', ctx).type).toBe('rejected');
    expect(setBranchPosts(doc, ['nobody' as never], 'member', ctx).type).toBe('rejected');
    expect(readRoster(doc).view.members.size).toBe(0);
  });
  it('the step-1 refusal says where to set posts', () => {
    const r = evaluateStep({ step: 'propose', date: '2026-12-01', meetingId: 'm', due: 0, present: 0, votes: { for: 0, against: 0, abstain: 0 } } as never, { body: 'branchCommittee' } as never);
    expect(JSON.stringify(r)).toContain('名册 → 党员');
  });
});
