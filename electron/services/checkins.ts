import type { Updateable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../db/repositories/audit.ts';
import { homeCenter } from '../../db/repositories/centers.ts';
import {
  countWaitingAhead,
  eventsOfDay,
  getCheckin,
  insertCheckin,
  insertCheckinEvent,
  listCheckinsOfDay,
  nextTicketNo,
  oldestWaiting,
  publicOpeningFacets,
  searchPublicOpenings,
  staleCheckins,
  updateCheckinRow,
  type CheckinRow,
  type CheckinRowWithCaller,
  type PublicOpeningQuery,
} from '../../db/repositories/checkins.ts';
import { appendOutbox, nextHlc } from '../../db/repositories/outbox.ts';
import type { CheckinTable } from '../../db/schema.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import type { CalledTicket, QueueTicket, QueueView } from '../../shared/contract/checkins.ts';
import type { KioskTicket, KioskWelcome, PublicOpeningsPage } from '../../shared/contract/kiosk.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import {
  countdownSeconds,
  KIOSK_CONSENT_VERSION,
  kioskSettingsFrom,
  parseSelfCheck,
  ticketDay,
  type CheckinEventKind,
  type KioskSettings,
  type SelfCheckAnswers,
} from '../../shared/domain/kiosk.ts';
import { accessibleJobseeker } from './case-access.ts';
import { centerKioskSettings } from './center-settings.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { queueStats, ticketTimesOfDay, type TicketTimes } from './queue-figures.ts';

// The kiosk's use cases (public facts and taking a ticket; no session, no case data out) and the
// counselors' queue (today's tickets of their center). Every ticket change is a row update, an
// append-only event (waiting and service times for the reports), an outbox entry and an audit entry.
// A visitor's name and phone live only as long as the ticket is open: finishing a ticket, or the day
// ending, clears them.

type Db = ServiceContext['db'] | Parameters<typeof appendAudit>[0];

// ---- Kiosk side ----

async function kioskCenter(ctx: ServiceContext) {
  const center = await homeCenter(ctx.db);
  if (!center) throw new AppFailure({ code: 'unavailable', message: 'kioskScreens.notSetUp' });
  return center;
}

export async function kioskWelcome(ctx: ServiceContext): Promise<KioskWelcome> {
  const center = await homeCenter(ctx.db);
  const s = kioskSettingsFrom(center?.settings);
  return {
    centerName: center?.name ?? '',
    sido: center?.sido ?? '',
    languages: ['ko', 'en'],
    idleSeconds: s.idleSeconds,
    countdownSeconds: countdownSeconds(s.idleSeconds),
    counters: s.counters,
    services: s.services,
    floorGuide: s.floorGuide,
    texts: s.texts,
  };
}

export async function kioskOpenings(ctx: ServiceContext, q: PublicOpeningQuery): Promise<PublicOpeningsPage> {
  const [page, facets] = await Promise.all([searchPublicOpenings(ctx.db, q), publicOpeningFacets(ctx.db)]);
  return {
    items: page.items.map((o) => ({
      id: o.id,
      title: o.title,
      employerName: o.employer_name,
      occupation: o.occupation,
      sido: o.sido,
      sigungu: o.sigungu,
      wage: o.wage,
    })),
    total: page.total,
    ...facets,
  };
}

export interface TicketRequest {
  serviceId: string;
  language: 'ko' | 'en';
  consent: boolean;
  name: string;
  phone: string | null;
  selfCheck: SelfCheckAnswers | null;
}

