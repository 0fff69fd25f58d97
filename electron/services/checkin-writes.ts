import type { Updateable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../db/repositories/audit.ts';
import { insertCheckinEvent, updateCheckinRow, type CheckinRow } from '../../db/repositories/checkins.ts';
import { appendOutbox, nextHlc } from '../../db/repositories/outbox.ts';
import type { CheckinTable } from '../../db/schema.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import type { CheckinEventKind } from '../../shared/domain/kiosk.ts';
import { isoNow, type ServiceContext } from './context.ts';

// The two writes every ticket change is made of (the kiosk's issue and the counselors' queue share
// them): an append-only event with its outbox entry, and a row change with its event, outbox and audit.

export type Db = ServiceContext['db'] | Parameters<typeof appendAudit>[0];

export async function addEvent(
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
export async function changeTicket(
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
