import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncRow } from '../../../db/server/repositories/sync.ts';
import { mayWrite, type SyncCaller } from '../../../server/sync/rows.ts';
import type { Mutation } from '../../../shared/sync/protocol.ts';
import { refusalCodeOf } from '../../../shared/sync/refusals.ts';
import {
  ACCOUNTS,
  assessmentFields,
  auditFields,
  employerFields,
  hlcOf,
  hostileServer,
  jobseekerFields,
  noteFields,
  openingFields,
  type Agent,
  type Hostile,
} from '../../support/hostile.ts';

// A property-based fuzz of push payloads (issue 13 "How it is proved"): batches of hand-made changes,
// each an honest desktop's record bent in random ways (fields dropped, added, replaced by any JSON
// value, scope columns pointed at other centers, regions and people, authors forged, ids and clocks of
// any shape, NUL characters, baseSeqs from nowhere), pushed over real HTTP by any account. Whatever
// comes, the server answers 200 with one result per change; a refused change leaves its row as it was;
// a batch with nothing accepted changes nothing; and every row an accepted batch wrote is one the
// caller may act on, in a center that exists, owned by staff of that center, in a region served.
//
// FUZZ_RUNS sets the number of batches (default 1200 on SQLite, a tenth of it on PostgreSQL); FUZZ_SEED replays.

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1200);
const SEED = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : undefined;
const DIALECTS = [
  ['sqlite', RUNS],
  ['postgres', Math.max(20, Math.round(RUNS / 10))],
] as const;

const TABLES = [
  'jobseekers',
  'counseling_notes',
  'assessments',
  'employers',
  'job_openings',
  'audit_entries',
  'centers',
  'referrals',
  'payroll',
] as const;
const CENTER_SIDO: Record<string, string> = { SEL01: '11', SEL02: '11', BUS01: '26' };

