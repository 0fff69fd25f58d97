import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png, tinyPdf } from '../support/attachment-files.ts';
import { signIn, startE2eApp, type E2eApp } from './support/app.ts';
import { settledViolations } from './support/axe.ts';
import { inkedPixels } from './support/pdf-preview.ts';

// Issue 18 item 3 in Chromium: a counselor attaches a scanned résumé to a case, sees it listed, opens
// the preview, and a damaged PDF is refused with its message and nothing added. SHOTS_DIR=… keeps the
// screenshots (ko and en) of the list and the preview.

interface Bridge {
  caseworker: { invoke: (c: string, i: unknown) => Promise<{ ok: boolean; value: { id: string } }> };
}

let app: E2eApp;
let context: BrowserContext;
let page: Page;
const shots = process.env['SHOTS_DIR'];

beforeAll(async () => {
  app = await startE2eApp(50);
  context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ko-KR' });
  page = await context.newPage();
  if (shots) mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await context.close();
  await app.close();
});

async function shot(name: string) {
  if (!shots) return;
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${shots}/${name}-${width}x${height}.png` });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

describe('attachments on a case', () => {
  it('attaches a résumé, previews it, and refuses a damaged PDF', async () => {
    await signIn(page, app.host.url);
    const id = await page.evaluate(async () => {
      const r = await (globalThis as unknown as Bridge).caseworker.invoke('jobseekers:create', {
        fields: { name: '서류가', birthYear: 1985, sido: '11', desiredOccupation: null },
        confirmedNotDuplicate: true,
      });
      return r.ok ? r.value.id : '';
    });
    expect(id).not.toBe('');
    await page.goto(`${app.host.url}/#/jobseekers/${id}/attachments`);
    await page.getByTestId('attachments-panel').waitFor();

    await page.getByTestId('attachment-file').setInputFiles({
      name: '이력서-스캔.png',
      mimeType: 'image/png',
      buffer: png(600, 800, 3),
    });
    await page.getByTestId('attachment-row').first().waitFor();
    await page.getByTestId('attachment-file').setInputFiles({
      name: '자격증.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf('certificate'),
    });
    await expect.poll(() => page.getByTestId('attachment-row').count()).toBe(2);

    // A damaged PDF: the message says why, and the list does not grow.
    const pdf = tinyPdf('broken');
    await page.getByTestId('attachment-file').setInputFiles({
      name: '손상된.pdf',
      mimeType: 'application/pdf',
      buffer: pdf.subarray(0, pdf.length - 40),
    });
    await expect.poll(() => page.getByTestId('attachment-message').textContent()).toContain('손상');
    expect(await page.getByTestId('attachment-row').count()).toBe(2);
    // axe on the list with files in it (the desk walk sees the tab empty) and on each preview.
    expect(await settledViolations(page, 'attachments list (ko)')).toEqual([]);
    await shot('attachments-list-ko');

    await page
      .getByTestId('attachment-row')
      .filter({ hasText: '이력서-스캔.png' })
      .getByTestId('attachment-preview')
      .click();
    await page.getByTestId('attachment-preview-image').waitFor();
    // The image decoded from the store's bytes (its real width), not a broken icon.
    await expect
      .poll(() =>
        page
          .getByTestId('attachment-preview-image')
          .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      )
      .toBe(600);
    expect(await settledViolations(page, 'image preview (ko)')).toEqual([]);
    await shot('attachments-preview-ko');
    await page.getByTestId('attachment-preview-close').click();

    await page.evaluate(() => localStorage.setItem('caseworker.language', 'en'));
    await page.reload();
    await page.getByTestId('attachments-panel').waitFor();
    await page.getByTestId('attachment-row').first().waitFor();
    expect(await settledViolations(page, 'attachments list (en)')).toEqual([]);
    await shot('attachments-list-en');
    await page
      .getByTestId('attachment-row')
      .filter({ hasText: '자격증.pdf' })
      .getByTestId('attachment-preview')
      .click();
    await page.getByTestId('attachment-preview-pdf').waitFor();
    // The document itself, not a dark empty frame: its text, and ink on the drawn page.
    await expect.poll(() => page.getByTestId('attachment-pdf-text').textContent()).toContain('certificate');
    expect(await inkedPixels(page)).toBeGreaterThan(100);
    expect(await settledViolations(page, 'PDF preview (en)')).toEqual([]);
    await shot('attachments-preview-pdf-en');
    await page.getByTestId('attachment-preview-close').click();
    await page.evaluate(() => localStorage.setItem('caseworker.language', 'ko'));
  });

  it('keeps papers on an employer and on an opening, each on its own page', async () => {
    await page.goto(`${app.host.url}/#/openings`);
    await page.reload(); // Korean again (the first test switched to English and back)
    await page.getByTestId('opening-row').first().click();
    await page.getByTestId('tab-documents').click();
    await page.getByTestId('attachments-panel').waitFor();
    await page.getByTestId('attachment-file').setInputFiles({
      name: '구인신청서-스캔.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf('job opening form'),
    });
    const row = page.getByTestId('attachment-row').filter({ hasText: '구인신청서-스캔.pdf' });
    await row.waitFor();
    // An opening's papers default to a scanned form, not a résumé.
    expect(await row.textContent()).toContain('스캔한 신청서');
    expect(await settledViolations(page, 'opening documents')).toEqual([]);
    await shot('attachments-opening-ko');

    await page.goto(`${app.host.url}/#/employers`);
    await page.getByTestId('employer-row').first().click();
    await page.getByTestId('attachments-panel').waitFor();
    await page.getByTestId('attachment-file').setInputFiles({
      name: '사업자등록증.png',
      mimeType: 'image/png',
      buffer: png(400, 300, 9),
    });
    await page.getByTestId('attachment-row').filter({ hasText: '사업자등록증.png' }).waitFor();
    expect(await settledViolations(page, 'employer documents')).toEqual([]);
  });
});
