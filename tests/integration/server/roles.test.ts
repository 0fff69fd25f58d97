import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations/index.ts';
import { addNote } from '../../../electron/services/casework.ts';
import { createJobseeker } from '../../../electron/services/jobseekers.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import type { ExitsResponse, ReviewsResponse } from '../../../shared/sync/protocol.ts';
import { refusalText } from '../../../shared/sync/refusals.ts';
import type { ScopesResponse } from '../../../shared/sync/snapshot.ts';
import {
  get,
  latestSeq,
  pullAll,
  push,
  serverDigest,
  signInAgent,
  type Agent,
} from '../../support/hostile-http.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { transferOnServer } from '../../support/server-transfer.ts';
import { openSyncDesk, startSyncServer, type SyncDesk, type SyncServer } from '../../support/sync-desktop.ts';

// Roles everywhere (issue 13 item 5), tried from a hostile desktop's side over real HTTP on both
// dialects: an admin gets no case data from any route (pull, snapshot, scopes, review items, exits, a
// push result's row); a review item is resolved by the people sync.md names, never by the held
// change's author alone, and a change handed to a supervisor only by a supervisor. Every refusal
// leaves the store as it was and sends nothing to anyone.

const V = LATEST_SCHEMA_VERSION;

describe.each(SERVER_DIALECTS)('roles on the server (%s)', (dialect) => {
  let server: SyncServer;
  let desk: SyncDesk;
  let caseId: string;
  let movedId: string;
  const agents = new Map<string, Agent>();

  beforeAll(async () => {
    server = await startSyncServer(
      dialect,
      [
        { code: 'SEL01', name: '서울고용센터', region: '11' },
        { code: 'BUS01', name: '부산고용센터', region: '26' },
      ],
      [
        { loginId: 'counselor1', role: 'counselor', center: 'SEL01' },
        { loginId: 'counselor2', role: 'counselor', center: 'SEL01' },
        { loginId: 'counselor3', role: 'counselor', center: 'SEL01' },
        { loginId: 'supervisor1', role: 'supervisor', center: 'SEL01' },
        { loginId: 'admin1', role: 'admin', center: 'SEL01' },
        { loginId: 'busan1', role: 'counselor', center: 'BUS01' },
      ],
    );
    // Real case data, made through the desk's services: a case with a note, and a case sent to Busan.
    desk = await openSyncDesk(server.url, 'counselor1');
    const fields = (name: string) =>
      jobseekerFieldsSchema.parse({ name, birthYear: 1985, phone: '010-1234-5678', sido: '11' });
    caseId = (await createJobseeker(desk.store.context, desk.session, fields('김민수'), true)).id;
    await addNote(desk.store.context, desk.session, {
      jobseekerId: caseId,
      kind: 'phone',
      body: '전화 상담',
    });
    const moved = await createJobseeker(desk.store.context, desk.session, fields('이서연'), true);
    movedId = moved.id;
    await desk.client.syncOnce();
    // A desktop may no longer push a move to another center (scope columns change only through their
    // own flows): the transfer is written on the server, as an accepted transfer will be.
    await transferOnServer(server.opened, 'jobseekers', movedId, {
      center_code: 'BUS01',
      assigned_counselor_id: server.users.get('busan1') ?? '',
    });
    await desk.client.syncOnce();
    for (const login of ['counselor1', 'counselor2', 'counselor3', 'supervisor1', 'admin1'])
      agents.set(login, await signInAgent(server.url, login));
  });
  afterAll(async () => {
    await desk.close();
    await server.close();
  });

  const agent = (login: string) => agents.get(login) as Agent;
  const caseRow = async () =>
    server.opened.db
      .selectFrom('sync_rows')
      .selectAll()
      .where('table_name', '=', 'jobseekers')
      .where('row_id', '=', caseId)
      .executeTakeFirstOrThrow();
  const item = async (id: string) =>
    server.opened.db.selectFrom('review_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('gives an admin no case data from pull, snapshot, scopes, review items, exits or push results', async () => {
    const admin = agent('admin1');
    // The routes do hold case data for the center's other people (the checks below would see it leak).
    const seen = await pullAll(agent('supervisor1'));
    expect(seen.map((r) => r.table)).toEqual(
      expect.arrayContaining(['jobseekers', 'counseling_notes', 'audit_entries']),
    );

    const pulled = await pullAll(admin);
    expect(pulled.map((r) => `${r.table}:${r.id}`)).toEqual(['centers:SEL01']);
    expect(JSON.stringify(pulled)).not.toContain('김민수');

    const scopes = await get<ScopesResponse>(admin, `/v1/sync/scopes?cursor=0&schemaVersion=${V}`);
    expect(scopes.status).toBe(200);
    expect(scopes.body.scopes).toEqual([]);
    for (const scope of ['center:SEL01', `owner:${admin.userId}`, 'region:11']) {
      const snap = await get(admin, `/v1/sync/snapshot?scope=${scope}&upTo=1000000&schemaVersion=${V}`);
      expect(snap.status).toBe(403);
      expect(JSON.stringify(snap.body)).not.toContain('김민수');
    }

    // An open item of the center (a hand-over) and a case that left it (the transfer to Busan).
    const handover = uuidv7();
    const handed = await push(agent('counselor2'), [
      {
        table: 'review_requests',
        rowId: handover,
        op: 'insert',
        fields: {
          client_seq: 1,
          table: 'jobseekers',
          row_id: caseId,
          op: 'update',
          fields: JSON.stringify({ phone: '01099998888' }),
          reason: 'refused',
        },
      },
    ]);
    expect(handed.body.results[0]?.status).toBe('applied');
    const supervisorItems = await get<ReviewsResponse>(agent('supervisor1'), '/v1/sync/reviews');
    expect(supervisorItems.body.items.map((i) => i.id)).toContain(handover);
    expect((await get<ReviewsResponse>(admin, '/v1/sync/reviews')).body.items).toEqual([]);
    const exits = await get<ExitsResponse>(agent('counselor2'), '/v1/sync/exits?cursor=0');
    expect(exits.body.exits.map((e) => e.id)).toContain(movedId);
    const adminExits = await get<ExitsResponse>(admin, '/v1/sync/exits?cursor=0');
    expect(adminExits.status).toBe(200);
    expect(adminExits.body.exits).toEqual([]);

    // Pushes: an edit of the case, a new case, and a re-sent copy of a counselor's audit entry (which
    // the server acknowledges as the same entry). None of the answers carries a row.
    const before = await serverDigest(server.opened.db);
    const entry = await server.opened.db
      .selectFrom('sync_rows')
      .selectAll()
      .where('table_name', '=', 'audit_entries')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const { id: entryId, ...entryFields } = JSON.parse(entry.data) as Record<string, unknown>;
    const r = await push(admin, [
      { table: 'jobseekers', rowId: caseId, op: 'update', fields: { phone: '01000000000' }, baseSeq: 1 },
      {
        table: 'jobseekers',
        rowId: uuidv7(),
        op: 'insert',
        fields: { center_code: 'SEL01', name: '관리자 입력', assigned_counselor_id: admin.userId },
      },
      { table: 'audit_entries', rowId: String(entryId), op: 'insert', fields: entryFields },
    ]);
    expect(r.status).toBe(200);
    expect(r.body.results.map((x) => x.status)).toEqual(['refused', 'refused', 'duplicate']);
    // The table's declaration (shared/sync/tables/) already keeps an admin off a case's fields.
    expect(r.body.results[0]?.reason).toBe(refusalText('roleMayNotChange', { field: 'phone' }));
    for (const x of r.body.results) expect(x).not.toHaveProperty('row');
    expect(JSON.stringify(r.body)).not.toContain('김민수');
    expect(await serverDigest(server.opened.db)).toEqual(before);

    // Nor can an admin resolve an item.
    const resolve = await push(admin, [
      {
        table: 'review_resolutions',
        rowId: uuidv7(),
        op: 'insert',
        fields: { review_id: handover, choice: 'held' },
      },
    ]);
    expect(resolve.body.results[0]).toMatchObject({
      status: 'refused',
      reason: refusalText('reviewNotFound'),
    });
    expect((await item(handover)).status).toBe('open');
  });

  it('lets only a supervisor decide a change a counselor handed over, never its author', async () => {
    const c1 = agent('counselor1');
    const handover = uuidv7();
    await push(c1, [
      {
        table: 'review_requests',
        rowId: handover,
        op: 'insert',
        fields: {
          client_seq: 7,
          table: 'jobseekers',
          row_id: caseId,
          op: 'update',
          fields: JSON.stringify({ status: 'closed' }),
          reason: 'refused',
        },
      },
    ]);
    const before = await serverDigest(server.opened.db);
    const seq = await latestSeq(server.opened.db);
    const own = await push(c1, [
      {
        table: 'review_resolutions',
        rowId: uuidv7(),
        op: 'insert',
        fields: { review_id: handover, choice: 'held' },
      },
      {
        table: 'review_resolutions',
        rowId: uuidv7(),
        op: 'insert',
        fields: { review_id: handover, choice: 'kept' },
      },
    ]);
    expect(own.body.results).toMatchObject([
      { status: 'refused', reason: refusalText('ownHeldChange') },
      { status: 'refused', reason: refusalText('supervisorOnly') },
    ]);
    // The case's owner is not a supervisor either.
    const other = await push(agent('counselor2'), [
      {
        table: 'review_resolutions',
        rowId: uuidv7(),
        op: 'insert',
        fields: { review_id: handover, choice: 'held' },
      },
    ]);
    expect(other.body.results[0]).toMatchObject({ status: 'refused', reason: refusalText('supervisorOnly') });
    expect(await serverDigest(server.opened.db)).toEqual(before);
    expect((await item(handover)).status).toBe('open');
    expect(JSON.parse((await caseRow()).data)).not.toHaveProperty('status', 'closed');
    // Nothing was sequenced, so no desktop receives anything.
    expect(await latestSeq(server.opened.db)).toBe(seq);
    expect(await pullAll(agent('counselor3'), seq)).toEqual([]);

    const decided = await push(agent('supervisor1'), [
      {
        table: 'review_resolutions',
        rowId: uuidv7(),
        op: 'insert',
        fields: { review_id: handover, choice: 'held' },
      },
    ]);
    expect(decided.body.results[0]?.status).toBe('applied');
    expect(await item(handover)).toMatchObject({
      status: 'resolved',
      resolution: 'held',
      resolved_by: agent('supervisor1').userId,
    });
    expect(JSON.parse((await caseRow()).data)).toMatchObject({ status: 'closed' });
  });

  it('never lets the held change’s author apply it alone in a conflict; the other author may', async () => {
    const c1 = agent('counselor1');
    const c2 = agent('counselor2');
    const base = Number((await caseRow()).seq);
    const first = await push(c1, [
      { table: 'jobseekers', rowId: caseId, op: 'update', fields: { status: 'placed' }, baseSeq: base },
    ]);
    expect(first.body.results[0]?.status).toBe('applied');
    const second = await push(c2, [
      { table: 'jobseekers', rowId: caseId, op: 'update', fields: { status: 'active' }, baseSeq: base },
    ]);
    expect(second.body.results[0]).toMatchObject({ status: 'review', reviewFields: ['status'] });
    const conflict = await server.opened.db
      .selectFrom('review_items')
      .selectAll()
      .where('row_id', '=', caseId)
      .where('kind', '=', 'conflict')
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    expect(conflict).toMatchObject({ kept_author: c1.userId, held_author: c2.userId });

    const before = await serverDigest(server.opened.db);
    const seq = await latestSeq(server.opened.db);
    const own = await push(c2, [
      {
        table: 'review_resolutions',
        rowId: uuidv7(),
        op: 'insert',
        fields: { review_id: conflict.id, choice: 'held' },
      },
    ]);
    expect(own.body.results[0]).toMatchObject({ status: 'refused', reason: refusalText('ownHeldChange') });
    const stranger = await push(agent('counselor3'), [
      {
        table: 'review_resolutions',
        rowId: uuidv7(),
        op: 'insert',
        fields: { review_id: conflict.id, choice: 'kept' },
      },
    ]);
    expect(stranger.body.results[0]).toMatchObject({
      status: 'refused',
      reason: refusalText('notConcerned'),
    });
    expect(await serverDigest(server.opened.db)).toEqual(before);
    expect(await pullAll(agent('counselor3'), seq)).toEqual([]);
    expect(JSON.parse((await caseRow()).data)).toMatchObject({ status: 'placed' });

    const decided = await push(c1, [
      {
        table: 'review_resolutions',
        rowId: uuidv7(),
        op: 'insert',
        fields: { review_id: conflict.id, choice: 'held' },
      },
    ]);
    expect(decided.body.results[0]?.status).toBe('applied');
    expect(JSON.parse((await caseRow()).data)).toMatchObject({ status: 'active' });
    expect(await item(conflict.id)).toMatchObject({ status: 'resolved', resolved_by: c1.userId });
  });
});
