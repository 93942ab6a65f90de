import type * as Y from 'yjs';
import { resolveContext, type CommandContext } from '../core/context';
import type { MemberId } from '../core/ids';
import { invalidInput, notFound } from '../core/rejections';
import { done, type CommandResult } from '../core/result';
import { message } from '../core/text';
import { BranchPost } from '../domain/vocabulary';
import { editMember } from './memberCommands';
import { readRoster } from './readRoster';

/**
 * Sets (or clears, with null) the branch post of several members in one change: how a new
 * community marks its branch committee at once, so 4+2 step 1 knows who is due.
 */
export function setBranchPosts(doc: Y.Doc, ids: readonly MemberId[], post: BranchPost | null, context: CommandContext): CommandResult<number> {
  const ctx = resolveContext(context);
  if (ids.length === 0) return invalidInput('no members chosen');
  if (post !== null && !(Object.values(BranchPost) as string[]).includes(post)) return invalidInput(`unknown branch post ${String(post)}`);
  const roster = readRoster(doc).view;
  for (const id of ids) if (!roster.members.has(id)) return notFound('member', id);
  const todo = ids.filter((id) => (roster.members.get(id)!.branchPost ?? null) !== post);
  let failed: CommandResult<number> | null = null;
  // One transaction: peers see all posts change at once, and one undo step undoes them.
  doc.transact(() => {
    for (const id of todo) {
      const r = editMember(doc, id, { branchPost: post }, ctx);
      if (r.type === 'rejected') failed ??= r;
    }
  }, ctx.origin);
  if (failed) return failed;
  return done(todo.length, message('member.postsSet', { count: todo.length }, `已为 ${todo.length} 名党员设置支部职务`, `Branch post set for ${todo.length} members`));
}
