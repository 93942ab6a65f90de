/**
 * Writers of the `public` document. Each parses its input with the public schema, so only
 * whitelisted fields can reach `public`, stamps `publishedAt`, and writes inside one transaction.
 * Compute the inputs with `projectPublic` (which applies consent and never reads `care`).
 */
import type * as Y from 'yjs';
import type * as z from 'zod/mini';
import { dayOf, resolveContext, type CommandContext } from '../core/context';
import { done, rejected, RejectCode, type CommandResult } from '../core/result';
import { explainIssues } from '../core/schema';
import { message, type Text } from '../core/text';
import { PUBLIC_SCHEMA_VERSION, PublicLayout } from './publicLayout';
import {
  PublicBoardSchema,
  PublicCommunitySchema,
  PublicResolutionSchema,
  PublicResultSchema,
  PublicStatisticsSchema,
  type PublicBoard,
  type PublicCommunity,
  type PublicResolution,
  type PublicResult,
  type PublicStatistics,
} from './publicSchema';

export type PublicCommunityDraft = Omit<PublicCommunity, 'updatedAt'>;
export type PublicResolutionDraft = Omit<PublicResolution, 'publishedAt' | 'publishedOn'>;
export type PublicResultDraft = Omit<PublicResult, 'publishedAt' | 'publishedOn'>;
export type PublicBoardDraft = Omit<PublicBoard, 'publishedAt'>;
export type PublicStatisticsDraft = Omit<PublicStatistics, 'publishedAt'>;

function invalid(what: Text, schema: z.ZodMiniType, value: unknown, error: z.core.$ZodError): CommandResult<never> {
  const why = explainIssues(schema, value, error);
  return rejected(
    RejectCode.invalidInput,
    message('publish.invalid', { what: what.en, why: why.en }, `无法发布${what.zh}:${why.zh}`, `Cannot publish ${what.en}: ${why.en}`),
  );
}

function stampSchema(doc: Y.Doc): void {
  const meta = doc.getMap<unknown>(PublicLayout.meta);
  if (meta.get('schema') !== PUBLIC_SCHEMA_VERSION) meta.set('schema', PUBLIC_SCHEMA_VERSION);
}

/** Community name, address, office phone and hours. */
export function publishCommunity(doc: Y.Doc, draft: PublicCommunityDraft, context: CommandContext): CommandResult<PublicCommunity> {
  const ctx = resolveContext(context);
  const input = { ...draft, updatedAt: ctx.now };
  const parsed = PublicCommunitySchema.safeParse(input);
  if (!parsed.success) return invalid({ zh: '社区信息', en: 'community info' }, PublicCommunitySchema, input, parsed.error);
  doc.transact(() => {
    stampSchema(doc);
    doc.getMap<unknown>(PublicLayout.community).set('info', parsed.data);
  }, ctx.origin);
  return done(parsed.data, message('publish.community', {}, '已发布社区信息', 'Community info published'));
}

/** 决议公开: publishes (or republishes) a matter's resolution with its step tallies. */
export function publishResolution(doc: Y.Doc, draft: PublicResolutionDraft, context: CommandContext): CommandResult<PublicResolution> {
  const ctx = resolveContext(context);
  const input = { ...draft, publishedAt: ctx.now, publishedOn: dayOf(ctx.now, ctx.timeZone) };
  const parsed = PublicResolutionSchema.safeParse(input);
  if (!parsed.success) return invalid({ zh: '决议', en: 'resolution' }, PublicResolutionSchema, input, parsed.error);
  doc.transact(() => {
    stampSchema(doc);
    doc.getMap<unknown>(PublicLayout.resolutions).set(parsed.data.matterId, parsed.data);
  }, ctx.origin);
  const title = parsed.data.title;
  return done(parsed.data, message('publish.resolution', { title }, `已公开决议:${title}`, `Resolution published: ${title}`));
}

