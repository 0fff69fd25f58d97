import { lowerArgon2CostForTests } from '../../../db/hash-cost.ts';

// Vitest setup file (vitest.config.ts, every project): argon2 at its least cost inside
// the test workers. The suite makes thousands of accounts, sign-ins and keyring entries; at OWASP's
// cost each hash is ~30 ms of one core's time (~50 ms under load), and no check depends on the cost (a
// hash records its own parameters and verifies at them). The product's cost is unchanged: the switch
// refuses to act outside vitest, processes the tests spawn keep the real cost, and
// tests/integration/db/hash-cost.test.ts checks a plain process still hashes at 19 MiB, 2 passes.
lowerArgon2CostForTests();
