// 支部争五星 for a township: the criteria in force, each branch's evidence and rating, and the
// actions (edit criteria, rate a branch for a year).
import { useMemo } from 'react';
import { rateBranch } from '@lianxin/model';
import { branchStars, criteriaInForce, dropCriterion, editCriterion, type BranchStars } from './stars';
import { useSayResult } from './useSayResult';
import { useRegionClient, useRegionDirectory } from './useRegion';
import { useRegionView } from './useRegionRecords';
import { useRegionSummaries } from './useRegionSummaries';

export function useStars(year: number) {
  const view = useRegionView();
  const directory = useRegionDirectory();
  const summaries = useRegionSummaries();
  const { criteria, defaults } = useMemo(() => criteriaInForce(view), [view]);
  const branches: BranchStars[] = useMemo(() => branchStars(directory?.communities ?? [], summaries, criteria, view.ratings, year), [directory, summaries, criteria, view.ratings, year]);
  return { criteria, defaults, branches };
}

export function useStarsActions() {
  const { session, account } = useRegionClient();
  const view = useRegionView();
  const say = useSayResult();
  const ctx = useMemo(() => ({ actor: account.personId, name: account.name }), [account]);
  return {
    saveCriterion: (id: string | null, input: { title?: string; metric?: string; threshold?: number; order?: number }) => say(editCriterion(session.region, view, id, input, ctx)),
    removeCriterion: (id: string) => say(dropCriterion(session.region, view, id, ctx)),
    rate: (input: { communityId: string; year: number; stars: number; notes?: string }) => say(rateBranch(session.region, input, ctx)),
  };
}