/** 实施结果公开 */
export function publishResult(doc: Y.Doc, draft: PublicResultDraft, context: CommandContext): CommandResult<PublicResult> {
  const ctx = resolveContext(context);
  const input = { ...draft, publishedAt: ctx.now, publishedOn: dayOf(ctx.now, ctx.timeZone) };
  const parsed = PublicResultSchema.safeParse(input);
  if (!parsed.success) return invalid({ zh: '实施结果', en: 'result' }, PublicResultSchema, input, parsed.error);
  doc.transact(() => {
    stampSchema(doc);
    doc.getMap<unknown>(PublicLayout.results).set(parsed.data.matterId, parsed.data);
  }, ctx.origin);
  const title = parsed.data.title;
  return done(parsed.data, message('publish.result', { title }, `已公开实施结果:${title}`, `Result published: ${title}`));
}

/** Withdraws a matter's disclosures (both resolution and result). */
export function unpublishMatter(doc: Y.Doc, matterId: string, context: CommandContext): CommandResult<null> {
  const ctx = resolveContext(context);
  const resolutions = doc.getMap<unknown>(PublicLayout.resolutions);
  const results = doc.getMap<unknown>(PublicLayout.results);
  if (!resolutions.has(matterId) && !results.has(matterId)) {
    return rejected(RejectCode.notFound, message('publish.notPublished', {}, '该事项尚未公开', 'This matter is not published'));
  }
  doc.transact(() => {
    resolutions.delete(matterId);
    results.delete(matterId);
  }, ctx.origin);
  return done(null, message('publish.withdrawn', {}, '已撤回该事项的公开内容', "The matter's disclosures were withdrawn"));
}

/**
 * 服务牌: replaces the whole set of boards, so a building removed from the roster (or whose
 * members withdrew consent) disappears from the page. Nothing is written if any board is invalid.
 */
export function publishBoards(doc: Y.Doc, drafts: readonly PublicBoardDraft[], context: CommandContext): CommandResult<{ published: number; removed: number }> {
  const ctx = resolveContext(context);
  const boards: PublicBoard[] = [];
  for (const draft of drafts) {
    const input = { ...draft, publishedAt: ctx.now };
    const parsed = PublicBoardSchema.safeParse(input);
    if (!parsed.success) {
      const label = String(draft.label).slice(0, 40);
      return invalid({ zh: `服务牌 ${label}`, en: `board ${label}` }, PublicBoardSchema, input, parsed.error);
    }
    boards.push(parsed.data);
  }
  const map = doc.getMap<unknown>(PublicLayout.boards);
  const keep = new Set(boards.map((b) => b.buildingId));
  let removed = 0;
  doc.transact(() => {
    stampSchema(doc);
    for (const key of [...map.keys()]) {
      if (!keep.has(key)) {
        map.delete(key);
        removed++;
      }
    }
    for (const board of boards) map.set(board.buildingId, board);
  }, ctx.origin);
  const published = boards.length;
  return done(
    { published, removed },
    message('publish.boards', { published, removed }, `已发布 ${published} 块服务牌,撤下 ${removed} 块`, `Published ${published} service boards, removed ${removed}`),
  );
}

/** 三率 and board numbers. */
export function publishStatistics(doc: Y.Doc, draft: PublicStatisticsDraft, context: CommandContext): CommandResult<PublicStatistics> {
  const ctx = resolveContext(context);
  const input = { ...draft, publishedAt: ctx.now };
  const parsed = PublicStatisticsSchema.safeParse(input);
  if (!parsed.success) return invalid({ zh: '统计', en: 'statistics' }, PublicStatisticsSchema, input, parsed.error);
  doc.transact(() => {
    stampSchema(doc);
    doc.getMap<unknown>(PublicLayout.statistics).set('current', parsed.data);
  }, ctx.origin);
  return done(parsed.data, message('publish.statistics', {}, '已发布统计数据', 'Statistics published'));
}
