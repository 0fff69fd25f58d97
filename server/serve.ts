import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { AggregatorRegistry } from 'prom-client';
import { openServerDb } from '../db/server/connection.ts';
import { AdminInputError } from './admin.ts';
import { buildServer, metricsRegistry } from './app.ts';
import { blobStore, type BlobPlace } from './blobs/store.ts';
import { sweepBlobs } from './blobs/sweep.ts';
import { purgeServerAudit } from './audit-retention.ts';
import type { LimitOptions } from './limits.ts';
import { serveMetrics, type MetricsEndpoint } from './metrics-endpoint.ts';

// `caseworker-server` serving (issue #19 item 3): one process, or with --workers N a primary that forks
// N workers sharing the port (node:cluster deals connections round-robin). The workers are stateless
// over one PostgreSQL: every count that must hold across requests is in the database (sign-in
// failures, refresh tokens, the sequencer's advisory lock, push results, audit chain heads). What each
// process keeps for itself, and how it is made right with N of them:
//
// - the access-token secret: random per process when CASEWORKER_SERVER_SECRET is unset, so a token
//   signed by one worker would fail on the next. The primary draws one and hands it to its workers;
//   separate instances (a process manager) must be given the same secret.
// - the daily audit purge: run by worker 0 only (it is safe twice, under the sequencer lock, but
//   wasted work); separate instances each run it, and all but the first find nothing to do.
// - the per-device rate buckets (server/limits.ts): each worker enforces its share of the rate.
// - the metrics: each worker counts its own; the primary adds them up on --metrics-port.
// - migrations: every process runs them under an advisory lock (db/server/migrator.ts), so the first
//   applies them and the rest find them applied.

export interface ServeSettings {
  db: string;
  port: number;
  host: string;
  workers: number;
  /** Processes sharing the rate limits: --workers-total, else --workers. */
  processes: number;
  limits: Partial<LimitOptions>;
  poolSize?: number | undefined;
  metricsPort?: number | undefined;
  metricsHost: string;
  https?: { cert: string; key: string } | undefined;
  trustProxy?: string[] | undefined;
  /** Where attachment bytes are kept and the largest accepted (server/blobs/). */
  blobs?: { place: BlobPlace; maxBytes: number } | undefined;
}

const say = (line: string) => console.error(`caseworker-server: ${line}`);
const WORKER_INDEX = 'CASEWORKER_WORKER_INDEX';

export async function serve(s: ServeSettings): Promise<void> {
  if (s.workers > 1 && cluster.isPrimary) return runPrimary(s);
  return runProcess(s);
}

