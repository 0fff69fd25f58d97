import {
  appointmentEvents,
  appointmentsInRange,
  appointmentsOfJobseeker,
  counselorSlotsNear,
  countNoShows,
  getAppointmentRow,
  type AppointmentListRow,
} from '../../db/repositories/appointments.ts';
import { listCaseStaff } from '../../db/repositories/users.ts';
import type {
  AppointmentEventView,
  AppointmentView,
  AppointmentWrite,
  CaseAppointments,
  OverlapView,
  TeamMember,
} from '../../shared/contract/appointments.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import {
  endsAt,
  mayRecordOutcome,
  overlapping,
  reschedule as rescheduleChange,
  DURATION_MAX,
  type AppointmentKind,
  type AppointmentOutcome,
} from '../../shared/domain/appointments.ts';
import { accessibleJobseeker, caseScope, requireCaseAccess } from './case-access.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { auditAction, insertSynced, updateSynced } from './synced-writes.ts';

// Appointments (상담 예약, issue 16 item 1). Every write is the row (or its change), an append-only event
// (booked, rescheduled from → to, outcome), the outbox entries and an audit entry (ids only), in one
// transaction. Overlaps with the counselor's other appointments are returned with the write, never
// refused. Reading a case's appointments is a read of the case and is audited.

const NOT_FOUND = 'appointments.notFound';

export function toView(r: AppointmentListRow): AppointmentView {
  return {
    id: r.id,
    jobseekerId: r.jobseeker_id,
    jobseekerName: r.jobseeker_name,
    counselorId: r.counselor_id,
    counselorName: r.counselor_name,
    kind: r.kind,
    startsAt: r.starts_at,
    endsAt: endsAt({ startsAt: r.starts_at, durationMin: r.duration_min }),
    durationMin: r.duration_min,
    place: r.place,
    purpose: r.purpose,
    note: r.note,
    outcome: r.outcome,
    outcomeAt: r.outcome_at,
    arrivedAt: r.arrived_at,
  };
}

/** The counselors whose calendar the caller may open: a supervisor's center staff, else themself. */
export async function team(ctx: ServiceContext, actor: SessionInfo): Promise<TeamMember[]> {
  caseScope(actor);
  if (actor.role !== 'supervisor') return [{ id: actor.userId, name: actor.displayName }];
  const staff = await listCaseStaff(ctx.db, actor.centerCode);
  return staff.map((s) => ({ id: s.id, name: s.display_name }));
}

/** Refuses naming another person's calendar unless the caller is their center's supervisor. */
async function checkCounselors(
  ctx: ServiceContext,
  actor: SessionInfo,
  ids: readonly string[],
): Promise<void> {
  const others = ids.filter((i) => i !== actor.userId);
  if (others.length === 0) return;
  if (actor.role !== 'supervisor')
    throw new AppFailure({
      code: 'forbidden',
      message: 'appointments.othersOnlySupervisor',
      field: 'counselorId',
    });
  const staff = new Set((await listCaseStaff(ctx.db, actor.centerCode)).map((s) => s.id));
  if (others.some((o) => !staff.has(o)))
    throw new AppFailure({
      code: 'not-found',
      message: 'appointments.counselorUnknown',
      field: 'counselorId',
    });
}

export async function range(
  ctx: ServiceContext,
  actor: SessionInfo,
  q: { from: string; to: string; counselorIds?: string[] | undefined },
): Promise<AppointmentView[]> {
  const scope = caseScope(actor);
  const ids = q.counselorIds && q.counselorIds.length > 0 ? q.counselorIds : [actor.userId];
  await checkCounselors(ctx, actor, ids);
  const rows = await appointmentsInRange(ctx.db, { counselorIds: ids, from: q.from, to: q.to, scope });
  // A page of people's names and times: one read entry per opening of the calendar, not per person.
  await auditAction(ctx.db, ctx, actor, {
    action: 'appointment.calendar.list',
    subjectType: 'appointment',
    subjectId: null,
    detail: { count: rows.length },
  });
  return rows.map(toView);
}

