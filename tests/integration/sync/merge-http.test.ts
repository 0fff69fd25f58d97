import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { survivorOf } from '../../../electron/services/merges.ts';
import { businessNumberCheckDigit } from '../../../shared/domain/business-number.ts';
import { caseChildTables } from '../../../shared/sync/merge.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { caller, caseWithRecords } from '../../support/case-fixtures.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { openSyncDesk, startSyncServer, type SyncDesk, type SyncServer } from '../../support/sync-desktop.ts';
import { dispatcherFor } from '../../support/temp-store.ts';

// Merging duplicates (issue 16 item 5) between real desktops and the real server over real HTTP, both
// dialects: the merge is one sequenced write, every record of the merged case moves to the survivor
// exactly once (on the server and on every desktop), and what another desktop did offline to the
// merged case meanwhile is not lost: it lands on the survivor or waits in a review item.

describe.each(SERVER_DIALECTS)('case merge over HTTP with the server on %s', (dialect) => {
  let server: SyncServer;
  const desks: SyncDesk[] = [];

  beforeAll(async () => {
    server = await startSyncServer(
      dialect,
      [{ code: 'SEL01', name: '서울고용센터', region: '11' }],
      [
        { loginId: 'supervisor1', role: 'supervisor', center: 'SEL01' },
        { loginId: 'counselor1', role: 'counselor', center: 'SEL01' },
      ],
    );
  });
  afterAll(async () => {
    for (const d of desks) await d.close();
    await server.close();
  });

  async function desk(loginId: string): Promise<SyncDesk> {
    const d = await openSyncDesk(server.url, loginId);
    desks.push(d);
    await d.client.syncOnce();
    return d;
  }
  const call = (d: SyncDesk) => caller(dispatcherFor(d.store).dispatch);

  async function opening(d: SyncDesk, session: SessionInfo, n: number): Promise<string> {
    const c = call(d);
    const employer = await c(session, 'employers:create', {
      fields: { businessNo: businessNo(n), name: `(주)늘봄${n}`, industry: 'Q', employees: 20, sido: '11' },
    });
    const o = await c(session, 'openings:create', {
      employerId: employer.employer.id,
      fields: {
        title: `요양보호사 ${n}`,
        occupation: '5501',
        sido: '11',
        wage: 2_400_000,
        positions: 3,
        requiredQualifications: [],
        public: true,
      },
    });
    return o.id;
  }

  /** Every record naming the case on the server, as `table:id`. */
  async function serverChildren(caseId: string): Promise<string[]> {
    const out: string[] = [];
    for (const c of caseChildTables()) {
      const rows = await server.opened.db
        .selectFrom('sync_rows')
        .select(['row_id', 'data'])
        .where('table_name', '=', c.table)
        .where('deleted_at', 'is', null)
        .execute();
      for (const r of rows)
        if ((JSON.parse(r.data) as Record<string, unknown>)[c.field] === caseId)
          out.push(`${c.table}:${r.row_id}`);
    }
    return out.sort();
  }
  /** The same on a desktop's store. */
  async function localChildren(d: SyncDesk, caseId: string): Promise<string[]> {
    const out: string[] = [];
    for (const c of caseChildTables()) {
      const rows = await sql<{
        id: string;
      }>`select id from ${sql.table(c.table)} where ${sql.ref(c.field)} = ${caseId}`.execute(d.store.db);
      for (const r of rows.rows) out.push(`${c.table}:${r.id}`);
    }
    return out.sort();
  }

  it('moves every record once, redirects a concurrent offline edit, and every desktop agrees', async () => {
    const lead = await desk('supervisor1');
    const other = await desk('counselor1');
    const s = lead.session;
    const keep = await caseWithRecords(call(lead), s, '김하늘', await opening(lead, s, 1));
    const gone = await caseWithRecords(call(lead), s, '김 하늘', await opening(lead, s, 2));
    expect(await lead.client.syncOnce()).toMatchObject({ refused: 0, review: 0 });
    await other.client.syncOnce();
    const keptBefore = await serverChildren(keep.jobseekerId);
    const goneBefore = await serverChildren(gone.jobseekerId);
    // Every kind of case record: notes, assessments, consents, competency, certificates, referrals,
    // placements, classification reviews, service plan steps...
    expect(new Set(goneBefore.map((k) => k.split(':')[0])).size).toBeGreaterThanOrEqual(8);
    expect(await localChildren(other, gone.jobseekerId)).toEqual(goneBefore);

    // Another desktop, offline, keeps working on the case that is about to be merged away.
    other.online = false;
    const o = call(other);
    const goneOnOther = await o(other.session, 'jobseekers:get', { id: gone.jobseekerId });
    await o(other.session, 'jobseekers:update', {
      id: gone.jobseekerId,
      baseSeq: goneOnOther.seq,
      fields: { name: '김하늘(개명)', desiredWage: 3_100_000 },
    });
    const noted = await o(other.session, 'casework:addNote', {
      jobseekerId: gone.jobseekerId,
      kind: 'phone',
      body: '오프라인 상담 기록',
    });
    const offlineNote = noted.notes.find((n) => n.body === '오프라인 상담 기록')?.id ?? '';
    expect(offlineNote).not.toBe('');

    // The supervisor merges: the survivor takes the other's name (the spelling on the ID card).
    const l = call(lead);
    const preview = await l(s, 'merges:preview', { a: keep.jobseekerId, b: gone.jobseekerId });
    const maxBefore = Number(
      (
        await server.opened.db
          .selectFrom('sync_rows')
          .select((eb) => eb.fn.max('seq').as('m'))
          .executeTakeFirst()
      )?.m,
    );
    const done = await l(s, 'merges:merge', {
      survivorId: keep.jobseekerId,
      mergedId: gone.jobseekerId,
      take: ['name'],
      survivorSeq: preview.a.jobseeker.seq,
      mergedSeq: preview.b.jobseeker.seq,
    });
    expect(done.moved).toBe(goneBefore.length);
    // Locally at once: the other case's records are the survivor's; the old id leads to the survivor.
    expect(await localChildren(lead, gone.jobseekerId)).toEqual([]);
    expect(await survivorOf(lead.store.context, gone.jobseekerId)).toBe(keep.jobseekerId);
    const mergeEntries = await lead.store.db
      .selectFrom('outbox')
      .select(['table_name'])
      .where('status', '=', 'pending')
      .where('table_name', '!=', 'audit_entries')
      .execute();
    expect(mergeEntries.map((e) => e.table_name)).toEqual(['case_merges']);
    const audit = await lead.store.db
      .selectFrom('audit_entries')
      .select(['subject_id', 'detail'])
      .where('action', '=', 'jobseeker.merge')
      .executeTakeFirstOrThrow();
    expect(audit.subject_id).toBe(keep.jobseekerId);
    expect(JSON.parse(audit.detail ?? '{}')).toMatchObject({ mergedId: gone.jobseekerId });

    const pushed = await lead.client.syncOnce();
    const refused = await lead.store.db
      .selectFrom('outbox')
      .select(['table_name', 'error'])
      .where('status', '=', 'refused')
      .execute();
    expect(refused).toEqual([]);
    expect(pushed).toMatchObject({ refused: 0 });
    // On the server: one merge, every record of the merged case now the survivor's, each moved once.
    const merges = await server.opened.db.selectFrom('case_merges').selectAll().execute();
    expect(merges).toHaveLength(1);
    expect(merges[0]).toMatchObject({ survivor_id: keep.jobseekerId, merged_id: gone.jobseekerId });
    expect(Number(merges[0]?.moved)).toBe(goneBefore.length);
    expect(await serverChildren(gone.jobseekerId)).toEqual([]);
    expect(await serverChildren(keep.jobseekerId)).toEqual([...keptBefore, ...goneBefore].sort());
    const movedSeqs = await server.opened.db
      .selectFrom('sync_rows')
      .select('seq')
      .where(
        'row_id',
        'in',
        goneBefore.map((k) => k.split(':')[1] ?? ''),
      )
      .execute();
    expect(movedSeqs.every((r) => Number(r.seq) > maxBefore)).toBe(true);
    const tomb = await server.opened.db
      .selectFrom('sync_rows')
      .select('data')
      .where('table_name', '=', 'jobseekers')
      .where('row_id', '=', gone.jobseekerId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(tomb.data)).toMatchObject({ merged_into: keep.jobseekerId, archived: 1 });

    // The other desktop comes back: its note lands on the survivor, its wage too (the survivor's wage was
    // not changed since it looked); its name change meets the merge's choice: a review item, not lost.
    other.online = true;
    const back = await other.client.syncOnce();
    expect(back).toMatchObject({ refused: 0 });
    expect(back.review).toBeGreaterThanOrEqual(1);
    const noteRow = await server.opened.db
      .selectFrom('sync_rows')
      .select('data')
      .where('table_name', '=', 'counseling_notes')
      .where('row_id', '=', offlineNote)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(noteRow.data)).toMatchObject({ jobseeker_id: keep.jobseekerId });
    const survivorRow = await server.opened.db
      .selectFrom('sync_rows')
      .select('data')
      .where('table_name', '=', 'jobseekers')
      .where('row_id', '=', keep.jobseekerId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(survivorRow.data)).toMatchObject({ name: '김 하늘', desired_wage: 3_100_000 });
    const reviews = await server.opened.db
      .selectFrom('review_items')
      .selectAll()
      .where('row_id', '=', keep.jobseekerId)
      .execute();
    expect(reviews.map((r): unknown[] => [r.field, JSON.parse(r.held_value ?? 'null') as unknown])).toEqual([
      ['name', '김하늘(개명)'],
    ]);

    // Every desktop ends with the same records under the survivor and none under the merged case.
    await lead.client.syncOnce();
    const expected = await serverChildren(keep.jobseekerId);
    expect(expected).toContain(`counseling_notes:${offlineNote}`);
    for (const d of [lead, other]) {
      expect(await localChildren(d, gone.jobseekerId)).toEqual([]);
      expect(await localChildren(d, keep.jobseekerId)).toEqual(expected);
      expect(await survivorOf(d.store.context, gone.jobseekerId)).toBe(keep.jobseekerId);
    }
    // A desktop that joins afterwards (first download) sees the same.
    const late = await desk('counselor1');
    expect(await localChildren(late, keep.jobseekerId)).toEqual(expected);
    expect(await localChildren(late, gone.jobseekerId)).toEqual([]);
  });
});

let bizSeed = 400_000;
function businessNo(n: number): string {
  const first9 = `31${String(bizSeed++ * 10 + n)
    .slice(-7)
    .padStart(7, '0')}`;
  return `${first9}${businessNumberCheckDigit(first9)}`;
}
