import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { caseRecords } from './sync-records.ts';
import { startPouchServer } from './server-process.ts';
import type { BenchContext } from './types.ts';

// A well-known peer on the same first download (sync.md § Numbers to beat cites PouchDB): the same
// cases, notes and consent records as documents in a PouchDB server (express-pouchdb, in memory, its
// own process), replicated on loopback into a new local PouchDB (in memory: no disk, no encryption, so
// the comparison favours it). Replication uses batches of 1,000 documents (its default is 100), its
// best setting for a large initial pull here.
//
// PouchDB replicates a few thousand documents a second, so by default it runs on a quarter of the
// records and the time for all of them is extrapolated linearly, which the printed name says.
// SYNC_BENCH_POUCHDB_FRACTION=1 runs all of them (several minutes at the default size).

const SEED_BATCH = 5000;
const REPLICATION_BATCH = 1000;

export async function pouchdbPeer(
  ctx: BenchContext,
  jobseekers: number,
  counselorId: string,
  ourFirstDownloadSeconds: number,
  logDir: string,
): Promise<void> {
  const fraction = Math.min(1, Math.max(0.01, Number(process.env['SYNC_BENCH_POUCHDB_FRACTION'] ?? 0.25)));
  const cases = Math.max(1, Math.round(jobseekers * fraction));
  const Pouch = PouchDB.plugin(http).plugin(memory).plugin(replication);
  const server = await startPouchServer(logDir);
  try {
    const remote = new Pouch(`${server.url}/caseworker`, { adapter: 'http' });
    ctx.log(`sync: seeding the PouchDB server with ${cases} jobseekers and ${3 * cases} notes/consents`);
    const now = new Date().toISOString();
    let docs: object[] = [];
    for (let i = 0; i < cases; i++) {
      for (const r of caseRecords(i, counselorId, now))
        docs.push({ _id: `${r.table}:${r.id}`, table: r.table, ...r.data });
      if (docs.length >= SEED_BATCH) {
        await remote.bulkDocs(docs);
        docs = [];
      }
    }
    if (docs.length > 0) await remote.bulkDocs(docs);

    const local = new Pouch('caseworker-first-download', { adapter: 'memory' });
    const started = performance.now();
    const result = await local.replicate.from(remote, { batch_size: REPLICATION_BATCH });
    const seconds = (performance.now() - started) / 1000;
    if (!result.ok || result.docs_written !== cases * 4)
      throw new Error(`PouchDB replicated ${result.docs_written} of ${cases * 4} documents`);
    const total = seconds / fraction;
    const suffix = fraction === 1 ? '' : `.extrapolatedFrom${Math.round(fraction * 100)}pct`;
    ctx.report.figure('sync.pouchdb.firstDownload.docs', result.docs_written, 'rows');
    ctx.report.figure('sync.pouchdb.firstDownload.measured.time', seconds, 's');
    ctx.report.figure(`sync.pouchdb.firstDownload.time${suffix}`, total, 's');
    ctx.report.figure(
      'sync.pouchdb.firstDownload.docsPerSecond',
      Math.round(result.docs_written / seconds),
      'rows/s',
    );
    // How many times longer PouchDB takes for the same first download.
    ctx.report.figure(`sync.pouchdb.firstDownload.ratio${suffix}`, total / ourFirstDownloadSeconds, 'x');
    await local.close();
    await remote.close();
  } finally {
    await server.stop();
  }
}