export async function overlapsFor(
  ctx: ServiceContext,
  actor: SessionInfo,
  q: { counselorId?: string | undefined; startsAt: string; durationMin: number; id?: string | undefined },
): Promise<OverlapView[]> {
  const counselorId = q.counselorId ?? actor.userId;
  await checkCounselors(ctx, actor, [counselorId]);
  return computeOverlaps(ctx, actor, { ...q, counselorId });
}

async function computeOverlaps(
  ctx: ServiceContext,
  actor: SessionInfo,
  q: { counselorId: string; startsAt: string; durationMin: number; id?: string | undefined },
): Promise<OverlapView[]> {
  const counselorId = q.counselorId;
  const scope = caseScope(actor);
  const start = Date.parse(q.startsAt);
  // Anything that could reach the slot started at most the longest length before it.
  const from = new Date(start - DURATION_MAX * 60_000).toISOString();
  const to = new Date(start + q.durationMin * 60_000).toISOString();
  const near = await counselorSlotsNear(ctx.db, counselorId, from, to);
  const hits = overlapping(
    { startsAt: q.startsAt, durationMin: q.durationMin, ...(q.id ? { id: q.id } : {}) },
    near.map((n) => ({ id: n.id, startsAt: n.starts_at, durationMin: n.duration_min, outcome: n.outcome })),
  );
  if (hits.length === 0) return [];
  const named = await appointmentsInRange(ctx.db, { counselorIds: [counselorId], from, to, scope });
  const names = new Map(named.map((n) => [n.id, n.jobseeker_name]));
  return hits.map((h) => ({
    id: h.id,
    startsAt: h.startsAt,
    endsAt: endsAt(h),
    // Another center's case the caller cannot see keeps its time but not its name.
    jobseekerName: names.get(h.id) ?? '',
  }));
}

async function viewOf(ctx: ServiceContext, id: string): Promise<AppointmentView> {
  const row = await getAppointmentRow(ctx.db, id);
  if (!row) throw new Error('appointment vanished');
  return toView(row);
}

/** The appointment if the caller may see its case; `not-found` otherwise (no probing of ids). */
async function accessible(ctx: ServiceContext, actor: SessionInfo, id: string) {
  const row = await getAppointmentRow(ctx.db, id);
  if (!row) throw new AppFailure({ code: 'not-found', message: NOT_FOUND });
  await requireCaseAccess(ctx.db, actor, row.jobseeker_id, NOT_FOUND);
  return row;
}

export async function book(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: {
    jobseekerId: string;
    counselorId?: string | undefined;
    kind: AppointmentKind;
    startsAt: string;
    durationMin: number;
    place: string | null;
    purpose: string;
    note: string | null;
  },
): Promise<AppointmentWrite> {
  await accessibleJobseeker(ctx.db, actor, input.jobseekerId, { field: 'jobseekerId' });
  const counselorId = input.counselorId ?? actor.userId;
  await checkCounselors(ctx, actor, [counselorId]);
  const now = isoNow(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const appointmentId = await insertSynced(trx, ctx, 'appointments', {
      jobseeker_id: input.jobseekerId,
      counselor_id: counselorId,
      kind: input.kind,
      starts_at: input.startsAt,
      duration_min: input.durationMin,
      place: input.place,
      purpose: input.purpose,
      note: input.note,
      outcome: null,
      outcome_at: null,
      booked_by: actor.userId,
      created_at: now,
    });
    await insertSynced(trx, ctx, 'appointment_events', {
      appointment_id: appointmentId,
      kind: 'booked',
      at: now,
      counselor_id: actor.userId,
      from_starts_at: null,
      to_starts_at: input.startsAt,
      outcome: null,
      note: null,
    });
    await auditAction(trx, ctx, actor, {
      action: 'appointment.book',
      subjectType: 'appointment',
      subjectId: appointmentId,
      personId: input.jobseekerId,
    });
    return appointmentId;
  });
  const appointment = await viewOf(ctx, id);
  const overlaps = await computeOverlaps(ctx, actor, {
    counselorId,
    startsAt: input.startsAt,
    durationMin: input.durationMin,
    id,
  });
  return { appointment, overlaps };
}

