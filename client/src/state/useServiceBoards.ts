import { useMemo } from 'react';
import { projectBoards, type PublicBoardDraft } from '@lianxin/model';
import { useRoster } from './useRoster';

/** 服务牌 as they would be published: only what each person agreed to show. */
export function useServiceBoards(): readonly PublicBoardDraft[] | null {
  const roster = useRoster()?.view ?? null;
  return useMemo(() => (roster ? projectBoards(roster) : null), [roster]);
}
