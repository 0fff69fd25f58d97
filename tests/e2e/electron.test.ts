import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/run-node.ts';

// The same app through Electron itself, where its binary exists (a developer machine with internet).
// CI machines reach only the npm registry, so Electron's binary is absent there: this suite then says so
// and checks that the desk and kiosk bundles it would load were built, instead of pretending to run them.

const overridePath = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
const electronBinary = overridePath
  ? join(overridePath, 'electron')
  : join(REPO_ROOT, 'node_modules/electron/dist/electron');
const hasElectron = existsSync(electronBinary);

describe(`Electron (${hasElectron ? electronBinary : 'binary absent on this machine: the Chromium e2e specs cover the UI'})`, () => {
  it.runIf(hasElectron)('opens the desk window with the desk bridge only', async () => {
    const { _electron } = await import('playwright-core');
    const app = await _electron.launch({
      executablePath: electronBinary,
      args: [REPO_ROOT],
      env: { ...process.env, CASEWORKER_DATA: join(REPO_ROOT, '.e2e-electron-store') },
    });
    const page = await app.firstWindow();
    expect(await page.evaluate(() => typeof (globalThis as { caseworker?: unknown }).caseworker)).toBe(
      'object',
    );
    expect(await page.evaluate(() => typeof (globalThis as { kiosk?: unknown }).kiosk)).toBe('undefined');
    await app.close();
  });

  it.runIf(!hasElectron)(
    'has no Electron binary here, so it checks the renderer build the app would load',
    () => {
      expect(existsSync(join(REPO_ROOT, 'dist/renderer/index.html'))).toBe(true);
    },
  );
});
