import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { CHANGED_MARK, SIGNED_MARK } from '../../electron/services/documents/form-pdf.ts';
import { signIn } from './support/app.ts';
import { bridge, drawSignature, pdfDownloads } from './support/signing.ts';
import { e2eSuite } from './support/suite.ts';

// Issue 18 items 1, 2 and 6 in the real UI (the preview's single-screen signing dialog): the jobseeker
// signs the consent form on the pad by mouse strokes, the signature is stored and shows in the printed
// PDF (an embedded picture and the signed mark), a later change to the consent shows the form unsigned
// (on screen and on paper); the counselor prints (downloads) the registration form; a code is verified.

const { app, newPage } = e2eSuite(60, { height: 900, acceptDownloads: true });
const download = pdfDownloads('caseworker-e2e-forms-');
let page: Page;

beforeEach(async () => {
  page = await newPage();
});

describe('forms and signatures', () => {
  it('the jobseeker signs the consent form; it prints signed; a change shows it unsigned; the registration form prints', async () => {
    await signIn(page, app.host.url);
    const js = await bridge<{ id: string }>(page, 'jobseekers:create', {
      fields: {
        name: '서명하나',
        birthYear: 1990,
        sido: '11',
        phone: '010-3333-4444',
        desiredOccupation: null,
      },
      confirmedNotDuplicate: true,
    });
    await bridge(page, 'casework:recordConsent', { jobseekerId: js.id, granted: { required: true } });

    await page.goto(`${app.host.url}/#/jobseekers/${js.id}/documents`);
    const chip = page.getByTestId('document-state-consent');
    await expect.poll(() => chip.getAttribute('data-state')).toBe('unsigned');

    await page.getByTestId('sign-consent').click();
    const dialog = page.getByTestId('signing-dialog');
    await dialog.getByTestId('document-reader').getByText('개인정보 수집·이용 동의서').first().waitFor();
    expect(await page.getByTestId('signing-confirm').isDisabled()).toBe(true);
    await drawSignature(page);
    await page.getByTestId('signing-confirm').click();
    await expect.poll(() => chip.getAttribute('data-state')).toBe('signed');
    expect(await page.getByTestId('signing-dialog').count()).toBe(0);

    // Stored with the record: the store says so after a reload too.
    await page.reload();
    await expect
      .poll(() => page.getByTestId('document-state-consent').getAttribute('data-state'))
      .toBe('signed');

    const signed = await download(page, 'print-consent', 'consent-signed.pdf');
    expect(signed.text).toContain(SIGNED_MARK);
    expect(signed.text).toContain('서명하나');
    expect(signed.bytes.includes(Buffer.from('/Subtype /Image'))).toBe(true);

    // The jobseeker now also gives the optional consent: the signed form no longer matches the record.
    await bridge(page, 'casework:recordConsent', { jobseekerId: js.id, granted: { optional: true } });
    await page.reload();
    await expect
      .poll(() => page.getByTestId('document-state-consent').getAttribute('data-state'))
      .toBe('changed');
    const changed = await download(page, 'print-consent', 'consent-changed.pdf');
    expect(changed.text).toContain(CHANGED_MARK);
    expect(changed.text).not.toContain(SIGNED_MARK);
    expect(changed.bytes.includes(Buffer.from('/Subtype /Image'))).toBe(false);

    // The counselor prints (downloads, in the preview) the registration form.
    const registration = await download(page, 'print-registration', 'registration.pdf');
    expect(registration.text).toContain('구직신청서');
    expect(registration.text).toContain('서명하나');
    expect(registration.text).toContain('010-3333-4444');
  });

  it('verifies a certificate code on the desk screen, and says an unknown code is not genuine', async () => {
    await signIn(page, app.host.url);
    const js = await bridge<{ id: string }>(page, 'jobseekers:create', {
      fields: { name: '검증하나', birthYear: 1988, sido: '11', desiredOccupation: null },
      confirmedNotDuplicate: true,
    });
    const file = await bridge<{ competency: Array<{ id: string }> }>(page, 'casework:addCompetency', {
      jobseekerId: js.id,
      item: {
        kind: 'qualification',
        title: '지게차운전기능사',
        ncsCode: null,
        issuer: '한국산업인력공단',
        startedOn: '2021-03-02',
        endedOn: null,
        hours: null,
        grade: null,
        source: 'q-net',
      },
    });
    const issued = await bridge<{ certificate: { verificationCode: string } }>(
      page,
      'casework:issueCertificate',
      {
        jobseekerId: js.id,
        itemIds: file.competency.map((c) => c.id),
      },
    );

    await page.goto(`${app.host.url}/#/verify`);
    await page.getByTestId('verify-code').fill(issued.certificate.verificationCode.toLowerCase());
    await page.getByTestId('verify-submit').click();
    const result = page.getByTestId('verify-result');
    await expect.poll(() => result.getAttribute('data-found')).toBe('true');
    expect(await result.getAttribute('data-revoked')).toBe('false');
    expect(await page.getByTestId('verify-holder').textContent()).toBe('검**나');
    expect(await result.textContent()).toContain('진본입니다');

    await page.getByTestId('verify-code').fill('ZZZZ-ZZZZ-ZZZZ');
    await page.getByTestId('verify-submit').click();
    await expect.poll(() => result.getAttribute('data-found')).toBe('false');
    expect(await result.textContent()).toContain('발급된 인정서나 알선장이 없습니다');
  });
});
