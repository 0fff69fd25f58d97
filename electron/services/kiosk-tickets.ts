import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../db/repositories/audit.ts';
import { homeCenter } from '../../db/repositories/centers.ts';
import {
  countWaitingAhead,
  insertCheckin,
  nextTicketNo,
  publicOpeningFacets,
  searchPublicOpenings,
  type PublicOpeningQuery,
} from '../../db/repositories/checkins.ts';
import { appendOutbox, nextHlc } from '../../db/repositories/outbox.ts';
import type { KioskTicket, KioskWelcome, PublicOpeningsPage } from '../../shared/contract/kiosk.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import {
  countdownSeconds,
  KIOSK_CONSENT_VERSION,
  kioskSettingsFrom,
  ticketDay,
  type SelfCheckAnswers,
} from '../../shared/domain/kiosk.ts';
import { ticketLabel, ticketLettersFrom } from '../../shared/domain/tickets.ts';
import { addEvent } from './checkin-writes.ts';
import type { ServiceContext } from './context.ts';

// The kiosk's use cases: public facts (center, services, counters, floor guide, public openings) and
// taking a ticket. No session, no case data out. The ticket's number is this PC's letter and its own
// count of the day (shared/domain/tickets.ts), so several kiosks never issue the same ticket.

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
  // This PC's letter from the center's settings (synced, so known offline): shared/domain/tickets.ts.
  const prefix = ticketLettersFrom(center.settings)[ctx.deviceId] ?? '';
  const ticketNo = await ctx.db.transaction().execute(async (trx) => {
    const no = await nextTicketNo(trx, center.code, day, prefix);
    const hlc = await nextHlc(trx, ctx.deviceId, nowDate.getTime());
    const row = {
      id,
      hlc,
      center_code: center.code,
      ticket_no: no,
      ticket_prefix: prefix,
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
  return {
    id,
    ticketNo,
    ticketPrefix: prefix,
    ticketLabel: ticketLabel(prefix, ticketNo),
    serviceId: service.id,
    counterId: service.counterId,
    issuedAt: now,
    waitingAhead,
  };
}
