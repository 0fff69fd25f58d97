import { afterAll, describe, expect, it } from 'vitest';
import { recordConsent } from '../../../electron/services/consent-record.ts';
import { loadCaseFile } from '../../../electron/services/casework.ts';
import { createJobseeker } from '../../../electron/services/jobseekers.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { openSyncDesk, startSyncServer } from '../../support/sync-desktop.ts';

// Consent syncs as decisive (sync.md § Conflicts; issue 13 item 9): two counselors record different
// consent decisions for the same group from the same version of the case, apart. The first committed
// stays on every desktop, and a review item holds both decisions and both authors; neither is lost
// (both entries stay in the consent history).

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe.each(SERVER_DIALECTS)('consent decisions made apart (%s)', (dialect) => {
  it('keep the first committed and open a review item with both', async () => {
    const server = await startSyncServer(
      dialect,
      [{ code: 'SEL01', name: '서울고용센터', region: '11' }],
      [
        { loginId: 'kim01', role: 'counselor', center: 'SEL01' },
        { loginId: 'lee02', role: 'counselor', center: 'SEL01' },
      ],
    );
    cleanups.push(server.close);
    const a = await openSyncDesk(server.url, 'kim01');
    const b = await openSyncDesk(server.url, 'lee02');
    cleanups.push(a.close, b.close);
    const js = await createJobseeker(
      a.store.context,
      a.session,
      {
        name: '윤동의',
        birthYear: 1985,
        gender: null,
        phone: null,
        email: null,
        sido: '11',
        sigungu: null,
        desiredOccupation: null,
        desiredWage: null,
        mobile: false,
      },
      true,
    );
    await recordConsent(a.store.context, a.session, {
      jobseekerId: js.id,
      channel: 'counter',
      granted: { required: true },
    });
    await a.client.syncOnce();
    await b.client.syncOnce();

    // Apart: A records the sharing consent as given, B (same version of the case) as declined.
    await recordConsent(a.store.context, a.session, {
      jobseekerId: js.id,
      channel: 'counter',
      granted: { optional: true },
    });
    await recordConsent(b.store.context, b.session, {
      jobseekerId: js.id,
      channel: 'counter',
      granted: { optional: false },
    });
    expect(await a.client.syncOnce()).toMatchObject({ refused: 0, review: 0 });
    expect(await b.client.syncOnce()).toMatchObject({ refused: 0, review: 1 });
    await a.client.syncOnce();

    const items = await server.opened.db
      .selectFrom('review_items')
      .selectAll()
      .where('row_id', '=', js.id)
      .execute();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'conflict',
      field: 'consent_optional',
      kept_author: a.session.userId,
      held_author: b.session.userId,
    });
    for (const d of [a, b]) {
      const file = await loadCaseFile(d.store.context, js.id);
      expect(file.consent.current.optional?.granted).toBe(true);
      // Both decisions are in the history.
      expect(
        file.consent.history
          .filter((h) => h.group === 'optional')
          .map((h) => h.granted)
          .sort(),
      ).toEqual([false, true]);
    }
  });
});
