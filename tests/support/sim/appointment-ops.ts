import type { OpenedServerDb } from '../../../db/server/connection.ts';
import type { Rng } from '../../../electron/services/demo/random.ts';
import { book, recordOutcome, reschedule } from '../../../electron/services/appointments.ts';
import type { DesktopStore } from '../../../electron/services/store.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { APPOINTMENT_OUTCOMES } from '../../../shared/domain/appointments.ts';

// The simulation's appointment operations (issue 16 item 1), through the app's own services: book on a
// known case, move an open appointment (a descriptive change: the later wins, the other in history),
// record an outcome (decisive: two desktops recording different outcomes open a review). And the
// invariant they add: no orphan — no appointment without its case, no event without its appointment,
// on any desktop or live on the server.

export interface SimDesk {
  name: string;
  store: DesktopStore;
  session: SessionInfo;
}

export const APPOINTMENT_ACTIONS = ['book', 'reschedule', 'outcome'] as const;
export type AppointmentAction = (typeof APPOINTMENT_ACTIONS)[number];

export function isAppointmentAction(action: string): action is AppointmentAction {
  return (APPOINTMENT_ACTIONS as readonly string[]).includes(action);
}

/** One appointment write on this desktop; false when there was nothing to act on (or the app refused). */
export async function appointmentWrite(desk: SimDesk, action: AppointmentAction, rng: Rng): Promise<boolean> {
  const ctx = desk.store.context;
  const start = new Date(
    Date.UTC(2026, 10, 3 + rng.int(0, 10), rng.int(0, 8), rng.pick([0, 30])),
  ).toISOString();
  try {
    if (action === 'book') {
      const cases = await ctx.db
        .selectFrom('jobseekers')
        .select('id')
        .where('archived', '=', 0)
        .orderBy('id')
        .execute();
      if (cases.length === 0) return false;
      await book(ctx, desk.session, {
        jobseekerId: rng.pick(cases).id,
        kind: rng.pick(['in_person', 'phone', 'video'] as const),
        startsAt: start,
        durationMin: rng.pick([30, 60]),
        place: null,
        purpose: `상담 ${rng.int(1, 99)}`,
        note: null,
      });
      return true;
    }
    const open = await ctx.db
      .selectFrom('appointments')
      .select('id')
      .where('outcome', 'is', null)
      .where('archived', '=', 0)
      .orderBy('id')
      .execute();
    if (open.length === 0) return false;
    const id = rng.pick(open).id;
    if (action === 'reschedule') await reschedule(ctx, desk.session, { id, startsAt: start, note: null });
    else await recordOutcome(ctx, desk.session, { id, outcome: rng.pick(APPOINTMENT_OUTCOMES), note: null });
    return true;
  } catch (error) {
    // The case was deleted or left this desktop meanwhile: the app says not found; nothing was written.
    if (error instanceof AppFailure) return false;
    throw error;
  }
}

/** Orphans: children whose parent is missing, on each desktop and (live rows) on the server. */
export async function appointmentOrphans(
  desks: readonly SimDesk[],
  opened: OpenedServerDb,
  center: string,
): Promise<string[]> {
  const problems: string[] = [];
  for (const d of desks) {
    const appts = await d.store.db
      .selectFrom('appointments as a')
      .leftJoin('jobseekers as j', 'j.id', 'a.jobseeker_id')
      .select(['a.id', 'j.id as parent'])
      .execute();
    for (const a of appts) if (!a.parent) problems.push(`${d.name}: appointment ${a.id} without its case`);
    const events = await d.store.db
      .selectFrom('appointment_events as e')
      .leftJoin('appointments as a', 'a.id', 'e.appointment_id')
      .select(['e.id', 'a.id as parent'])
      .execute();
    for (const e of events)
      if (!e.parent) problems.push(`${d.name}: appointment event ${e.id} without its appointment`);
  }
  const rows = await opened.db
    .selectFrom('sync_rows')
    .select(['table_name', 'row_id', 'data', 'deleted_at'])
    .where('scope_center', '=', center)
    .where('table_name', 'in', ['jobseekers', 'appointments', 'appointment_events'])
    .execute();
  const live = new Set(rows.filter((r) => !r.deleted_at).map((r) => `${r.table_name}:${r.row_id}`));
  for (const r of rows) {
    if (r.deleted_at || r.table_name === 'jobseekers') continue;
    const data = JSON.parse(r.data) as Record<string, unknown>;
    const parent =
      r.table_name === 'appointments'
        ? `jobseekers:${String(data['jobseeker_id'])}`
        : `appointments:${String(data['appointment_id'])}`;
    if (!live.has(parent))
      problems.push(`server: live ${r.table_name} ${r.row_id} under a missing ${parent}`);
  }
  return problems;
}
