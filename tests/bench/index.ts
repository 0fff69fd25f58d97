import { appointmentsBench } from './appointments.bench.ts';
import { backupBench } from './backup.bench.ts';
import { caseworkBench } from './casework.bench.ts';
import { encryptionBench } from './encryption.bench.ts';
import { faultsBench } from './faults.bench.ts';
import { groupsBench } from './groups.bench.ts';
import { loadBench } from './load.bench.ts';
import { matchingBench } from './matching.bench.ts';
import { mergesBench } from './merges.bench.ts';
import { pushChecksBench } from './push-checks.bench.ts';
import { reportsBench } from './reports.bench.ts';
import { storeBench } from './store.bench.ts';
import { syncBench } from './sync.bench.ts';
import { timelineBench } from './timeline.bench.ts';
import type { Benchmark } from './types.ts';
import { uiBench } from './ui.bench.ts';
import { worklistBench } from './worklist.bench.ts';

// Every benchmark the runner knows, in the order it runs them. Add new modules here.

export const benchmarks: readonly Benchmark[] = [
  storeBench,
  matchingBench,
  caseworkBench,
  appointmentsBench,
  encryptionBench,
  reportsBench,
  syncBench,
  pushChecksBench,
  backupBench,
  faultsBench,
  loadBench,
  uiBench,
  mergesBench,
  worklistBench,
  timelineBench,
  groupsBench,
];
