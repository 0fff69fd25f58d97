import type { Updateable } from 'kysely';
import { appendAudit } from '../../db/repositories/audit.ts';
import {
  eventsOfDay,
  getCheckin,
  listCheckinsOfDay,
  oldestWaiting,
  staleCheckins,
  type CheckinRow,
  type CheckinRowWithCaller,
} from '../../db/repositories/checkins.ts';
import type { CheckinTable } from '../../db/schema.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import type { CalledTicket, QueueTicket, QueueView } from '../../shared/contract/checkins.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import { parseSelfCheck, ticketDay, type KioskSettings } from '../../shared/domain/kiosk.ts';
import { ticketLabel } from '../../shared/domain/tickets.ts';
import { accessibleJobseeker } from './case-access.ts';
import { centerKioskSettings } from './center-settings.ts';
import { changeTicket } from './checkin-writes.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { queueStats, ticketTimesOfDay, type TicketTimes } from './queue-figures.ts';

// The counselors' queue (today's tickets of their center). Every ticket change is a row update, an
// append-only event (waiting and service times for the reports), an outbox entry and an audit entry
// (checkin-writes.ts). A visitor's name and phone live only as long as the ticket is open: finishing a
// ticket, or the day ending, clears them. The kiosk's side is kiosk-tickets.ts (re-exported here).

export { kioskOpenings, kioskWelcome, takeTicket, type TicketRequest } from './kiosk-tickets.ts';

// ---- Counselors' side ----

/** One ticket's times from its row alone (the queue view uses the day's events). */
function rowTimes(ctx: ServiceContext, row: CheckinRow): TicketTimes | undefined {
  return ticketTimesOfDay([row], [], isoNow(ctx)).get(row.id);
}

function toQueueTicket(row: CheckinRowWithCaller, own: TicketTimes | undefined): QueueTicket {
  return {
    id: row.id,
    ticketNo: row.ticket_no,
    ticketPrefix: row.ticket_prefix,
    ticketLabel: ticketLabel(row.ticket_prefix, row.ticket_no),
    serviceId: row.service,
    status: row.status,
    counterId: row.counter,
    createdAt: row.created_at,
    calledAt: row.called_at,
    doneAt: row.done_at,
    calledBy: row.called_by,
    calledByName: row.called_by_name,
    hasSelfCheck: row.self_check !== null,
    hasContact: row.visitor_name !== null || row.visitor_phone !== null,
    language: row.language,
    redirects: Number(row.redirects),
    jobseekerId: row.jobseeker_id,
    appointmentId: row.appointment_id,
    waitedMinutes: own?.waitedMinutes ?? null,
    servedMinutes: own?.servedMinutes ?? null,
  };
}

function toCalledTicket(ctx: ServiceContext, row: CheckinRowWithCaller): CalledTicket {
  return {
    ...toQueueTicket(row, rowTimes(ctx, row)),
    visitorName: row.visitor_name,
    visitorPhone: row.visitor_phone,
    selfCheck: parseSelfCheck(row.self_check),
  };
}

/**
 * Earlier days' tickets that were never finished count as left; finished tickets lose the visitor's
 * name and phone. Runs whenever the queue is read, so nothing personal outlives its day.
 */
async function closeStale(ctx: ServiceContext, centerCode: string, day: string): Promise<void> {
  const stale = await staleCheckins(ctx.db, centerCode, day);
  if (stale.length === 0) return;
  await ctx.db.transaction().execute(async (trx) => {
    for (const row of stale) {
      const open = row.status === 'waiting' || row.status === 'called';
      const patch: Updateable<CheckinTable> = { visitor_name: null, visitor_phone: null };
      if (open) {
        patch.status = 'left';
        patch.done_at = isoNow(ctx);
      }
      await changeTicket(ctx, null, row, patch, open ? 'left' : null, { action: 'checkin.expire' }, trx);
    }
  });
}

export async function queueView(ctx: ServiceContext, actor: SessionInfo): Promise<QueueView> {
  const day = ticketDay(ctx.now());
  await closeStale(ctx, actor.centerCode, day);
  const [rows, events, settings] = await Promise.all([
    listCheckinsOfDay(ctx.db, actor.centerCode, day),
    eventsOfDay(ctx.db, actor.centerCode, day),
    centerKioskSettings(ctx, actor.centerCode),
  ]);
  const times = ticketTimesOfDay(rows, events, isoNow(ctx));
  return {
    day,
    tickets: rows.map((r) => toQueueTicket(r, times.get(r.id))),
    services: settings.services,
    counters: settings.counters,
    stats: queueStats(rows, times),
  };
}

async function ticketOfCenter(ctx: ServiceContext, actor: SessionInfo, id: string) {
  const row = await getCheckin(ctx.db, id);
  if (!row || row.center_code !== actor.centerCode)
    throw new AppFailure({ code: 'not-found', message: 'queue.notFound' });
  return row;
}

function requireCounter(settings: KioskSettings, counterId: string): void {
  if (!settings.counters.some((c) => c.id === counterId))
    throw new AppFailure({ code: 'not-found', message: 'queue.unknownCounter', field: 'counterId' });
}

async function callTicket(
  ctx: ServiceContext,
  actor: SessionInfo,
  row: CheckinRow,
  counterId: string,
): Promise<CalledTicket> {
  if (row.status === 'done' || row.status === 'left')
    throw new AppFailure({ code: 'conflict', message: 'queue.alreadyFinished' });
  await ctx.db.transaction().execute(async (trx) => {
    await changeTicket(
      ctx,
      actor,
      row,
      { status: 'called', called_at: isoNow(ctx), called_by: actor.userId, counter: counterId },
      'called',
      { action: 'checkin.call' },
      trx,
    );
  });
  ctx.sync?.scheduler.urgent();
  const called = await getCheckin(ctx.db, row.id);
  if (!called) throw new Error('called ticket vanished');
  return toCalledTicket(ctx, called);
}

