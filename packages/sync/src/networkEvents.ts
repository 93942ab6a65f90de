/** The browser window, whose `online`/`offline` events tell when the device's network changes; null elsewhere. */
export function defaultNetworkEvents(): EventTarget | null {
  const g = globalThis as { addEventListener?: unknown; navigator?: { onLine?: unknown } };
  return typeof g.addEventListener === 'function' && typeof g.navigator?.onLine === 'boolean' ? (globalThis as unknown as EventTarget) : null;
}

/** Calls `offline`/`online` on the target's events; returns the function that stops listening. */
export function watchNetwork(target: EventTarget | null, handlers: { offline: () => void; online: () => void }): () => void {
  if (!target) return () => undefined;
  const offline = (): void => handlers.offline();
  const online = (): void => handlers.online();
  target.addEventListener('offline', offline);
  target.addEventListener('online', online);
  return () => {
    target.removeEventListener('offline', offline);
    target.removeEventListener('online', online);
  };
}
