import type { EscalatedCase, EscalationsView } from '@lianxin/model';

export interface DeskCase {
  readonly communityId: string;
  readonly communityName: string;
  readonly case: EscalatedCase;
}

const cache = new WeakMap<object, readonly DeskCase[]>();

/**
 * Every case of every community as one list, most recently escalated first; the same list (by
 * identity) for the same snapshot, so React re-renders only when a document changed.
 */
export function deskCasesOf(parts: readonly { community: { id: string; name: string }; value: EscalationsView }[]): readonly DeskCase[] {
  let list = cache.get(parts);
  if (!list) {
    list = parts
      .flatMap(({ community, value }) => [...value.cases.values()].map((c) => ({ communityId: community.id, communityName: community.name, case: c })))
      .sort((a, b) => b.case.escalatedAt - a.case.escalatedAt || (a.case.id < b.case.id ? -1 : 1));
    cache.set(parts, list);
  }
  return list;
}
