/**
 * 支部争五星 on the community's side: the township rates its branches in its region document, which
 * no community role may open, so a township desk device copies each branch's ratings into that
 * community's `escalations` document (the one document both sides write). The copy follows the
 * region document: it is rewritten when it differs and removed when the region has no such rating,
 * so an entry written by anyone else is put right by the next desk device that syncs.
 */
import type * as Y from 'yjs';
import { DocKind } from '@lianxin/protocol';
import { LOCAL_ORIGIN } from '../core/context';
import type { Problem } from '../core/problem';
import { readEntries } from '../core/readEntries';
import { topMap } from '../core/ydoc';
import { SharedRatingSchema, EscalationsLayout, type SharedRatingRecord } from './escalationsSchema';
import type { RegionView } from './readRegion';

export interface SharedRatings {
  /** by year */
  readonly byYear: ReadonlyMap<number, SharedRatingRecord>;
  /** the latest year's rating, or null */
  readonly latest: SharedRatingRecord | null;
}

/** Reads the ratings copied into `escalations`. Never throws; bad entries are skipped and reported. */
export function readSharedRatings(doc: Y.Doc, problems: Problem[] = []): SharedRatings {
  const byYear = new Map<number, SharedRatingRecord>();
  const map = topMap(doc, DocKind.escalations, EscalationsLayout.ratings, problems);
  for (const [key, r] of readEntries(map, DocKind.escalations, EscalationsLayout.ratings, SharedRatingSchema, problems)) {
    // The key is the year; an entry filed under another year is not trusted.
    if (key === String(r.year)) byYear.set(r.year, r);
  }
  let latest: SharedRatingRecord | null = null;
  for (const r of byYear.values()) if (!latest || r.year > latest.year) latest = r;
  return { byYear, latest };
}

const same = (a: SharedRatingRecord, b: SharedRatingRecord) => a.year === b.year && a.stars === b.stars && a.township === b.township && a.notes === b.notes && a.by === b.by && a.at === b.at;

/**
 * Makes the community's copy say what the region document says of `communityId` (its latest
 * rating per year). Writes nothing when it already does; returns how many years it wrote or removed.
 */
export function copyRatings(escalations: Y.Doc, region: RegionView, communityId: string, townshipName: string, origin: unknown = LOCAL_ORIGIN): number {
  const want = new Map<number, SharedRatingRecord>();
  for (const r of region.ratings.values()) {
    if (r.communityId !== communityId) continue;
    want.set(r.year, SharedRatingSchema.parse({ year: r.year, stars: r.stars, township: townshipName.slice(0, 100), notes: r.notes, by: r.by, at: r.at }));
  }
  const map = escalations.getMap<unknown>(EscalationsLayout.ratings);
  const current = readSharedRatings(escalations).byYear;
  const stale = [...map.keys()].filter((key) => !want.has(Number(key)) || String(Number(key)) !== key);
  const changed = [...want.values()].filter((r) => {
    const have = current.get(r.year);
    return !have || !same(have, r);
  });
  if (stale.length === 0 && changed.length === 0) return 0;
  escalations.transact(() => {
    for (const key of stale) map.delete(key);
    for (const r of changed) map.set(String(r.year), { ...r });
  }, origin);
  return stale.length + changed.length;
}
