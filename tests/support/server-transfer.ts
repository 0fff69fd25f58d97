import type { OpenedServerDb } from '../../db/server/connection.ts';
import { lockSequencer } from '../../db/server/repositories/sync.ts';
import { PushWork } from '../../server/sync/push-work.ts';
import { forceFields } from '../../server/sync/rows.ts';
import { formatHlc } from '../../shared/sync/hlc.ts';
import type { SyncedTable } from '../../shared/sync/tables.ts';

// A case moved to another center or another center's counselor, as an accepted transfer between
// centers will do it (its own request, another issue): written on the server, with the same commit a
// push uses (the row's children follow it, the desktops that held it learn that it left). A desktop
// can no longer push such a change (issue 13: scope columns change only through their own flows).

export async function transferOnServer(
  opened: OpenedServerDb,
  table: SyncedTable,
  rowId: string,
  fields: Record<string, unknown>,
): Promise<void> {
  const now = new Date();
  await opened.db.transaction().execute(async (trx) => {
    await lockSequencer(trx, opened.dialect);
    const work = new PushWork(trx);
    const existing = await work.getRow(table, rowId);
    if (!existing) throw new Error(`no ${table} ${rowId} on the server`);
    const caller = {
      userId: 'transfer',
      deviceId: 'server',
      role: 'supervisor' as const,
      centerCode: '',
      region: '',
    };
    const hlc = formatHlc({ wall: now.getTime(), counter: 0, node: 'server' });
    await forceFields(work, caller, table, existing, fields, hlc, now.toISOString());
    await work.flush();
  });
}
