import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHANGED_MARK, SIGNED_MARK } from '../../electron/services/documents/form-pdf.ts';
import { pdfText } from '../support/pdf-text.ts';
import { signIn, startE2eApp, type E2eApp } from './support/app.ts';

// Issue 18 items 1, 2 and 6 in the real UI (the preview's single-screen signing dialog): the jobseeker
// signs the consent form on the pad by mouse strokes, the signature is stored and shows in the printed
// PDF (an embedded picture and the signed mark), a later change to the consent shows the form unsigned
// (on screen and on paper); the counselor prints (downloads) the registration form; a code is verified.

type Invoke = (channel: string, input: unknown) => Promise<{ ok: boolean; value: unknown; error?: unknown }>;

let app: E2eApp;
let context: BrowserContext;
let page: Page;
let downloads: string;

beforeAll(async () => {
  app = await startE2eApp(60);
  downloads = mkdtempSync(join(tmpdir(), 'caseworker-e2e-forms-'));
});
afterAll(async () => {
  rmSync(downloads, { recursive: true, force: true });
  await app.close();
});
beforeEach(async () => {
  context = await app.browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'ko-KR',
    acceptDownloads: true,
  });
  page = await context.newPage();
});
afterEach(() => context.close());

async function bridge<T>(p: Page, channel: string, input: unknown): Promise<T> {
  const r = await p.evaluate(
    async ([c, i]) => (globalThis as unknown as { caseworker: { invoke: Invoke } }).caseworker.invoke(c, i),
    [channel, input] as const,
  );
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function download(p: Page, testId: string, file: string): Promise<{ text: string; bytes: Buffer }> {
  const [d] = await Promise.all([p.waitForEvent('download'), p.getByTestId(testId).first().click()]);
  const path = join(downloads, file);
  await d.saveAs(path);
  return { text: (await pdfText(path)).replace(/\s+/g, ' '), bytes: readFileSync(path) };
}

/** A signature by mouse: three strokes across the pad, as a hand would make them. */
async function drawSignature(p: Page): Promise<void> {
  const pad = p.getByTestId('signature-pad');
  // The jobseeker scrolls past the form to the pad, at the end of the dialog.
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('no pad');
  const strokes = [
    [0.1, 0.6, 0.3, 0.3, 0.45, 0.7],
    [0.45, 0.7, 0.6, 0.35, 0.75, 0.65],
    [0.2, 0.8, 0.5, 0.75, 0.9, 0.8],
  ];
  for (const s of strokes) {
    await p.mouse.move(box.x + box.width * (s[0] ?? 0), box.y + box.height * (s[1] ?? 0));
    await p.mouse.down();
    for (let i = 0; i < s.length; i += 2)
      await p.mouse.move(box.x + box.width * (s[i] ?? 0), box.y + box.height * (s[i + 1] ?? 0), { steps: 8 });
    await p.mouse.up();
  }
}

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
