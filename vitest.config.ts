import { defineConfig } from 'vitest/config';

// Three projects so each layer of the suite can run alone (npm run test:unit / :integration / :e2e).
// e2e starts Chromium and the test host; it runs its files one at a time on this 2-core machine.

// argon2 at its least cost inside the unit and integration workers (the product's cost is unchanged;
// why, and the test that holds the product to it: tests/support/setup/fast-hashes.ts).
const FAST_HASHES = ['tests/support/setup/fast-hashes.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: FAST_HASHES,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles: FAST_HASHES,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two files at a time. Vitest's default on a 2-core machine is one worker (cores - 1), yet
          // these tests spend much of their time waiting on PostgreSQL, SQLite's disk and spawned
          // processes; every file makes its own temp folders, databases and ports (port 0), so two run
          // side by side safely. The simulation is a file per dialect so it does not hold one worker
          // for most of the run (tests/integration/sync/simulation-*.test.ts).
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // expect.poll's own default (1 s) fails a test whose page is still painting on a loaded
          // 2-core machine; a poll still ends as soon as the value is right.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
