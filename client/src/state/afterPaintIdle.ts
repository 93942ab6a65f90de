// When a page that shows kept data first lets the long work of loading its documents start.

/** Runs `run` when the page is idle after the next frame is painted (a tap on it is handled first); returns the cancel. */
export function afterPaintIdle(run: () => void): () => void {
  let idle: number | undefined;
  const cancelFrame = afterPaint(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run, { timeout: 300 });
    else run();
  });
  return () => {
    cancelFrame();
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}

/** Runs `run` after the next frame is painted; returns the cancel. */
function afterPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(run, 0)));
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}
