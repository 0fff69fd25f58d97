import { sql } from 'kysely';
import type { CaseDb } from '../../../db/connection.ts';
import { getMeta } from '../../../db/repositories/meta.ts';
import { accountColumns } from './columns.ts';
import type { JoinProblem } from '../../../shared/contract/join.ts';
import { describeJoinProblem } from './problems.ts';

// Joining a server, step one: which local account is which server account (by login id), and whatever
// stops the join, each said with what to do. Nothing is written here: the admin sees this plan (on the
// command line or the settings screen) and confirms it.

export interface ServerAccount {
  id: string;
  loginId: string;
  displayName: string;
  role: 'counselor' | 'supervisor' | 'admin';
  active: boolean;
}

export interface ServerDirectory {
  center: { code: string; name: string; sido: string };
  accounts: ServerAccount[];
}

export interface JoinPair {
  loginId: string;
  localId: string;
  serverId: string;
  localRole: string;
  serverRole: ServerAccount['role'];
  serverActive: boolean;
  /** Records naming this account as their author (what is pushed in its name). */
  records: number;
}

export interface LocalOnly {
  loginId: string;
  localId: string;
  role: string;
  records: number;
}

export interface JoinPlan {
  localCenter: { code: string; name: string; sido: string };
  serverCenter: ServerDirectory['center'];
  pairs: JoinPair[];
  /** Accounts the server does not have: to create there (those with records must be) or to retire. */
  localOnly: LocalOnly[];
  /** Server accounts this desktop does not have yet: they arrive with the first pull. */
  serverOnly: Array<{ loginId: string; role: string }>;
  /** Everything that stops the join, each with what to do; empty when the join may go ahead. */
  problems: string[];
  /** The same problems as codes with their figures (the screen words them in the user's language). */
  problemDetails: JoinProblem[];
  /** True when this desktop already joined this server (a rerun continues an interrupted push). */
  joined: boolean;
}

export const JOINED_SERVER_KEY = 'join.server';

/** Records per local account id, over every column naming an account (authors, counselors, owners). */
async function recordsByAccount(db: CaseDb): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const ref of await accountColumns(db)) {
    if (ref.table === 'users') continue;
    const rows = await sql<{ id: string | null; n: number }>`
      select ${sql.ref(ref.column)} as id, count(*) as n from ${sql.table(ref.table)}
      where ${sql.ref(ref.column)} is not null group by ${sql.ref(ref.column)}`.execute(db);
    for (const r of rows.rows) if (r.id) counts.set(r.id, (counts.get(r.id) ?? 0) + Number(r.n));
  }
  return counts;
}

export async function planJoin(db: CaseDb, serverUrl: string, server: ServerDirectory): Promise<JoinPlan> {
  const problemDetails: JoinProblem[] = [];
  const joinedTo = await getMeta(db, JOINED_SERVER_KEY);
  const syncedWith = await getMeta(db, 'sync.server');
  if (joinedTo && joinedTo !== serverUrl) problemDetails.push({ code: 'alreadyJoined', server: joinedTo });
  else if (!joinedTo && syncedWith) problemDetails.push({ code: 'alreadySyncing', server: syncedWith });
  const centers = await db.selectFrom('centers').select(['code', 'name', 'sido']).execute();
  // A store holds its own center, and after a first pull sometimes others' (transferred cases): its
  // own is the one its accounts belong to.
  const home = await db.selectFrom('users').select('center_code').limit(1).executeTakeFirst();
  const local = centers.find((c) => c.code === home?.center_code) ?? centers[0];
  if (!local) throw new Error('The store has no center.');
  if (local.sido && server.center.sido && local.sido !== server.center.sido)
    problemDetails.push({
      code: 'regionMismatch',
      localCenter: local.code,
      localSido: local.sido,
      serverCenter: server.center.code,
      serverSido: server.center.sido,
    });

  const counts = await recordsByAccount(db);
  const users = await db
    .selectFrom('users')
    .select(['id', 'login_id', 'role', 'password_hash'])
    .orderBy('login_id')
    .execute();
  const byLogin = new Map(server.accounts.map((a) => [a.loginId, a]));
  const pairs: JoinPair[] = [];
  const localOnly: LocalOnly[] = [];
  for (const u of users) {
    const remote = byLogin.get(u.login_id);
    const records = counts.get(u.id) ?? 0;
    if (!remote) {
      localOnly.push({ loginId: u.login_id, localId: u.id, role: u.role, records });
      if (records > 0)
        problemDetails.push({
          code: 'missingAccount',
          loginId: u.login_id,
          role: u.role,
          records,
          center: server.center.code,
        });
      continue;
    }
    pairs.push({
      loginId: u.login_id,
      localId: u.id,
      serverId: remote.id,
      localRole: u.role,
      serverRole: remote.role,
      serverActive: remote.active,
      records,
    });
    if (records > 0 && !remote.active)
      problemDetails.push({ code: 'deactivated', loginId: u.login_id, records });
    if (records > 0 && remote.role === 'admin' && u.role !== 'admin')
      problemDetails.push({ code: 'adminOnServer', loginId: u.login_id, role: u.role, records });
  }
  // Records with no author column (cases, employers) are added in the name of a supervisor of the
  // center, who may assign cases to its staff (server/sync/flows.ts).
  if (!pairs.some((p) => p.serverRole === 'supervisor' && p.serverActive))
    problemDetails.push({ code: 'noSupervisor' });
  const localLogins = new Set(users.map((u) => u.login_id));
  const serverOnly = server.accounts
    .filter((a) => !localLogins.has(a.loginId))
    .map((a) => ({ loginId: a.loginId, role: a.role }));
  return {
    localCenter: { code: local.code, name: local.name, sido: local.sido },
    serverCenter: server.center,
    pairs,
    localOnly,
    serverOnly,
    problems: problemDetails.map(describeJoinProblem),
    problemDetails,
    joined: joinedTo === serverUrl,
  };
}
