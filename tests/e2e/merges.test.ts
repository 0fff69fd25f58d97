import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../electron/services/auth.ts';
import { addNote } from '../../electron/services/casework-notes.ts';
import { recordConsent } from '../../electron/services/consent-record.ts';
import { createJobseeker, openJobseeker, updateJobseeker } from '../../electron/services/jobseekers.ts';
import { listDuplicatePairs } from '../../electron/services/merges.ts';
import { jobseekerFieldsSchema } from '../../shared/domain/jobseeker.ts';
import type { TestHost } from '../harness/host.ts';
import { SYNC_PASSWORD, type SyncDesk } from '../support/sync-desktop.ts';
import { startSyncE2e, type SyncE2e } from '../support/sync-e2e.ts';
import { seriousViolations } from './support/axe.ts';

// Merging duplicates in the real UI (issue 16 item 5): a real server, the test host as the team lead's
// desktop (background sync on) and counselor1's desktop in-process. counselor1 registered one person
// twice; the lead finds the pair on 중복 병합, compares the two records side by side, keeps the older
// record with the newer phone number and merges. Meanwhile counselor1, offline, wrote a note on the
// record being merged away: after both sync, the note is on the survivor, and opening the old record
// shows the survivor. Then a pair judged to be two people (다른 사람): dismissed with a reason, gone
// from both desktops' lists, listed as dismissed, and taken back.

let e2e: SyncE2e;
let host: TestHost;
let page: Page;
let other: SyncDesk;
let hostSync: () => Promise<void>;

beforeAll(async () => {
  e2e = await startSyncE2e({
    name: 'merges',
    accounts: [
      { loginId: 'counselor1', role: 'counselor', center: 'SEL01' },
      { loginId: 'supervisor1', role: 'supervisor', center: 'SEL01' },
    ],
    inProcess: ['counselor1'],
  });
  other = e2e.other();
  ({ host, page, sync: hostSync } = e2e.desk());
});
afterAll(() => e2e?.close());

/**
 * Dialogs fade in and the sync chip changes colour after a sync: axe checks the final colours (as the
 * axe walk does, e2e/axe-desk.test.ts).
 */
async function settled(): Promise<void> {
  await page.waitForTimeout(1000); // let transitions end so colours are final (not an assertion)
}

