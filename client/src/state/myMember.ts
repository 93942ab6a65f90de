// Tokens name a person; the roster names members. Which member this device's person is, is
// chosen once per device (or found by an unambiguous name) and remembered here.
import type { Member, MemberId, RosterView } from '@lianxin/model';

const key = (communityId: string) => `lianxin.me.${communityId}`;
const listeners = new Set<() => void>();

export function subscribeMyMember(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function chosenMemberId(communityId: string): string | null {
  try {
    return localStorage.getItem(key(communityId));
  } catch {
    return null;
  }
}

export function chooseMemberId(communityId: string, id: MemberId | null): void {
  try {
    if (id) localStorage.setItem(key(communityId), id);
    else localStorage.removeItem(key(communityId));
  } catch {
    // private mode: chosen for this visit only
  }
  for (const l of listeners) l();
}

export function findMyMember(roster: RosterView, chosenId: string | null, name: string): { member: Member | null; how: 'chosen' | 'name' | 'none' } {
  const chosen = chosenId ? roster.members.get(chosenId as MemberId) : undefined;
  if (chosen) return { member: chosen, how: 'chosen' };
  const found = pickMyMember([...roster.members].map(([id, m]) => [id, m] as const), null, name);
  return found ? { member: roster.members.get(found)!, how: 'name' } : { member: null, how: 'none' };
}

/** The same choice over a roster's raw members (a narrow read picks before it reads households). */
export function pickMyMember(members: ReadonlyArray<readonly [MemberId, { readonly name: string; readonly active: boolean }]>, chosenId: string | null, name: string): MemberId | null {
  if (chosenId && members.some(([id]) => id === chosenId)) return chosenId as MemberId;
  let found: MemberId | null = null;
  for (const [id, m] of members) {
    if (!m.active || m.name !== name) continue;
    if (found) return null;
    found = id;
  }
  return found;
}
