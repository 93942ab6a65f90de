// vitest global setup: builds the relay once per test run, so every test process starts the
// same JS that production runs (`node relay/dist/cli.js`), without tsx compiling it per process.
import { buildRelay } from '../../relay/scripts/buildRelay.mjs';

export default async function setup(): Promise<void> {
  await buildRelay();
}
