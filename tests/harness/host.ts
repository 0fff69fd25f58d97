import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { createDispatcher, type SessionHolder } from '../../electron/main/dispatcher.ts';
import { handlers } from '../../electron/services/handlers/index.ts';
import { log } from '../../electron/services/log.ts';
import { NO_OS_KEYRING } from '../../electron/services/keyring.ts';
import { StoreGate } from '../../electron/services/store-gate.ts';
import { startDesktopSync } from '../../electron/services/sync/start.ts';
import type { DesktopStore } from '../../electron/services/store.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { BRIDGE_SCRIPT } from './bridge.ts';

// The test host: the real services on a real store, the built renderer, and the contract over HTTP on
// 127.0.0.1 through the same dispatcher Electron's main process uses. e2e tests and `npm run preview`
// run the UI against it in Chromium.

export const RENDERER_DIR = resolve(import.meta.dirname, '../../dist/renderer');

export interface TestHost {
  url: string;
  gate: StoreGate;
  /** The open store (opening it through the gate first, with the device's key, if nobody has signed in). */
  readonly store: DesktopStore;
  server: FastifyInstance;
  close: () => Promise<void>;
}

export interface TestHostOptions {
  dataDir: string;
  port?: number;
  host?: string;
  now?: () => Date;
  /** A sync server: the first online sign-in creates the store and background sync runs, as in the app. */
  serverUrl?: string;
}

export async function startTestHost(options: TestHostOptions): Promise<TestHost> {
  // The store stays shut until a sign-in (or the kiosk, with the device's key) opens it, as in the app.
  const gate = new StoreGate({
    dataDir: options.dataDir,
    protector: NO_OS_KEYRING,
    ...(options.now ? { now: options.now } : {}),
    ...(options.serverUrl
      ? {
          serverUrl: options.serverUrl,
          onOpen: (store: DesktopStore, url: string | null) => {
            if (url) startDesktopSync(store, url);
          },
        }
      : {}),
  });
  const dispatch = createDispatcher(handlers, gate, log);
  const sessions = new Map<string, SessionInfo | null>();
  const holder = (token: string): SessionHolder => ({
    get: () => sessions.get(token) ?? null,
    set: (s) => sessions.set(token, s),
  });
  const noSession: SessionHolder = { get: () => null, set: () => undefined };

  // Read on every request: a rebuilt renderer (new asset hashes) is served without restarting the host.
  // Two pages (renderer/vite.config.ts): the desk's and the lobby kiosk's, each with the bridge.
  const page = (name: 'index.html' | 'kiosk.html') => () =>
    readFileSync(join(RENDERER_DIR, name), 'utf8').replace(
      '<script type="module"',
      '<script src="./__bridge.js"></script>\n    <script type="module"',
    );
  const indexHtml = page('index.html');
  const kioskHtml = page('kiosk.html');

  // Large enough for an attachment's base64 (the desk's limit, 10 MB by default; issue 18 item 3).
  const server = Fastify({ logger: false, bodyLimit: 32 * 1_048_576 });
  await server.register(fastifyStatic, { root: RENDERER_DIR, index: false, wildcard: true });
  server.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').send(indexHtml()));
  server.get('/index.html', (_req, reply) => reply.type('text/html; charset=utf-8').send(indexHtml()));
  server.get('/kiosk.html', (_req, reply) => reply.type('text/html; charset=utf-8').send(kioskHtml()));
  server.get('/__bridge.js', (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').send(BRIDGE_SCRIPT),
  );
  server.post<{ Params: { surface: string }; Body: { channel?: unknown; input?: unknown } }>(
    '/__bridge/:surface',
    async (req) => {
      const surface =
        req.params.surface === 'kiosk' ? 'kiosk' : req.params.surface === 'desk' ? 'desk' : null;
      if (!surface) return { ok: false, error: { code: 'forbidden', message: 'Unknown bridge' } };
      const token = String(req.headers['x-caseworker-session'] ?? '');
      // The kiosk never has a session, exactly as in Electron where the kiosk window signs no one in.
      const session = surface === 'desk' && token ? holder(token) : noSession;
      return dispatch({ surface, session }, req.body.channel, req.body.input);
    },
  );

  const address = await server.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  return {
    url: address,
    gate,
    get store(): DesktopStore {
      const open = gate.store;
      if (!open) throw new Error('The store is not open yet: sign in first.');
      return open;
    },
    server,
    close: async () => {
      await server.close();
      await gate.close();
    },
  };
}
