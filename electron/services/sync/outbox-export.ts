import { appendAudit } from '../../../db/repositories/audit.ts';
import { getMeta } from '../../../db/repositories/meta.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import type { OutboxExport } from '../../../shared/contract/sync.ts';
import { isoNow, type ServiceContext } from '../context.ts';

// Every change this desktop holds that is not on the server (pending and refused), as one JSON file
// for a supervisor (sync.md § Auth: a revoked device's unsent outbox "can be exported for a supervisor,
// never discarded"). The file holds case data: the export is audited with its purpose, like a report.

export const OUTBOX_EXPORT_FORMAT = 'caseworker-outbox/1';

export interface OutboxDocument {
  format: typeof OUTBOX_EXPORT_FORMAT;
  exportedAt: string;
  deviceId: string;
  /** The account this desktop syncs as. */
  syncUser: string | null;
  server: string | null;
  purpose: string;
  entries: Array<{
    clientSeq: number;
    table: string;
    rowId: string;
    op: 'insert' | 'update';
    fields: unknown;
    hlc: string;
    baseSeq: number;
    createdAt: string;
    status: 'pending' | 'refused';
    reason: string | null;
  }>;
}

export async function buildOutboxDocument(
  ctx: ServiceContext,
  actor: { userId: string | null; loginId: string | null },
  purpose: string,
): Promise<OutboxDocument> {
  const rows = await ctx.db
    .selectFrom('outbox')
    .selectAll()
    .where('status', 'in', ['pending', 'refused'])
    .orderBy('client_seq')
    .execute();
  const doc: OutboxDocument = {
    format: OUTBOX_EXPORT_FORMAT,
    exportedAt: isoNow(ctx),
    deviceId: ctx.deviceId,
    syncUser: (await getMeta(ctx.db, 'sync.user')) ?? null,
    server: (await getMeta(ctx.db, 'sync.server')) ?? null,
    purpose,
    entries: rows.map((r) => ({
      clientSeq: Number(r.client_seq),
      table: r.table_name,
      rowId: r.row_id,
      op: r.op,
      fields: JSON.parse(r.fields) as unknown,
      hlc: r.hlc,
      baseSeq: Number(r.base_seq),
      createdAt: r.created_at,
      status: r.status as 'pending' | 'refused',
      reason: r.error,
    })),
  };
  // Ids and counts only: the audit trail never copies the data it records access to.
  const entries = doc.entries.length;
  await appendAudit(ctx.db, {
    at: isoNow(ctx),
    actorId: actor.userId,
    actorLogin: actor.loginId,
    deviceId: ctx.deviceId,
    action: 'sync.outbox.export',
    subjectType: 'outbox',
    subjectId: null,
    personId: null,
    detail: { entries, purpose },
  });
  return doc;
}

export async function exportOutbox(
  ctx: ServiceContext,
  actor: SessionInfo,
  purpose: string,
): Promise<OutboxExport> {
  const doc = await buildOutboxDocument(ctx, actor, purpose);
  const stamp = doc.exportedAt.replace(/[-:]/g, '').slice(0, 13);
  return {
    fileName: `caseworker-outbox-${ctx.deviceId.slice(0, 8)}-${stamp}.json`,
    mimeType: 'application/json',
    base64: Buffer.from(JSON.stringify(doc, null, 2), 'utf8').toString('base64'),
    entries: doc.entries.length,
  };
}