describe('merging duplicates on the desk', () => {
  it('lists the pair, merges it in the dialog, keeps a concurrent offline note, and the old record opens the survivor', async () => {
    const ctx = other.store.context;
    const person = (phone: string) =>
      jobseekerFieldsSchema.parse({
        name: '박서준',
        birthYear: 1988,
        phone,
        sido: '11',
        desiredWage: 2_500_000,
      });
    const kept = await createJobseeker(ctx, other.session, person('010-1111-2222'), true);
    const gone = await createJobseeker(ctx, other.session, person('010-3333-4444'), true);
    await recordConsent(ctx, other.session, {
      jobseekerId: gone.id,
      channel: 'counter',
      granted: { required: true, optional: true },
    });
    await addNote(ctx, other.session, {
      jobseekerId: gone.id,
      kind: 'in-person',
      body: '두 번째 등록 때 상담',
    });
    await other.client.syncOnce();

    await e2e.desk().signIn('supervisor1', '#/merges');
    await hostSync();

    // counselor1 goes offline and keeps working on the second record.
    other.online = false;
    await addNote(ctx, other.session, {
      jobseekerId: gone.id,
      kind: 'phone',
      body: '오프라인에서 쓴 전화 상담',
    });
    const goneNow = await openJobseeker(ctx, other.session, gone.id);
    await updateJobseeker(ctx, other.session, gone.id, goneNow.seq, { desiredWage: 2_900_000 });

    // The pair is listed; the dialog shows both records side by side.
    await page.getByTestId('merges-refresh').click();
    const row = page.locator(`[data-pair="${kept.id}:${gone.id}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('이름·출생연도 같음');
    await row.getByTestId('merges-compare').click();
    const dialog = page.getByTestId('merge-dialog');
    await dialog.getByText('010-3333-4444').waitFor();
    await expect(page.getByTestId('merge-records-b').textContent()).resolves.toContain('상담 기록');
    expect(await seriousViolations(page, 'merge dialog')).toEqual([]);
    // Keep the first record, with the second record's (newer) phone number.
    await page.getByTestId('merge-keep-a').check();
    await page.getByTestId('merge-field-phone-b').check();
    await page.getByTestId('merge-confirm').click();
    await page.waitForURL(new RegExp(`#/jobseekers/${kept.id}$`));
    await page.getByText('010-3333-4444').first().waitFor();

    // Both desktops sync: the lead's merge first, then counselor1's offline work.
    await hostSync();
    other.online = true;
    await other.client.syncOnce();
    await hostSync();

    // The old record opens the survivor, which holds the offline note and the offline wage.
    await page.goto(`${host.url}/#/jobseekers/${gone.id}`);
    await page.getByTestId('merged-notice').waitFor();
    expect(page.url()).toContain(`#/jobseekers/${kept.id}`);
    await page.goto(`${host.url}/#/jobseekers/${kept.id}/notes`);
    await page.getByText('오프라인에서 쓴 전화 상담').waitFor();
    await page.getByText('두 번째 등록 때 상담').waitFor();
    const survivor = await openJobseeker(
      host.store.context,
      await login(host.store.context, 'supervisor1', SYNC_PASSWORD),
      kept.id,
    );
    expect(survivor).toMatchObject({ phone: '01033334444', desiredWage: 2_900_000 });
    // The pair is gone from the list.
    await page.goto(`${host.url}/#/merges`);
    await page.getByTestId('merges-empty').waitFor();
  });
  it('marks a pair as different people with a reason, for the whole center, and takes it back', async () => {
    const ctx = other.store.context;
    const person = (phone: string) =>
      jobseekerFieldsSchema.parse({ name: '이동명', birthYear: 1979, phone, sido: '11' });
    const a = await createJobseeker(ctx, other.session, person('010-5555-1111'), true);
    const b = await createJobseeker(ctx, other.session, person('010-5555-2222'), true);
    await other.client.syncOnce();
    await hostSync();
    const key = a.id < b.id ? `${a.id}:${b.id}` : `${b.id}:${a.id}`;

    await page.goto(`${host.url}/#/merges`);
    await page.getByTestId('merges-refresh').click();
    const row = page.locator(`[data-pair="${key}"]`);
    await row.waitFor();
    await row.getByTestId('merges-dismiss').click();
    await page.getByTestId('dismiss-reason').fill('동명이인: 주민등록상 생년월일이 다름 (본인 확인)');
    await settled();
    expect(await seriousViolations(page, 'dismiss dialog')).toEqual([]);
    await page.getByTestId('dismiss-confirm').click();
    await row.waitFor({ state: 'detached' });

    // The counselor's desktop no longer lists the pair once both have synced.
    await hostSync();
    await other.client.syncOnce();
    const pairsThere = await listDuplicatePairs(ctx, other.session);
    expect(pairsThere.some((p) => `${p.a.id}:${p.b.id}` === key)).toBe(false);

    // 다른 사람 판정: the pair with its reason; taking it back puts it on the list again.
    await page.getByTestId('merges-tab-dismissed').click();
    const dismissed = page.getByTestId('dismissed-pair');
    await dismissed.first().waitFor();
    await expect(dismissed.first().textContent()).resolves.toContain('동명이인');
    await settled();
    // The header's sync chip is green after the background sync: it is checked with the list.
    expect(await seriousViolations(page, 'dismissed pairs')).toEqual([]);
    await dismissed.first().getByTestId('dismiss-undo').click();
    await dismissed.first().waitFor({ state: 'detached' });
    await page.getByTestId('merges-tab-pairs').click();
    await page.locator(`[data-pair="${key}"]`).waitFor();
    await hostSync();
    await other.client.syncOnce();
    expect((await listDuplicatePairs(ctx, other.session)).some((p) => `${p.a.id}:${p.b.id}` === key)).toBe(
      true,
    );
  });
});
