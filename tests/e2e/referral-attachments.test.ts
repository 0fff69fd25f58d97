import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../electron/services/auth.ts';
import { recordConsent } from '../../electron/services/consent-record.ts';
import { createEmployer, createOpening } from '../../electron/services/employers.ts';
import { createJobseeker } from '../../electron/services/jobseekers.ts';
import { businessNumberCheckDigit } from '../../shared/domain/business-number.ts';
import { jobseekerFieldsSchema } from '../../shared/domain/jobseeker.ts';
import { tinyPdf } from '../support/attachment-files.ts';
import { SYNC_PASSWORD } from '../support/sync-desktop.ts';
import { startSyncE2e, type SyncE2e } from '../support/sync-e2e.ts';
import { seriousViolations } from './support/axe.ts';
import { inkedPixels } from './support/pdf-preview.ts';

// Issue 18 as it proves item 3 end to end: on counselor1's desktop a résumé (PDF) is attached to a
// jobseeker in the UI, the jobseeker is referred to an opening, and the résumé is chosen for the 알선장
// package. Both desktops sync with a real server (rows, then the bytes through /v1/blobs). On the team
// lead's desktop the referral lists the résumé; its preview shows the document (text and ink on the
// page), and the download is byte for byte what was attached. SHOTS_DIR=… keeps the screens (1366×768
// and 1920×1080, ko and en).

let e2e: SyncE2e;
const shots = process.env['SHOTS_DIR'];

beforeAll(async () => {
  e2e = await startSyncE2e({
    name: 'referral-attachments',
    accounts: [
      { loginId: 'counselor1', role: 'counselor', center: 'SEL01' },
      { loginId: 'supervisor1', role: 'supervisor', center: 'SEL01' },
    ],
    desks: 2,
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
  });
});
afterAll(() => e2e?.close());

async function shot(page: Page, name: string): Promise<void> {
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

describe('a résumé sent with a referral, seen on another desktop', () => {
  it('attaches, refers with it, syncs, and the other desktop previews and downloads the same bytes', async () => {
    const a = e2e.desk(0);
    const b = e2e.desk(1);
    await a.signIn('counselor1');
    const ctx = a.host.store.context;
    const session = await login(ctx, 'counselor1', SYNC_PASSWORD);
    const first9 = '220811234';
    const employer = await createEmployer(ctx, session, {
      businessNo: `${first9}${businessNumberCheckDigit(first9)}`,
      name: '(주)서류일터',
      industry: 'H',
      employees: 30,
      sido: '11',
      sigungu: null,
      contactName: null,
      contactPhone: null,
      contactEmail: null,
      potentialClient: false,
      focusSupport: false,
    });
    await createOpening(ctx, session, employer.employer.id, {
      title: '물류 사무원',
      occupation: '5501',
      sido: '11',
      sigungu: null,
      wage: 2_600_000,
      positions: 1,
      requiredQualifications: [],
      public: false,
    });
    const js = await createJobseeker(
      ctx,
      session,
      jobseekerFieldsSchema.parse({
        name: '문서진',
        birthYear: 1990,
        phone: '010-2468-1357',
        sido: '11',
        desiredOccupation: '5501',
      }),
      true,
    );
    await recordConsent(ctx, session, {
      jobseekerId: js.id,
      channel: 'counter',
      granted: { required: true, optional: true },
    });

    // Desk A, in the UI: the résumé is attached on the case's 첨부 서류 tab.
    const resume = tinyPdf('Resume of Moon Seojin');
    await a.page.goto(`${a.host.url}/#/jobseekers/${js.id}/attachments`);
    await a.page.getByTestId('attachments-panel').waitFor();
    await a.page.getByTestId('attachment-file').setInputFiles({
      name: '이력서-문서진.pdf',
      mimeType: 'application/pdf',
      buffer: resume,
    });
    await a.page.getByTestId('attachment-row').filter({ hasText: '이력서-문서진.pdf' }).waitFor();

    // Referred to the opening from the 알선 tab; the résumé goes into the 알선장 package.
    await a.page.goto(`${a.host.url}/#/jobseekers/${js.id}/referrals`);
    await a.page
      .getByTestId('opening-match')
      .filter({ hasText: '물류 사무원' })
      .getByTestId('refer-opening')
      .click();
    await a.page.getByTestId('history-row').filter({ hasText: '물류 사무원' }).click();
    await a.page.getByTestId('referral-dialog').waitFor();
    await a.page.getByTestId('referral-attach-이력서-문서진.pdf').check();
    await a.page.getByTestId('referral-attach-add').click();
    await expect
      .poll(() => a.page.getByTestId('referral-attachment-list').textContent())
      .toContain('이력서-문서진.pdf');
    await a.page.getByTestId('close-referral').click();
    await a.sync();

    // Desk B: the team lead's PC, a fresh store from its first online sign-in.
    await b.signIn('supervisor1');
    await b.sync();
    // A second run brings the bytes of files whose rows came with the first (rows, then blobs).
    await b.sync();
    await b.page.goto(`${b.host.url}/#/jobseekers/${js.id}/referrals`);
    await b.page.getByTestId('history-row').filter({ hasText: '물류 사무원' }).click();
    const item = b.page.getByTestId('referral-attachment').filter({ hasText: '이력서-문서진.pdf' });
    await item.waitFor();
    expect(await seriousViolations(b.page, 'referral package')).toEqual([]);
    await shot(b.page, 'referral-package-ko');

    // Its preview shows the document: the page's text, and ink on the drawn page.
    await item.getByTestId('referral-attachment-preview').click();
    await expect
      .poll(() => b.page.getByTestId('attachment-pdf-text').first().textContent())
      .toContain('Resume of Moon Seojin');
    expect(await inkedPixels(b.page)).toBeGreaterThan(100);
    expect(await seriousViolations(b.page, 'attachment preview')).toEqual([]);
    await shot(b.page, 'referral-preview-ko');

    // The download (from the preview) is the attached file, byte for byte.
    const [download] = await Promise.all([
      b.page.waitForEvent('download'),
      b.page.getByTestId('attachment-preview-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('이력서-문서진.pdf');
    const path = await download.path();
    expect((await readFile(path)).equals(resume)).toBe(true);
    await b.page.getByTestId('attachment-preview-close').click();

    // Both reads on desk B are in its audit trail: the preview and the download (an export).
    const audit = await b.host.store.db
      .selectFrom('audit_entries')
      .select('action')
      .where('subject_type', '=', 'attachment')
      .where('action', 'in', ['attachment.read', 'attachment.export'])
      .execute();
    expect(audit.map((e) => e.action).sort()).toEqual(['attachment.export', 'attachment.read']);

    // The same screens in English.
    if (shots) {
      await b.page.evaluate(() => globalThis.localStorage.setItem('caseworker.language', 'en'));
      await b.page.reload();
      await b.page.getByTestId('history-row').first().click();
      await item.waitFor();
      await shot(b.page, 'referral-package-en');
      await item.getByTestId('referral-attachment-preview').click();
      await b.page.locator('[data-testid="attachment-preview-pdf"][aria-busy="false"]').waitFor();
      await shot(b.page, 'referral-preview-en');
      await b.page.getByTestId('attachment-preview-close').click();
    }
  });
});
