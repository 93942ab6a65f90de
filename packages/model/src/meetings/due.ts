/** Who is "due" (应到) at a step, counted from the roster, never typed by hand. */
import type { HouseholdId, MemberId } from '../core/ids';
import type { RosterView } from '../roster/rosterView';
import type { Body } from './stepRules';

/** `m:<memberId>` or `h:<householdId>`: how attendance names a person. */
export type PersonKey = `m:${string}` | `h:${string}`;

export const memberKey = (id: MemberId | string): PersonKey => `m:${id}`;
export const householdKey = (id: HouseholdId | string): PersonKey => `h:${id}`;

/**
 * The people due for a body. Representatives are members flagged as representatives plus heads
 * of households flagged so; a member representative who lives in a flagged household counts once.
 */
export function dueSet(roster: RosterView, body: Body): Set<PersonKey> {
  const due = new Set<PersonKey>();
  const active = [...roster.members.values()].filter((m) => m.active);
  switch (body) {
    case 'branchCommittee':
      for (const m of active) if (m.branchPost) due.add(memberKey(m.id));
      break;
    case 'committees':
      for (const m of active) if (m.branchPost || m.residentsPost) due.add(memberKey(m.id));
      break;
    case 'members':
      for (const m of active) due.add(memberKey(m.id));
      break;
    case 'representatives': {
      const homesOfMemberReps = new Set<string>();
      for (const m of active) {
        if (!m.representative) continue;
        due.add(memberKey(m.id));
        if (m.householdId) homesOfMemberReps.add(m.householdId);
      }
      for (const h of roster.households.values()) if (h.representative && !homesOfMemberReps.has(h.id)) due.add(householdKey(h.id));
      break;
    }
  }
  return due;
}
