import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Caller } from '../../../../electron/main/dispatcher.ts';
import type { ServiceContext } from '../../../../electron/services/context.ts';
import { handlers } from '../../../../electron/services/handlers/index.ts';
import { TICKET_HEIGHT_PT, TICKET_WIDTH_PT } from '../../../../electron/services/ticket-pdf.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import type { KioskTicket } from '../../../../shared/contract/kiosk.ts';
import type { LobbyView, PrintedTicket, TicketDeviceSettings } from '../../../../shared/contract/lobby.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import { pdfText } from '../../../support/pdf-text.ts';
import { makeTestStore, sessionHolder, type TestStore } from '../../../support/temp-store.ts';

// The lobby on one PC through the real dispatcher and store (issue 18 items 4, 5): this PC's letter
// numbers its tickets; the paper ticket's PDF says number, service, counter, floor, time and wait and
// nothing personal; the display's feed (no server here: the store's own) answers a call at once and
// refuses what is not a feed request.

let t: TestStore;
let clock: Date;
let dispatch: ReturnType<typeof createDispatcher>;
let counselor: SessionInfo;
let admin: SessionInfo;
const kiosk: Caller = { surface: 'kiosk', session: sessionHolder(null) };
const desk = (s: SessionInfo): Caller => ({ surface: 'desk', session: sessionHolder(s) });

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
const take = async (input: Record<string, unknown> = {}) =>
  value<KioskTicket>(
    await dispatch(kiosk, 'kiosk:takeTicket', {
      serviceId: 'job-search',
      language: 'ko',
      consent: false,
      ...input,
    }),
  );

beforeEach(async () => {
  t = await makeTestStore();
  clock = new Date('2026-11-02T00:30:00Z'); // 09:30 in Seoul
  const ctx: ServiceContext = { ...t.store.context, now: () => clock };
  dispatch = createDispatcher(handlers, ctx, { error: () => undefined });
  counselor = await t.signIn('counselor1');
  admin = await t.signIn('admin');
});
afterEach(() => t.cleanup());

describe('this PC’s ticket letter', () => {
  it('numbers tickets with the letter an admin gave the PC, keeping older plain numbers', async () => {
    expect((await take()).ticketLabel).toBe('1');
    const saved = value<TicketDeviceSettings>(
      await dispatch(desk(admin), 'settings:saveTicketDevice', { letter: 'K', printer: '  Lobby-80mm ' }),
    );
    expect(saved).toMatchObject({ letter: 'K', printer: 'Lobby-80mm', taken: [] });
    const k1 = await take();
    expect(k1).toMatchObject({ ticketNo: 1, ticketPrefix: 'K', ticketLabel: 'K-001' });
    expect((await take()).ticketLabel).toBe('K-002');
    const center = await t.store.db.selectFrom('centers').select('settings').executeTakeFirstOrThrow();
    expect(JSON.parse(center.settings)).toMatchObject({ ticketLetters: { [t.store.context.deviceId]: 'K' } });
    const outbox = await t.store.db.selectFrom('outbox').select('table_name').execute();
    expect(outbox.map((o) => o.table_name)).toContain('centers');
  });

  it('refuses a bad letter, a counselor, and a letter another PC holds, changing nothing', async () => {
    for (const letter of ['a', 'I', 'AB', '1']) {
      const r = await dispatch(desk(admin), 'settings:saveTicketDevice', { letter, printer: null });
      expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'letter' } });
    }
    const byCounselor = await dispatch(desk(counselor), 'settings:saveTicketDevice', {
      letter: 'A',
      printer: null,
    });
    expect(byCounselor).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Another kiosk of the center already holds B (as synced into the center's settings).
    const other = '01900000-0000-7000-8000-000000000001';
    await t.store.db
      .updateTable('centers')
      .set({ settings: JSON.stringify({ ticketLetters: { [other]: 'B' } }) })
      .execute();
    const before = await t.store.db.selectFrom('centers').select('settings').executeTakeFirstOrThrow();
    const taken = await dispatch(desk(admin), 'settings:saveTicketDevice', { letter: 'B', printer: null });
    expect(taken).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'ticketDevice.letterTaken' },
    });
    expect(await t.store.db.selectFrom('centers').select('settings').executeTakeFirstOrThrow()).toEqual(
      before,
    );
    expect(
      value<TicketDeviceSettings>(await dispatch(desk(admin), 'settings:getTicketDevice', {})),
    ).toMatchObject({
      letter: null,
      taken: ['B'],
    });
  });
});

