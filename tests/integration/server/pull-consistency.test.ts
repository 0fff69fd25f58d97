import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote } from '../../../electron/services/casework.ts';
import { createEmployer } from '../../../electron/services/employers.ts';
import { createJobseeker } from '../../../electron/services/jobseekers.ts';
import { businessNumberCheckDigit } from '../../../shared/domain/business-number.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import { SYNC_TABLES, syncRule, type SyncedTable } from '../../../shared/sync/tables.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { openSyncDesk, startSyncServer, type SyncDesk, type SyncServer } from '../../support/sync-desktop.ts';

// Issue #14 item 1: a pull must never skip a committed row. One desktop pushes continuously (many small
// push requests: a new case of the center, its note, an employer of the region, and their audit
// entries) while two other desktops of the same center pull over and over through the real server's
// connection pool. At quiescence each puller, having only ever pulled forward from its own cursor,
// must hold exactly the server's rows of its scopes, row by row at the same seq. Before the fix the
// pull read its center, caseload and region rows on separate pool connections (separate snapshots on
// PostgreSQL), and a commit landing between them moved the cursor past rows one query had not seen.

/** Push rounds; each is its own push request (one transaction on the server). */
const ROUNDS = Number(process.env['CASEWORKER_PULL_ROUNDS'] ?? 120);

describe.each(SERVER_DIALECTS)('pulls beside a continuous pusher, server on %s', (dialect) => {
  let server: SyncServer;
  const desks: SyncDesk[] = [];

  beforeAll(async () => {
    server = await startSyncServer(
      dialect,
      [
        { code: 'SEL01', name: '서울고용센터', region: '11' },
        { code: 'BUS01', name: '부산고용센터', region: '26' },
      ],
      [
        { loginId: 'pusher1', role: 'counselor', center: 'SEL01' },
        { loginId: 'puller1', role: 'counselor', center: 'SEL01' },
        { loginId: 'lead1', role: 'supervisor', center: 'SEL01' },
        { loginId: 'busan1', role: 'counselor', center: 'BUS01' },
      ],
    );
  });
  afterAll(async () => {
    for (const d of desks) await d.close();
    await server?.close();
  });

  async function desk(loginId: string): Promise<SyncDesk> {
    const d = await openSyncDesk(server.url, loginId);
    desks.push(d);
    return d;
  }

  it('every puller holds exactly the server rows of its scopes, at the same seq', async () => {
    const pusher = await desk('pusher1');
    const pullers = [await desk('puller1'), await desk('lead1')];
    const other = await desk('busan1');
    // First downloads (empty) before the pushing starts: from here on they only pull the log.
    for (const d of [pusher, ...pullers, other]) await d.client.syncOnce();

    let done = false;
    const pushing = (async () => {
      try {
        for (let round = 0; round < ROUNDS; round++) {
          const ctx = pusher.store.context;
          const person = await createJobseeker(
            ctx,
            pusher.session,
            jobseekerFieldsSchema.parse({ name: `구직자${round}`, birthYear: 1980, sido: '11' }),
            true,
          );
          await addNote(ctx, pusher.session, {
            jobseekerId: person.id,
            kind: 'phone',
            body: `상담 ${round}`,
          });
          const first9 = String(100_000_000 + round * 7919).slice(0, 9);
          await createEmployer(ctx, pusher.session, {
            businessNo: `${first9}${businessNumberCheckDigit(first9)}`,
            name: `(주)동기화${round}`,
            industry: 'H',
            employees: 10,
            sido: '11',
            sigungu: null,
            contactName: null,
            contactPhone: null,
            contactEmail: null,
            potentialClient: false,
            focusSupport: false,
          });
          const pushed = await pusher.client.push();
          expect(pushed.refused).toBe(0);
        }
      } finally {
        done = true;
      }
    })();
    const pulls = [0, 0];
    const pulling = pullers.map(async (p, i) => {
      while (!done) {
        await p.client.pull();
        pulls[i] = (pulls[i] ?? 0) + 1;
      }
    });
    await Promise.all([pushing, ...pulling]);

    // Quiescence: everything is on the server; each desktop pulls forward from its own cursor once more.
    await pusher.client.syncOnce();
    for (const d of [...pullers, other]) await d.client.pull();

    const accounts = server.users;
    const missing: string[] = [];
    for (const d of [...pullers, other]) {
      const expected = await serverRowsFor(server, {
        userId: d.session.userId,
        centerCode: d.session.centerCode,
        region: d === other ? '26' : '11',
        role: d.session.role,
      });
      const held = await desktopRows(d);
      const lacking = [...expected].filter(([k]) => !held.has(k));
      const wrongSeq = [...expected].filter(([k, s]) => held.has(k) && held.get(k) !== s);
      const extra = [...held].filter(([k]) => !expected.has(k));
      if (lacking.length + wrongSeq.length + extra.length > 0) {
        missing.push(
          `${d.session.loginId}: ${lacking.length} missing (${lacking
            .slice(0, 5)
            .map(([k, s]) => `${k}@${s}`)
            .join(', ')}), ${wrongSeq.length} at another seq, ${extra.length} not the server's`,
        );
      }
    }
    expect(accounts.size).toBe(4);
    expect(pulls.every((n) => n > 0)).toBe(true);
    expect(missing).toEqual([]);
  });
});

interface Caller {
  userId: string;
  centerCode: string;
  region: string;
  role: string;
}

/** The server's live rows in the caller's scopes: `table:id` → seq. */
async function serverRowsFor(server: SyncServer, c: Caller): Promise<Map<string, number>> {
  const rows = await server.opened.db
    .selectFrom('sync_rows')
    .select(['table_name', 'row_id', 'seq', 'scope_center', 'scope_owner', 'scope_region'])
    .where('deleted_at', 'is', null)
    .execute();
  const out = new Map<string, number>();
  for (const r of rows) {
    // Audit entries (issue #13 item 5): a supervisor gets the center's, anyone else only their own.
    const centerBrings = r.table_name !== 'audit_entries' || c.role === 'supervisor';
    const visible =
      (r.scope_center === c.centerCode && centerBrings) ||
      r.scope_owner === c.userId ||
      r.scope_region === c.region;
    if (visible) out.set(`${r.table_name}:${r.row_id}`, Number(r.seq));
  }
  return out;
}

/** The rows a desktop holds that the server has accepted (seq > 0): `table:id` → seq. */
async function desktopRows(d: SyncDesk): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const table of Object.keys(SYNC_TABLES) as SyncedTable[]) {
    const key = (syncRule(table) as { key?: string }).key ?? 'id';
    const rows = (
      await sql<{
        k: string;
        s: number;
      }>`select ${sql.ref(key)} as k, seq as s from ${sql.table(table)} where seq > 0`.execute(
        d.store.context.db,
      )
    ).rows;
    for (const r of rows) out.set(`${table}:${r.k}`, Number(r.s));
  }
  return out;
}
