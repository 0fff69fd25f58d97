import type { Insertable } from 'kysely';
import { chainHead, entryHash } from '../../../db/repositories/audit.ts';
import type { AuditEntryTable } from '../../../db/schema.ts';
import type { ServiceContext } from '../context.ts';
import { seededRng, seededUuidv7, type Rng } from './random.ts';

// Four weeks of the audit trail before the demo's "as of" day, so the supervisor's audit screen has
// something to show: sign-ins, case reads and changes on weekdays in office hours, a few exports, and
// the patterns the screen flags (one counselor opening many records in a day, evening and weekend
// work). Like the rest of the demo data they are seed data: chained like real entries, but not queued
// for the server. Reproducible from the seed.

const DAY_MS = 86_400_000;
const KST_MS = 9 * 3_600_000;
const BATCH = 400;

interface Account {
  id: string;
  login: string;
  role: string;
}

type Draft = Omit<AuditEntryTable, 'prev_hash' | 'hash' | 'seq' | 'id'>;

export interface AuditHistoryOptions {
  centerCode: string;
  /** Midnight UTC of the "as of" day; the history covers the four weeks before it. */
  anchorMs: number;
  seed: number;
  days?: number;
}

export async function generateAuditHistory(ctx: ServiceContext, o: AuditHistoryOptions): Promise<number> {
  const rng = seededRng((o.seed ^ 0x5a17_ad17) >>> 0);
  const accounts = (await ctx.db
    .selectFrom('users')
    .select(['id', 'login_id as login', 'role'])
    .where('center_code', '=', o.centerCode)
    .orderBy('login_id')
    .execute()) as Account[];
  const counselors = accounts.filter((a) => a.role === 'counselor');
  const supervisor = accounts.find((a) => a.role === 'supervisor');
  const people = (
    await ctx.db
      .selectFrom('jobseekers')
      .select('id')
      .where('center_code', '=', o.centerCode)
      .limit(3000)
      .execute()
  ).map((r) => r.id);
  if (counselors.length === 0 || people.length === 0) return 0;

  const drafts: Draft[] = [];
  const add = (a: Account, atMs: number, action: string, personId: string | null, detail?: object) =>
    drafts.push({
      at: new Date(atMs).toISOString(),
      actor_id: a.id,
      actor_login: a.login,
      device_id: ctx.deviceId,
      action,
      subject_type: personId ? 'jobseeker' : action.startsWith('auth.') ? 'user' : 'report',
      subject_id: personId ?? (action.startsWith('auth.') ? a.id : null),
      person_id: personId,
      detail: detail ? JSON.stringify(detail) : null,
      center_code: o.centerCode,
    });
  /** A Korean wall-clock time on a day (midnight UTC of that calendar day), as epoch ms. */
  const kst = (dayMs: number, hour: number, minute: number) => dayMs + (hour * 60 + minute) * 60_000 - KST_MS;
  const workday = (a: Account, dayMs: number, reads: number, from = 9, to = 18) => {
    add(a, kst(dayMs, from - 1, rng.int(35, 59)), 'auth.login', null);
    const seen = pickDistinct(rng, people, reads);
    seen.forEach((id, i) => {
      const minute = Math.floor(((to - from) * 60 * (i + rng.next())) / Math.max(reads, 1));
      const at = kst(dayMs, from, 0) + minute * 60_000;
      add(a, at, 'jobseeker.read', id);
      if (rng.chance(0.3)) add(a, at + 4 * 60_000, 'jobseeker.update', id, { fields: ['phone'] });
      if (rng.chance(0.4)) add(a, at + 9 * 60_000, 'note.create', id);
    });
  };

  const days = o.days ?? 28;
  const weekdays: number[] = [];
  for (let d = days; d >= 1; d--) {
    const dayMs = o.anchorMs - d * DAY_MS;
    const weekday = new Date(dayMs).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    weekdays.push(dayMs);
  }
  const busyDay = weekdays.at(-3);
  const eveningDay = weekdays.at(-6);
  const exportDays = new Set([weekdays.at(-2), weekdays.at(-12)]);
  for (const dayMs of weekdays) {
    for (const [i, c] of counselors.entries()) {
      // One counselor opens far more records than a caseload explains on one day.
      const many = dayMs === busyDay && i === Math.min(3, counselors.length - 1);
      workday(c, dayMs, many ? 72 : rng.int(8, 22));
      if (dayMs === eveningDay && i === Math.min(1, counselors.length - 1)) {
        for (const id of pickDistinct(rng, people, 4))
          add(c, kst(dayMs, 21, rng.int(5, 50)), 'jobseeker.read', id);
      }
    }
    if (supervisor) {
      workday(supervisor, dayMs, rng.int(3, 8));
      if (exportDays.has(dayMs))
        add(supervisor, kst(dayMs, 17, rng.int(10, 40)), 'report.export', null, {
          report: 'caseload',
          format: 'xlsx',
          purpose: '월간 실적 보고',
          withNames: false,
        });
    }
  }
  // A Saturday at the office.
  let saturday = o.anchorMs - DAY_MS;
  while (new Date(saturday).getUTCDay() !== 6) saturday -= DAY_MS;
  const weekendWorker = counselors.at(-1);
  if (weekendWorker) workday(weekendWorker, saturday, 3, 10, 12);

  drafts.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  let prev = await chainHead(ctx.db, ctx.deviceId);
  const rows: Array<Insertable<AuditEntryTable>> = drafts.map((d) => {
    const fields = { ...d, id: seededUuidv7(Date.parse(d.at), rng) };
    const hash = entryHash(prev, fields);
    const row = { ...fields, prev_hash: prev, hash };
    prev = hash;
    return row;
  });
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += BATCH)
      await trx
        .insertInto('audit_entries')
        .values(rows.slice(i, i + BATCH))
        .execute();
  });
  return rows.length;
}

function pickDistinct(rng: Rng, items: readonly string[], n: number): string[] {
  const chosen = new Set<string>();
  const want = Math.min(n, items.length);
  while (chosen.size < want) chosen.add(rng.pick(items));
  return [...chosen];
}
