// argon2id's cost, for password verifiers (credentials.ts) and the keyring's key-encryption keys
// (electron/services/keyring.ts): OWASP's baseline, 19 MiB and 2 passes, wherever the product runs.
// Both kinds of hash record their own parameters (the PHC string, the keyring entry's `kdf`), so a hash
// made at any cost verifies or unwraps at that cost: lowering it changes only what new hashes cost.

export interface Argon2Cost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export const OWASP_ARGON2: Readonly<Argon2Cost> = Object.freeze({
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
});

/** argon2's least memory (8 KiB per lane) and one pass: well under a millisecond. */
const TEST_ARGON2: Readonly<Argon2Cost> = Object.freeze({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

let current: Readonly<Argon2Cost> = OWASP_ARGON2;

export function argon2Cost(): Readonly<Argon2Cost> {
  return current;
}

/**
 * For vitest's workers only (tests/support/setup/fast-hashes.ts): the suite makes thousands of
 * accounts and sign-ins, each ~30 ms of argon2 at the real cost, and none of its checks depends on the
 * cost. Refused anywhere else, so no product path can weaken its own hashes; processes the tests spawn
 * (the CLIs, servers, the test host) keep the real cost.
 */
export function lowerArgon2CostForTests(): void {
  if (process.env['VITEST'] === undefined) {
    throw new Error('the argon2 cost is lowered only inside the test runner (vitest)');
  }
  current = TEST_ARGON2;
}
