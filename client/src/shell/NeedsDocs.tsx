// A page shows once the documents it reads are loaded from this device, not all of them.
// Meanwhile: `fallback` (a page's kept first screen, read-only), else the loading indicator.
import { useLayoutEffect, type ReactNode } from 'react';
import type { FixedDoc } from '@lianxin/protocol';
import { dismissBootScreen } from '../boot/bootScreen';
import { useDocsLoaded } from '../state/useDocsLoaded';
import { Loading } from './Loading';

export function NeedsDocs({ docs, fallback, children }: { docs: readonly FixedDoc[]; fallback?: ReactNode; children: ReactNode }) {
  const loaded = useDocsLoaded(docs);
  // The live page is in: a first screen the boot script drew (if nothing took it) goes, in the
  // same frame as the page shows.
  useLayoutEffect(() => {
    if (loaded) dismissBootScreen();
  }, [loaded]);
  return loaded ? <>{children}</> : <>{fallback ?? <Loading />}</>;
}
