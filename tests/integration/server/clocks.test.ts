import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getClockOffset } from '../../../db/repositories/clock-offset.ts';
import { nextHlc } from '../../../db/repositories/outbox.ts';
import { createJobseeker, openJobseeker, updateJobseeker } from '../../../electron/services/jobseekers.ts';
import type { ServiceContext } from '../../../electron/services/context.ts';
import type { ClockFlagsResponse } from '../../../server/sync/clock.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import { MAX_CLOCK_LEAD_MS, parseHlc } from '../../../shared/sync/hlc.ts';
import { refusalText } from '../../../shared/sync/refusals.ts';
import {
  get,
  hlcAt,
  latestSeq,
  pullAll,
  push,
  serverDigest,
  signInAgent,
  type Agent,
} from '../../support/hostile-http.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { openSyncDesk, startSyncServer, type SyncDesk, type SyncServer } from '../../support/sync-desktop.ts';

// Clocks (sync.md § Clocks, issue 13 item 6) over real HTTP on both dialects: an HLC a day or ten years
// ahead does not win a colleague's later edit (the server re-stamps it to its own time before merging)
// and the device is flagged for the supervisor; HLCs are bounded in size; a desktop whose clock is a day
// off produces HLCs near the server's time after one sync, and keeps the offset in its store.

const DAY = 86_400_000;
const TEN_YEARS = 3653 * DAY;

