import { appendAudit } from '../../../db/repositories/audit.ts';
import type { SyncedTable } from '../../../shared/sync/tables.ts';
import type { ServiceContext } from '../context.ts';
import type { OutboxEntry, SyncClient, SyncCounts } from '../sync/client.ts';
import { applyJoin, type JoinApplied } from './apply.ts';
import { authorOf } from './columns.ts';
import { planJoin, type JoinPlan, type ServerDirectory } from './plan.ts';

// Joining a server (issue #19 item 1; server/README.md § Joining a server): an admin of the server's
// center signs in on a desktop that started without a server; its accounts are paired by login id, the
// admin confirms, and its records are pushed in their authors' names. Used by `caseworker join` and the
// settings screen. Rerun after an interruption, it pushes only what is still pending.

export class JoinRefused extends Error {
  override readonly name = 'JoinRefused';
}

export interface JoinOutcome {
  plan: JoinPlan;
  /** Null when nothing was changed: problems, the admin declined, or a rerun of a finished join. */
  applied: JoinApplied | null;
  /** What the push and the first pull did; null when the join did not go ahead. */
  counts: SyncCounts | null;
}

/** Signs the admin in (keeping the session only) and reads the plan; nothing is written to the store. */
export async function joinPlan(
  ctx: ServiceContext,
  client: SyncClient,
  serverUrl: string,
  admin: { loginId: string; password: string; deviceName: string },
): Promise<{ plan: JoinPlan; adminId: string }> {
  const user = await client.signIn(admin.loginId, admin.password, admin.deviceName, { sessionOnly: true });
  if (user.role !== 'admin')
    throw new JoinRefused(
      `Joining a server is done by an admin of the server's center; ${admin.loginId} is a ${user.role} there.`,
    );
  const directory = (await client.get('/v1/join/accounts')) as ServerDirectory;
  return { plan: await planJoin(ctx.db, serverUrl, directory), adminId: user.id };
}

export async function joinServer(
  ctx: ServiceContext,
  client: SyncClient,
  serverUrl: string,
  admin: { loginId: string; password: string; deviceName: string },
  confirm: (plan: JoinPlan) => Promise<boolean>,
): Promise<JoinOutcome> {
  const { plan, adminId } = await joinPlan(ctx, client, serverUrl, admin);
  if (plan.problems.length > 0) return { plan, applied: null, counts: null };
  let applied: JoinApplied | null = null;
  if (!plan.joined) {
    if (!(await confirm(plan))) return { plan, applied: null, counts: null };
    applied = await applyJoin(ctx.db, plan, serverUrl, ctx.deviceId, ctx.now());
    if (applied)
      await appendAudit(ctx.db, {
        at: ctx.now().toISOString(),
        actorId: adminId,
        actorLogin: admin.loginId,
        deviceId: ctx.deviceId,
        action: 'sync.join',
        subjectType: 'center',
        subjectId: plan.serverCenter.code,
        personId: null,
        detail: {
          pairs: plan.pairs.length,
          localOnly: plan.localOnly.length,
          queued: applied.queued,
          auditKeptLocal: applied.keptLocal,
        },
      });
  }
  // Records without an author column (cases, employers) go in the name of a supervisor of the center.
  const supervisor = plan.pairs.find((p) => p.serverRole === 'supervisor' && p.serverActive)?.serverId;
  const actingUser = (e: OutboxEntry): string | null => {
    const fields = JSON.parse(e.fields) as Record<string, unknown>;
    const author =
      e.table_name === 'audit_entries'
        ? typeof fields['actor_id'] === 'string'
          ? fields['actor_id']
          : null
        : (authorOf(e.table_name as SyncedTable, fields) ?? supervisor ?? null);
    // The admin's own entries (this join's audit entry) go through the ordinary push.
    return author === adminId ? null : author;
  };
  const pushed = await client.pushAsAuthors(actingUser);
  const after = await client.syncOnce();
  return {
    plan,
    applied,
    counts: {
      pushed: pushed.pushed + after.pushed,
      refused: pushed.refused + after.refused,
      review: pushed.review + after.review,
      pulled: after.pulled,
    },
  };
}
