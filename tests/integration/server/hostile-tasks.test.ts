import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import { change, jobseekerFields, type Agent } from '../../support/hostile.ts';
import { hostileSuite } from '../../support/hostile-suite.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';

// To-dos (issue 16 item 2) from the attacker's side: a to-do made in another's name or for another
// person by a counselor, in another center, naming a case it may not see, changed or handed on by
// someone who is neither its assignee, its author nor a supervisor, or with a malformed field, is
// refused with its reason, and nothing changes on the server.

describe.each(SERVER_DIALECTS)('a hostile desktop’s to-dos, on %s', (dialect) => {
  const ids = { case: uuidv7(), southCase: uuidv7(), task: uuidv7() };
  let taskSeq = 0;

  function task(a: Agent, over: Record<string, unknown> = {}): Record<string, unknown> {
    const now = new Date().toISOString();
    return {
      center_code: 'SEL01',
      assignee_id: a.userId,
      created_by: a.userId,
      title: '전화 상담',
      due_on: '2026-12-01',
      jobseeker_id: null,
      employer_id: null,
      opening_id: null,
      referral_id: null,
      created_at: now,
      updated_at: now,
      ...over,
    };
  }

  const {
    h,
    c1,
    c2,
    sup: lead,
    south,
    seqOf,
  } = hostileSuite(dialect, ({ c1, south }) => [
    [
      c1,
      [
        change(c1, 'jobseekers', ids.case, jobseekerFields('SEL01', c1.userId)),
        change(c1, 'tasks', ids.task, task(c1, { jobseeker_id: ids.case })),
      ],
    ],
    [south, [change(south, 'jobseekers', ids.southCase, jobseekerFields('SEL02', south.userId))]],
  ]);
  beforeAll(async () => {
    taskSeq = await seqOf('tasks', ids.task);
  });

  it('refuses a to-do authored in another’s name, or made for someone else by a counselor', async () => {
    await h.expectRefused(
      c1,
      change(c1, 'tasks', uuidv7(), task(c1, { created_by: c2.userId })),
      'notCaller',
    );
    await h.expectRefused(
      c1,
      change(c1, 'tasks', uuidv7(), task(c1, { assignee_id: c2.userId })),
      'assignOnlySupervisor',
    );
  });

  it('lets a supervisor make one for a counselor, but only of the center', async () => {
    const ok = await h.push(lead, [change(lead, 'tasks', uuidv7(), task(lead, { assignee_id: c2.userId }))]);
    expect(ok[0]?.status).toBe('applied');
    await h.expectRefused(
      lead,
      change(lead, 'tasks', uuidv7(), task(lead, { assignee_id: south.userId })),
      'assigneeUnknown',
    );
  });

  it('refuses a to-do in another center or about a case the caller may not see', async () => {
    await h.expectRefused(
      c1,
      change(c1, 'tasks', uuidv7(), task(c1, { center_code: 'SEL02' })),
      'otherCenter',
    );
    await h.expectRefused(
      c1,
      change(c1, 'tasks', uuidv7(), task(c1, { jobseeker_id: ids.southCase })),
      'referenceMissing',
    );
  });

  it('refuses bad fields: an empty title, a day that does not exist, a link to nothing, an unknown column', async () => {
    await h.expectRefused(c1, change(c1, 'tasks', uuidv7(), task(c1, { title: '   ' })), 'invalidValue');
    await h.expectRefused(
      c1,
      change(c1, 'tasks', uuidv7(), task(c1, { due_on: '2026-02-30' })),
      'invalidValue',
    );
    await h.expectRefused(
      c1,
      change(c1, 'tasks', uuidv7(), task(c1, { jobseeker_id: ids.case, employer_id: uuidv7() })),
      'referenceMissing',
    );
    await h.expectRefused(
      c1,
      change(c1, 'tasks', uuidv7(), task(c1, { priority: 'high' })),
      'undeclaredField',
    );
  });

  it('refuses a change or a hand-on by a counselor who is neither the assignee nor the author', async () => {
    await h.expectRefused(c2, change(c2, 'tasks', ids.task, { done: 1 }, 'update', taskSeq), 'taskNotYours');
    await h.expectRefused(
      c2,
      change(c2, 'tasks', ids.task, { assignee_id: c2.userId }, 'update', taskSeq),
      'taskNotYours',
    );
    await h.expectRefused(
      c2,
      change(c2, 'tasks', ids.task, { created_by: c2.userId }, 'update', taskSeq),
      'notUpdatable',
    );
  });

  it('refuses another center’s counselor outright', async () => {
    await h.expectRefused(
      south,
      change(south, 'tasks', ids.task, { done: 1 }, 'update', taskSeq),
      'otherScope',
    );
  });

  it('lets the assignee hand it on within the center, and a supervisor change it', async () => {
    const handed = await h.push(c1, [
      change(c1, 'tasks', ids.task, { assignee_id: c2.userId }, 'update', taskSeq),
    ]);
    expect(handed[0]?.status).toBe('applied');
    const done = await h.push(lead, [
      change(lead, 'tasks', ids.task, { done: 1 }, 'update', handed[0]?.seq ?? 0),
    ]);
    expect(done[0]?.status).toBe('applied');
  });
});