describe.each(SERVER_DIALECTS)('clocks on the server (%s)', (dialect) => {
  let server: SyncServer;
  let desk: SyncDesk;
  let caseId: string;
  let c1: Agent;
  let c2: Agent;

  beforeAll(async () => {
    server = await startSyncServer(
      dialect,
      [{ code: 'SEL01', name: '서울고용센터', region: '11' }],
      [
        { loginId: 'counselor1', role: 'counselor', center: 'SEL01' },
        { loginId: 'counselor2', role: 'counselor', center: 'SEL01' },
        { loginId: 'supervisor1', role: 'supervisor', center: 'SEL01' },
        { loginId: 'admin1', role: 'admin', center: 'SEL01' },
      ],
    );
    desk = await openSyncDesk(server.url, 'counselor1');
    const fields = jobseekerFieldsSchema.parse({
      name: '박지훈',
      birthYear: 1990,
      phone: '010-1111-2222',
      sido: '11',
    });
    caseId = (await createJobseeker(desk.store.context, desk.session, fields, true)).id;
    await desk.client.syncOnce();
    c1 = await signInAgent(server.url, 'counselor1');
    c2 = await signInAgent(server.url, 'counselor2');
  });
  afterAll(async () => {
    await desk.close();
    await server.close();
  });

  const caseRow = async () => {
    const row = await server.opened.db
      .selectFrom('sync_rows')
      .selectAll()
      .where('table_name', '=', 'jobseekers')
      .where('row_id', '=', caseId)
      .executeTakeFirstOrThrow();
    return {
      seq: Number(row.seq),
      data: JSON.parse(row.data) as Record<string, unknown>,
      meta: JSON.parse(row.field_meta) as Record<string, { hlc: string; author: string }>,
    };
  };

  // Each case on its own descriptive field, so one's later edit does not decide the other.
  for (const [label, lead, field, values] of [
    ['a day', DAY, 'email', ['ahead@example.kr', 'later@example.kr']],
    // desired_occupation is an occupation code (2–4 digits, shared/domain/jobseeker.ts), checked on push.
    ['ten years', TEN_YEARS, 'desired_occupation', ['7411', '3120']],
  ] as const) {
    it(`does not let an HLC ${label} ahead win a colleague's later edit, and flags the device`, async () => {
      const before = await caseRow();
      const sent = Date.now();
      const ahead = await push(c1, [
        {
          table: 'jobseekers',
          rowId: caseId,
          op: 'update',
          fields: { [field]: values[0] },
          hlc: hlcAt(sent + lead, c1.deviceId),
          baseSeq: before.seq,
        },
      ]);
      expect(ahead.body.results[0]?.status).toBe('applied');
      const stamped = parseHlc((await caseRow()).meta[field]?.hlc ?? '');
      // Re-stamped to the server's time (not later than the answer's own server time).
      expect(stamped.wall).toBeLessThanOrEqual(Date.parse(ahead.body.serverTime));
      expect(stamped.wall).toBeGreaterThanOrEqual(sent - MAX_CLOCK_LEAD_MS);

      // The colleague's edit comes after (their clock a second ahead: within the hour, kept as sent).
      const later = await push(c2, [
        {
          table: 'jobseekers',
          rowId: caseId,
          op: 'update',
          fields: { [field]: values[1] },
          hlc: hlcAt(Date.now() + 1000, c2.deviceId),
          baseSeq: before.seq,
        },
      ]);
      expect(later.body.results[0]?.status).toBe('applied');
      const after = await caseRow();
      expect(after.data[field]).toBe(values[1]);
      expect(after.meta[field]?.author).toBe(c2.userId);

      const flags = await get<ClockFlagsResponse>(
        await signInAgent(server.url, 'supervisor1'),
        '/v1/sync/clock-flags',
      );
      expect(flags.status).toBe(200);
      const flag = flags.body.flags.find((f) => f.deviceId === c1.deviceId);
      expect(flag).toMatchObject({ userId: c1.userId, userName: 'counselor1 님' });
      expect(flag?.maxLeadMs).toBeGreaterThanOrEqual(lead - MAX_CLOCK_LEAD_MS);
      expect(flags.body.flags.find((f) => f.deviceId === c2.deviceId)).toBeUndefined();
    });
  }

  it('keeps the order of several far-ahead writes in one push', async () => {
    const base = (await caseRow()).seq;
    const far = Date.now() + DAY;
    const r = await push(c1, [
      {
        table: 'jobseekers',
        rowId: caseId,
        op: 'update',
        fields: { phone: '01000000011' },
        hlc: hlcAt(far, c1.deviceId, 0),
        baseSeq: base,
      },
      {
        table: 'jobseekers',
        rowId: caseId,
        op: 'update',
        fields: { phone: '01000000012' },
        hlc: hlcAt(far, c1.deviceId, 1),
        baseSeq: base,
      },
    ]);
    expect(r.body.results.map((x) => x.status)).toEqual(['applied', 'applied']);
    expect((await caseRow()).data['phone']).toBe('01000000012');
  });

  it('shows the flags to supervisors and admins, not to counselors', async () => {
    expect((await get(c2, '/v1/sync/clock-flags')).status).toBe(403);
    const admin = await get<ClockFlagsResponse>(
      await signInAgent(server.url, 'admin1'),
      '/v1/sync/clock-flags',
    );
    expect(admin.status).toBe(200);
    expect(admin.body.flags.map((f) => f.deviceId)).toContain(c1.deviceId);
  });

  it('refuses HLCs of unbounded size and changes nothing', async () => {
    const before = await serverDigest(server.opened.db);
    const seq = await latestSeq(server.opened.db);
    const wall = String(Date.now()).padStart(15, '0');
    const r = await push(c1, [
      {
        table: 'jobseekers',
        rowId: caseId,
        op: 'update',
        fields: { phone: '01000000099' },
        hlc: `${wall}:00000:${'n'.repeat(65)}`,
      },
      {
        table: 'jobseekers',
        rowId: caseId,
        op: 'update',
        fields: { phone: '01000000099' },
        hlc: `9${wall}:00000:${c1.deviceId}`,
      },
      {
        table: 'jobseekers',
        rowId: caseId,
        op: 'update',
        fields: { phone: '01000000099' },
        hlc: `${wall}:00000:${'x'.repeat(100_000)}`,
      },
      {
        table: 'jobseekers',
        rowId: caseId,
        op: 'update',
        fields: { phone: '01000000099' },
        hlc: `${wall}:00000:노드`,
      },
    ]);
    expect(r.status).toBe(200);
    for (const x of r.body.results)
      expect(x).toMatchObject({
        status: 'refused',
        reason: refusalText('badClock'),
      });
    expect(await serverDigest(server.opened.db)).toEqual(before);
    expect(await pullAll(c2, seq)).toEqual([]);
  });

  it('brings a desktop whose clock is a day off to the server’s time after one sync, and keeps the offset', async () => {
    for (const skew of [DAY, -DAY]) {
      const other = await openSyncDesk(server.url, 'counselor2');
      try {
        const ctx = other.store.context as ServiceContext & { now: () => Date };
        ctx.now = () => new Date(Date.now() + skew);
        await other.client.syncOnce();
        const seen = await openJobseeker(ctx, other.session, caseId);
        await updateJobseeker(ctx, other.session, caseId, seen.seq, {
          phone: `0109999${skew > 0 ? '0001' : '0002'}`,
        });
        await other.client.syncOnce();
        const offset = await getClockOffset(other.store.db);
        expect(Math.abs(offset + skew)).toBeLessThan(MAX_CLOCK_LEAD_MS);
        // A new write's HLC is near the server's time, not the desktop's.
        const hlc = await other.store.db
          .transaction()
          .execute((trx) => nextHlc(trx, ctx.deviceId, ctx.now().getTime()));
        expect(Math.abs(parseHlc(hlc).wall - Date.now())).toBeLessThan(MAX_CLOCK_LEAD_MS);
        // The offset lives in the store (what a restart reads).
        const stored = await other.store.db
          .selectFrom('meta')
          .select('value')
          .where('key', '=', 'sync.clockOffsetMs')
          .executeTakeFirst();
        expect(Number(stored?.value)).toBe(offset);
      } finally {
        await other.close();
      }
    }
    // The desktop a day ahead was flagged; its edit still reached the server.
    expect((await caseRow()).data['phone']).toBe('01099990002');
  });
});