/** One serving process: the only one, or a worker of the cluster. */
async function runProcess(s: ServeSettings): Promise<void> {
  const index = Number(process.env[WORKER_INDEX] ?? 0);
  const opened = await openServerDb(s.db, {
    // The code only (57P01 …): the server keeps running, and the pool makes a new connection.
    onConnectionLost: (code) => say(`a database connection was lost (${code ?? 'no code'})`),
    ...(s.poolSize ? { poolSize: s.poolSize } : {}),
  });
  if (opened.applied.length > 0) say(`applied migrations ${opened.applied.join(', ')}`);
  let app;
  try {
    const secret = process.env['CASEWORKER_SERVER_SECRET'];
    app = await buildServer({
      db: opened.db,
      dialect: opened.dialect,
      logger: true,
      pool: opened.pool,
      limits: { ...s.limits, processes: s.processes },
      ...(s.https ? { https: s.https } : {}),
      ...(s.trustProxy ? { trustProxy: s.trustProxy } : {}),
      ...(s.blobs ? { blobs: s.blobs } : {}),
      ...(secret ? { secret } : {}),
    });
  } catch (error) {
    await opened.close();
    // Node's TLS layer names the bad part (e.g. "error:…:PEM routines::no start line").
    if (s.https)
      throw new AdminInputError(`The TLS certificate or key is not usable: ${(error as Error).message}`);
    throw error;
  }
  const address = await app.listen({ port: s.port, host: s.host });
  let metrics: MetricsEndpoint | null = null;
  if (cluster.isWorker) {
    // Answers the primary's requests for this worker's figures (prom-client listens once constructed).
    new AggregatorRegistry();
    AggregatorRegistry.setRegistries([metricsRegistry(app)]);
    say(`worker ${index} listening on ${address}`);
  } else {
    say(`listening on ${address} (${opened.description})`);
    if (s.metricsPort !== undefined) {
      const registry = metricsRegistry(app);
      metrics = await serveMetrics({
        port: s.metricsPort,
        host: s.metricsHost,
        token: process.env['CASEWORKER_METRICS_TOKEN'],
        collect: () => registry.metrics(),
      });
      say(`metrics on ${metrics.url}`);
    }
  }
  if (index === 0) {
    // The audit copy's retention: at start, then daily (a failure is reported and retried next day).
    const purge = () => {
      purgeServerAudit(opened.db, opened.dialect, new Date()).catch((error: unknown) => {
        say(`audit purge failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    };
    // Attachment bytes no live row names any more (removed, purged): server/blobs/sweep.ts.
    const sweep = () => {
      sweepBlobs(
        opened.db,
        opened.dialect,
        blobStore(opened.db, s.blobs?.place ?? { kind: 'database' }),
      ).catch((error: unknown) => {
        say(`attachment sweep failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    };
    purge();
    sweep();
    setInterval(() => {
      purge();
      sweep();
    }, 86_400_000).unref();
  }
  // Graceful shutdown: stop accepting, let in-flight requests (pushes) finish, then close the database.
  const stop = () => {
    void Promise.all([app.close(), metrics?.close()])
      .then(() => opened.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The primary of --workers N: migrates, forks, restarts a worker that dies, serves the metrics. */
async function runPrimary(s: ServeSettings): Promise<void> {
  // Migrated here first, so a schema problem is told once and no worker starts on it.
  const opened = await openServerDb(s.db, { poolSize: 1 });
  if (opened.applied.length > 0) say(`applied migrations ${opened.applied.join(', ')}`);
  const description = opened.description;
  await opened.close();
  const env = {
    // An empty value counts as unset, as it does in the workers.
    CASEWORKER_SERVER_SECRET: process.env['CASEWORKER_SERVER_SECRET'] || randomBytes(32).toString('hex'),
  };
  const aggregator = new AggregatorRegistry();
  let stopping = false;
  const byWorker = new Map<number, number>();
  const fork = (index: number) => {
    const worker = cluster.fork({ ...env, [WORKER_INDEX]: String(index) });
    byWorker.set(worker.id, index);
  };
  for (let i = 0; i < s.workers; i++) fork(i);

  let listening = 0;
  let address = '';
  cluster.on('listening', (_worker, a) => {
    listening += 1;
    if (listening !== s.workers) return;
    const host = a.address && a.address.includes(':') ? `[${a.address}]` : (a.address ?? s.host);
    address = `${s.https ? 'https' : 'http'}://${host}:${a.port}`;
    say(`listening on ${address} (${s.workers} workers, ${description})`);
  });
  cluster.on('exit', (worker, code, signal) => {
    const index = byWorker.get(worker.id) ?? 0;
    byWorker.delete(worker.id);
    if (stopping) {
      if (byWorker.size === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    // A worker that died (a bug, the OOM killer) is replaced; its requests in flight were lost with it.
    say(`worker ${index} exited (${signal ?? code}); starting another`);
    if (listening < s.workers) {
      // It died before ever listening: starting it again would loop (a bad port, a bad certificate).
      say('a worker could not start; stopping');
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      process.exitCode = 1;
      if (byWorker.size === 0) process.exit(1);
      return;
    }
    fork(index);
  });

  let metrics: MetricsEndpoint | null = null;
  if (s.metricsPort !== undefined) {
    metrics = await serveMetrics({
      port: s.metricsPort,
      host: s.metricsHost,
      token: process.env['CASEWORKER_METRICS_TOKEN'],
      collect: () => aggregator.clusterMetrics(),
    });
    say(`metrics on ${metrics.url} (all workers)`);
  }
  const stop = () => {
    stopping = true;
    void metrics?.close();
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    if (byWorker.size === 0) process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
