import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { change, jobseekerFields, type Agent } from '../../support/hostile.ts';
import { hostileSuite } from '../../support/hostile-suite.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';

// "Not the same person" (다른 사람, issue 16 item 5) from the attacker's side: a dismissal of a duplicate
// pair made by a counselor, in another center, naming a case of another center, in someone else's name,
// with a malformed field or one pair member twice, or changed where it never changes, or taken back by a
// counselor or in someone else's name, is refused with its reason, and nothing changes on the server.

describe.each(SERVER_DIALECTS)('a hostile desktop’s dismissed pairs, on %s', (dialect) => {
  const ids = { a: uuidv7(), b: uuidv7(), southCase: uuidv7(), dismissal: uuidv7() };
  let dismissalSeq = 0;

  function dismissal(by: Agent, over: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      center_code: 'SEL01',
      a_id: ids.a < ids.b ? ids.a : ids.b,
      b_id: ids.a < ids.b ? ids.b : ids.a,
      reason: '동명이인: 생년월일과 주소가 다름',
      dismissed_by: by.userId,
      dismissed_at: new Date().toISOString(),
      ...over,
    };
  }

  const {
    h,
    c1,
    c2,
    sup: lead,
    south,
  } = hostileSuite(dialect, ({ c1, south }) => [
    [
      c1,
      [
        change(c1, 'jobseekers', ids.a, jobseekerFields('SEL01', c1.userId)),
        change(c1, 'jobseekers', ids.b, jobseekerFields('SEL01', c1.userId)),
      ],
    ],
    [south, [change(south, 'jobseekers', ids.southCase, jobseekerFields('SEL02', south.userId))]],
  ]);

  it('refuses a dismissal by a counselor, in another center, or naming another center’s case', async () => {
    await h.expectRefused(c1, change(c1, 'case_merge_dismissals', uuidv7(), dismissal(c1)), 'roleMayNotAdd');
    await h.expectRefused(
      lead,
      change(lead, 'case_merge_dismissals', uuidv7(), dismissal(lead, { center_code: 'SEL02' })),
      'otherCenter',
    );
    await h.expectRefused(
      lead,
      change(lead, 'case_merge_dismissals', uuidv7(), dismissal(lead, { b_id: ids.southCase })),
      'referenceMissing',
    );
    await h.expectRefused(
      lead,
      change(lead, 'case_merge_dismissals', uuidv7(), dismissal(lead, { a_id: uuidv7() })),
      'referenceMissing',
    );
  });

  it('refuses a dismissal in someone else’s name', async () => {
    await h.expectRefused(
      lead,
      change(lead, 'case_merge_dismissals', uuidv7(), dismissal(lead, { dismissed_by: c2.userId })),
      'notCaller',
    );
  });

  it('refuses bad fields: an unknown column, a bad time, a bad flag, no reason, one case twice', async () => {
    await h.expectRefused(
      lead,
      change(lead, 'case_merge_dismissals', uuidv7(), dismissal(lead, { confidence: 'high' })),
      'undeclaredField',
    );
    await h.expectRefused(
      lead,
      change(lead, 'case_merge_dismissals', uuidv7(), dismissal(lead, { dismissed_at: 'yesterday' })),
      'invalidValue',
    );
    await h.expectRefused(
      lead,
      change(lead, 'case_merge_dismissals', uuidv7(), dismissal(lead, { undone: 2 })),
      'invalidValue',
    );
    await h.expectRefused(
      lead,
      change(lead, 'case_merge_dismissals', uuidv7(), dismissal(lead, { reason: '   ' })),
      'invalidValue',
    );
    await h.expectRefused(
      lead,
      change(lead, 'case_merge_dismissals', uuidv7(), dismissal(lead, { a_id: ids.a, b_id: ids.a })),
      'mergeSameCase',
    );
  });

  it('takes an honest dismissal; refuses a change of what never changes, and an undo by others', async () => {
    const ok = await h.push(lead, [change(lead, 'case_merge_dismissals', ids.dismissal, dismissal(lead))]);
    expect(ok[0]?.status).toBe('applied');
    dismissalSeq = ok[0]?.seq ?? 0;
    const update = (by: Agent, fields: Record<string, unknown>) =>
      change(by, 'case_merge_dismissals', ids.dismissal, fields, 'update', dismissalSeq);
    await h.expectRefused(lead, update(lead, { reason: '다른 이유' }), 'notUpdatable');
    await h.expectRefused(lead, update(lead, { b_id: ids.southCase }), 'notUpdatable');
    await h.expectRefused(lead, update(lead, { dismissed_by: c1.userId }), 'notUpdatable');
    const at = new Date().toISOString();
    await h.expectRefused(
      c1,
      update(c1, { undone: 1, undone_by: c1.userId, undone_at: at }),
      'roleMayNotChange',
    );
    // Another center's counselor: refused on the field before its scope is even looked at.
    await h.expectRefused(
      south,
      update(south, { undone: 1, undone_by: south.userId, undone_at: at }),
      'roleMayNotChange',
    );
    await h.expectRefused(
      lead,
      update(lead, { undone: 1, undone_by: c2.userId, undone_at: at }),
      'notCaller',
    );
    await h.expectRefused(lead, update(lead, { undone: 1 }), 'missingFields');
    const undone = await h.push(lead, [update(lead, { undone: 1, undone_by: lead.userId, undone_at: at })]);
    expect(undone[0]?.status).toBe('applied');
  });
});
