import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Caller } from '../../../../electron/main/dispatcher.ts';
import type { ServiceContext } from '../../../../electron/services/context.ts';
import { handlers } from '../../../../electron/services/handlers/index.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import type { CalledTicket, QueueView } from '../../../../shared/contract/checkins.ts';
import type { KioskTicket, KioskWelcome, PublicOpeningsPage } from '../../../../shared/contract/kiosk.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import { DEFAULT_KIOSK_SETTINGS, type KioskSettings } from '../../../../shared/domain/kiosk.ts';
import { makeTestStore, sessionHolder, type TestStore } from '../../../support/temp-store.ts';

// Kiosk tickets and the counselors' queue through the real dispatcher on a real store, with a clock the
// test moves (tickets restart every day in Korea's time).

let t: TestStore;
let clock: Date;
let dispatch: ReturnType<typeof createDispatcher>;
let counselor: SessionInfo;
let counselor2: SessionInfo;
let admin: SessionInfo;

const kiosk: Caller = { surface: 'kiosk', session: sessionHolder(null) };
const desk = (s: SessionInfo): Caller => ({ surface: 'desk', session: sessionHolder(s) });

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

const selfCheck = { searchActivities4w: '1-2', startWish: 'within3m', willToWork: 4 } as const;

beforeEach(async () => {
  t = await makeTestStore();
  clock = new Date('2026-11-02T00:30:00Z'); // 09:30 in Seoul
  const ctx: ServiceContext = { ...t.store.context, now: () => clock };
  dispatch = createDispatcher(handlers, ctx, { error: () => undefined });
  counselor = await t.signIn('counselor1');
  counselor2 = await t.signIn('counselor2');
  admin = await t.signIn('admin');
});
afterEach(() => t.cleanup());

const take = async (input: Record<string, unknown>) =>
  value<KioskTicket>(await dispatch(kiosk, 'kiosk:takeTicket', { language: 'ko', consent: false, ...input }));

