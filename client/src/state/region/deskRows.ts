// The desk's list: each community's live rows once its document is loaded, its kept rows until then.
import type { EscalationsView } from '@lianxin/model';
import { deskRowOf, type DeskRow } from './deskView';

export interface DeskListRow extends DeskRow {
  readonly communityId: string;
  readonly communityName: string;
  /** from the kept rows: the community's document is still loading */
  readonly kept: boolean;
}

/** Every row of every community, most recently escalated first (ties by id: the same order on every device). */
export function deskRowsOf(
  communities: readonly { readonly id: string; readonly name: string }[],
  live: ReadonlyMap<string, EscalationsView>,
  kept: ReadonlyMap<string, readonly DeskRow[]>,
): readonly DeskListRow[] {
  return communities
    .flatMap((c) => {
      const view = live.get(c.id);
      const rows = view ? [...view.cases.values()].map(deskRowOf) : (kept.get(c.id) ?? []);
      return rows.map((r) => ({ ...r, communityId: c.id, communityName: c.name, kept: !view }));
    })
    .sort((a, b) => b.escalatedAt - a.escalatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : a.communityId < b.communityId ? -1 : 1));
}
