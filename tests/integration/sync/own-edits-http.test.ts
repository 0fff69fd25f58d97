import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignJobseeker, createJobseeker, openJobseeker } from '../../../electron/services/jobseekers.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { openSyncDesk, startSyncServer, type SyncDesk, type SyncServer } from '../../support/sync-desktop.ts';

// A person's own successive decisive edits are not a conflict (issue #14 item 5, server/sync/seen.ts):
// only edits by different people, or over a change the editor had not seen, open review items. Real
// desktops, the desk's own services, the real server over real HTTP, both dialects.

describe.each(SERVER_DIALECTS)('successive decisive edits over HTTP with the server on %s', (dialect) => {
  let server: SyncServer;
  const desks: SyncDesk[] = [];

  beforeAll(async () => {
    server = await startSyncServer(
      dialect,
      [{ code: 'SEL01', name: '서울고용센터', region: '11' }],
      [
        { loginId: 'counselor1', role: 'counselor', center: 'SEL01' },
        { loginId: 'counselor2', role: 'counselor', center: 'SEL01' },
        { loginId: 'counselor3', role: 'counselor', center: 'SEL01' },
        { loginId: 'supervisor1', role: 'supervisor', center: 'SEL01' },
        { loginId: 'supervisor2', role: 'supervisor', center: 'SEL01' },
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
    await d.client.syncOnce(); // the center's staff directory, so the desk can offer assignees
    return d;
  }
  const userId = (login: string) => server.users.get(login) ?? '';

  let names = 0;
  async function newCase(d: SyncDesk): Promise<string> {
    const fields = jobseekerFieldsSchema.parse({ name: `구직자${++names}`, birthYear: 1990, sido: '11' });
    return (await createJobseeker(d.store.context, d.session, fields, true)).id;
  }
  async function seqOn(d: SyncDesk, id: string): Promise<number> {
    return (await openJobseeker(d.store.context, d.session, id)).seq;
  }
  async function onServer(id: string): Promise<Record<string, unknown> & { seq: number }> {
    const row = await server.opened.db
      .selectFrom('sync_rows')
      .select(['data', 'seq'])
      .where('table_name', '=', 'jobseekers')
      .where('row_id', '=', id)
      .executeTakeFirstOrThrow();
    return { ...(JSON.parse(row.data) as Record<string, unknown>), seq: Number(row.seq) };
  }
  function reviewsOf(id: string) {
    return server.opened.db.selectFrom('review_items').selectAll().where('row_id', '=', id).execute();
  }

  it('a supervisor reassigning a case to A and then to B offline: the case ends at B, no review item', async () => {
    const lead = await desk('supervisor1');
    const other = await desk('counselor3');
    const id = await newCase(lead);
    expect(await lead.client.syncOnce()).toMatchObject({ refused: 0, review: 0 });
    const base = await seqOn(lead, id);
    expect(base).toBeGreaterThan(0);

    lead.online = false;
    await assignJobseeker(lead.store.context, lead.session, id, base, userId('counselor1'));
    await assignJobseeker(lead.store.context, lead.session, id, base, userId('counselor2'));
    // Both outbox entries carry the same stale base seq: that is what made the second one a "conflict".
    const entries = await lead.store.db
      .selectFrom('outbox')
      .select(['base_seq'])
      .where('row_id', '=', id)
      .where('status', '=', 'pending')
      .execute();
    expect(entries.map((e) => e.base_seq)).toEqual([base, base]);
    lead.online = true;

    expect(await lead.client.syncOnce()).toMatchObject({ refused: 0, review: 0 });
    expect((await onServer(id))['assigned_counselor_id']).toBe(userId('counselor2'));
    expect(await reviewsOf(id)).toEqual([]);
    await other.client.syncOnce();
    for (const d of [lead, other]) {
      const j = await openJobseeker(d.store.context, d.session, id);
      expect(j.assignedCounselorId).toBe(userId('counselor2'));
      expect(j.seq).toBe((await onServer(id)).seq);
    }
  });

  it('a case made and reassigned twice before its first sync: no review item', async () => {
    const lead = await desk('supervisor1');
    lead.online = false;
    const id = await newCase(lead);
    await assignJobseeker(lead.store.context, lead.session, id, 0, userId('counselor1'));
    await assignJobseeker(lead.store.context, lead.session, id, 0, userId('counselor3'));
    lead.online = true;
    expect(await lead.client.syncOnce()).toMatchObject({ refused: 0, review: 0 });
    expect((await onServer(id))['assigned_counselor_id']).toBe(userId('counselor3'));
    expect(await reviewsOf(id)).toEqual([]);
  });

  it('two different people reassigning offline still conflict, whatever the first did before', async () => {
    const one = await desk('supervisor1');
    const two = await desk('supervisor2');
    const id = await newCase(one);
    await one.client.syncOnce();
    await two.client.syncOnce();
    const base = await seqOn(two, id);
    expect(base).toBe(await seqOn(one, id));

    one.online = false;
    two.online = false;
    await assignJobseeker(one.store.context, one.session, id, base, userId('counselor1'));
    await assignJobseeker(one.store.context, one.session, id, base, userId('counselor3'));
    await assignJobseeker(two.store.context, two.session, id, base, userId('counselor2'));
    one.online = true;
    two.online = true;

    expect(await one.client.syncOnce()).toMatchObject({ refused: 0, review: 0 });
    expect(await two.client.syncOnce()).toMatchObject({ refused: 0, review: 1 });
    const server1 = await onServer(id);
    expect(server1['assigned_counselor_id']).toBe(userId('counselor3')); // the first committed stays
    const reviews = await reviewsOf(id);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      field: 'assigned_counselor_id',
      kept_author: userId('supervisor1'),
      held_author: userId('supervisor2'),
    });
    expect(JSON.parse(reviews[0]?.kept_value ?? 'null')).toBe(userId('counselor3'));
    expect(JSON.parse(reviews[0]?.held_value ?? 'null')).toBe(userId('counselor2'));
    await one.client.syncOnce();
    for (const d of [one, two])
      expect((await openJobseeker(d.store.context, d.session, id)).assignedCounselorId).toBe(
        userId('counselor3'),
      );
  });

  it('the same person on another device that had not seen the change conflicts', async () => {
    const laptop = await desk('supervisor1');
    const office = await desk('supervisor1');
    const id = await newCase(laptop);
    await laptop.client.syncOnce();
    await office.client.syncOnce();
    const base = await seqOn(office, id);

    office.online = false;
    await assignJobseeker(laptop.store.context, laptop.session, id, base, userId('counselor1'));
    expect(await laptop.client.syncOnce()).toMatchObject({ refused: 0, review: 0 });
    // The office PC never pulled the reassignment: its edit is concurrent with it (sync.md § Conflicts).
    await assignJobseeker(office.store.context, office.session, id, base, userId('counselor2'));
    office.online = true;
    expect(await office.client.syncOnce()).toMatchObject({ refused: 0, review: 1 });

    expect((await onServer(id))['assigned_counselor_id']).toBe(userId('counselor1'));
    const reviews = await reviewsOf(id);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      kept_author: userId('supervisor1'),
      held_author: userId('supervisor1'),
    });
    expect(JSON.parse(reviews[0]?.held_value ?? 'null')).toBe(userId('counselor2'));
  });

  it('an own earlier value that someone else has since changed is not "seen": the stale edit conflicts', async () => {
    const one = await desk('supervisor1');
    const two = await desk('supervisor2');
    const id = await newCase(one);
    await one.client.syncOnce();
    await assignJobseeker(one.store.context, one.session, id, await seqOn(one, id), userId('counselor1'));
    await one.client.syncOnce();
    const oneBase = await seqOn(one, id);

    await two.client.syncOnce();
    await assignJobseeker(two.store.context, two.session, id, await seqOn(two, id), userId('counselor2'));
    expect(await two.client.syncOnce()).toMatchObject({ refused: 0, review: 0 });

    // supervisor1 never pulled supervisor2's change; the field's last writer is supervisor2, not them.
    one.online = false;
    await assignJobseeker(one.store.context, one.session, id, oneBase, userId('counselor3'));
    one.online = true;
    expect(await one.client.syncOnce()).toMatchObject({ refused: 0, review: 1 });
    expect((await onServer(id))['assigned_counselor_id']).toBe(userId('counselor2'));
    const reviews = await reviewsOf(id);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      kept_author: userId('supervisor2'),
      held_author: userId('supervisor1'),
    });
  });
});
