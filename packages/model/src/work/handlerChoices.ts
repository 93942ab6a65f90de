/**
 * Who may take a concern: everyone active in the roster, those with a post first (grid leaders,
 * the cadres of buildings, the branch committee, the residents'/villagers' committee), each with
 * the posts that make them a handler, so a picker can show 网格长 · 张三 and not only party
 * members by name.
 */
import type { MemberId } from '../core/ids';
import type { Text } from '../core/text';
import { LABELS } from '../domain/vocabulary';
import type { RosterView } from '../roster/rosterView';
import { compareZh } from '../core/zhCollator';

export interface HandlerChoice {
  readonly id: MemberId;
  readonly name: string;
  /** Posts that make this person a handler; empty for a member without one. */
  readonly posts: readonly Text[];
}

const GRID_LEADER: Text = { zh: '网格长', en: 'grid leader' };
const CADRE: Text = { zh: '联片干部', en: 'responsible cadre' };


export function handlerChoices(roster: RosterView): HandlerChoice[] {
  const leaders = new Set<string>();
  for (const g of roster.grids.values()) if (g.leaderId) leaders.add(g.leaderId);
  const cadres = new Set<string>();
  for (const b of roster.buildings.values()) if (b.cadreId) cadres.add(b.cadreId);
  const out: Array<HandlerChoice & { rank: number }> = [];
  for (const m of roster.members.values()) {
    if (!m.active) continue;
    const posts: Text[] = [];
    if (m.branchPost) posts.push(LABELS.branchPost[m.branchPost]);
    if (m.residentsPost) posts.push(LABELS.residentsPost[m.residentsPost]);
    if (leaders.has(m.id)) posts.push(GRID_LEADER);
    if (cadres.has(m.id)) posts.push(CADRE);
    const rank = m.branchPost === 'secretary' ? 0 : m.branchPost || m.residentsPost ? 1 : leaders.has(m.id) ? 2 : cadres.has(m.id) ? 3 : 4;
    out.push({ id: m.id, name: m.name, posts, rank });
  }
  out.sort((a, b) => a.rank - b.rank || compareZh(a.name, b.name));
  return out.map(({ rank: _rank, ...choice }) => choice);
}
