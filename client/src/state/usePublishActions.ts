import { useContext, useMemo } from 'react';
import {
  dayOf,
  projectBoards,
  projectCommunity,
  projectStatistics,
  publishBoards,
  publishCommunity,
  publishStatistics,
  unpublishMatter,
  type CommandResult,
  type IsoDate,
  type MatterId,
  type SharedRatingRecord,
} from '@lianxin/model';
import { SessionContext } from './SessionContext';
import { readWorkDoc } from './reads';
import { snapshotStore } from './snapshotStore';
import { useCommandRunner } from './useCommandRunner';

const notLoaded: CommandResult<never> = {
  type: 'rejected',
  code: 'wrong-state',
  message: { key: 'errors.noRoster', params: {}, zh: '数据还没有加载。', en: 'The data has not loaded yet.' },
};

/**
 * Writes the whitelisted projections (model's projectX, consent applied) into `public`: the only
 * way anything reaches the public page. `rating`: the township's latest rating of the branch
 * (useSharedRatings), published with the community's info.
 */
export function usePublishActions(rating: SharedRatingRecord | null = null) {
  const run = useCommandRunner('public');
  const session = useContext(SessionContext);
  return useMemo(() => {
    const work = () => {
      const doc = session?.docs.work;
      return doc ? snapshotStore(doc, readWorkDoc).getSnapshot().view : null;
    };
    return {
      publishCommunity: () => run((doc, ctx, roster) => (roster ? publishCommunity(doc, projectCommunity(roster, rating), ctx) : notLoaded)),
      publishBoards: () => run((doc, ctx, roster) => (roster ? publishBoards(doc, projectBoards(roster), ctx) : notLoaded)),
      publishStatistics: (from: IsoDate | null) =>
        run((doc, ctx, roster) => {
          const w = work();
          return roster && w ? publishStatistics(doc, projectStatistics(roster, w, { asOf: dayOf(Date.now(), roster.settings.timeZone) as IsoDate, from }), ctx) : notLoaded;
        }),
      unpublishMatter: (matterId: MatterId) => run((doc, ctx) => unpublishMatter(doc, matterId, ctx)),
    };
  }, [run, session, rating]);
}
