import { afterAll, beforeAll, expect } from 'vitest';
import type { Mutation } from '../../shared/sync/protocol.ts';
import { change, hostileServer, type Agent, type Hostile } from './hostile.ts';

// The setup every hostile-*.test.ts repeated: a sync server on one dialect, the usual cast signed in
// on devices of their own, the records the file's refusals aim at pushed honestly (each must be
// applied), and the server closed after the file. Called in a describe's body, it registers the hooks
// and returns the suite's handles at once: `h` forwards to the server once it runs, and each agent is
// filled in before the first test (only use them inside hooks and tests), so a test file destructures
// `{ h, c1, bus, update }` and reads as it did with its own beforeAll.

/** Who signs in, by the name the tests give them (tests/support/hostile.ts ACCOUNTS). */
const CAST = {
  c1: 'counselor1',
  c2: 'counselor2',
  sup: 'supervisor1',
  adm: 'admin1',
  south: 'southern1',
  bus: 'busan1',
} as const;

type Cast = { [K in keyof typeof CAST]: Agent };

/** One honest push: its agent and its changes, in order. */
export type SeedBatch = readonly [Agent, Mutation[]];

export interface HostileSuite extends Cast {
  h: Hostile;
  /** The row's seq on the server now (what an honest update names as its base). */
  seqOf: (table: string, id: string) => Promise<number>;
  /** An honest update of `fields` on the row as the server holds it now. */
  update: (a: Agent, table: string, id: string, fields: Record<string, unknown>) => Promise<Mutation>;
}

/**
 * Registers the file's server on `dialect`; `seed` names the batches pushed before the first test (in
 * order, each by its agent), every change of which must come back applied.
 */
export function hostileSuite(
  dialect: 'sqlite' | 'postgres',
  seed: (s: HostileSuite) => SeedBatch[] = () => [],
): HostileSuite {
  let server: Hostile | undefined;
  const real = (): Hostile => {
    if (!server) throw new Error('hostileSuite: the server starts in beforeAll; use it inside tests');
    return server;
  };
  const h: Hostile = {
    get server() {
      return real().server;
    },
    agent: (loginId) => real().agent(loginId),
    push: (a, mutations) => real().push(a, mutations),
    pushRaw: (a, body) => real().pushRaw(a, body),
    pull: (a, cursor) => real().pull(a, cursor),
    digest: () => real().digest(),
    maxSeq: () => real().maxSeq(),
    expectRefused: (a, m, code) => real().expectRefused(a, m, code),
    close: () => real().close(),
  };
  const cast = Object.fromEntries(Object.keys(CAST).map((k) => [k, {} as Agent])) as Cast;

  async function seqOf(table: string, id: string): Promise<number> {
    const row = await real()
      .server.opened.db.selectFrom('sync_rows')
      .select('seq')
      .where('table_name', '=', table)
      .where('row_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.seq);
  }
  const update = async (a: Agent, table: string, id: string, fields: Record<string, unknown>) =>
    change(a, table, id, fields, 'update', await seqOf(table, id));

  const suite: HostileSuite = { h, ...cast, seqOf, update };

  beforeAll(async () => {
    server = await hostileServer(dialect);
    const signedIn = await Promise.all(Object.values(CAST).map((loginId) => real().agent(loginId)));
    Object.values(cast).forEach((shell, i) => Object.assign(shell, signedIn[i]));
    const batches = seed(suite);
    const results = [];
    for (const [agent, mutations] of batches) results.push(...(await h.push(agent, mutations)));
    expect(results.map((r) => `${r.status} ${r.reason ?? ''}`.trim())).toEqual(
      batches.flatMap(([, mutations]) => mutations.map(() => 'applied')),
    );
  });
  afterAll(async () => {
    await server?.close();
  });
  return suite;
}
