import { describe, expect, it } from 'vitest';
import { settledViolations } from './support/axe.ts';
import { signIn } from './support/app.ts';
import { e2eSuite } from './support/suite.ts';

// Editing and archiving group programme runs and sessions, and session capacity (issue 17 leftovers), in
// Chromium on the real services: a supervisor edits a demo run (a capacity below the seats held is
// refused with the numbers), gives its first session a capacity of one, is refused a second attended
// mark there with the numbers, archives that session (it has a mark: archived, not deleted, as the dialog
// says), and archives the run with a reason after the confirmation: it leaves the list and shows among
// the archived runs. A counselor is not offered the run's archive. Every screen and dialog passes axe.

const { app, newPage } = e2eSuite(200);

/** A demo run about to start: no marks yet, at least five seats held. */
async function upcomingRun() {
  const db = app.host.store.db;
  const runs = await db
    .selectFrom('group_programmes as r')
    .select(['r.id', 'r.title', 'r.capacity'])
    .where('r.archived', '=', 0)
    .execute();
  for (const r of runs) {
    const marks = await db
      .selectFrom('group_attendance as a')
      .innerJoin('group_participants as p', 'p.id', 'a.participant_id')
      .select('a.id')
      .where('p.programme_id', '=', r.id)
      .executeTakeFirst();
    const enrolled = await db
      .selectFrom('group_participants')
      .select('id')
      .where('programme_id', '=', r.id)
      .where('status', '=', 'enrolled')
      .execute();
    if (!marks && enrolled.length >= 5) return { ...r, enrolled: enrolled.map((e) => e.id) };
  }
  throw new Error('no upcoming demo run with five people');
}

describe('editing and archiving group runs', () => {
  it('edits a run and a session, refuses over capacity with the numbers, archives session and run', async () => {
    const page = await newPage();
    await signIn(page, app.host.url, 'supervisor1');
    const run = await upcomingRun();
    const seated = run.enrolled.length;
    await page.goto(`${app.host.url}/#/groups/${run.id}`);
    await page.getByTestId('groups-run-page').waitFor();
    await page.getByTestId('groups-grid').waitFor();
    expect(await settledViolations(page, 'group run')).toEqual([]);

    // Edit: a capacity below the seats held is refused with the numbers; then a new title and more seats.
    await page.getByTestId('groups-edit-run').click();
    await page.getByTestId('groups-edit-dialog').waitFor();
    expect(await settledViolations(page, 'edit run dialog')).toEqual([]);
    await page.getByTestId('groups-edit-capacity').fill(String(seated - 1));
    await page.getByTestId('groups-edit-save').click();
    await expect
      .poll(() => page.getByTestId('groups-edit-error').textContent())
      .toBe(
        `정원을 ${seated - 1}명으로 줄일 수 없습니다: 이미 ${seated}명이 참여 중입니다. 먼저 참여자를 대기로 옮기세요.`,
      );
    await page.getByTestId('groups-edit-title').fill('E2E 수정된 과정');
    await page.getByTestId('groups-edit-capacity').fill(String(seated + 2));
    await page.getByTestId('groups-edit-save').press('Enter');
    await page.getByTestId('groups-edit-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('groups-run-title').textContent()).toBe('E2E 수정된 과정');
    await expect
      .poll(() => page.getByTestId('groups-seats').textContent())
      .toContain(`${seated} / ${seated + 2}`);

    // The first session gets a capacity of one (by keyboard: focus its chip, Enter).
    const chips = page.getByTestId('groups-session');
    const sessionCount = await chips.count();
    await chips.nth(0).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('groups-session-dialog').waitFor();
    expect(await settledViolations(page, 'edit session dialog')).toEqual([]);
    await page.getByTestId('groups-session-capacity').fill('1');
    await page.getByTestId('groups-session-save').click();
    await page.getByTestId('groups-session-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => chips.nth(0).textContent()).toContain('출석 0/1');

    // One attended mark fits; a second is refused with the numbers and not recorded.
    const first = page.locator(`[data-participant="${run.enrolled[0]}"]`).getByTestId('groups-cell');
    const second = page.locator(`[data-participant="${run.enrolled[1]}"]`).getByTestId('groups-cell');
    await first.nth(0).click();
    await expect.poll(() => first.nth(0).getAttribute('data-mark')).toBe('attended');
    await second.nth(0).click();
    await expect
      .poll(() => page.getByTestId('groups-error').textContent())
      .toBe('이 회기 정원이 찼습니다: 출석 1명 / 정원 1명. 회기 정원을 늘리거나 다른 회기를 이용하세요.');
    expect(await second.nth(0).getAttribute('data-mark')).toBe('none');

    // The session has a mark: archived (not deleted), with a reason, after the confirmation.
    await chips.nth(0).click();
    await page.getByTestId('groups-session-archive').click();
    await page.getByTestId('groups-archive-dialog').waitFor();
    await expect
      .poll(() => page.getByTestId('groups-archive-dialog').textContent())
      .toContain('삭제할 수 없고');
    expect(await settledViolations(page, 'archive session dialog')).toEqual([]);
    // No reason: the form does not go (the reason is required) and nothing is archived.
    await page.getByTestId('groups-archive-confirm').click();
    await page.getByTestId('groups-archive-dialog').waitFor();
    expect(
      await app.host.store.db
        .selectFrom('group_sessions')
        .select('id')
        .where('programme_id', '=', run.id)
        .where('archived', '=', 1)
        .execute(),
    ).toEqual([]);
    await page.getByTestId('groups-archive-reason').fill('강사 사정으로 취소');
    await page.getByTestId('groups-archive-confirm').click();
    await page.getByTestId('groups-archive-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => chips.count()).toBe(sessionCount - 1);
    const archivedSession = await app.host.store.db
      .selectFrom('group_sessions')
      .select(['archived', 'archive_reason'])
      .where('programme_id', '=', run.id)
      .where('archived', '=', 1)
      .executeTakeFirstOrThrow();
    expect(archivedSession.archive_reason).toBe('강사 사정으로 취소');

    // The run: archived with a reason; it leaves the list and shows among the archived runs.
    await page.getByTestId('groups-archive-run').click();
    await page.getByTestId('groups-archive-dialog').waitFor();
    expect(await settledViolations(page, 'archive run dialog')).toEqual([]);
    await page.getByTestId('groups-archive-reason').fill('과정 통합');
    await page.getByTestId('groups-archive-confirm').click();
    await page.getByTestId('groups-page').waitFor();
    await expect.poll(() => page.getByTestId('groups-row').count()).toBeGreaterThan(0);
    expect(await page.getByText('E2E 수정된 과정').count()).toBe(0);
    await page.getByTestId('groups-show-archived').click();
    await expect.poll(() => page.getByText('E2E 수정된 과정').count()).toBe(1);
    expect(await settledViolations(page, 'archived runs')).toEqual([]);
    await page.getByText('E2E 수정된 과정').click();
    await expect.poll(() => page.getByTestId('groups-archived').textContent()).toContain('과정 통합');
    expect(await page.getByTestId('groups-edit-run').count()).toBe(0);
  }, 240_000);

  it('does not offer a counselor the run’s archive', async () => {
    const page = await newPage();
    await signIn(page, app.host.url);
    const run = await app.host.store.db
      .selectFrom('group_programmes')
      .select('id')
      .where('archived', '=', 0)
      .executeTakeFirstOrThrow();
    await page.goto(`${app.host.url}/#/groups/${run.id}`);
    await page.getByTestId('groups-edit-run').waitFor();
    expect(await page.getByTestId('groups-archive-run').count()).toBe(0);
  }, 120_000);
});
