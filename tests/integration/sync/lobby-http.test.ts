import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations/index.ts';
import { callNext, queueView } from '../../../electron/services/checkins.ts';
import type { ServiceContext } from '../../../electron/services/context.ts';
import { takeTicket, type TicketRequest } from '../../../electron/services/kiosk-tickets.ts';
import { lobbyCalls } from '../../../electron/services/lobby-calls.ts';
import { SyncScheduler } from '../../../electron/services/sync/scheduler.ts';
import { saveTicketDevice } from '../../../electron/services/ticket-device.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import type { LobbyCallsAnswer } from '../../../shared/domain/lobby.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { openSyncDesk, startSyncServer, type SyncDesk, type SyncServer } from '../../support/sync-desktop.ts';

// Issue 18 items 4 and 5 over real HTTP, both dialects: two kiosk PCs with their own letters issue
// tickets offline and never collide; a counselor's call reaches a lobby display on a third PC through
// the server's long-poll; the feed carries numbers and counters only, and only the caller's center's.

const VISITOR = { name: '홍길동', phone: '01012345678' };
const request = (serviceId: string, personal = false): TicketRequest => ({
  serviceId,
  language: 'ko',
  consent: personal,
  name: personal ? VISITOR.name : '',
  phone: personal ? VISITOR.phone : null,
  selfCheck: null,
});

/** A display PC's services with its sync client (not the background loop: the test syncs by hand). */
function withSync(d: SyncDesk): ServiceContext {
  const scheduler = new SyncScheduler(() => d.client.syncOnce(), {
    setTimeout: () => null,
    clearTimeout: () => undefined,
  });
  return { ...d.store.context, sync: { client: d.client, scheduler } };
}

