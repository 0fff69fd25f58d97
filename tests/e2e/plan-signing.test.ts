import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHANGED_MARK, SIGNED_MARK } from '../../electron/services/documents/form-pdf.ts';
import { settledViolations } from './support/axe.ts';
import { signIn } from './support/app.ts';
import { bridge, drawSignature, pdfDownloads } from './support/signing.ts';
import { e2eSuite } from './support/suite.ts';

// Issue 17 item 2 in the real UI (Chromium, the preview's single-screen signing dialog): the counselor
// drafts the Individual Action Plan, agrees it, and is offered the signing; the jobseeker reads the
// 취업활동계획서 and signs it on the pad by mouse strokes; the plan shows signed (after a reload too) and
// prints with the signature; revising the plan shows it changed, on screen and on paper. axe passes on
// the plan with its signature state and on the signing dialog, in Korean and in English.

const { app, newPage: open } = e2eSuite(60, { height: 900, acceptDownloads: true });
const download = pdfDownloads('caseworker-e2e-plan-');
const newPage = (lang: 'ko' | 'en', width = 1366, height = 900) => open({ lang, width, height });

/** A new case enrolled in 국민취업지원제도, admitted and in the plan stage (set up through the bridge). */
async function enrolledInPlan(p: Page, name: string): Promise<string> {
  const js = await bridge<{ id: string }>(p, 'jobseekers:create', {
    fields: { name, birthYear: 1984, sido: '11', desiredOccupation: null },
    confirmedNotDuplicate: true,
  });
  await bridge(p, 'casework:recordConsent', {
    jobseekerId: js.id,
    granted: { required: true, sensitive: true },
  });
  const e = await bridge<{ id: string; enrolledOn: string }>(p, 'programmes:enrol', {
    jobseekerId: js.id,
    programmeCode: 'nes-1',
  });
  await bridge(p, 'programmes:precheck', {
    enrolmentId: e.id,
    inputs: { age: 41, householdIncomePct: 45, assetsBand: 'under-400m', recentWorkDays: 250 },
  });
  await bridge(p, 'programmes:decide', { enrolmentId: e.id, decision: 'admit', reasonCode: 'meets-rules' });
  // The center's day (KST), as the enrolment took it.
  await bridge(p, 'programmes:move', { enrolmentId: e.id, to: 'plan', on: e.enrolledOn });
  return js.id;
}

const state = (p: Page) => p.getByTestId('plan-signature-state').getAttribute('data-state');

describe('the Individual Action Plan is signed', () => {
  it('agreeing offers the signing; signed on the pad it shows signed and prints so; a revision shows changed', async () => {
    const page = await newPage('ko');
    await signIn(page, app.host.url);
    const id = await enrolledInPlan(page, '계획서명');

    await page.goto(`${app.host.url}/#/jobseekers/${id}/programmes`);
    await page.getByTestId('plan-goal-0').fill('6개월 안에 용접 분야 취업');
    await page.getByTestId('plan-activity-0').fill('용접 훈련 과정 수료');
    await page.getByTestId('plan-save').click();
    await expect.poll(() => page.getByTestId('plan-state').textContent()).toContain('초안');
    // A draft is not signed yet: no sign button, its state unsigned.
    await expect.poll(() => state(page)).toBe('unsigned');
    expect(await page.getByTestId('sign-action-plan').count()).toBe(0);

    await page.getByTestId('plan-agree').click();
    await expect.poll(() => page.getByTestId('plan-state').textContent()).toContain('합의');
    await page.getByTestId('plan-sign-offer').waitFor();
    expect(await settledViolations(page, 'agreed plan, signing offered (ko)')).toEqual([]);

    await page.getByTestId('sign-action-plan').click();
    const dialog = page.getByTestId('signing-dialog');
    await dialog.getByTestId('document-reader').getByText('용접 훈련 과정 수료').first().waitFor();
    await dialog.getByText('취업활동계획서').first().waitFor();
    expect(await settledViolations(page, 'plan signing dialog (ko)')).toEqual([]);
    expect(await page.getByTestId('signing-confirm').isDisabled()).toBe(true);
    await drawSignature(page);
    await page.getByTestId('signing-confirm').click();
    await expect.poll(() => state(page)).toBe('signed');
    expect(await page.getByTestId('signing-dialog').count()).toBe(0);
    expect(await page.getByTestId('plan-sign-offer').count()).toBe(0);

    // Stored with the record: the store says so after a reload too.
    await page.reload();
    await expect.poll(() => state(page)).toBe('signed');
    expect(await settledViolations(page, 'signed plan (ko)')).toEqual([]);
    const signed = await download(page, 'print-action-plan', 'plan-signed.pdf');
    expect(signed.text).toContain('취업활동계획서');
    expect(signed.text).toContain('계획서명');
    expect(signed.text).toContain(SIGNED_MARK);
    expect(signed.bytes.includes(Buffer.from('/Subtype /Image'))).toBe(true);

    // The plan is revised (a new plan, to agree again): the signature no longer covers it.
    await page.getByRole('button', { name: '계획 변경 (새로 합의)' }).click();
    await page.getByTestId('plan-goal-0').fill('6개월 안에 용접 또는 배관 분야 취업');
    await page.getByTestId('plan-save').click();
    await expect.poll(() => state(page)).toBe('changed');
    await page.getByTestId('plan-signature-changed').waitFor();
    expect(await settledViolations(page, 'plan changed after signing (ko)')).toEqual([]);
    const changed = await download(page, 'print-action-plan', 'plan-changed.pdf');
    expect(changed.text).toContain(CHANGED_MARK);
    expect(changed.text).not.toContain(SIGNED_MARK);
  });

  it('shows the signed plan in English and passes axe', async () => {
    const page = await newPage('en', 1920, 1080);
    await signIn(page, app.host.url);
    const id = await enrolledInPlan(page, '영문서명');
    await page.goto(`${app.host.url}/#/jobseekers/${id}/programmes`);
    await page.getByTestId('plan-goal-0').fill('Welding job within six months');
    await page.getByTestId('plan-activity-0').fill('Finish the welding course');
    await page.getByTestId('plan-save').click();
    await page.getByTestId('plan-agree').click();
    await page.getByTestId('plan-sign-offer').waitFor();
    expect(await page.getByTestId('plan-sign-offer').textContent()).toContain('ask them to sign');
    await page.getByTestId('sign-action-plan').click();
    await page.getByTestId('document-reader').getByText('Finish the welding course').first().waitFor();
    expect(await settledViolations(page, 'plan signing dialog (en)')).toEqual([]);
    await drawSignature(page);
    await page.getByTestId('signing-confirm').click();
    await expect.poll(() => state(page)).toBe('signed');
    expect(await page.getByTestId('plan-signature-state').textContent()).toBe('Signed');
    expect(await settledViolations(page, 'signed plan (en)')).toEqual([]);
  });
});
