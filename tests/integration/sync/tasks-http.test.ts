import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobseeker } from '../../../electron/services/jobseekers.ts';
import { bulkAssign } from '../../../electron/services/jobseeker-bulk.ts';
import { inbox } from '../../../electron/services/inbox/index.ts';
import { createTask, reassignTask, setTaskDone } from '../../../electron/services/tasks.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { openSyncDesk, startSyncServer, type SyncDesk, type SyncServer } from '../../support/sync-desktop.ts';

// Issue 16 items 2 and 6 over real HTTP, both dialects, with the desk's own services: a to-do made by a
// supervisor for a counselor reaches that counselor's desktop and inbox; the counselor finishes it and
// hands another on; a bulk reassignment of a caseload syncs as ordinary assigned_counselor_id changes
// that land on the new counselor's desktop, with no review item.

describe.each(SERVER_DIALECTS)('to-dos and bulk reassignment over HTTP with the server on %s', (dialect) => {
  let server: SyncServer;
  const desks: SyncDesk[] = [];

  beforeAll(async () => {
    server = await startSyncServer(
      dialect,
      [{ code: 'SEL01', name: '서울고용센터', region: '11' }],
      [
        { loginId: 'counselor1', role: 'counselor', center: 'SEL01' },
        { loginId: 'counselor2', role: 'counselor', center: 'SEL01' },
        { loginId: 'supervisor1', role: 'supervisor', center: 'SEL01' },
      ],
    );
  });
  afterAll(async () => {
    for (const d of desks) await d.close();
    await server.close();
  });

  async function desk(loginId: string): Promise<SyncDesk> {
    const d = await openSyncDesk(server.url, loginId);
    desks.push(d);
    await d.client.syncOnce();
    return d;
  }
  const userId = (login: string) => server.users.get(login) ?? '';
  const today = (d: SyncDesk) =>
    new Date(d.store.context.now().getTime() + 9 * 3_600_000).toISOString().slice(0, 10);

  it('a supervisor’s to-do for a counselor reaches their inbox; done and handed on, it syncs back', async () => {
    const lead = await desk('supervisor1');
    const c1 = await desk('counselor1');
    const c2 = await desk('counselor2');
    const fields = jobseekerFieldsSchema.parse({ name: '박서준', birthYear: 1988, sido: '11' });
    const js = await createJobseeker(lead.store.context, lead.session, fields, true);
    const task = await createTask(lead.store.context, lead.session, {
      title: '이력서 보완 안내',
      dueOn: today(lead),
      link: { kind: 'jobseeker', id: js.id },
      assigneeId: userId('counselor1'),
    });
    expect(await lead.client.syncOnce()).toMatchObject({ refused: 0 });
    await c1.client.syncOnce();
    const box = await inbox(c1.store.context, c1.session);
    const item = box.items.find((i) => i.key === `task:${task.id}`);
    expect(item?.subject).toMatchObject({ kind: 'jobseeker', id: js.id, label: '박서준' });
    expect(item?.task?.seq).toBeGreaterThan(0);

    await setTaskDone(c1.store.context, c1.session, {
      id: task.id,
      baseSeq: item?.task?.seq ?? 0,
      done: true,
    });
    const second = await createTask(c1.store.context, c1.session, {
      title: '기업 회신 확인',
      dueOn: today(c1),
      link: null,
    });
    await reassignTask(c1.store.context, c1.session, {
      id: second.id,
      baseSeq: 0,
      assigneeId: userId('counselor2'),
    });
    expect(await c1.client.syncOnce()).toMatchObject({ refused: 0, review: 0 });

    const onServer = async (id: string) => {
      const row = await server.opened.db
        .selectFrom('sync_rows')
        .select(['data', 'scope_owner'])
        .where('table_name', '=', 'tasks')
        .where('row_id', '=', id)
        .executeTakeFirstOrThrow();
      return { ...(JSON.parse(row.data) as Record<string, unknown>), scope_owner: row.scope_owner };
    };
    expect(await onServer(task.id)).toMatchObject({ done: 1 });
    expect(await onServer(second.id)).toMatchObject({
      assignee_id: userId('counselor2'),
      scope_owner: userId('counselor2'),
    });
    await c2.client.syncOnce();
    expect((await inbox(c2.store.context, c2.session)).items.map((i) => i.key)).toContain(
      `task:${second.id}`,
    );
    expect((await inbox(c1.store.context, c1.session)).items.map((i) => i.key)).not.toContain(
      `task:${task.id}`,
    );
  });

  it('a bulk reassignment of a counselor’s cases syncs as ordinary assignments, no review item', async () => {
    const lead = await desk('supervisor1');
    const ids: string[] = [];
    for (let n = 0; n < 12; n++) {
      const fields = jobseekerFieldsSchema.parse({ name: `이동${n}`, birthYear: 1990, sido: '11' });
      ids.push((await createJobseeker(lead.store.context, lead.session, fields, true)).id);
    }
    expect(await lead.client.syncOnce()).toMatchObject({ refused: 0 });
    const result = await bulkAssign(lead.store.context, lead.session, {
      selection: { kind: 'ids', ids },
      counselorId: userId('counselor2'),
    });
    expect(result).toEqual({ selected: 12, changed: 12, skipped: 0 });
    expect(await lead.client.syncOnce()).toMatchObject({ refused: 0, review: 0 });
    const rows = await server.opened.db
      .selectFrom('sync_rows')
      .select(['row_id', 'scope_owner'])
      .where('table_name', '=', 'jobseekers')
      .where('row_id', 'in', ids)
      .execute();
    expect(rows.map((r) => r.scope_owner)).toEqual(Array(12).fill(userId('counselor2')));
    const c2 = await desk('counselor2');
    const mine = await c2.store.db
      .selectFrom('jobseekers')
      .select('id')
      .where('assigned_counselor_id', '=', userId('counselor2'))
      .where('id', 'in', ids)
      .execute();
    expect(mine).toHaveLength(12);
  });
});
