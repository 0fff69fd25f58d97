import { appendAudit } from '../../db/repositories/audit.ts';
import { homeCenter } from '../../db/repositories/centers.ts';
import { countWaitingAhead, getCheckin, listCheckinsOfDay } from '../../db/repositories/checkins.ts';
import type { PrintedTicket } from '../../shared/contract/lobby.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import { kioskSettingsFrom, ticketDay } from '../../shared/domain/kiosk.ts';
import { ticketLabel } from '../../shared/domain/tickets.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { ticketPrinter } from './ticket-device.ts';
import { renderTicketPdf } from './ticket-pdf.ts';

// The kiosk's paper ticket (issue 18 item 5): the PDF of a ticket just taken on this kiosk, and the
// printer Electron's main sends it to (electron/main/ticket-printer.main.ts). Only a ticket of today
// still waiting can be printed; nothing personal is on it.

/** Minutes a visit takes when today has no finished visit at that counter to go by. */
export const DEFAULT_SERVICE_MINUTES = 5;

const clock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

export async function ticketPrint(ctx: ServiceContext, id: string): Promise<PrintedTicket> {
  const center = await homeCenter(ctx.db);
  const row = await getCheckin(ctx.db, id);
  const day = ticketDay(ctx.now());
  if (
    !center ||
    !row ||
    row.center_code !== center.code ||
    row.ticket_day !== day ||
    row.status !== 'waiting'
  )
    throw new AppFailure({ code: 'not-found', message: 'lobbyDisplay.ticketGone' });
  const settings = kioskSettingsFrom(center.settings);
  const service = settings.services.find((s) => s.id === row.service);
  const counter = settings.counters.find((c) => c.id === row.counter) ?? null;
  const ahead = row.counter
    ? await countWaitingAhead(ctx.db, center.code, day, row.counter, row.created_at, row.id)
    : 0;
  // The expected wait: those ahead times the mean length of today's finished visits at that counter.
  const served = (await listCheckinsOfDay(ctx.db, center.code, day))
    .filter((r) => r.counter === row.counter && r.called_at && r.done_at && r.status === 'done')
    .map((r) => (Date.parse(r.done_at ?? '') - Date.parse(r.called_at ?? '')) / 60_000)
    .filter((m) => Number.isFinite(m) && m >= 0);
  const perVisit = served.length
    ? served.reduce((a, b) => a + b, 0) / served.length
    : DEFAULT_SERVICE_MINUTES;
  const label = ticketLabel(row.ticket_prefix, row.ticket_no);
  const pdf = await renderTicketPdf({
    centerName: center.name,
    label,
    service: service ? service.name : { ko: row.service, en: row.service },
    counter: counter ? counter.label : null,
    location: counter ? counter.location : null,
    issuedAt: clock.format(new Date(row.created_at)),
    waitingAhead: ahead,
    expectedWaitMinutes: ahead > 0 ? Math.max(1, Math.round(ahead * perVisit)) : null,
  });
  await appendAudit(ctx.db, {
    at: isoNow(ctx),
    actorId: null,
    actorLogin: null,
    deviceId: ctx.deviceId,
    action: 'checkin.print',
    subjectType: 'checkin',
    subjectId: row.id,
    personId: null,
  });
  return { pdf: pdf.toString('base64'), printer: await ticketPrinter(ctx), label };
}
