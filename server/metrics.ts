import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PoolStats } from '../db/server/connection.ts';
import type { PullResponse, PushResponse } from '../shared/sync/protocol.ts';

// The server's figures in Prometheus text format (issue #19 item 3). One registry per server (tests
// build several in one process); the process's own figures (CPU, memory, event-loop lag) come from
// prom-client's default collectors. Labels are route patterns, methods, statuses and codes: never an
// id, a query or anything a person typed, so the series stay few and hold no personal data.

export interface ServerMetrics {
  registry: Registry;
}

export interface MetricsSources {
  pool?: (() => PoolStats) | undefined;
  inFlight?: (() => number) | undefined;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function registerMetrics(app: FastifyInstance, sources: MetricsSources): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'caseworker_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status.',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'caseworker_http_request_duration_seconds',
    help: 'Time from the request arriving to its answer being sent, by route pattern and method.',
    labelNames: ['route', 'method'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const pushed = new Counter({
    name: 'caseworker_sync_push_mutations_total',
    help: 'Mutations answered by push, by result status (applied, duplicate, refused …).',
    labelNames: ['status'],
    registers: [registry],
  });
  const pulled = new Counter({
    name: 'caseworker_sync_pull_rows_total',
    help: 'Rows sent by pull.',
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'caseworker_refusals_total',
    help: 'Requests refused, by error code (rate-limited, over-capacity, unauthenticated, validation …).',
    labelNames: ['code'],
    registers: [registry],
  });
  let open = 0;
  app.server.on('connection', (socket) => {
    open += 1;
    socket.once('close', () => (open -= 1));
  });
  new Gauge({
    name: 'caseworker_open_connections',
    help: 'Client connections (sockets) open now.',
    registers: [registry],
    collect() {
      this.set(open);
    },
  });
  new Gauge({
    name: 'caseworker_requests_in_flight',
    help: 'Requests being handled now.',
    registers: [registry],
    collect() {
      this.set(sources.inFlight?.() ?? 0);
    },
  });
  if (sources.pool) {
    const pool = sources.pool;
    new Gauge({
      name: 'caseworker_db_pool_connections',
      help: 'PostgreSQL pool connections: total, idle, and requests waiting for one.',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const s = pool();
        this.set({ state: 'total' }, s.total);
        this.set({ state: 'idle' }, s.idle);
        this.set({ state: 'waiting' }, s.waiting);
      },
    });
  }

  app.addHook('onResponse', async (req, reply) => {
    // The pattern (`/v1/users/:id/unlock`), never the URL; an unknown path is one series.
    const route = req.routeOptions.url ?? 'unmatched';
    requests.inc({ route, method: req.method, status: String(reply.statusCode) });
    latency.observe({ route, method: req.method }, reply.elapsedTime / 1000);
  });
  app.addHook('preSerialization', async (req, reply, payload) => {
    if (reply.statusCode >= 400) {
      const code = (payload as { error?: { code?: unknown } } | null)?.error?.code;
      if (typeof code === 'string') refusals.inc({ code });
      return payload;
    }
    const route = req.routeOptions.url;
    if (route === '/v1/sync/push') {
      for (const r of (payload as PushResponse).results) pushed.inc({ status: r.status });
    } else if (route === '/v1/sync/pull') pulled.inc((payload as PullResponse).rows.length);
    return payload;
  });
  return { registry };
}
