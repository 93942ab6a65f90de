// A page shows once the documents it reads are loaded from this device, not all of them.
// Meanwhile: `fallback` (a page's kept first screen, read-only), else the loading indicator.
import type { ReactNode } from 'react';
import type { FixedDoc } from '@lianxin/protocol';
import { useDocsLoaded } from '../state/useDocsLoaded';
import { Loading } from './Loading';

export function NeedsDocs({ docs, fallback, children }: { docs: readonly FixedDoc[]; fallback?: ReactNode; children: ReactNode }) {
  return useDocsLoaded(docs) ? <>{children}</> : <>{fallback ?? <Loading />}</>;
}
