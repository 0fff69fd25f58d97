import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The order the integration project's two workers take files in. Vitest starts the files it has timings
// for longest first, and on a clean checkout (CI: no timings yet) the largest files first. The two sync
// simulations are a few lines each (their work is in tests/support/sim/), so they started last: on CI
// the run spent its last three minutes on them side by side after everything else had finished (724 s
// where the work itself needed about 525 s on two workers). The files known to run longest start first,
// in this order; the rest follow in Vitest's own order.

const LONGEST_FIRST = [
  'tests/integration/sync/simulation-postgres.test.ts',
  'tests/integration/sync/simulation-sqlite.test.ts',
  'tests/integration/readme-commands.test.ts',
  'tests/integration/electron/main/input-fuzz.test.ts',
];

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) =>
      LONGEST_FIRST.findIndex((path) => f.moduleId.replaceAll('\\', '/').endsWith(path));
    const known = sorted.filter((f) => rank(f) >= 0).sort((a, b) => rank(a) - rank(b));
    return [...known, ...sorted.filter((f) => rank(f) < 0)];
  }
}
