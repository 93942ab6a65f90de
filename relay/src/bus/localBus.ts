import type { Bus } from './Bus';

/** One relay process: it broadcasts to its own connections itself; there is nobody else to tell. */
export function createLocalBus(): Bus {
  return {
    kind: 'local',
    async start() {},
    async follow() {},
    unfollow() {},
    publishUpdates() {},
    publishAwareness() {},
    publishAwarenessQuery() {},
    publishHead() {},
    publishRevoked() {},
    health: () => ({ kind: 'local', state: 'ok' }),
    async close() {},
  };
}
