// The 404 page, loaded when shown: antd's Result brings its three illustrations (~35 KB), which
// no page a person opens on purpose needs.
import { lazy, Suspense } from 'react';
import { withAntdScope } from './antdScope';
import { Loading } from './Loading';

const NotFound = lazy(() => withAntdScope(import('./NotFound').then((m) => m.NotFound)));

export function LazyNotFound() {
  return (
    <Suspense fallback={<Loading />}>
      <NotFound />
    </Suspense>
  );
}