describe.each(DIALECTS)('fuzzed pushes against the server on %s', (dialect, runs) => {
  let h: Hostile;
  const agents: Agent[] = [];
  const callers = new Map<string, SyncCaller>();
  const pool: Array<{ table: string; id: string }> = [];
  const reasons = new Map<string, number>();
  const totals = { batches: 0, changes: 0, applied: 0, refused: 0, review: 0, duplicate: 0 };

  beforeAll(async () => {
    h = await hostileServer(dialect);
    for (const a of ACCOUNTS) {
      const agent = await h.agent(a.loginId);
      agents.push(agent);
      callers.set(agent.userId, {
        userId: agent.userId,
        deviceId: agent.deviceId,
        role: a.role,
        centerCode: a.center,
        region: CENTER_SIDO[a.center] ?? '',
      });
    }
    pool.push({ table: 'centers', id: 'SEL01' }, { table: 'centers', id: 'BUS01' });
  });
  afterAll(async () => {
    const top = [...reasons].sort((x, y) => y[1] - x[1]).slice(0, 12);
    console.info(
      `push fuzz (${dialect}): ${JSON.stringify(totals)} refusals ${JSON.stringify(Object.fromEntries(top))}`,
    );
    await h.close();
  });

  const anyJson = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('SEL01', 'BUS01', 'NOPE99', '11', '26', '', '\u0000', 'x'.repeat(300)),
  );

  /** An honest record of `table` for `a`, as far as the pool allows, before it is bent. */
  function template(table: string, a: Agent, pick: (n: number) => number): Record<string, unknown> {
    const caller = callers.get(a.userId);
    const center = caller?.centerCode ?? 'SEL01';
    const of = (t: string) => {
      const ids = pool.filter((p) => p.table === t);
      return ids.length > 0 ? (ids[pick(ids.length)]?.id ?? uuidv7()) : uuidv7();
    };
    switch (table) {
      case 'jobseekers':
        return jobseekerFields(center, caller?.role === 'counselor' ? a.userId : null);
      case 'counseling_notes':
        return noteFields(of('jobseekers'), a.userId);
      case 'assessments':
        return assessmentFields(of('jobseekers'), a.userId);
      case 'employers':
        return employerFields(center, caller?.region ?? '11');
      case 'job_openings':
        return openingFields(of('employers'), center, caller?.region ?? '11');
      case 'audit_entries':
        return auditFields(a, center, uuidv7());
      case 'centers':
        return { settings: JSON.stringify({ kiosk: { idleSeconds: 30 } }) };
      case 'referrals':
        return {
          jobseeker_id: of('jobseekers'),
          opening_id: of('job_openings'),
          counselor_id: a.userId,
          created_at: new Date().toISOString(),
        };
      default:
        return { amount: 1 };
    }
  }

  const bend = fc.oneof(
    { arbitrary: fc.constant([]), weight: 3 },
    {
      weight: 2,
      arbitrary: fc.array(
        fc.oneof(
          fc.record({ kind: fc.constant('drop' as const), n: fc.nat() }),
          fc.record({ kind: fc.constant('set' as const), n: fc.nat(), value: anyJson }),
          fc.record({
            kind: fc.constant('add' as const),
            name: fc.string({ minLength: 1, maxLength: 12 }),
            value: anyJson,
          }),
          fc.record({
            kind: fc.constant('scope' as const),
            field: fc.constantFrom(
              'center_code',
              'sido',
              'assigned_counselor_id',
              'author_id',
              'actor_id',
              'device_id',
            ),
            n: fc.nat(),
          }),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    },
  );

  /** What an honest desktop changes on an existing row of `table`. */
  function updateOf(
    table: string,
    a: Agent,
    full: Record<string, unknown>,
    n: number,
  ): Record<string, unknown> {
    switch (table) {
      case 'jobseekers':
        return n % 2 === 0
          ? { phone: `010${String(10_000_000 + n).slice(-8)}` }
          : { assigned_counselor_id: a.userId };
      case 'employers':
        return { name: `기업${n % 1000}` };
      case 'job_openings':
        return { wage: 2_000_000 + (n % 1000) };
      default:
        return full;
    }
  }

  const changeArb = fc.record({
    agent: fc.nat(),
    table: fc.constantFrom(...TABLES, 'jobseekers', 'counseling_notes', 'employers'),
    op: fc.constantFrom('insert', 'update', 'insert'),
    target: fc.oneof(
      { arbitrary: fc.constant('fresh'), weight: 4 },
      { arbitrary: fc.constant('pool'), weight: 4 },
      { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
    ),
    pick: fc.nat(),
    bends: bend,
    base: fc.oneof(
      { arbitrary: fc.constant(0), weight: 4 },
      { arbitrary: fc.nat({ max: 5_000_000 }), weight: 1 },
    ),
    clock: fc.oneof(
      { arbitrary: fc.constant('ok'), weight: 6 },
      { arbitrary: fc.string({ maxLength: 90 }), weight: 1 },
    ),
  });

  async function rowsOf(keys: Array<{ table: string; id: string }>): Promise<Map<string, SyncRow>> {
    const out = new Map<string, SyncRow>();
    for (const k of keys) {
      if (k.id.includes('\u0000')) continue;
      const row = await h.server.opened.db
        .selectFrom('sync_rows')
        .selectAll()
        .where('table_name', '=', k.table)
        .where('row_id', '=', k.id)
        .executeTakeFirst();
      if (row) out.set(`${k.table}/${k.id}`, row);
    }
    return out;
  }

  const CONTENT = ['table_name', 'row_id', 'data', 'field_meta', 'deleted_at', 'parent_key'] as const;
  const SCOPE = ['scope_center', 'scope_owner', 'scope_region'] as const;
  const pickOf = (row: SyncRow, keys: readonly (keyof SyncRow)[]) =>
    Object.fromEntries(keys.map((k) => [k, row[k]]));
  const sameScope = (a: SyncRow, b: SyncRow) => SCOPE.every((k) => a[k] === b[k]);
  async function parentOf(row: SyncRow): Promise<SyncRow | undefined> {
    if (!row.parent_key) return undefined;
    const at = row.parent_key.indexOf(':');
    return h.server.opened.db
      .selectFrom('sync_rows')
      .selectAll()
      .where('table_name', '=', row.parent_key.slice(0, at))
      .where('row_id', '=', row.parent_key.slice(at + 1))
      .executeTakeFirst();
  }

  it(`keeps the store whole and scoped over ${runs} fuzzed batches`, async () => {
    const staff = await h.server.opened.db
      .selectFrom('users')
      .select(['id', 'center_code', 'role'])
      .execute();
    const staffCenter = new Map(staff.map((u) => [u.id, u]));
    await fc.assert(
      fc.asyncProperty(fc.array(changeArb, { minLength: 1, maxLength: 6 }), async (drafts) => {
        const a = agents[(drafts[0]?.agent ?? 0) % agents.length] as Agent;
        const caller = callers.get(a.userId) as SyncCaller;
        let n = 0;
        const mutations: Mutation[] = [];
        for (const d of drafts) {
          const full = template(d.table, a, (len) => (d.pick + n++) % len);
          const fields = d.op === 'update' ? updateOf(d.table, a, full, d.pick) : full;
          for (const b of d.bends) {
            const keys = Object.keys(fields);
            if (b.kind === 'drop' && keys.length > 0) delete fields[keys[b.n % keys.length] as string];
            if (b.kind === 'set' && keys.length > 0) fields[keys[b.n % keys.length] as string] = b.value;
            if (b.kind === 'add') fields[b.name] = b.value;
            if (b.kind === 'scope') {
              const people = agents.map((x) => x.userId);
              const values: unknown[] = [...Object.keys(CENTER_SIDO), 'NOPE99', '11', '26', ...people, null];
              fields[b.field] = values[b.n % values.length];
            }
          }
          const fromPool = pool.filter((p) => p.table === d.table);
          const rowId =
            d.target === 'fresh'
              ? uuidv7()
              : d.target === 'pool'
                ? (fromPool[d.pick % Math.max(1, fromPool.length)]?.id ?? uuidv7())
                : d.target;
          a.clientSeq += 1;
          mutations.push({
            clientSeq: a.clientSeq,
            table: d.table,
            rowId,
            op: d.op,
            fields: fields as Mutation['fields'],
            hlc: d.clock === 'ok' ? hlcOf(a) : d.clock,
            baseSeq: d.base,
          });
        }
        const targets = mutations.map((m) => ({ table: m.table, id: m.rowId }));
        const before = await rowsOf(targets);
        const cursor = await h.maxSeq();
        const counts = async () => {
          const db = h.server.opened.db;
          const [r, v] = await Promise.all([
            db
              .selectFrom('review_items')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow(),
            db
              .selectFrom('value_history')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow(),
          ]);
          return [Number(r.n), Number(v.n)];
        };
        const countsBefore = await counts();

        const results = await h.push(a, mutations);
        expect(results).toHaveLength(mutations.length);
        totals.batches++;
        totals.changes += results.length;
        for (const r of results) {
          totals[r.status]++;
          if (r.reason) {
            const code = refusalCodeOf(r.reason) ?? 'other';
            reasons.set(code, (reasons.get(code) ?? 0) + 1);
          }
        }

        // A refused change leaves its row as it was (unless another change of the batch wrote it).
        const after = await rowsOf(targets);
        const written = new Set(
          mutations.filter((_, i) => results[i]?.status !== 'refused').map((m) => `${m.table}/${m.rowId}`),
        );
        for (const [i, m] of mutations.entries()) {
          const key = `${m.table}/${m.rowId}`;
          if (results[i]?.status !== 'refused' || written.has(key)) continue;
          const was = before.get(key);
          const now = after.get(key);
          const why = `${key}: ${results[i]?.reason}`;
          if (!was || !now || sameScope(was, now)) {
            expect(now, why).toEqual(was);
            continue;
          }
          // Its content stays; only its scope may move, and only by following a parent the batch moved
          // (a case reassigned carries its referrals along).
          expect(pickOf(now, CONTENT), why).toEqual(pickOf(was, CONTENT));
          const parent = await parentOf(now);
          expect(parent, why).toBeDefined();
          expect(Number(parent?.seq), why).toBeGreaterThan(cursor);
          expect(pickOf(now, SCOPE), why).toEqual(pickOf(parent as SyncRow, SCOPE));
        }
        if (results.every((r) => r.status === 'refused' || r.status === 'duplicate')) {
          expect(await h.maxSeq()).toBe(cursor);
          expect(await counts()).toEqual(countsBefore);
        }

        // Every row the batch wrote is the caller's to act on, and lies in a real center/region/caseload.
        const fresh = await h.server.opened.db
          .selectFrom('sync_rows')
          .selectAll()
          .where('seq', '>', cursor)
          .execute();
        for (const row of fresh) {
          expect(mayWrite(caller, row, row.table_name), `${row.table_name} ${row.row_id}`).toBe(true);
          if (row.scope_center !== null) expect(Object.keys(CENTER_SIDO)).toContain(row.scope_center);
          if (row.scope_region !== null) expect(['11', '26']).toContain(row.scope_region);
          if (row.scope_owner !== null) {
            const owner = staffCenter.get(row.scope_owner);
            expect(owner?.role).not.toBe('admin');
            if (row.scope_center !== null) expect(owner?.center_code).toBe(row.scope_center);
          }
          if (!pool.some((p) => p.table === row.table_name && p.id === row.row_id))
            pool.push({ table: row.table_name, id: row.row_id });
        }
      }),
      { numRuns: runs, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    expect(totals.applied).toBeGreaterThan(0);
    expect(totals.refused).toBeGreaterThan(0);
  }, 600_000);
});
