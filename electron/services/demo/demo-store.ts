import { NO_OS_KEYRING } from '../keyring.ts';
import { StoreGate } from '../store-gate.ts';
import { generateDemo, type DemoOptions, type DemoSummary } from './generate.ts';

/**
 * A new encrypted store filled with demo data, its key wrapped for every demo account (all with the
 * demo password), exactly as if each had signed in once. `deviceUnlock` also seals the key for the
 * device, as an admin does for a kiosk PC, so the preview's and tests' lobby screen works without a
 * sign-in (marked `plain`: there is no OS keyring here).
 */
export async function createDemoStore(
  dataDir: string,
  options: DemoOptions,
  extra: { deviceUnlock?: boolean } = {},
): Promise<DemoSummary> {
  const gate = new StoreGate({ dataDir, protector: NO_OS_KEYRING });
  await gate.createForSetup();
  const services = gate.current();
  if (!services) throw new Error('The new store did not open.');
  try {
    const summary = await generateDemo(services, options);
    for (const loginId of summary.accounts) await gate.rememberPassword(loginId, null, options.password);
    if (extra.deviceUnlock) gate.setDeviceUnlock(true);
    gate.keep();
    await gate.close();
    return summary;
  } catch (error) {
    // A half-made demo store is worse than none.
    await gate.discardIfFresh();
    throw error;
  }
}
