import { DEFAULT_KIOSK_SETTINGS, ticketDay } from '../../../shared/domain/kiosk.ts';
import type { ServiceContext } from '../context.ts';
import { HLC_ZERO, insertBatched, iso, type Row } from './batch.ts';
import { seededUuidv7, type Rng } from './random.ts';

// Today's lobby check-ins, all taken before the demo's own moment (a ticket from the future would
// show as waiting 0 minutes), each at the counter its service is sent to by the default settings
// (shared/domain/kiosk.ts), as the kiosk does.
export async function generateDemoCheckins(
  ctx: ServiceContext,
  o: { rng: Rng; anchor: Date; centerCode: string; jobseekers: number; counselorIds: string[] },
): Promise<number> {
  const { rng, counselorIds } = o;
  const checkins: Array<Row<'checkins'>> = [];
  const services = DEFAULT_KIOSK_SETTINGS.services;
  const checkinCount = Math.min(40, Math.max(5, Math.round(o.jobseekers / 100)));
  // The last ticket half an hour before that moment, so every finished one ended before it too.
  const lastTicketAt = o.anchor.getTime() - 30 * 60_000;
  for (let n = 1; n <= checkinCount; n++) {
    const at = lastTicketAt - (checkinCount - n) * 300_000;
    const status =
      n < checkinCount * 0.6
        ? rng.pick(['done', 'left'] as const)
        : n < checkinCount * 0.7
          ? 'called'
          : 'waiting';
    const service = rng.pick(services);
    checkins.push({
      id: seededUuidv7(at, rng),
      hlc: HLC_ZERO,
      center_code: o.centerCode,
      ticket_no: n,
      ticket_day: ticketDay(new Date(at)),
      service: service.id,
      status,
      self_check: rng.chance(0.4)
        ? JSON.stringify({ searchActivities4w: '1-2', startWish: 'within3m', willToWork: 4 })
        : null,
      created_at: iso(at),
      called_at: status === 'waiting' ? null : iso(at + 600_000),
      done_at: status === 'done' || status === 'left' ? iso(at + 1_500_000) : null,
      counter: service.counterId,
      called_by: status === 'waiting' ? null : rng.pick(counselorIds),
    });
  }
  await insertBatched(ctx, 'checkins', checkins);
  return checkins.length;
}
