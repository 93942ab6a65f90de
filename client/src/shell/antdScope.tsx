// Ant Design's theme, locale and App (message, modal) wrap only what uses antd, and load with it:
// a light page (a member's "my households") and the shell it renders in load none of antd's code;
// a page or dialog that uses antd gets its ConfigProvider from here, fetched beside its own chunk.
import { lazy, type ComponentType, type ReactNode } from 'react';
import type * as Scope from './LocaleProvider';

let started: Promise<typeof Scope> | null = null;

/** Starts (once) loading antd's providers. */
export function loadAntdScope(): Promise<typeof Scope> {
  return (started ??= import('./LocaleProvider'));
}

/** antd's providers around `children`, loaded when first rendered (at once if already loaded). */
export const AntdScope = lazy(() => loadAntdScope().then((m) => ({ default: ({ children }: { children: ReactNode }) => <m.LocaleProvider>{children}</m.LocaleProvider> })));

/** A lazily loaded component that uses antd, wrapped in antd's providers (both fetched at once), for `React.lazy`. */
export function withAntdScope<P extends object>(component: Promise<ComponentType<P>>): Promise<{ default: ComponentType<P> }> {
  return Promise.all([component, loadAntdScope()]).then(([Component, { LocaleProvider }]) => ({
    default: (props: P) => (
      <LocaleProvider>
        <Component {...props} />
      </LocaleProvider>
    ),
  }));
}
