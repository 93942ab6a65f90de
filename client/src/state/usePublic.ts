import type { PublicRead } from '@lianxin/model';
import { readPublicDoc } from './reads';
import { useDocView } from './useDocView';

/** What is published to the public page. */
export function usePublic(): PublicRead | null {
  return useDocView('public', readPublicDoc);
}
