import { useContext, useEffect } from 'react';
import { canWrite } from '@lianxin/protocol';
import { addMember, editMember, type MemberId } from '@lianxin/model';
import { SessionContext } from './SessionContext';
import { chooseMemberId, chosenMemberId, findMyMember } from './myMember';
import { onceSynced } from './onceSynced';
import { readRosterDoc } from './reads';

const linkedKey = (communityId: string, personId: string) => `lianxin.rosterSelf.${communityId}.${personId}`;

/**
 * A secretary or committee member who joined by invite is a person of the roster too: the 4+2
 * steps count the branch committee from the roster's posts, and "nobody is due" was a dead end for
 * a new community (issue 20, item 6). Once synced, the first time on this device: the roster
 * member of the same name is taken as this person (and given a branch post if it has none), or a
 * member is created with one. Members cannot write the roster; they are matched by name only.
 */
export function useRosterSelf(): void {
  const session = useContext(SessionContext);
  useEffect(() => {
    if (!session) return;
    const { account } = session;
    const doc = session.docs.roster;
    if (!doc || !canWrite(account.role, 'roster') || account.role === 'member') return;
    const key = linkedKey(account.communityId, account.personId);
    try {
      if (localStorage.getItem(key)) return;
    } catch {
      return;
    }
    return onceSynced(session, () => {
      const roster = readRosterDoc(doc).view;
      const found = findMyMember(roster, chosenMemberId(account.communityId), account.name);
      const post = account.role === 'secretary' ? 'secretary' : 'member';
      const ctx = { actor: account.personId };
      let id: MemberId | null = found.member?.id ?? null;
      if (found.member) {
        if (!found.member.branchPost) editMember(doc, found.member.id, { branchPost: post }, ctx);
      } else if (![...roster.members.values()].some((m) => m.active && m.name === account.name)) {
        const added = addMember(doc, { name: account.name, category: 'employed', branchPost: post }, ctx);
        id = added.type === 'done' ? added.value : null;
      }
      // Two members of the same name: the person picks (WhoAmI); nothing is guessed.
      if (id === null) return;
      chooseMemberId(account.communityId, id);
      try {
        localStorage.setItem(key, id);
      } catch {
        // private mode: checked again next time, and found by the chosen id
      }
    });
  }, [session]);
}
