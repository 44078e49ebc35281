import { defineConfig } from 'vitest/config';

// Two projects: "standalone" tests need no shared servers (pure modules, and the Twilio simulator,
// which each test starts on its own port); "integration" tests run against the Temporal and
// MongoDB-protocol servers that the global setup starts once for the whole run.
export default defineConfig({
  test: {
    // Worker threads and the Temporal native bridge do not mix: one process per test file.
    pool: 'forks',
    // A page or a workflow on a busy 2-core machine may take seconds to show what a test waits for;
    // expect.poll's default second is too short for that, and a longer wait costs nothing when it passes.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'standalone',
          include: ['test/unit/**/*.test.ts', 'test/simulator/**/*.test.ts', 'test/replay/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/browser/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