describe('the paper ticket', () => {
  it('is an 80 mm PDF with number, service, counter, floor, time and wait, and no name', async () => {
    await dispatch(desk(admin), 'settings:saveTicketDevice', { letter: 'A', printer: 'Lobby-80mm' });
    await take();
    clock = new Date('2026-11-02T00:42:00Z');
    const ticket = await take({ consent: true, name: '김민지', phone: '010 1234 5678' });
    const printed = value<PrintedTicket>(await dispatch(kiosk, 'kiosk:ticketPrint', { id: ticket.id }));
    expect(printed).toMatchObject({ label: 'A-002', printer: 'Lobby-80mm' });
    const pdf = Buffer.from(printed.pdf, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(new Uint8Array(pdf));
    for (const expected of [
      'A-002',
      '일자리 찾기·취업 상담',
      '1번 창구',
      'Counter 1',
      '1층 취업지원팀',
      '2026-11-02 09:42',
      '대기 1명',
      '예상 대기 약 5분',
    ])
      expect(text).toContain(expected);
    expect(text).not.toMatch(/김민지|01012345678|1234/);
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
    expect(Number(box?.[1])).toBeCloseTo(TICKET_WIDTH_PT, 0);
    expect(Number(box?.[2])).toBeCloseTo(TICKET_HEIGHT_PT, 0);
    const audit = await t.store.db.selectFrom('audit_entries').select('action').execute();
    expect(audit.map((a) => a.action)).toContain('checkin.print');
  });

  it('is refused for a ticket that is not waiting today, or not a ticket id', async () => {
    const ticket = await take();
    await dispatch(desk(counselor), 'checkins:callNext', { counterId: 'c1' });
    expect(await dispatch(kiosk, 'kiosk:ticketPrint', { id: ticket.id })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'lobbyDisplay.ticketGone' },
    });
    expect(await dispatch(kiosk, 'kiosk:ticketPrint', { id: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'id' },
    });
  });
});

describe('the display’s feed from this PC’s store', () => {
  it('answers a waiting request as soon as a counselor calls, with numbers and counters only', async () => {
    await dispatch(desk(admin), 'settings:saveTicketDevice', { letter: 'A', printer: null });
    await take({ consent: true, name: '김민지', phone: '010 1234 5678' });
    const first = value<LobbyView>(await dispatch(kiosk, 'kiosk:lobbyCalls', { wait: 0 }));
    expect(first).toMatchObject({ source: 'local', calls: [] });
    const waiting = dispatch(kiosk, 'kiosk:lobbyCalls', { after: first.cursor, wait: 20_000 });
    await dispatch(desk(counselor), 'checkins:callNext', { counterId: 'c1' });
    const shown = value<LobbyView>(await waiting);
    expect(shown.calls).toEqual([
      {
        id: expect.any(String) as string,
        label: 'A-001',
        counterId: 'c1',
        calledAt: '2026-11-02T00:30:00.000Z',
      },
    ]);
    expect(JSON.stringify(shown)).not.toMatch(/김민지|01012345678/);
    for (const bad of [
      { wait: -1 },
      { wait: 60_000 },
      { after: 'x'.repeat(101) },
      { wait: 0, center: 'SEL01' },
    ])
      expect(await dispatch(kiosk, 'kiosk:lobbyCalls', bad)).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
  });
});
