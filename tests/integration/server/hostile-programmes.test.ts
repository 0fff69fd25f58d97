import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { change, enrolmentFields, jobseekerFields } from '../../support/hostile.ts';
import { hostileSuite } from '../../support/hostile-suite.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';

// A hostile desktop against programme enrolments (issue 17 item 2), over real HTTP on both dialects: an
// enrolment belongs to its jobseeker's scope and its plan, events and obligation decisions to the
// enrolment's; the counselor, decider and authors are the caller; the catalogue edition and enrolment day
// are fixed at insert; fields hold to their declaration (enums, days, the pre-check's listed inputs);
// the stage machine holds on the row as it would be (no plan → ended without an outcome, no service
// without its day, no outcome on an open enrolment); stage and decision are decisive.

const NOW = () => new Date().toISOString();

const admitted = (by: string) => ({
  eligibility_inputs: JSON.stringify({
    age: 41,
    householdIncomePct: 55,
    assetsBand: 'under-400m',
    recentWorkDays: 240,
  }),
  eligibility_meets: 1,
  eligibility_failed: '[]',
  prechecked_on: '2026-11-02',
  decision: 'admit',
  decision_reason_code: 'meets-rules',
  decision_reason_text: null,
  decided_by: by,
  decided_on: '2026-11-02',
});

function decisionFields(enrolmentId: string, author: string, over: Record<string, unknown> = {}) {
  return {
    enrolment_id: enrolmentId,
    obligation_code: 'job-search-report',
    period_no: 1,
    period_from: '2026-11-05',
    period_to: '2026-12-04',
    decision: 'met',
    reason_code: null,
    reason_text: null,
    decided_on: '2026-12-05',
    counselor_id: author,
    corrects: null,
    created_at: NOW(),
    ...over,
  };
}

