import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signIn, startE2eApp, type E2eApp } from './support/app.ts';
import { pdfText } from '../support/pdf-text.ts';

// Issue 3 in the real UI: intake with live classification, decision and override, notes with
// revisions, competency import and the certificate PDF.

interface Bridge {
  caseworker: {
    invoke: (channel: string, input: unknown) => Promise<{ ok: boolean; value: { id: string } }>;
  };
}

let app: E2eApp;
let context: BrowserContext;
let page: Page;
let downloads: string;

beforeAll(async () => {
  app = await startE2eApp(200);
  downloads = mkdtempSync(join(tmpdir(), 'caseworker-e2e-dl-'));
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

async function createJobseeker(p: Page, name: string): Promise<string> {
  const id = await p.evaluate(async (n) => {
    const r = await (globalThis as unknown as Bridge).caseworker.invoke('jobseekers:create', {
      fields: { name: n, birthYear: 1985, sido: '11', desiredOccupation: null },
      confirmedNotDuplicate: true,
    });
    return r.ok ? r.value.id : '';
  }, name);
  expect(id).not.toBe('');
  return id;
}

async function answer(p: Page, answers: Record<string, string>) {
  for (const [item, value] of Object.entries(answers)) await p.getByTestId(`intake-${item}-${value}`).check();
}

const READY_WIDE = {
  searchActivities4w: '3+',
  startWish: 'within3m',
  willToWork: '5',
  preparation: 'license',
  experience: '2y+',
  sinceLastJob: 'under6m',
  barriers: 'none',
  economicHardship: 'none',
  fieldDecided: 'true',
  mobile: 'true',
};

describe('casework in the real UI', () => {
  it('runs an intake that ends ready / wide-area, with the classification shown live', async () => {
    await signIn(page, app.host.url);
    const id = await createJobseeker(page, '윤서연');
    await page.goto(`${app.host.url}/#/jobseekers/${id}/intake`);
    await page.getByTestId('consent-required').check();
    await page.getByTestId('consent-sensitive').check();
    await answer(page, { searchActivities4w: '3+', startWish: 'within3m', willToWork: '5' });
    await expect.poll(() => page.getByTestId('live-motivation').textContent()).toContain('6');
    await expect.poll(() => page.getByTestId('live-type').count()).toBe(0);
    await answer(page, READY_WIDE);
    await expect.poll(() => page.getByTestId('live-type').textContent()).toBe('준비된 구직자');
    await expect.poll(() => page.getByTestId('live-track').textContent()).toBe('광역 알선');
    await expect.poll(() => page.getByTestId('live-reasons').textContent()).toContain('광역 알선 대상');
    await page.getByTestId('save-assessment').click();
    await expect
      .poll(() => page.getByTestId('current-classification').textContent())
      .toBe('준비된 구직자 · 광역 알선');
    expect(page.url()).toContain(`/jobseekers/${id}/assessments`);
    await expect.poll(() => page.getByTestId('assessment-entry').count()).toBe(1);
    await page.getByTestId('tab-plan').click();
    await expect.poll(() => page.getByTestId('plan-steps').textContent()).toContain('광역 단위 일자리 매칭');
    await page.getByTestId('plan-step-jobInfo').click();
    await expect.poll(() => page.getByTestId('plan-steps').textContent()).toContain('완료');
  });

  it('refuses an override without a reason, then overrides to another track with a reason', async () => {
    await signIn(page, app.host.url);
    const id = await createJobseeker(page, '정민호');
    await page.goto(`${app.host.url}/#/jobseekers/${id}/intake`);
    await page.getByTestId('consent-required').check();
    await answer(page, {
      ...READY_WIDE,
      searchActivities4w: '1-2',
      startWish: '3to6m',
      willToWork: '3',
      economicHardship: 'declined',
      fieldDecided: 'false',
      mobile: 'false',
    });
    await expect.poll(() => page.getByTestId('live-track').textContent()).toBe('심층상담·구직의욕고취');
    // Sensitive consent not given: the welfare item is recorded as declined.
    await expect.poll(() => page.getByTestId('intake-economicHardship-declined').isChecked()).toBe(true);
    await page.getByTestId('decision-overridden').check();
    await page.getByTestId('override-track').selectOption('training');
    await page.getByTestId('save-assessment').click();
    await expect.poll(() => page.getByTestId('intake-error').textContent()).toContain('변경 사유를 고르세요');
    await page.getByTestId('override-reason-code').selectOption('jobseeker-request');
    await page.getByTestId('override-reason-text').fill('용접 훈련 과정 참여를 강하게 희망함');
    await page.getByTestId('save-assessment').click();
    await expect
      .poll(() => page.getByTestId('current-classification').textContent())
      .toBe('준비가 필요한 구직자 · 훈련·일경험');
    await expect
      .poll(() => page.getByTestId('current-override').textContent())
      .toContain('용접 훈련 과정 참여를 강하게 희망함');
    await expect.poll(() => page.getByTestId('reassess-chip').count()).toBe(1);
  });

  it('uses the kiosk pre-fill as initial answers, marked for the counselor to confirm', async () => {
    await signIn(page, app.host.url);
    const id = await createJobseeker(page, '한지우');
    await page.goto(`${app.host.url}/#/jobseekers/${id}`);
    await page.getByTestId('jobseeker-name').waitFor();
    // What the queue (issue 6) does: navigate with React Router state.
    await page.evaluate((jobseekerId) => {
      const h = globalThis as unknown as {
        history: { pushState: (s: unknown, t: string, u: string) => void };
        dispatchEvent: (e: unknown) => void;
        PopStateEvent: new (type: string, init: unknown) => unknown;
      };
      const state = {
        usr: { prefill: { searchActivities4w: '0', startWish: 'over6m', willToWork: 2 }, checkinId: 'c1' },
        key: 'k1',
        idx: 5,
      };
      h.history.pushState(state, '', `#/jobseekers/${jobseekerId}/intake`);
      h.dispatchEvent(new h.PopStateEvent('popstate', { state }));
    }, id);
    await page.getByTestId('kiosk-prefill').waitFor();
    await expect.poll(() => page.getByTestId('kiosk-chip').count()).toBe(3);
    expect(await page.getByTestId('intake-startWish-over6m').isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('live-motivation').textContent()).toContain('0');
  });

  it('adds a note and edits it: the revision is kept and visible', async () => {
    await signIn(page, app.host.url);
    const id = await createJobseeker(page, '오하람');
    await page.goto(`${app.host.url}/#/jobseekers/${id}/notes`);
    await page.getByTestId('note-kind-phone').click();
    await page.getByTestId('note-body').fill('전화 상담: 이력서 초안 요청함');
    await page.getByTestId('add-note').click();
    await expect
      .poll(() => page.getByTestId('note-body-text').textContent())
      .toBe('전화 상담: 이력서 초안 요청함');
    await page.getByTestId('edit-note').click();
    await page.getByTestId('edit-note-body').fill('전화 상담: 이력서 초안과 자격증 사본 요청함');
    await page.getByTestId('save-note-revision').click();
    await expect
      .poll(() => page.getByTestId('note-body-text').textContent())
      .toBe('전화 상담: 이력서 초안과 자격증 사본 요청함');
    await expect.poll(() => page.getByTestId('note-revised').textContent()).toContain('2');
    await page.getByTestId('note-history-toggle').click();
    await expect
      .poll(() => page.getByTestId('note-history').textContent())
      .toContain('전화 상담: 이력서 초안 요청함');
    await page.reload();
    await expect
      .poll(() => page.getByTestId('note-body-text').textContent())
      .toBe('전화 상담: 이력서 초안과 자격증 사본 요청함');
  });

  it('imports a competency file and issues a certificate whose PDF text has the name and the item', async () => {
    await signIn(page, app.host.url);
    const id = await createJobseeker(page, '강다온');
    await page.goto(`${app.host.url}/#/jobseekers/${id}/competency`);
    const csv = [
      'kind,title,ncsCode,issuer,startedOn,endedOn,hours,grade,source',
      '자격,지게차운전기능사,,한국산업인력공단,2020.05.01,,,,Q-Net',
      'training,용접 실무 과정,15020301,한국폴리텍대학,2021-03-02,2021-08-31,600,,hrd-net',
    ].join('\n');
    await page
      .getByTestId('competency-file')
      .setInputFiles({ name: 'items.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-preview').waitFor();
    await expect.poll(() => page.getByTestId('import-to-add').locator('li').count()).toBe(2);
    await page.getByTestId('confirm-import').click();
    await expect.poll(() => page.getByTestId('competency-row').count()).toBe(2);

    // A second file with a bad line: refused, line named, nothing added.
    const bad = `${csv}\ncareer,물류 관리,,,2022-13-01,,,,employment-insurance`;
    await page
      .getByTestId('competency-file')
      .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await expect.poll(() => page.getByTestId('import-errors').textContent()).toContain('4번째 줄');
    expect(await page.getByTestId('confirm-import').isDisabled()).toBe(true);
    await page.getByRole('button', { name: '취소' }).click();
    await expect.poll(() => page.getByTestId('competency-row').count()).toBe(2);

    await page.getByRole('checkbox', { name: '지게차운전기능사' }).check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('issue-certificate').click(),
    ]);
    const pdf = join(downloads, 'cert.pdf');
    await download.saveAs(pdf);
    const text = await pdfText(pdf);
    expect(text).toContain('강다온');
    expect(text).toContain('지게차운전기능사');
    expect(text).not.toContain('용접 실무 과정');
    expect(text).toContain('서울강남고용센터');
    await expect.poll(() => page.getByTestId('certificate-list').locator('li').count()).toBe(1);
  });

  it('shows my caseload grouped by type and track', async () => {
    await signIn(page, app.host.url);
    await page.goto(`${app.host.url}/#/caseload`);
    await expect.poll(() => page.getByTestId('caseload-row').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('caseload-groups').textContent()).toContain('준비된 구직자');
    await page.getByTestId('caseload-search').fill('윤서연');
    await expect.poll(() => page.getByTestId('caseload-row').count()).toBe(1);
  });
});
