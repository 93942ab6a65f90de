/**
 * Calls `onGone` once the process that started this one has died. Node has no parent-death
 * signal (prctl PR_SET_PDEATHSIG needs native code), but an orphan is re-parented to init or a
 * subreaper, which changes `process.ppid`; a poll twice a second costs nothing. Used when the
 * relay runs under a wrapper (`npm start`): SIGKILL of npm must not leave an orphan relay
 * holding the port and the data folder.
 */
export function watchParent(onGone: () => void, intervalMs = 500): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
