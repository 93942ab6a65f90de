import type { ClientSession } from './ClientSession';

/**
 * Runs `fn` once, the first time the session has synced with the relay (so what it reads is what
 * the relay holds, not only this device's copy). Returns the unsubscribe for an effect's cleanup.
 */
export function onceSynced(session: ClientSession, fn: () => void): () => void {
  let done = false;
  const check = () => {
    if (done || session.getStatus().type !== 'synced') return;
    done = true;
    fn();
  };
  const unsubscribe = session.subscribeStatus(check);
  check();
  return unsubscribe;
}
