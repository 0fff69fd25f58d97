import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';

// GET /metrics on its own listener (`--metrics-port`), never on the API's port: the API faces the
// desktops (and the internet behind a proxy), the metrics face the operator's Prometheus. It listens on
// 127.0.0.1 unless --metrics-host says otherwise, and with CASEWORKER_METRICS_TOKEN set it also wants
// `Authorization: Bearer <token>`. With --workers the primary process serves it, adding up every
// worker's figures (prom-client's AggregatorRegistry); a single process serves its own.

export interface MetricsEndpoint {
  url: string;
  close: () => Promise<void>;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header ?? '');
  const wanted = Buffer.from(`Bearer ${token}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export async function serveMetrics(o: {
  port: number;
  host: string;
  token?: string | undefined;
  /** The text to serve: one registry's, or the cluster's sum. */
  collect: () => Promise<string>;
}): Promise<MetricsEndpoint> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    if (o.token && !tokenMatches(req.headers.authorization, o.token)) {
      res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
      return;
    }
    o.collect().then(
      (text) => res.writeHead(200, { 'content-type': Registry.PROMETHEUS_CONTENT_TYPE }).end(text),
      () => res.writeHead(503).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  return {
    url: `http://${host}:${port}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
