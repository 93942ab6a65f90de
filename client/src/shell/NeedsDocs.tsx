// A page shows once the documents it reads are loaded from this device, not all of them.
import type { ReactNode } from 'react';
import type { FixedDoc } from '@lianxin/protocol';
import { useDocsLoaded } from '../state/useDocsLoaded';
import { Loading } from './Loading';

export function NeedsDocs({ docs, children }: { docs: readonly FixedDoc[]; children: ReactNode }) {
  return useDocsLoaded(docs) ? <>{children}</> : <Loading />;
}
