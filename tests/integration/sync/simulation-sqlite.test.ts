import { simulationSuite } from '../../support/sim/simulation-suite.ts';

// The deterministic sync simulation on SQLite (its seeds, regression seeds and replay: tests/support/sim/simulation-suite.ts).
// One file per dialect so the integration project's two workers run the dialects side by side.
simulationSuite('sqlite');
