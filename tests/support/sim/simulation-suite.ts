import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServerDb, type OpenedServerDb } from '../../../db/server/connection.ts';
import { buildServer } from '../../../server/app.ts';
import { freshDatabase, type SERVER_DIALECTS, type TestDatabase } from '../server-db.ts';
import { openGatedDb, type DbGate } from './gated-db.ts';
import { runSimulation } from './simulation.ts';

type ServerDialect = (typeof SERVER_DIALECTS)[number];

// The deterministic sync simulation, enabled in CI. Seeds are fixed so a failure replays exactly:
// `SIM_SEEDS=1234 vitest run tests/integration/sync/simulation-postgres.test.ts` (or -sqlite) reruns
// one. A seed that ever failed goes into REGRESSION_SEEDS below and stays there.

// Seeds 1006 and 1107 (in the default range; also 5090) fail on PostgreSQL while the pull's per-scope queries read from
// separate snapshots (`rowsAfter`, issue #14 item 1): its pull across an open push reads the center
// scope before the commit and the caseload after it, the page's cursor overtakes rows of the center
// that the pull never saw, and the desktop misses them for good. It passes once a page reads from one
// consistent snapshot.
const REGRESSION_SEEDS: number[] = [];
const SEED_COUNT = Number(process.env['SIM_SEED_COUNT'] ?? 150);
const SEED_BASE = Number(process.env['SIM_SEED_BASE'] ?? 1000);
const seeds = process.env['SIM_SEEDS']
  ? process.env['SIM_SEEDS'].split(',').map(Number)
  : [...REGRESSION_SEEDS, ...Array.from({ length: SEED_COUNT }, (_, i) => SEED_BASE + i)];

/**
 * The simulation's seeds against the server on one dialect: a file per dialect
 * (tests/integration/sync/simulation-*.test.ts), so the two run side by side on the integration
 * project's two workers (vitest.config.ts) instead of one after the other in one file.
 */
export function simulationSuite(dialect: ServerDialect): void {
  describe(`sync simulation against the server on ${dialect}`, () => {
    let database: TestDatabase;
    let opened: OpenedServerDb;
    let app: FastifyInstance;
    let gated: { gate: DbGate; close: () => Promise<void> };
    const totals = {
      ops: 0,
      requests: 0,
      dropped: 0,
      lostResponses: 0,
      crashes: 0,
      rolledBack: 0,
      kills: 0,
      interleaved: 0,
      splitPulls: 0,
      duplicates: 0,
      replays: 0,
      reviews: 0,
      refused: 0,
      deletes: 0,
      moved: 0,
      merges: 0,
      tasks: 0,
    };

    beforeAll(async () => {
      database = await freshDatabase(dialect);
      opened = await openServerDb(database.url);
      // The server under test gets its own handle on the database, with the simulation's gate in its
      // driver (crashes inside its transactions, commits held while others read: gated-db.ts).
      const handle = openGatedDb(database.url);
      gated = handle;
      app = await buildServer({ db: handle.db, dialect: opened.dialect });
    });
    afterAll(async () => {
      console.info(`sync simulation (${dialect}): ${seeds.length} seeds, ${JSON.stringify(totals)}`);
      await app.close();
      await gated.close();
      await opened.close();
      await database.drop();
    });

    it.each(seeds)('seed %i converges with no silent loss', async (seed) => {
      const result = await runSimulation(seed, { app, opened, gate: gated.gate });
      for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += result.stats[key];
      expect(result.violations, `seed ${seed} (replay with SIM_SEEDS=${seed})`).toEqual([]);
    });

    it('exercised the faults it claims to (over all seeds)', () => {
      if (seeds.length < 20) return;
      expect(totals.dropped).toBeGreaterThan(0);
      expect(totals.lostResponses).toBeGreaterThan(0);
      expect(totals.crashes).toBeGreaterThan(0);
      expect(totals.rolledBack).toBeGreaterThan(0);
      expect(totals.kills).toBeGreaterThan(0);
      expect(totals.interleaved).toBeGreaterThan(0);
      if (dialect === 'postgres') expect(totals.splitPulls).toBeGreaterThan(0);
      expect(totals.duplicates).toBeGreaterThan(0);
      expect(totals.replays).toBeGreaterThan(0);
      expect(totals.reviews).toBeGreaterThan(0);
      expect(totals.refused).toBeGreaterThan(0);
      expect(totals.deletes).toBeGreaterThan(0);
      expect(totals.moved).toBeGreaterThan(0);
      expect(totals.merges).toBeGreaterThan(0);
      expect(totals.tasks).toBeGreaterThan(0);
    });
  });
}
