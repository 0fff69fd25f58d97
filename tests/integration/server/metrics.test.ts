import { afterAll, describe, expect, it } from 'vitest';
import { openServerDb } from '../../../db/server/connection.ts';
import { buildServer, metricsRegistry } from '../../../server/app.ts';
import { serveMetrics } from '../../../server/metrics-endpoint.ts';
import { emptyStats, random, SimDesktop } from '../../bench/load/desktop.ts';
import { LOAD_PASSWORD, seedLoad } from '../../bench/load/seed.ts';
import { freshDatabase } from '../../support/server-db.ts';

// Issue #19 item 3: /metrics in Prometheus text format after real sync traffic over HTTP on
// PostgreSQL: requests by route and status, latencies, push and pull rows, refusals by code, open
// connections and the pool; a token guards it; no label carries an id or a login.

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const value = (text: string, series: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  if (!line) throw new Error(`no series ${series}`);
  return Number(line.slice(series.length + 1));
};

describe('GET /metrics', () => {
  it('counts requests, latencies, rows, refusals, connections and the pool, behind a token', async () => {
    const database = await freshDatabase('postgres');
    cleanups.push(database.drop);
    const opened = await openServerDb(database.url);
    cleanups.push(opened.close);
    const accounts = await seedLoad(opened.db, { centers: 1, desktops: 2, casesPerCenter: 4 });
    const app = await buildServer({ db: opened.db, dialect: opened.dialect, pool: opened.pool });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    cleanups.push(() => app.close());
    const registry = metricsRegistry(app);
    const endpoint = await serveMetrics({
      port: 0,
      host: '127.0.0.1',
      token: 'scrape-token-2026',
      collect: () => registry.metrics(),
    });
    cleanups.push(endpoint.close);

    const counselor = accounts.find((a) => a.role === 'counselor');
    if (!counselor) throw new Error('no counselor seeded');
    const stats = emptyStats();
    const desk = new SimDesktop(url, counselor, stats, new AbortController().signal);
    await desk.signIn(LOAD_PASSWORD);
    await desk.firstDownload();
    await desk.pushBurst(3, random(7));
    await desk.pullAll();
    expect(stats.errors).toBe(0);
    const wrong = await fetch(`${url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        loginId: counselor.loginId,
        password: 'wrong-password-1',
        deviceId: desk.deviceId,
        deviceName: 'PC',
      }),
    });
    expect(wrong.status).toBe(401);

    expect((await fetch(endpoint.url)).status).toBe(401);
    expect((await fetch(endpoint.url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const res = await fetch(endpoint.url, { headers: { authorization: 'Bearer scrape-token-2026' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();

    expect(
      value(text, 'caseworker_http_requests_total{route="/v1/sync/pull",method="GET",status="200"}'),
    ).toBe(stats.times.pull.length);
    expect(
      value(text, 'caseworker_http_requests_total{route="/v1/auth/login",method="POST",status="401"}'),
    ).toBe(1);
    expect(
      value(text, 'caseworker_http_request_duration_seconds_count{route="/v1/sync/push",method="POST"}'),
    ).toBe(1);
    expect(value(text, 'caseworker_sync_push_mutations_total{status="applied"}')).toBe(3);
    // The three rows pushed come back with the next pull.
    expect(value(text, 'caseworker_sync_pull_rows_total')).toBeGreaterThanOrEqual(3);
    expect(value(text, 'caseworker_refusals_total{code="unauthenticated"}')).toBe(1);
    expect(value(text, 'caseworker_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'caseworker_db_pool_connections{state="waiting"}')).toBe(0);
    expect(value(text, 'caseworker_open_connections')).toBeGreaterThanOrEqual(0);
    expect(value(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    // Labels are patterns and codes: no login id, no account, device or record id.
    expect(text).not.toContain(counselor.loginId);
    expect(text).not.toContain(counselor.userId);
    expect(text).not.toContain(desk.deviceId);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}/);
  });
});
