import type { WorkRead } from '@lianxin/model';
import { readWorkDoc } from './reads';
import { useDocView } from './useDocView';

/** Concerns with their history, visits and must-visits; null if this role may not open work. */
export function useWork(): WorkRead | null {
  return useDocView('work', readWorkDoc);
}
