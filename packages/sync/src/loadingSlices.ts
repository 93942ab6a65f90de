// Which Yjs transactions are slices of a document still loading, and how a load yields between
// them. No dependencies (`@lianxin/sync/slices`): a page's views import it without the engine.

/** Origins of the slices of loads in progress (loadInSlices adds and removes them). */
export const loading = new WeakSet<object>();

/**
 * True for a transaction that applies a slice of a stored document while it loads, except the
 * last: a view that watches the document marks itself stale on it but need not rebuild, since
 * the whole load ends with one transaction that is not a loading slice.
 */
export function isLoadingSlice(transaction: { readonly origin: unknown }): boolean {
  const o = transaction.origin;
  return typeof o === 'object' && o !== null && loading.has(o);
}

/** Lets the event loop run (input, rendering, timers) before continuing: `scheduler.yield` where there is one. */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