export async function takeTicket(ctx: ServiceContext, req: TicketRequest): Promise<KioskTicket> {
  const center = await kioskCenter(ctx);
  const settings = kioskSettingsFrom(center.settings);
  const service = settings.services.find((s) => s.id === req.serviceId);
  if (!service)
    throw new AppFailure({ code: 'not-found', message: 'kioskScreens.unknownService', field: 'serviceId' });
  const personal = req.consent && (req.name !== '' || req.phone !== null || req.selfCheck !== null);
  const id = uuidv7();
  const nowDate = ctx.now();
  const now = nowDate.toISOString();
  const day = ticketDay(nowDate);
  const ticketNo = await ctx.db.transaction().execute(async (trx) => {
    const no = await nextTicketNo(trx, center.code, day);
    const hlc = await nextHlc(trx, ctx.deviceId, nowDate.getTime());
    const row = {
      id,
      hlc,
      center_code: center.code,
      ticket_no: no,
      ticket_day: day,
      service: service.id,
      status: 'waiting' as const,
      self_check: req.consent && req.selfCheck ? JSON.stringify(req.selfCheck) : null,
      created_at: now,
      called_at: null,
      done_at: null,
      counter: service.counterId,
      called_by: null,
      language: req.language,
      visitor_name: req.consent && req.name !== '' ? req.name : null,
      visitor_phone: req.consent ? req.phone : null,
      consent_version: personal ? KIOSK_CONSENT_VERSION : null,
      consent_at: personal ? now : null,
      jobseeker_id: null,
    };
    await insertCheckin(trx, row);
    const { id: _id, hlc: _hlc, ...fields } = row;
    await appendOutbox(trx, {
      table: 'checkins',
      rowId: id,
      op: 'insert',
      fields,
      hlc,
      baseSeq: 0,
      createdAt: now,
    });
    await addEvent(ctx, trx, {
      checkinId: id,
      kind: 'issued',
      service: service.id,
      counter: service.counterId,
    });
    await appendAudit(trx, {
      at: now,
      actorId: null,
      actorLogin: null,
      deviceId: ctx.deviceId,
      action: 'checkin.issue',
      subjectType: 'checkin',
      subjectId: id,
      personId: null,
      detail: { consent: personal },
    });
    return no;
  });
  const waitingAhead = await countWaitingAhead(ctx.db, center.code, day, service.counterId, now, id);
  return { ticketNo, serviceId: service.id, counterId: service.counterId, issuedAt: now, waitingAhead };
}

// ---- Counselors' side ----

/** One ticket's times from its row alone (the queue view uses the day's events). */
function rowTimes(ctx: ServiceContext, row: CheckinRow): TicketTimes | undefined {
  return ticketTimesOfDay([row], [], isoNow(ctx)).get(row.id);
}

function toQueueTicket(row: CheckinRowWithCaller, own: TicketTimes | undefined): QueueTicket {
  return {
    id: row.id,
    ticketNo: row.ticket_no,
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

async function addEvent(
  ctx: ServiceContext,
  trx: Db,
  e: { checkinId: string; kind: CheckinEventKind; service: string; counter: string | null; userId?: string },
): Promise<void> {
  const at = isoNow(ctx);
  const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
  const row = {
    id: uuidv7(),
    hlc,
    checkin_id: e.checkinId,
    kind: e.kind,
    at,
    service: e.service,
    counter: e.counter,
    user_id: e.userId ?? null,
  };
  await insertCheckinEvent(trx, row);
  const { id, hlc: _hlc, ...fields } = row;
  await appendOutbox(trx, {
    table: 'checkin_events',
    rowId: id,
    op: 'insert',
    fields,
    hlc,
    baseSeq: 0,
    createdAt: at,
  });
}

/** One change of a ticket: the row, its event, outbox and audit, in one transaction. */
async function changeTicket(
  ctx: ServiceContext,
  actor: SessionInfo | null,
  current: CheckinRow,
  patch: Updateable<CheckinTable>,
  event: CheckinEventKind | null,
  audit: { action: string; personId?: string | null },
  trx: Db,
): Promise<void> {
  const now = isoNow(ctx);
  const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
  await updateCheckinRow(trx, current.id, { ...patch, hlc });
  await appendOutbox(trx, {
    table: 'checkins',
    rowId: current.id,
    op: 'update',
    fields: patch,
    hlc,
    baseSeq: Number(current.seq),
    createdAt: now,
  });
  if (event) {
    await addEvent(ctx, trx, {
      checkinId: current.id,
      kind: event,
      service: patch.service ?? current.service,
      counter: patch.counter !== undefined ? patch.counter : current.counter,
      ...(actor ? { userId: actor.userId } : {}),
    });
  }
  await appendAudit(trx, {
    at: now,
    actorId: actor?.userId ?? null,
    actorLogin: actor?.loginId ?? null,
    deviceId: ctx.deviceId,
    action: audit.action,
    subjectType: 'checkin',
    subjectId: current.id,
    personId: audit.personId ?? null,
  });
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