describe('taking a ticket at the kiosk', () => {
  it('numbers tickets per day, restarting the next morning in Korea time', async () => {
    expect((await take({ serviceId: 'job-search' })).ticketNo).toBe(1);
    expect((await take({ serviceId: 'unemployment-benefit' })).ticketNo).toBe(2);
    clock = new Date('2026-11-02T14:59:00Z'); // 23:59 in Seoul, same day
    expect((await take({ serviceId: 'job-search' })).ticketNo).toBe(3);
    clock = new Date('2026-11-02T15:01:00Z'); // 00:01 the next day in Seoul
    const next = await take({ serviceId: 'job-search' });
    expect(next).toMatchObject({ ticketNo: 1, counterId: 'c1', waitingAhead: 0 });
  });

  it('tells the visitor how many wait before them at the same counter', async () => {
    await take({ serviceId: 'job-search' });
    await take({ serviceId: 'unemployment-benefit' });
    clock = new Date(clock.getTime() + 60_000);
    expect(await take({ serviceId: 'job-search' })).toMatchObject({ ticketNo: 3, waitingAhead: 1 });
  });

  it('keeps name, phone and answers only with consent, and refuses them without', async () => {
    const refused = await dispatch(kiosk, 'kiosk:takeTicket', {
      serviceId: 'job-search',
      language: 'ko',
      consent: false,
      name: '김민지',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', field: 'name' } });
    expect(await t.store.db.selectFrom('checkins').selectAll().execute()).toEqual([]);

    await take({ serviceId: 'job-search', consent: true, name: '김민지', phone: '010 1234 5678', selfCheck });
    const row = await t.store.db.selectFrom('checkins').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      visitor_name: '김민지',
      visitor_phone: '01012345678',
      consent_version: 'kiosk-ticket-2026-1',
      ticket_day: '2026-11-02',
      status: 'waiting',
    });
    expect(JSON.parse(row.self_check ?? 'null')).toEqual(selfCheck);
    const audit = await t.store.db.selectFrom('audit_entries').selectAll().execute();
    expect(audit.map((a) => a.action)).toContain('checkin.issue');
    expect(JSON.stringify(audit)).not.toMatch(/김민지|01012345678/);
    const outbox = await t.store.db
      .selectFrom('outbox')
      .select('table_name')
      .where('table_name', '!=', 'audit_entries')
      .execute();
    expect(outbox.map((o) => o.table_name).sort()).toEqual(['checkin_events', 'checkins']);
  });

  it('refuses an unknown service and a malformed phone', async () => {
    expect(
      await dispatch(kiosk, 'kiosk:takeTicket', { serviceId: 'nope', language: 'ko', consent: false }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(
      await dispatch(kiosk, 'kiosk:takeTicket', {
        serviceId: 'job-search',
        language: 'ko',
        consent: true,
        phone: '12',
      }),
    ).toMatchObject({ ok: false, error: { code: 'validation', field: 'phone' } });
  });
});

describe('what the kiosk can and cannot reach', () => {
  it('gets the welcome facts with the default settings', async () => {
    const w = value<KioskWelcome>(await dispatch(kiosk, 'kiosk:welcome', {}));
    expect(w).toMatchObject({ centerName: '테스트고용센터', idleSeconds: 90, languages: ['ko', 'en'] });
    expect(w.services.length).toBeGreaterThan(0);
  });

  it('cannot call the queue or the settings, even with a session in its holder', async () => {
    for (const name of ['checkins:queue', 'checkins:callNext', 'checkins:get', 'settings:getKiosk']) {
      const r = await dispatch({ surface: 'kiosk', session: sessionHolder(counselor) }, name, {});
      expect(r, name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('shows public open openings only, with title, employer, region and wage and nothing else', async () => {
    const db = t.store.db;
    await db
      .insertInto('employers')
      .values({
        id: '0190a000-0000-7000-8000-000000000001',
        hlc: 'x',
        business_no: '1234567890',
        name: '한빛물류',
        industry: 'H',
        employees: 30,
        sido: '11',
        sigungu: '11680',
        contact_name: '담당자',
        contact_phone: '0212345678',
        wage_level: null,
        welfare_level: null,
        recognition_level: null,
        current_type: null,
        center_code: 'T01',
        created_at: '2026-10-01T00:00:00Z',
        updated_at: '2026-10-01T00:00:00Z',
      })
      .execute();
    const opening = (
      n: number,
      extra: { public?: number; status?: 'closed'; sido?: string; occupation?: string; title?: string },
    ) => ({
      id: `0190a000-0000-7000-8000-00000000010${n}`,
      hlc: 'x',
      employer_id: '0190a000-0000-7000-8000-000000000001',
      title: `물류 사무원 ${n}`,
      occupation: '0261',
      sido: '11',
      sigungu: '11680',
      wage: 2_800_000,
      positions: 2,
      center_code: 'T01',
      created_at: `2026-10-0${n}T00:00:00Z`,
      updated_at: `2026-10-0${n}T00:00:00Z`,
      public: 1,
      status: 'open' as 'open' | 'closed',
      ...extra,
    });
    await db
      .insertInto('job_openings')
      .values([
        opening(1, {}),
        opening(2, { public: 0 }),
        opening(3, { status: 'closed' }),
        opening(4, { sido: '26', occupation: '7011', title: '용접공' }),
      ])
      .execute();
    const all = value<PublicOpeningsPage>(await dispatch(kiosk, 'kiosk:openings', {}));
    expect(all.total).toBe(2);
    expect(Object.keys(all.items[0] ?? {}).sort()).toEqual(
      ['employerName', 'id', 'occupation', 'sido', 'sigungu', 'title', 'wage'].sort(),
    );
    expect(all.regions.sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: '11', count: 1 },
      { code: '26', count: 1 },
    ]);
    const busan = value<PublicOpeningsPage>(await dispatch(kiosk, 'kiosk:openings', { sido: '26' }));
    expect(busan.items.map((o) => o.title)).toEqual(['용접공']);
    const office = value<PublicOpeningsPage>(await dispatch(kiosk, 'kiosk:openings', { major: '0' }));
    expect(office.items.map((o) => o.employerName)).toEqual(['한빛물류']);
    const text = value<PublicOpeningsPage>(await dispatch(kiosk, 'kiosk:openings', { query: '한빛' }));
    expect(text.total).toBe(2);
    const none = value<PublicOpeningsPage>(await dispatch(kiosk, 'kiosk:openings', { query: '%' }));
    expect(none.total).toBe(0);
  });
});

describe("the counselors' queue", () => {
  it('calls the longest-waiting ticket of the counter with its answers, then finishes it', async () => {
    await take({ serviceId: 'unemployment-benefit' });
    clock = new Date(clock.getTime() + 60_000);
    const mine = await take({ serviceId: 'job-search', consent: true, name: '김민지', selfCheck });
    clock = new Date(clock.getTime() + 60_000);
    await take({ serviceId: 'job-search' });

    let view = value<QueueView>(await dispatch(desk(counselor), 'checkins:queue', {}));
    expect(view.tickets.map((x) => [x.ticketNo, x.status, x.counterId])).toEqual([
      [1, 'waiting', 'c2'],
      [2, 'waiting', 'c1'],
      [3, 'waiting', 'c1'],
    ]);
    expect(JSON.stringify(view)).not.toContain('김민지'); // the list shows numbers, not names
    expect(view.stats.waiting).toBe(3);

    clock = new Date(clock.getTime() + 5 * 60_000);
    const called = value<CalledTicket>(
      await dispatch(desk(counselor), 'checkins:callNext', { counterId: 'c1' }),
    );
    expect(called).toMatchObject({
      ticketNo: mine.ticketNo,
      status: 'called',
      visitorName: '김민지',
      selfCheck,
      calledBy: counselor.userId,
    });
    // A second counselor at the same counter gets the next visitor, not the same one.
    const other = value<CalledTicket>(
      await dispatch(desk(counselor2), 'checkins:callNext', { counterId: 'c1' }),
    );
    expect(other.ticketNo).toBe(3);
    expect(value(await dispatch(desk(counselor2), 'checkins:callNext', { counterId: 'c1' }))).toBeNull();

    clock = new Date(clock.getTime() + 10 * 60_000);
    expect(
      value(await dispatch(desk(counselor), 'checkins:finish', { id: called.id, outcome: 'done' })),
    ).toMatchObject({ status: 'done', hasContact: false });
    const row = await t.store.db
      .selectFrom('checkins')
      .selectAll()
      .where('id', '=', called.id)
      .executeTakeFirstOrThrow();
    expect(row.visitor_name).toBeNull(); // the visitor's details go when the ticket closes
    expect(
      await dispatch(desk(counselor), 'checkins:finish', { id: called.id, outcome: 'left' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });

    view = value<QueueView>(await dispatch(desk(counselor), 'checkins:queue', {}));
    expect(view.stats).toMatchObject({ waiting: 1, served: 1, left: 0, avgServiceMinutes: 10 });
    expect(view.stats.avgWaitMinutes).toBeCloseTo(5.5, 1); // (6 + 5) / 2 minutes
    const events = await t.store.db
      .selectFrom('checkin_events')
      .select(['kind'])
      .where('checkin_id', '=', called.id)
      .orderBy('at')
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['issued', 'called', 'done']);
    await expect(
      t.store.db
        .updateTable('checkin_events')
        .set({ kind: 'left' })
        .where('checkin_id', '=', called.id)
        .execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('lets any counter call a ticket no known counter holds, oldest first, with its minutes on the row', async () => {
    const own = await take({ serviceId: 'training' });
    const orphan = await take({ serviceId: 'job-search' });
    const stray = await take({ serviceId: 'job-search' });
    // As rows synced from a kiosk with other settings: no counter, and a counter since removed.
    await t.store.db
      .updateTable('checkins')
      .set({ counter: null })
      .where('ticket_no', '=', orphan.ticketNo)
      .execute();
    await t.store.db
      .updateTable('checkins')
      .set({ counter: 'c9' })
      .where('ticket_no', '=', stray.ticketNo)
      .execute();
    clock = new Date(clock.getTime() + 4 * 60_000);
    const view = value<QueueView>(await dispatch(desk(counselor), 'checkins:queue', {}));
    expect(view.tickets.map((x) => x.waitedMinutes)).toEqual([4, 4, 4]);
    const calls = [];
    for (let n = 0; n < 4; n++)
      calls.push(
        value<CalledTicket | null>(
          await dispatch(desk(counselor), 'checkins:callNext', { counterId: own.counterId }),
        )?.ticketNo ?? null,
      );
    expect(calls).toEqual([own.ticketNo, orphan.ticketNo, stray.ticketNo, null]);
  });

  it('redirects a called ticket to another counter, where it keeps its place', async () => {
    const first = await take({ serviceId: 'job-search' });
    clock = new Date(clock.getTime() + 60_000);
    await take({ serviceId: 'employment-support' });
    const called = value<CalledTicket>(
      await dispatch(desk(counselor), 'checkins:callNext', { counterId: 'c1' }),
    );
    expect(called.ticketNo).toBe(first.ticketNo);
    const moved = value<{ status: string; counterId: string; redirects: number }>(
      await dispatch(desk(counselor), 'checkins:redirect', {
        id: called.id,
        serviceId: 'employment-support',
      }),
    );
    expect(moved).toMatchObject({ status: 'waiting', counterId: 'c3', redirects: 1 });
    const next = value<CalledTicket>(
      await dispatch(desk(counselor2), 'checkins:callNext', { counterId: 'c3' }),
    );
    expect(next.ticketNo).toBe(first.ticketNo);
    expect(
      await dispatch(desk(counselor), 'checkins:redirect', {
        id: called.id,
        serviceId: 'job-search',
        counterId: 'zz',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it("closes yesterday's open tickets as left and forgets their visitors", async () => {
    await take({ serviceId: 'job-search', consent: true, name: '박서연', phone: '010-2222-3333' });
    clock = new Date(clock.getTime() + 24 * 3600_000);
    const view = value<QueueView>(await dispatch(desk(counselor), 'checkins:queue', {}));
    expect(view.tickets).toEqual([]);
    const row = await t.store.db.selectFrom('checkins').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'left', visitor_name: null, visitor_phone: null });
  });

  it('links a ticket to a jobseeker, and refuses unknown counters and roles', async () => {
    await take({ serviceId: 'job-search', consent: true, selfCheck });
    const called = value<CalledTicket>(
      await dispatch(desk(counselor), 'checkins:callNext', { counterId: 'c1' }),
    );
    const js = value<{ id: string }>(
      await dispatch(desk(counselor), 'jobseekers:create', {
        fields: { name: '이도윤', birthYear: 1990, sido: '11' },
      }),
    );
    expect(
      await dispatch(desk(counselor), 'checkins:link', { id: called.id, jobseekerId: js.id }),
    ).toMatchObject({
      ok: true,
    });
    const got = value<CalledTicket>(await dispatch(desk(counselor), 'checkins:get', { id: called.id }));
    expect(got).toMatchObject({ jobseekerId: js.id, selfCheck });
    expect(await dispatch(desk(counselor), 'checkins:callNext', { counterId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await dispatch(desk(admin), 'checkins:queue', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('kiosk settings', () => {
  const custom: KioskSettings = {
    ...DEFAULT_KIOSK_SETTINGS,
    idleSeconds: 30,
    counters: [{ id: 'a', label: { ko: '가 창구', en: 'Desk A' }, location: { ko: '1층', en: '1F' } }],
    services: [
      {
        id: 'jobs',
        name: { ko: '취업 상담', en: 'Jobs' },
        description: { ko: '', en: '' },
        counterId: 'a',
        selfCheck: true,
      },
    ],
  };

  it('saves the kiosk settings for admins and supervisors, and the kiosk shows them', async () => {
    expect(value(await dispatch(desk(admin), 'settings:getKiosk', {}))).toMatchObject({ saved: false });
    expect(value(await dispatch(desk(admin), 'settings:saveKiosk', { settings: custom }))).toMatchObject({
      saved: true,
      settings: { idleSeconds: 30 },
    });
    const w = value<KioskWelcome>(await dispatch(kiosk, 'kiosk:welcome', {}));
    expect(w).toMatchObject({
      idleSeconds: 30,
      countdownSeconds: 10,
      services: [{ id: 'jobs', counterId: 'a' }],
    });
    expect(await dispatch(desk(counselor), 'settings:saveKiosk', { settings: custom })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const audit = await t.store.db.selectFrom('audit_entries').select('action').execute();
    expect(audit.map((a) => a.action)).toContain('settings.kiosk.save');
  });

  it('refuses a service sent to a counter that does not exist, duplicate ids and odd images', async () => {
    const bad = { ...custom, services: [{ ...custom.services[0], counterId: 'zz' }] };
    expect(await dispatch(desk(admin), 'settings:saveKiosk', { settings: bad })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'settings.services.0.counterId' },
    });
    const dup = { ...custom, counters: [...custom.counters, ...custom.counters] };
    expect(await dispatch(desk(admin), 'settings:saveKiosk', { settings: dup })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'settings.counters.1.id' },
    });
    const svg = {
      ...custom,
      floorGuide: { text: custom.floorGuide.text, image: 'data:image/svg+xml;base64,AAAA' },
    };
    expect(await dispatch(desk(admin), 'settings:saveKiosk', { settings: svg })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'settings.floorGuide.image' },
    });
  });

  it('keeps the device start mode for admins only', async () => {
    expect(value(await dispatch(desk(admin), 'settings:getDevice', {}))).toEqual({
      kioskMode: false,
      idleLockMinutes: 15,
      deviceKey: null,
    });
    expect(value(await dispatch(desk(admin), 'settings:saveDevice', { kioskMode: true }))).toEqual({
      kioskMode: true,
      idleLockMinutes: 15,
      deviceKey: null, // no gate here: the store is simply open (the gate's own test covers the key)
    });
    expect(await dispatch(desk(counselor), 'settings:saveDevice', { kioskMode: false })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
