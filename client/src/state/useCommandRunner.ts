import { useCallback, useContext } from 'react';
import type * as Y from 'yjs';
import type { FixedDoc } from '@lianxin/protocol';
import type { CommandContext, CommandResult, RosterView } from '@lianxin/model';
import { SessionContext } from './SessionContext';
import { useNotice } from './notice';
import { readRosterDoc } from './reads';
import { snapshotStore } from './snapshotStore';
import { chosenMemberId, findMyMember } from './myMember';
import { useText } from './useText';

/** `roster` is the current roster view, for commands that check places and people. */
export type Command<T> = (doc: Y.Doc, ctx: CommandContext, roster: RosterView | null) => CommandResult<T>;

export interface RunOptions {
  /** say nothing when it worked (e.g. a keystroke-level edit) */
  readonly quiet?: boolean;
}

/** How a command gets the roster it checks against: the whole one, or a page's narrow read. */
export type RosterReader = (doc: Y.Doc) => { readonly view: RosterView };

/**
 * Runs a model command on one of the open documents as the signed-in person, and tells the
 * person what happened in their language (the model's own words). Never throws: a missing
 * document (role may not open it) is reported like a rejected command. `readRoster` must be a
 * stable function (its snapshot is shared): a member's page passes its narrow read, which holds
 * every member and her households, so a tap does not read 3,600 households.
 */
export function useCommandRunner(kind: FixedDoc, readRoster: RosterReader = readRosterDoc): <T>(command: Command<T>, options?: RunOptions) => CommandResult<T> {
  const session = useContext(SessionContext);
  const message = useNotice();
  const text = useText();
  return useCallback(
    <T,>(command: Command<T>, options?: RunOptions): CommandResult<T> => {
      const doc = session?.docs[kind] ?? null;
      if (!session || !doc) {
        const refused: CommandResult<T> = {
          type: 'rejected',
          code: 'wrong-state',
          message: { key: 'errors.notAllowed', params: {}, zh: '你的角色不能做这件事。', en: 'Your role may not do this.' },
        };
        message.error(text(refused.message));
        return refused;
      }
      const rosterDoc = session.docs.roster;
      const roster = rosterDoc ? snapshotStore(rosterDoc, readRoster).getSnapshot().view : null;
      // History records who acted: the member id when known (so names show), else the token's person.
      const { account } = session;
      const me = roster ? findMyMember(roster, chosenMemberId(account.communityId), account.name).member : null;
      // Days a command stamps (a disclosure's publishing day) are the community's.
      const result = command(doc, { actor: me?.id ?? account.personId, ...(roster ? { timeZone: roster.settings.timeZone } : {}) }, roster);
      if (result.type === 'rejected') {
        message.error(text(result.message));
      } else {
        if (!options?.quiet) message.success(text(result.message));
        for (const warning of result.warnings) message.warning(text(warning));
        for (const effect of result.effects) message.info(text(effect.message));
      }
      return result;
    },
    [session, kind, message, text, readRoster],
  );
}
