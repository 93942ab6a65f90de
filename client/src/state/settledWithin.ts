// Waits for some work to settle, but not for long: what waits on it goes on after `ms` anyway.

/** Resolves once every promise has settled (fulfilled or rejected) or `ms` have passed. */
export function settledWithin(promises: readonly Promise<unknown>[], ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    void Promise.allSettled(promises).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
