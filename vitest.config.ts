import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './tests/support/long-first-sequencer.ts';

// Three projects so each layer of the suite can run alone (npm run test:unit / :integration / :e2e).
// e2e starts Chromium and the test host; it runs its files one at a time on this 2-core machine.

// argon2 at its least cost inside the test workers (the product's cost is unchanged;
// why, and the test that holds the product to it: tests/support/setup/fast-hashes.ts).
const FAST_HASHES = ['tests/support/setup/fast-hashes.ts'];

// Node's compile cache (Node 22.1+; on 24 it also keeps the type-stripped sources) for every Node
// process the tests start: vitest's own workers, the CLIs, servers and launchers the integration tests
// spawn by the hundred. A process that loads the same files again starts in about half the CPU time
// (the server CLI 0.6 s -> 0.3 s, the desktop CLI 0.9 s -> 0.5 s). Entries are keyed by the file's
// content, so an edited file is compiled afresh; a caller's own NODE_COMPILE_CACHE wins.
process.env['NODE_COMPILE_CACHE'] ??= join(tmpdir(), 'caseworker-node-compile-cache');

export default defineConfig({
  test: {
    // The integration project's longest files first (why: tests/support/long-first-sequencer.ts).
    sequence: { sequencer: LongestFirstSequencer },
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
          // Files share their worker's loaded modules instead of each loading the product again: 145 files
          // spent about three minutes of the step's wall time importing (699 s -> 516 s on a 2-core
          // machine). Every file makes its own stores, databases, servers and ports; the module-level
          // state they share is caches keyed by what they describe (the columns a store has are
          // forgotten when another store is opened: electron/services/sync/store-columns.ts) and the
          // migrated store template (tests/support/store-template.ts), which is the point.
          isolate: false,
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
          setupFiles: FAST_HASHES,
          // expect.poll's own default (1 s) fails a test whose page is still painting on a loaded
          // 2-core machine; a poll still ends as soon as the value is right.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
