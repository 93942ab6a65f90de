import { defineConfig } from 'vitest/config';

// One runner for every package: unit tests beside the code, scenario and e2e tests in test/.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'relay/src/**/*.test.{ts,tsx}', 'client/src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Builds relay/dist/cli.js once: tests start the built relay, as production does.
    globalSetup: ['test/support/buildRelayOnce.ts'],
  },
});
