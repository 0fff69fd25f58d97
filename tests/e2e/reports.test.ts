import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signIn, startE2eApp, type E2eApp } from './support/app.ts';
import { pdfText } from '../support/pdf-text.ts';

// Issue 7 in the real UI: a supervisor filters the dashboard and exports XLSX and PDF; a counselor
// sees only their own caseload and is never offered names.

let app: E2eApp;
let context: BrowserContext;
let page: Page;
let downloads: string;

beforeAll(async () => {
  app = await startE2eApp(300);
  downloads = mkdtempSync(join(tmpdir(), 'caseworker-e2e-reports-'));
});
afterAll(async () => {
  rmSync(downloads, { recursive: true, force: true });
  await app.close();
});
beforeEach(async () => {
  context = await app.browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'ko-KR',
    acceptDownloads: true,
  });
  page = await context.newPage();
});
afterEach(() => context.close());

async function exportAs(format: 'xlsx' | 'pdf', purpose: string): Promise<string> {
  await page.getByTestId('report-export').click();
  await page.getByTestId(`export-format-${format}`).click();
  await page.getByTestId('export-purpose').fill(purpose);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-start').click(),
  ]);
  const file = join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  await page.getByTestId('export-message').waitFor();
  await page.getByRole('button', { name: '닫기' }).click();
  return file;
}

describe('reports dashboard', () => {
  it('a supervisor filters by counselor and period, and exports XLSX and PDF', async () => {
    await signIn(page, app.host.url, 'supervisor1');
    await page.goto(`${app.host.url}/#/reports?report=caseload`);
    const rows = page.getByTestId('report-table-caseload').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(5);

    await page.getByTestId('report-from').fill('2025-11-02');
    await page.getByTestId('report-to').fill('2026-11-01');
    await page.getByTestId('report-counselor').click();
    const option = page.getByRole('option').nth(1);
    const counselorName = (await option.textContent()) ?? '';
    await option.click();
    await page.getByTestId('report-apply').click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().locator('td').first().textContent()).toBe(counselorName);
    const total = Number((await rows.first().locator('td').nth(1).textContent())?.replace(/,/g, ''));

    // Nothing can leave without a purpose.
    await page.getByTestId('report-export').click();
    await page.getByTestId('export-start').click();
    await page.getByText('내보내는 목적을 입력하세요').waitFor();
    await page.getByRole('button', { name: '닫기' }).click();

    const xlsx = await exportAs('xlsx', '팀 회의 자료');
    expect(xlsx).toMatch(/caseworker-caseload-2025-11-02_2026-11-01\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.getCell('A1').value).toBe('상담사');
    expect(wb.worksheets[0]?.getCell('A2').value).toBe(counselorName);
    expect(wb.worksheets[0]?.getCell('B2').value).toBe(total);

    await page.getByTestId('report-tab-referrals').click();
    await page.getByTestId('report-table-funnel').waitFor();
    const pdf = await exportAs('pdf', '분기 보고');
    const text = await pdfText(pdf);
    expect(text).toContain('알선 단계와 취업률');
    expect(text).toContain(counselorName);
  });

  it('a counselor sees only their own caseload and no names option', async () => {
    await signIn(page, app.host.url, 'counselor1');
    await page.goto(`${app.host.url}/#/reports`);
    const rows = page.getByTestId('report-table-caseload').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => page.getByTestId('report-counselor').count()).toBe(0);
    await page.getByTestId('report-export').click();
    await page.getByTestId('export-purpose').waitFor();
    expect(await page.getByTestId('export-with-names').count()).toBe(0);
  });
});
