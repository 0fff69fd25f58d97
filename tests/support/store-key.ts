// Tests open real, encrypted stores. Where a test opens a store by hand (not through the keyring and a
// sign-in), it uses this fixed key, so reopening the same folder later works.
export const TEST_STORE_KEY: Buffer = Buffer.alloc(32, 0x5a);
