/**
 * 支部争五星 as plain logic: the criteria a township rates by (its own, or the defaults until it
 * edits them), each branch's evidence from its summary, and its rating for a year.
 */
import type * as Y from 'yjs';
import { CriterionSchema, DEFAULT_CRITERIA, ratingKey, removeCriterion, saveCriterion, starEvidence, type CommandContext, type CommandResult, type Criterion, type Rating, type RegionView, type Summary } from '@lianxin/model';

/** Ids of the default criteria once adopted: fixed, so two staff adopting them offline write one set, not two. */
export const defaultCriterionId = (order: number) => `default-${order}`;

/** The criteria in force: the township's, or the defaults (not yet written) while it has none. */
export function criteriaInForce(view: RegionView): { criteria: readonly Criterion[]; defaults: boolean } {
  if (view.criteria.length > 0) return { criteria: view.criteria, defaults: false };
  return { criteria: DEFAULT_CRITERIA.map((c) => ({ ...c, id: defaultCriterionId(c.order) })), defaults: true };
}

/** Writes the default criteria into the region document when it has none (before the first edit). */
function adoptDefaults(doc: Y.Doc, view: RegionView, ctx: CommandContext): void {
  if (view.criteria.length > 0) return;
  for (const c of DEFAULT_CRITERIA) saveCriterion(doc, null, c, { ...ctx, newId: () => defaultCriterionId(c.order) });
}

type CriterionInput = { title?: string; metric?: string; threshold?: number; order?: number };

/**
 * Adds (id null) or edits a criterion. While the township has none of its own, the defaults are
 * written first (in the same transaction) — but only once the input is known good: bad input gets
 * the model's rejection and writes nothing, not even the defaults.
 */
export function editCriterion(doc: Y.Doc, view: RegionView, id: string | null, input: CriterionInput, ctx: CommandContext): CommandResult<string> {
  if (view.criteria.length > 0) return saveCriterion(doc, id, input, ctx);
  const base = id === null ? {} : DEFAULT_CRITERIA.find((c) => defaultCriterionId(c.order) === id);
  if (!base) return saveCriterion(doc, id, input, ctx);
  const merged = { ...base, ...input };
  // The model's own check, on the values the criterion will have: a rejection writes nothing.
  if (!CriterionSchema.safeParse(merged).success) return saveCriterion(doc, null, merged, ctx);
  let result: CommandResult<string> | null = null;
  doc.transact(() => {
    adoptDefaults(doc, view, ctx);
    result = saveCriterion(doc, id, input, ctx);
  }, ctx.origin);
  return result!;
}

/** Removes a criterion (a default one: the defaults are written first, then it is removed). */
export function dropCriterion(doc: Y.Doc, view: RegionView, id: string, ctx: CommandContext): CommandResult<null> {
  let result: CommandResult<null> | null = null;
  doc.transact(() => {
    adoptDefaults(doc, view, ctx);
    result = removeCriterion(doc, id, ctx);
  }, ctx.origin);
  return result!;
}

export interface BranchStars {
  readonly communityId: string;
  readonly name: string;
  readonly summary: Summary | null;
  readonly evidence: ReturnType<typeof starEvidence>;
  /** the rating for the year, if any (the latest when several were recorded) */
  readonly rating: Rating | null;
}

/** One line per branch of the township: its evidence against the criteria and its rating for `year`. */
export function branchStars(communities: readonly { id: string; name: string }[], summaries: ReadonlyMap<string, Summary | null>, criteria: readonly Criterion[], ratings: RegionView['ratings'], year: number): BranchStars[] {
  return communities.map((c) => {
    const summary = summaries.get(c.id) ?? null;
    return { communityId: c.id, name: c.name, summary, evidence: starEvidence(summary, criteria), rating: ratings.get(ratingKey(c.id, year)) ?? null };
  });
}