describe.each(SERVER_DIALECTS)('lobby tickets and display over HTTP, server on %s', (dialect) => {
  let server: SyncServer;
  const desks: SyncDesk[] = [];
  let kioskA: SyncDesk;
  let kioskB: SyncDesk;
  let counselor: SyncDesk;
  let display: SyncDesk;

  beforeAll(async () => {
    server = await startSyncServer(
      dialect,
      [
        { code: 'SEL01', name: '서울고용센터', region: '11' },
        { code: 'BUS01', name: '부산고용센터', region: '26' },
      ],
      [
        { loginId: 'admin1', role: 'admin', center: 'SEL01' },
        { loginId: 'admin2', role: 'admin', center: 'SEL01' },
        { loginId: 'counselor1', role: 'counselor', center: 'SEL01' },
        { loginId: 'busan1', role: 'counselor', center: 'BUS01' },
      ],
    );
    const open = async (login: string) => {
      const d = await openSyncDesk(server.url, login);
      desks.push(d);
      await d.client.syncOnce();
      return d;
    };
    // Kiosk PCs and the display PC are set up by an admin's online sign-in, as the README says.
    kioskA = await open('admin1');
    kioskB = await open('admin2');
    counselor = await open('counselor1');
    display = await open('admin1');
  });
  afterAll(async () => {
    for (const d of desks) await d.close();
    await server.close();
  });

  it('gives each kiosk its own letter, and two kiosks offline never issue the same ticket', async () => {
    await saveTicketDevice(kioskA.store.context, kioskA.session, { letter: 'A', printer: null });
    await kioskA.client.syncOnce();
    await kioskB.client.syncOnce();
    // B knows A's letter from the synced center settings: refused, and nothing changed.
    const taken = await saveTicketDevice(kioskB.store.context, kioskB.session, {
      letter: 'A',
      printer: null,
    }).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(AppFailure);
    expect((taken as AppFailure).error.message).toBe('ticketDevice.letterTaken');
    await saveTicketDevice(kioskB.store.context, kioskB.session, { letter: 'B', printer: null });
    await kioskB.client.syncOnce();

    kioskA.online = false;
    kioskB.online = false;
    const labels: string[] = [];
    for (let i = 0; i < 3; i++) {
      labels.push((await takeTicket(kioskA.store.context, request('job-search', i === 0))).ticketLabel);
      labels.push((await takeTicket(kioskB.store.context, request('job-search'))).ticketLabel);
    }
    expect(labels).toEqual(['A-001', 'B-001', 'A-002', 'B-002', 'A-003', 'B-003']);
    kioskA.online = true;
    kioskB.online = true;
    const pushedA = await kioskA.client.syncOnce();
    const pushedB = await kioskB.client.syncOnce();
    expect(pushedA.refused + pushedB.refused).toBe(0);

    await counselor.client.syncOnce();
    const queue = await queueView(counselor.store.context, counselor.session);
    // One line, in the order the visitors came, whichever kiosk they used.
    expect(queue.tickets.map((x) => x.ticketLabel)).toEqual(labels);
  });

  it('shows a counselor’s call on the display PC through the server, numbers and counters only', async () => {
    const screen = withSync(display);
    const first = await lobbyCalls(screen, { wait: 0 });
    expect(first).toMatchObject({ source: 'server', calls: [] });
    expect(first.cursor).toMatch(/^s:\d+$/);

    const waiting = lobbyCalls(screen, { after: first.cursor, wait: 20_000 });
    const called = await callNext(counselor.store.context, counselor.session, 'c1');
    expect(called?.ticketLabel).toBe('A-001');
    await counselor.client.push();
    const shown = await waiting;
    expect(shown.source).toBe('server');
    expect(shown.calls.map((c) => [c.label, c.counterId])).toEqual([['A-001', 'c1']]);
    expect(shown.counters.find((c) => c.id === 'c1')?.label.ko).toBe('1번 창구');
    // The first ticket carried the visitor's name and phone: none of it reaches the display.
    const text = JSON.stringify(shown);
    expect(text).not.toContain(VISITOR.name);
    expect(text).not.toContain(VISITOR.phone);

    await callNext(counselor.store.context, counselor.session, 'c1');
    await counselor.client.push();
    const next = await lobbyCalls(screen, { after: shown.cursor, wait: 20_000 });
    expect(next.calls.map((c) => c.label)).toEqual(['B-001', 'A-001']);
  });

  it('answers the feed to its own center only, in its own shape, and refuses bad requests', async () => {
    const token = async (loginId: string) => {
      const r = await fetch(`${server.url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          loginId,
          password: 'Sync-pass-2026',
          deviceId: crypto.randomUUID(),
          deviceName: 'lobby test',
        }),
      });
      return ((await r.json()) as { accessToken: string }).accessToken;
    };
    const get = async (path: string, bearer: string | null) => {
      const r = await fetch(`${server.url}${path}`, {
        headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
      });
      return { status: r.status, body: await r.json() };
    };
    expect((await get('/v1/lobby/calls', null)).status).toBe(401);
    expect((await get('/v1/lobby/calls', 'not-a-token')).status).toBe(401);

    const admin = await token('admin1');
    for (const bad of ['?wait=abc', '?wait=999999', '?after=-1', '?after=1%27%20or%201=1', '?limit=50'])
      expect((await get(`/v1/lobby/calls${bad}`, admin)).status).toBe(400);

    const own = (await get('/v1/lobby/calls', admin)).body as LobbyCallsAnswer;
    expect(Object.keys(own).sort()).toEqual(['calls', 'cursor', 'day']);
    expect(own.calls.length).toBe(2);
    for (const c of own.calls)
      expect(Object.keys(c).sort()).toEqual(['calledAt', 'counterId', 'id', 'label']);

    // The kiosk PCs push their tickets in an admin's name, yet an admin's desktop still pulls none.
    const pulled = (
      await get(`/v1/sync/pull?cursor=0&limit=5000&schemaVersion=${LATEST_SCHEMA_VERSION}`, admin)
    ).body as { rows: Array<{ table: string }> };
    expect(pulled.rows.length).toBeGreaterThan(0);
    expect(pulled.rows.filter((r) => r.table === 'checkins' || r.table === 'checkin_events')).toEqual([]);

    // Another center's counselor sees none of Seoul's calls.
    const busan = (await get('/v1/lobby/calls', await token('busan1'))).body as LobbyCallsAnswer;
    expect(busan.calls).toEqual([]);
  });
});