describe.each(SERVER_DIALECTS)('a hostile desktop’s programme enrolments, on %s', (dialect) => {
  const ids = {
    own: uuidv7(),
    bare: uuidv7(),
    busan: uuidv7(),
    enrolment: uuidv7(),
    busanEnrolment: uuidv7(),
    bareEnrolment: uuidv7(),
  };
  const { h, c1, c2, adm, bus, seqOf, update } = hostileSuite(dialect, ({ c1, bus }) => [
    [
      c1,
      [
        change(c1, 'jobseekers', ids.own, { ...jobseekerFields('SEL01', c1.userId), consent_sensitive: 1 }),
        // A case without the sensitive consent: its enrolment may not record income or assets.
        change(c1, 'jobseekers', ids.bare, jobseekerFields('SEL01', c1.userId)),
        change(c1, 'programme_enrolments', ids.bareEnrolment, enrolmentFields(ids.bare, c1.userId)),
      ],
    ],
    [bus, [change(bus, 'jobseekers', ids.busan, jobseekerFields('BUS01', bus.userId))]],
    [
      c1,
      [
        change(
          c1,
          'programme_enrolments',
          ids.enrolment,
          enrolmentFields(ids.own, c1.userId, admitted(c1.userId)),
        ),
      ],
    ],
    [bus, [change(bus, 'programme_enrolments', ids.busanEnrolment, enrolmentFields(ids.busan, bus.userId))]],
  ]);

  it('refuses records under another center’s case, and any from an admin', async () => {
    await h.expectRefused(
      c1,
      change(c1, 'programme_enrolments', uuidv7(), enrolmentFields(ids.busan, c1.userId)),
      'otherScope',
    );
    await h.expectRefused(
      adm,
      change(adm, 'programme_enrolments', uuidv7(), enrolmentFields(ids.own, adm.userId)),
      'roleMayNotAdd',
    );
    await h.expectRefused(
      c1,
      change(c1, 'obligation_decisions', uuidv7(), decisionFields(ids.busanEnrolment, c1.userId)),
      'otherScope',
    );
    await h.expectRefused(
      bus,
      await update(bus, 'programme_enrolments', ids.enrolment, { stage: 'ended' }),
      'otherScope',
    );
  });

  it('takes the counselor, decider and authors from the token', async () => {
    await h.expectRefused(
      c1,
      change(c1, 'programme_enrolments', uuidv7(), enrolmentFields(ids.own, c2.userId)),
      'notCaller',
    );
    await h.expectRefused(
      c1,
      change(c1, 'programme_enrolments', uuidv7(), enrolmentFields(ids.own, c1.userId, admitted(c2.userId))),
      'notCaller',
    );
    await h.expectRefused(
      c1,
      change(c1, 'obligation_decisions', uuidv7(), decisionFields(ids.enrolment, c2.userId)),
      'notCaller',
    );
  });

  it('holds every field to its declaration and fixes the edition at insert', async () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ stage: 'party' }, 'invalidValue'],
      [{ enrolled_on: '2026-02-30' }, 'invalidValue'],
      [{ catalogue_version: 'PRG-1999-v9' }, 'invalidValue'],
      [{ programme_code: 'group-cap' }, 'invalidValue'],
      [{ decision: 'maybe' }, 'invalidValue'],
      // the pre-check records only the programme's inputs: no health answer slipped in
      [{ eligibility_inputs: JSON.stringify({ age: 41, health: 'poor' }) }, 'invalidValue'],
      [{ secret: 1 }, 'undeclaredField'],
    ];
    for (const [over, code] of bad)
      await h.expectRefused(
        c1,
        change(c1, 'programme_enrolments', uuidv7(), enrolmentFields(ids.own, c1.userId, over)),
        code as 'invalidValue',
      );
    await h.expectRefused(
      c1,
      await update(c1, 'programme_enrolments', ids.enrolment, { catalogue_version: 'PRG-2026-v1' }),
      'notUpdatable',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'programme_enrolments', ids.enrolment, { enrolled_on: '2026-10-01' }),
      'notUpdatable',
    );
    // A not-met decision needs its reason; a decision's enum holds.
    await h.expectRefused(
      c1,
      change(
        c1,
        'obligation_decisions',
        uuidv7(),
        decisionFields(ids.enrolment, c1.userId, { decision: 'not-met' }),
      ),
      'invalidValue',
    );
    await h.expectRefused(
      c1,
      change(
        c1,
        'obligation_decisions',
        uuidv7(),
        decisionFields(ids.enrolment, c1.userId, { decision: 'paid' }),
      ),
      'invalidValue',
    );
  });

  it('refuses stage jumps the machine forbids', async () => {
    // plan needs the admit decision (a refused or undecided enrolment cannot plan)
    await h.expectRefused(
      c1,
      change(
        c1,
        'programme_enrolments',
        uuidv7(),
        enrolmentFields(ids.own, c1.userId, { stage: 'plan', plan_on: '2026-11-03' }),
      ),
      'invalidValue',
    );
    const planned = await h.push(c1, [
      await update(c1, 'programme_enrolments', ids.enrolment, { stage: 'plan', plan_on: '2026-11-03' }),
    ]);
    expect(planned[0]?.status).toBe('applied');
    // plan → ended without an outcome, or with one the catalogue does not have
    await h.expectRefused(
      c1,
      await update(c1, 'programme_enrolments', ids.enrolment, { stage: 'ended', ended_on: '2026-11-04' }),
      'invalidValue',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'programme_enrolments', ids.enrolment, {
        stage: 'ended',
        ended_on: '2026-11-04',
        outcome: 'lottery',
      }),
      'invalidValue',
    );
    // service without its day, or before the plan day; an outcome on an open enrolment
    await h.expectRefused(
      c1,
      await update(c1, 'programme_enrolments', ids.enrolment, { stage: 'service' }),
      'invalidValue',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'programme_enrolments', ids.enrolment, { stage: 'service', service_on: '2026-11-01' }),
      'invalidValue',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'programme_enrolments', ids.enrolment, { outcome: 'employed' }),
      'invalidValue',
    );
  });

  it('opens a review for two different stage moves on the same version', async () => {
    const seq = await seqOf('programme_enrolments', ids.enrolment);
    const [first] = await h.push(c1, [
      change(
        c1,
        'programme_enrolments',
        ids.enrolment,
        { stage: 'ended', ended_on: '2026-11-05', outcome: 'employed' },
        'update',
        seq,
      ),
    ]);
    expect(first?.status).toBe('applied');
    const [second] = await h.push(c2, [
      change(
        c2,
        'programme_enrolments',
        ids.enrolment,
        { stage: 'ended', ended_on: '2026-11-05', outcome: 'withdrew' },
        'update',
        seq,
      ),
    ]);
    expect(second).toMatchObject({ status: 'review' });
  });

  it('refuses income and assets answers on a case without the sensitive consent, on insert and update', async () => {
    const inputs = admitted(c1.userId);
    await h.expectRefused(
      c1,
      change(c1, 'programme_enrolments', uuidv7(), enrolmentFields(ids.bare, c1.userId, inputs)),
      'consentMissing',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'programme_enrolments', ids.bareEnrolment, {
        eligibility_inputs: inputs.eligibility_inputs,
        eligibility_meets: 1,
        eligibility_failed: '[]',
        prechecked_on: '2026-11-02',
      }),
      'consentMissing',
    );
  });
});
