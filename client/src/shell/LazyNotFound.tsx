// The 404 page, loaded when shown: antd's Result brings its three illustrations (~35 KB), which
// no page a person opens on purpose needs.
import { lazy, Suspense } from 'react';
import { Loading } from './Loading';

const NotFound = lazy(() => import('./NotFound').then((m) => ({ default: m.NotFound })));

export function LazyNotFound() {
  return (
    <Suspense fallback={<Loading />}>
      <NotFound />
    </Suspense>
  );
}
