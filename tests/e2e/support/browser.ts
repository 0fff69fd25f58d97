import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { DEFAULT_CHROMIUM } from '../../../tools/chromium-plan.ts';

// Debian's Chromium driven by playwright-core (Playwright's own browser download cannot run here).
// The flags keep Chromium from reaching for the network, which this machine refuses.

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] || DEFAULT_CHROMIUM;

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run \`node tools/ensure-chromium.ts\` (installs Debian's package as root, or says the command) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
