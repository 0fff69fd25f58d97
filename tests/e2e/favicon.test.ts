import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readIco } from '../../tools/icons.ts';
import { RENDERER_DIR, startTestHost, type TestHost } from '../harness/host.ts';
import { tempDir } from '../support/temp-dir.ts';
import { launchChromium } from './support/browser.ts';

// The preview (the test host `npm run preview` starts) serves the app icon: /favicon.ico and the icon
// index.html links are images, and loading the app asks for nothing that is not there.

describe('favicon', () => {
  let tmp: ReturnType<typeof tempDir>;
  let host: TestHost;
  let browser: Browser;
  beforeAll(async () => {
    tmp = tempDir('caseworker-favicon-');
    host = await startTestHost({ dataDir: tmp.dir });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    await host.close();
    tmp.remove();
  });

  it('serves /favicon.ico as an image: the committed icon at 16, 32 and 48 px', async () => {
    const response = await fetch(`${host.url}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\//);
    const served = Buffer.from(await response.arrayBuffer());
    expect(served.equals(readFileSync(join(import.meta.dirname, '../../renderer/public/favicon.ico')))).toBe(
      true,
    );
    expect(readIco(served).map((i) => i.width)).toEqual([16, 32, 48]);
  });

  it('links the icon from the page, and the page loads without a 404', async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${host.url}/`);
    await page.getByLabel(/아이디|Login id/).waitFor();
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(href).toBeTruthy();
    const icon = await fetch(new URL(href ?? '', `${host.url}/`));
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\//);
    expect(readFileSync(join(RENDERER_DIR, 'favicon.ico')).length).toBeGreaterThan(0);
    expect(failed).toEqual([]);
    await page.close();
  });
});
