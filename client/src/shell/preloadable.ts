// A lazily loaded component that renders at once when its module is already in. React.lazy
// suspends on its first render even then (it has not seen its promise settle), and React holds
// back what a suspended boundary reveals for up to 300 ms (its fallback throttle): on a cold open
// of a member's route, code fetched long before still cost her ~300 ms of a spinner.
import { createElement, lazy, useState, type ComponentType } from 'react';

export interface Preloadable<P extends object> {
  /** Starts loading the module (once); the same promise every time. */
  readonly preload: () => Promise<{ default: ComponentType<P> }>;
  /** The component: direct when the module was in at its mount, else through React.lazy. */
  readonly Component: ComponentType<P>;
}

export function preloadable<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): Preloadable<P> {
  let started: Promise<{ default: ComponentType<P> }> | null = null;
  let loaded: ComponentType<P> | null = null;
  const preload = () =>
    (started ??= load().then((m) => {
      loaded = m.default;
      return m;
    }));
  const Lazy = lazy(preload);
  function Preloaded(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the module would remount the page.
    const [Ready] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(Ready, props);
  }
  return { preload, Component: Preloaded };
}
