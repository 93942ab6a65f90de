// Performance marks the bench and the e2e tests read (no React here: the boot script uses it too).

/** Marks `name` once per page load. */
export function markOnce(name: string): void {
  if (typeof performance === 'undefined' || performance.getEntriesByName(name, 'mark').length > 0) return;
  performance.mark(name);
}
