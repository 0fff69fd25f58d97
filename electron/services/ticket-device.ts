import { appendAudit } from '../../db/repositories/audit.ts';
import { getCenter } from '../../db/repositories/centers.ts';
import { getMeta, setMeta } from '../../db/repositories/meta.ts';
import { appendOutbox, nextHlc } from '../../db/repositories/outbox.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import type { TicketDeviceSettings } from '../../shared/contract/lobby.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import { letterHolder, ticketLettersFrom, withTicketLetter } from '../../shared/domain/tickets.ts';
import { isoNow, type ServiceContext } from './context.ts';

// This PC's part in the lobby (issue 18 item 5), set by an admin on Settings › 이 PC: its ticket letter
// and the printer its kiosk prints tickets on. The letter lives in the center's settings row (device id
// → letter, synced, so every PC knows which letters are taken, offline too); the printer in this
// store's meta only (it is this machine's printer, not the center's).

const PRINTER_KEY = 'device.ticket_printer';

export async function ticketPrinter(ctx: ServiceContext): Promise<string | null> {
  const p = await getMeta(ctx.db, PRINTER_KEY);
  return p ? p : null;
}

export async function getTicketDevice(
  ctx: ServiceContext,
  actor: SessionInfo,
): Promise<TicketDeviceSettings> {
  const center = await getCenter(ctx.db, actor.centerCode);
  const letters = ticketLettersFrom(center?.settings);
  return {
    deviceId: ctx.deviceId,
    letter: letters[ctx.deviceId] ?? null,
    taken: Object.entries(letters)
      .filter(([device]) => device !== ctx.deviceId)
      .map(([, l]) => l)
      .sort(),
    printer: await ticketPrinter(ctx),
  };
}

export async function saveTicketDevice(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { letter: string | null; printer: string | null },
): Promise<TicketDeviceSettings> {
  const center = await getCenter(ctx.db, actor.centerCode);
  if (!center) throw new AppFailure({ code: 'not-found', message: 'settings.noCenter' });
  const letters = ticketLettersFrom(center.settings);
  if (input.letter !== null && letterHolder(letters, input.letter, ctx.deviceId))
    throw new AppFailure({ code: 'conflict', message: 'ticketDevice.letterTaken', field: 'letter' });
  const letterChanged = (letters[ctx.deviceId] ?? null) !== input.letter;
  const now = isoNow(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await setMeta(trx, PRINTER_KEY, input.printer ?? '');
    if (letterChanged) {
      const json = withTicketLetter(center.settings, ctx.deviceId, input.letter);
      const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
      await trx
        .updateTable('centers')
        .set({ settings: json, hlc, updated_at: now })
        .where('code', '=', center.code)
        .execute();
      await appendOutbox(trx, {
        table: 'centers',
        rowId: center.code,
        op: 'update',
        fields: { settings: json },
        hlc,
        baseSeq: Number(center.seq),
        createdAt: now,
      });
    }
    await appendAudit(trx, {
      at: now,
      actorId: actor.userId,
      actorLogin: actor.loginId,
      deviceId: ctx.deviceId,
      action: 'settings.ticketDevice.save',
      subjectType: 'device',
      subjectId: ctx.deviceId,
      personId: null,
      detail: { letter: input.letter, printer: input.printer !== null },
    });
  });
  return getTicketDevice(ctx, actor);
}