export async function reschedule(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { id: string; startsAt: string; durationMin?: number | undefined; note: string | null },
): Promise<AppointmentWrite> {
  const current = await accessible(ctx, actor, input.id);
  if (current.outcome !== null)
    throw new AppFailure({ code: 'conflict', message: 'appointments.closedCannotMove', field: 'startsAt' });
  const change = rescheduleChange(
    { startsAt: current.starts_at, durationMin: current.duration_min },
    {
      startsAt: input.startsAt,
      ...(input.durationMin !== undefined ? { durationMin: input.durationMin } : {}),
    },
  );
  if (change.event) {
    const moved = change.event;
    await ctx.db.transaction().execute(async (trx) => {
      await updateSynced(trx, ctx, 'appointments', current.id, change.fields, current.seq);
      await insertSynced(trx, ctx, 'appointment_events', {
        appointment_id: current.id,
        kind: 'rescheduled',
        at: isoNow(ctx),
        counselor_id: actor.userId,
        from_starts_at: moved.from,
        to_starts_at: moved.to,
        outcome: null,
        note: input.note,
      });
      await auditAction(trx, ctx, actor, {
        action: 'appointment.reschedule',
        subjectType: 'appointment',
        subjectId: current.id,
        personId: current.jobseeker_id,
      });
    });
  }
  const appointment = await viewOf(ctx, current.id);
  const overlaps = await computeOverlaps(ctx, actor, {
    counselorId: current.counselor_id,
    startsAt: appointment.startsAt,
    durationMin: appointment.durationMin,
    id: current.id,
  });
  return { appointment, overlaps };
}

export async function recordOutcome(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { id: string; outcome: AppointmentOutcome; note: string | null },
): Promise<AppointmentView> {
  const current = await accessible(ctx, actor, input.id);
  if (!mayRecordOutcome(current.outcome))
    throw new AppFailure({ code: 'conflict', message: 'appointments.outcomeRecorded', field: 'outcome' });
  const now = isoNow(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await updateSynced(
      trx,
      ctx,
      'appointments',
      current.id,
      { outcome: input.outcome, outcome_at: now },
      current.seq,
    );
    await insertSynced(trx, ctx, 'appointment_events', {
      appointment_id: current.id,
      kind: 'outcome',
      at: now,
      counselor_id: actor.userId,
      from_starts_at: null,
      to_starts_at: null,
      outcome: input.outcome,
      note: input.note,
    });
    await auditAction(trx, ctx, actor, {
      action: 'appointment.outcome',
      subjectType: 'appointment',
      subjectId: current.id,
      personId: current.jobseeker_id,
      detail: { outcome: input.outcome },
    });
  });
  return viewOf(ctx, current.id);
}

export async function ofJobseeker(
  ctx: ServiceContext,
  actor: SessionInfo,
  jobseekerId: string,
): Promise<CaseAppointments> {
  await accessibleJobseeker(ctx.db, actor, jobseekerId);
  const [rows, noShows] = await Promise.all([
    appointmentsOfJobseeker(ctx.db, jobseekerId),
    countNoShows(ctx.db, jobseekerId),
  ]);
  await auditAction(ctx.db, ctx, actor, {
    action: 'appointment.list',
    subjectType: 'jobseeker',
    subjectId: jobseekerId,
    personId: jobseekerId,
  });
  return { items: rows.map(toView), noShows };
}

export async function history(
  ctx: ServiceContext,
  actor: SessionInfo,
  id: string,
): Promise<AppointmentEventView[]> {
  const current = await accessible(ctx, actor, id);
  const events = await appointmentEvents(ctx.db, id);
  await auditAction(ctx.db, ctx, actor, {
    action: 'appointment.history.read',
    subjectType: 'appointment',
    subjectId: id,
    personId: current.jobseeker_id,
  });
  return events.map((e) => ({
    id: e.id,
    kind: e.kind,
    at: e.at,
    counselorName: e.counselor_name,
    fromStartsAt: e.from_starts_at,
    toStartsAt: e.to_starts_at,
    outcome: e.outcome,
    note: e.note,
  }));
}
