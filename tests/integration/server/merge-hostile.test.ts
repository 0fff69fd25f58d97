import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../../server/admin.ts';
import { MERGE_TABLE } from '../../../shared/sync/merge.ts';
import {
  change,
  hostileServer,
  jobseekerFields,
  noteFields,
  type Agent,
  type Hostile,
} from '../../support/hostile.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { SYNC_PASSWORD } from '../../support/sync-desktop.ts';

// A hostile desktop against case merges (issue 16 item 5), over real HTTP, both dialects: only a
// supervisor merges, only two live cases of their own center, never a case with itself or one already
// merged, never with forged ids or values outside the personal fields; each refusal changes nothing and
// gives nobody anything. Then an honest merge, and what a stale desktop still sends for the merged case.

describe.each(SERVER_DIALECTS)('hostile merges, on %s', (dialect) => {
  let h: Hostile;
  let c1: Agent;
  let sup: Agent;
  let southLead: Agent;
  const ids = { a: uuidv7(), b: uuidv7(), south: uuidv7(), note: uuidv7() };

  function merge(agent: Agent, fields: Record<string, unknown>) {
    return change(agent, MERGE_TABLE, uuidv7(), {
      survivor_id: ids.a,
      merged_id: ids.b,
      values: '{}',
      survivor_base_seq: 0,
      merged_base_seq: 0,
      ...fields,
    });
  }

  beforeAll(async () => {
    h = await hostileServer(dialect);
    await addUser(
      h.server.opened.db,
      {
        loginId: 'southlead',
        name: '남부 팀장',
        role: 'supervisor',
        centerCode: 'SEL02',
        password: SYNC_PASSWORD,
      },
      new Date(),
    );
    c1 = await h.agent('counselor1');
    sup = await h.agent('supervisor1');
    southLead = await h.agent('southlead');
    const south = await h.agent('southern1');
    const results = [
      ...(await h.push(c1, [
        change(c1, 'jobseekers', ids.a, jobseekerFields('SEL01', c1.userId)),
        change(c1, 'jobseekers', ids.b, jobseekerFields('SEL01', c1.userId)),
        change(c1, 'counseling_notes', ids.note, noteFields(ids.b, c1.userId)),
      ])),
      ...(await h.push(south, [
        change(south, 'jobseekers', ids.south, jobseekerFields('SEL02', south.userId)),
      ])),
    ];
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses a counselor merging', async () => {
    await h.expectRefused(c1, merge(c1, {}), 'mergeSupervisorOnly');
  });

  it("refuses another center's supervisor, and a merge reaching into another center", async () => {
    await h.expectRefused(southLead, merge(southLead, {}), 'mergeNotFound');
    await h.expectRefused(sup, merge(sup, { merged_id: ids.south }), 'mergeNotFound');
  });

  it('refuses forged ids, a case with itself, values outside the personal fields', async () => {
    await h.expectRefused(sup, merge(sup, { merged_id: uuidv7() }), 'mergeNotFound');
    await h.expectRefused(sup, merge(sup, { merged_id: ids.a }), 'mergeSameCase');
    await h.expectRefused(
      sup,
      merge(sup, { values: JSON.stringify({ center_code: 'SEL02' }) }),
      'malformedMerge',
    );
    await h.expectRefused(
      sup,
      merge(sup, { values: JSON.stringify({ assigned_counselor_id: sup.userId }) }),
      'malformedMerge',
    );
    await h.expectRefused(
      sup,
      merge(sup, { values: JSON.stringify({ birth_year: 'soon' }) }),
      'invalidValue',
    );
    await h.expectRefused(sup, merge(sup, { values: 'not json' }), 'malformedMerge');
    await h.expectRefused(sup, merge(sup, { survivor_id: 42 }), 'malformedMerge');
  });

  it('applies an honest merge once; a second merge of the same case is refused; stale edits are redirected', async () => {
    const [done] = await h.push(sup, [merge(sup, { values: JSON.stringify({ name: '김민수' }) })]);
    expect(done?.status).toBe('applied');
    const note = await h.server.opened.db
      .selectFrom('sync_rows')
      .select(['data', 'parent_key'])
      .where('row_id', '=', ids.note)
      .executeTakeFirstOrThrow();
    expect(note.parent_key).toBe(`jobseekers:${ids.a}`);
    expect(JSON.parse(note.data)).toMatchObject({ jobseeker_id: ids.a });
    await h.expectRefused(sup, merge(sup, {}), 'mergeAlreadyMerged');
    await h.expectRefused(sup, merge(sup, { survivor_id: ids.b, merged_id: ids.a }), 'mergeAlreadyMerged');
    // A stale desktop adds a note to the merged case: it goes to the survivor.
    const late = uuidv7();
    const [added] = await h.push(c1, [change(c1, 'counseling_notes', late, noteFields(ids.b, c1.userId))]);
    expect(added?.status).toBe('applied');
    const lateRow = await h.server.opened.db
      .selectFrom('sync_rows')
      .select('data')
      .where('row_id', '=', late)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(lateRow.data)).toMatchObject({ jobseeker_id: ids.a });
    // Nobody can set the pointer by push.
    await h.expectRefused(
      c1,
      change(c1, 'jobseekers', ids.a, { merged_into: ids.b }, 'update', 1),
      'notUpdatable',
    );
  });
});
