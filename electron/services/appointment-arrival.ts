import { uuidv7 } from 'uuidv7';
import { kioskCandidates } from '../../db/repositories/appointments.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { homeCenter } from '../../db/repositories/centers.ts';
import { insertCheckin, insertCheckinEvent, nextTicketNo } from '../../db/repositories/checkins.ts';
import { appendOutbox, nextHlc } from '../../db/repositories/outbox.ts';
import type { AppointmentArrival } from '../../shared/contract/kiosk.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import { comparableName, lastFour } from '../../shared/domain/appointments.ts';
import { kioskSettingsFrom, ticketDay } from '../../shared/domain/kiosk.ts';
import { ticketLettersFrom } from '../../shared/domain/tickets.ts';
import type { ServiceContext } from './context.ts';

// The lobby's "예약하고 왔어요 / I have an appointment" (issue 16 item 1). The visitor gives their name and
// the last four digits of their phone; the kiosk looks among today's open appointments of this center's
// jobseekers only. Exactly one person matching both gets a ticket that names the appointment (the
// counselor's agenda and queue show the arrival); anything else answers `found: false` and nothing more,
// so the kiosk never tells whether a name, a number or a day was wrong. Nothing the visitor typed is
// kept: the ticket holds the appointment and the case, not the name or digits.

const DAY_MS = 86_400_000;

export async function arriveForAppointment(
  ctx: ServiceContext,
  req: { name: string; phoneLast4: string; language: 'ko' | 'en' },
): Promise<AppointmentArrival> {
  const center = await homeCenter(ctx.db);
  if (!center) throw new AppFailure({ code: 'unavailable', message: 'kioskScreens.notSetUp' });
  const nowDate = ctx.now();
  const day = ticketDay(nowDate);
  const from = new Date(Date.parse(`${day}T00:00:00+09:00`)).toISOString();
  const to = new Date(Date.parse(from) + DAY_MS).toISOString();
  const name = comparableName(req.name);
  const candidates = (await kioskCandidates(ctx.db, center.code, from, to)).filter(
    (c) => comparableName(c.jobseeker_name) === name && lastFour(c.jobseeker_phone) === req.phoneLast4,
  );
  // The same person may have two appointments today: the one closest to now is the one they came for.
  const now = nowDate.getTime();
  const match = candidates.sort(
    (a, b) => Math.abs(Date.parse(a.starts_at) - now) - Math.abs(Date.parse(b.starts_at) - now),
  )[0];
  const people = new Set(candidates.map((c) => c.jobseeker_id));
  if (!match || people.size !== 1) return { found: false };

  const settings = kioskSettingsFrom(center.settings);
  const service = settings.services[0];
  if (!service) throw new AppFailure({ code: 'unavailable', message: 'kioskScreens.notSetUp' });
  const nowIso = nowDate.toISOString();
  const id = uuidv7();
  // This PC's letter (issue 18 item 5), as for any ticket it issues: kiosk-tickets.ts.
  const prefix = ticketLettersFrom(center.settings)[ctx.deviceId] ?? '';
  const ticketNo = await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('checkins')
      .select(['ticket_no', 'ticket_prefix'])
      .where('appointment_id', '=', match.id)
      .executeTakeFirst();
    // Tapping twice gives the same ticket, not a second place in the line.
    if (existing) return { no: existing.ticket_no, prefix: existing.ticket_prefix, fresh: false };
    const no = await nextTicketNo(trx, center.code, day, prefix);
    const hlc = await nextHlc(trx, ctx.deviceId, now);
    const jobseekerId = match.jobseeker_id;
    const row = {
      id,
      hlc,
      center_code: center.code,
      ticket_no: no,
      ticket_prefix: prefix,
      ticket_day: day,
      service: service.id,
      status: 'waiting' as const,
      self_check: null,
      created_at: nowIso,
      called_at: null,
      done_at: null,
      counter: service.counterId,
      called_by: null,
      language: req.language,
      visitor_name: null,
      visitor_phone: null,
      consent_version: null,
      consent_at: null,
      jobseeker_id: jobseekerId,
      appointment_id: match.id,
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
      createdAt: nowIso,
    });
    const eventHlc = await nextHlc(trx, ctx.deviceId, now);
    const event = {
      id: uuidv7(),
      hlc: eventHlc,
      checkin_id: id,
      kind: 'issued' as const,
      at: nowIso,
      service: service.id,
      counter: service.counterId,
      user_id: null,
    };
    await insertCheckinEvent(trx, event);
    const { id: eventId, hlc: _eh, ...eventFields } = event;
    await appendOutbox(trx, {
      table: 'checkin_events',
      rowId: eventId,
      op: 'insert',
      fields: eventFields,
      hlc: eventHlc,
      baseSeq: 0,
      createdAt: nowIso,
    });
    await appendAudit(trx, {
      at: nowIso,
      actorId: null,
      actorLogin: null,
      deviceId: ctx.deviceId,
      action: 'appointment.arrive',
      subjectType: 'checkin',
      subjectId: id,
      personId: jobseekerId,
      detail: { appointmentId: match.id },
    });
    return { no, prefix, fresh: true };
  });
  return {
    found: true,
    ticketNo: ticketNo.no,
    ticketPrefix: ticketNo.prefix,
    counterId: service.counterId,
    startsAt: match.starts_at,
  };
}
