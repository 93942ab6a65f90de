// The page a community is opened at, when it starts from a kept view, says when it has drawn it
// (or found none to draw and needs its documents): the session's code (Dexie, Yjs, the model; a
// long evaluation on a slow phone) waits for that, so it does not run between the page's code
// and its first rows.

let drawn = false;
const waiting = new Set<() => void>();

/** The first page has drawn its kept view, or has none; idempotent. */
export function firstPageDrawn(): void {
  if (drawn) return;
  drawn = true;
  for (const run of [...waiting]) run();
  waiting.clear();
}

/** Runs `run` once the first page has drawn, or after `maxWaitMs` (a page that never says); returns a cancel. */
export function whenFirstPageDrawn(run: () => void, maxWaitMs: number): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    waiting.delete(once);
    run();
  };
  const timer = setTimeout(once, drawn ? 0 : maxWaitMs);
  if (drawn) once();
  else waiting.add(once);
  return () => {
    done = true;
    clearTimeout(timer);
    waiting.delete(once);
  };
}