export async function callNext(
  ctx: ServiceContext,
  actor: SessionInfo,
  counterId: string,
): Promise<CalledTicket | null> {
  const settings = await centerKioskSettings(ctx, actor.centerCode);
  requireCounter(settings, counterId);
  const day = ticketDay(ctx.now());
  // Two counselors pressing "next" at once must not get the same visitor: the pick and the call
  // happen in one write transaction (SQLite serialises writers).
  const picked = await ctx.db.transaction().execute(async (trx) => {
    const known = settings.counters.map((c) => c.id);
    const next = await oldestWaiting(trx, actor.centerCode, day, counterId, known);
    if (!next) return null;
    await changeTicket(
      ctx,
      actor,
      next,
      { status: 'called', called_at: isoNow(ctx), called_by: actor.userId, counter: counterId },
      'called',
      { action: 'checkin.call' },
      trx,
    );
    return next.id;
  });
  if (!picked) return null;
  // The lobby display on another PC learns of the call from the server: push it now (lobby-calls.ts).
  ctx.sync?.scheduler.urgent();
  const called = await getCheckin(ctx.db, picked);
  if (!called) throw new Error('called ticket vanished');
  return toCalledTicket(ctx, called);
}

export async function callById(
  ctx: ServiceContext,
  actor: SessionInfo,
  id: string,
  counterId: string,
): Promise<CalledTicket> {
  requireCounter(await centerKioskSettings(ctx, actor.centerCode), counterId);
  return callTicket(ctx, actor, await ticketOfCenter(ctx, actor, id), counterId);
}

/** The called ticket with the visitor's details, for the counselor serving it (audited). */
export async function openTicket(ctx: ServiceContext, actor: SessionInfo, id: string): Promise<CalledTicket> {
  const row = await ticketOfCenter(ctx, actor, id);
  await appendAudit(ctx.db, {
    at: isoNow(ctx),
    actorId: actor.userId,
    actorLogin: actor.loginId,
    deviceId: ctx.deviceId,
    action: 'checkin.read',
    subjectType: 'checkin',
    subjectId: id,
    personId: row.jobseeker_id,
  });
  return toCalledTicket(ctx, row);
}

export async function finishTicket(
  ctx: ServiceContext,
  actor: SessionInfo,
  id: string,
  outcome: 'done' | 'left',
): Promise<QueueTicket> {
  const row = await ticketOfCenter(ctx, actor, id);
  if (row.status === 'done' || row.status === 'left')
    throw new AppFailure({ code: 'conflict', message: 'queue.alreadyFinished' });
  if (outcome === 'done' && row.status !== 'called')
    throw new AppFailure({ code: 'conflict', message: 'queue.notCalled' });
  await ctx.db.transaction().execute(async (trx) => {
    await changeTicket(
      ctx,
      actor,
      row,
      { status: outcome, done_at: isoNow(ctx), visitor_name: null, visitor_phone: null },
      outcome,
      { action: `checkin.${outcome}`, personId: row.jobseeker_id },
      trx,
    );
  });
  const updated = await getCheckin(ctx.db, id);
  if (!updated) throw new Error('finished ticket vanished');
  return toQueueTicket(updated, rowTimes(ctx, updated));
}

export async function redirectTicket(
  ctx: ServiceContext,
  actor: SessionInfo,
  id: string,
  serviceId: string,
  counterId: string | undefined,
): Promise<QueueTicket> {
  const settings = await centerKioskSettings(ctx, actor.centerCode);
  const service = settings.services.find((s) => s.id === serviceId);
  if (!service)
    throw new AppFailure({ code: 'not-found', message: 'queue.unknownService', field: 'serviceId' });
  const target = counterId ?? service.counterId;
  requireCounter(settings, target);
  const row = await ticketOfCenter(ctx, actor, id);
  if (row.status === 'done' || row.status === 'left')
    throw new AppFailure({ code: 'conflict', message: 'queue.alreadyFinished' });
  await ctx.db.transaction().execute(async (trx) => {
    await changeTicket(
      ctx,
      actor,
      row,
      {
        status: 'waiting',
        service: service.id,
        counter: target,
        called_by: null,
        redirects: Number(row.redirects) + 1,
      },
      'redirected',
      { action: 'checkin.redirect', personId: row.jobseeker_id },
      trx,
    );
  });
  const updated = await getCheckin(ctx.db, id);
  if (!updated) throw new Error('redirected ticket vanished');
  return toQueueTicket(updated, rowTimes(ctx, updated));
}

export async function linkTicket(
  ctx: ServiceContext,
  actor: SessionInfo,
  id: string,
  jobseekerId: string,
): Promise<null> {
  const row = await ticketOfCenter(ctx, actor, id);
  await accessibleJobseeker(ctx.db, actor, jobseekerId, { field: 'jobseekerId' });
  if (row.jobseeker_id === jobseekerId) return null;
  await ctx.db.transaction().execute(async (trx) => {
    await changeTicket(
      ctx,
      actor,
      row,
      { jobseeker_id: jobseekerId },
      'linked',
      { action: 'checkin.link', personId: jobseekerId },
      trx,
    );
  });
  return null;
}
