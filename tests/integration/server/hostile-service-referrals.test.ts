import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { change, jobseekerFields, type Agent } from '../../support/hostile.ts';
import { hostileSuite } from '../../support/hostile-suite.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';

// A hostile desktop against service referrals (서비스 연계, issue 17 item 4), over real HTTP on both
// dialects: the referral belongs to its jobseeker's scope (another center's case, an admin: refused);
// the referring counselor and an event's author are the caller; fields are held to their declaration
// (kinds, reasons, days, catalogue codes, undeclared fields) and what it is referred to never changes;
// a row's days must tell the path to its status; a status step the machine forbids from the status the
// server holds is refused, while two different steps on the same version open a review; an event's
// from → to must be a step the machine allows.

function referralFields(jobseekerId: string, author: string, over: Record<string, unknown> = {}) {
  return {
    jobseeker_id: jobseekerId,
    target_kind: 'training',
    catalogue_version: 'PRG-2026-v1',
    programme_code: 'training-naeil',
    provider_code: null,
    provider_name: null,
    course_name: '특수용접 기능사 과정',
    plan_step: 'trainingCompletion',
    reason_code: 'skills-gap',
    reason_text: null,
    status: 'referred',
    referred_on: '2026-11-03',
    accepted_on: null,
    declined_on: null,
    started_on: null,
    completed_on: null,
    dropped_on: null,
    close_reason_code: null,
    close_reason_text: null,
    outcome_note: null,
    counselor_id: author,
    created_at: new Date().toISOString(),
    ...over,
  };
}

function eventFields(referralId: string, author: string, over: Record<string, unknown> = {}) {
  return {
    service_referral_id: referralId,
    from_status: null,
    to_status: 'referred',
    happened_on: '2026-11-03',
    reason_code: 'skills-gap',
    note: null,
    counselor_id: author,
    at: new Date().toISOString(),
    ...over,
  };
}

describe.each(SERVER_DIALECTS)('a hostile desktop’s service referrals, on %s', (dialect) => {
  const ids = { own: uuidv7(), busan: uuidv7(), ref: uuidv7(), other: uuidv7() };
  const suite = hostileSuite(dialect, ({ c1, bus }) => [
    [c1, [change(c1, 'jobseekers', ids.own, jobseekerFields('SEL01', c1.userId))]],
    [bus, [change(bus, 'jobseekers', ids.busan, jobseekerFields('BUS01', bus.userId))]],
    [
      c1,
      [
        change(c1, 'service_referrals', ids.ref, referralFields(ids.own, c1.userId)),
        change(c1, 'service_referral_events', uuidv7(), eventFields(ids.ref, c1.userId)),
        change(c1, 'service_referrals', ids.other, referralFields(ids.own, c1.userId)),
      ],
    ],
  ]);
  const { h, c1, c2, adm, bus, seqOf } = suite;
  const update = (a: Agent, id: string, fields: Record<string, unknown>) =>
    suite.update(a, 'service_referrals', id, fields);

  it('refuses a referral under another center’s jobseeker, and any by an admin', async () => {
    await h.expectRefused(
      c1,
      change(c1, 'service_referrals', uuidv7(), referralFields(ids.busan, c1.userId)),
      'otherScope',
    );
    await h.expectRefused(
      adm,
      change(adm, 'service_referrals', uuidv7(), referralFields(ids.own, adm.userId)),
      'roleMayNotAdd',
    );
    await h.expectRefused(
      bus,
      await update(bus, ids.ref, { status: 'accepted', accepted_on: '2026-11-04' }),
      'otherScope',
    );
    await h.expectRefused(
      bus,
      change(bus, 'service_referral_events', uuidv7(), eventFields(ids.ref, bus.userId)),
      'otherScope',
    );
  });

  it('takes the referring counselor and an event’s author from the token', async () => {
    await h.expectRefused(
      c1,
      change(c1, 'service_referrals', uuidv7(), referralFields(ids.own, c2.userId)),
      'notCaller',
    );
    await h.expectRefused(
      c1,
      change(c1, 'service_referral_events', uuidv7(), eventFields(ids.ref, c2.userId)),
      'notCaller',
    );
  });

  it('holds every field to its declaration, and what it is referred to never changes', async () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ target_kind: 'holiday' }, 'invalidValue'],
      [{ reason_code: 'boredom' }, 'invalidValue'],
      [{ referred_on: '2026-13-45' }, 'invalidValue'],
      [{ programme_code: 'group-cap' }, 'invalidValue'],
      [{ course_name: null }, 'invalidValue'],
      [{ catalogue_version: 'PRG-1999-v1' }, 'invalidValue'],
      [
        { target_kind: 'welfare-resource', programme_code: null, provider_code: 'saeil-center' },
        'invalidValue',
      ],
      [{ reason_code: 'other' }, 'invalidValue'],
      [{ plan_step: 'flyToTheMoon' }, 'invalidValue'],
      [{ secret: 1 }, 'undeclaredField'],
    ];
    for (const [over, code] of bad) {
      await h.expectRefused(
        c1,
        change(c1, 'service_referrals', uuidv7(), referralFields(ids.own, c1.userId, over)),
        code as 'invalidValue',
      );
    }
    const { reason_code: _r, ...noReason } = referralFields(ids.own, c1.userId);
    await h.expectRefused(c1, change(c1, 'service_referrals', uuidv7(), noReason), 'missingFields');
    await h.expectRefused(c1, await update(c1, ids.ref, { target_kind: 'partner-agency' }), 'notUpdatable');
    await h.expectRefused(c1, await update(c1, ids.ref, { referred_on: '2026-10-01' }), 'notUpdatable');
    await h.expectRefused(c1, await update(c1, ids.ref, { counselor_id: c2.userId }), 'notUpdatable');
    await h.expectRefused(
      c1,
      await update(c1, ids.ref, { created_at: new Date().toISOString() }),
      'notUpdatable',
    );
  });

  it('refuses a row whose days do not tell the path to its status', async () => {
    await h.expectRefused(
      c1,
      change(
        c1,
        'service_referrals',
        uuidv7(),
        referralFields(ids.own, c1.userId, { accepted_on: '2026-11-04' }),
      ),
      'invalidValue',
    );
    // A later status with no day of the steps before it; the same with its path (a desktop joining a
    // server sends its records once, as they stand) goes in.
    await h.expectRefused(
      c1,
      change(
        c1,
        'service_referrals',
        uuidv7(),
        referralFields(ids.own, c1.userId, { status: 'completed', completed_on: '2026-11-20' }),
      ),
      'invalidValue',
    );
    const [joined] = await h.push(c1, [
      change(
        c1,
        'service_referrals',
        uuidv7(),
        referralFields(ids.own, c1.userId, {
          status: 'completed',
          accepted_on: '2026-11-04',
          started_on: '2026-11-05',
          completed_on: '2026-11-20',
        }),
      ),
    ]);
    expect(joined?.status).toBe('applied');
    // A status without the day it was reached; a day before the previous step's.
    await h.expectRefused(c1, await update(c1, ids.ref, { status: 'accepted' }), 'invalidValue');
    await h.expectRefused(
      c1,
      await update(c1, ids.ref, { status: 'accepted', accepted_on: '2026-11-01' }),
      'invalidValue',
    );
    // A decline without its reason.
    await h.expectRefused(
      c1,
      await update(c1, ids.ref, { status: 'declined', declined_on: '2026-11-04' }),
      'invalidValue',
    );
  });

  it('refuses a step the machine forbids from the status the server holds', async () => {
    await h.expectRefused(
      c1,
      await update(c1, ids.ref, {
        status: 'completed',
        accepted_on: '2026-11-04',
        started_on: '2026-11-05',
        completed_on: '2026-11-20',
      }),
      'serviceReferralTransition',
    );
    const [accepted] = await h.push(c1, [
      await update(c1, ids.ref, { status: 'accepted', accepted_on: '2026-11-04' }),
    ]);
    expect(accepted?.status).toBe('applied');
    // Back to referred, or declined after accepting: not a step of the machine.
    await h.expectRefused(
      c1,
      await update(c1, ids.ref, { status: 'referred', accepted_on: null }),
      'serviceReferralTransition',
    );
    await h.expectRefused(
      c1,
      await update(c1, ids.ref, {
        status: 'declined',
        accepted_on: null,
        declined_on: '2026-11-05',
        close_reason_code: 'no-place',
      }),
      'serviceReferralTransition',
    );
    const [started] = await h.push(c1, [
      await update(c1, ids.ref, { status: 'started', started_on: '2026-11-06' }),
    ]);
    expect(started?.status).toBe('applied');
  });

  it('opens a review for two different steps taken on the same version', async () => {
    const seq = await seqOf('service_referrals', ids.other);
    const [first] = await h.push(c1, [
      change(
        c1,
        'service_referrals',
        ids.other,
        { status: 'accepted', accepted_on: '2026-11-04' },
        'update',
        seq,
      ),
    ]);
    expect(first?.status).toBe('applied');
    const [second] = await h.push(c2, [
      change(
        c2,
        'service_referrals',
        ids.other,
        { status: 'declined', declined_on: '2026-11-04', close_reason_code: 'no-place' },
        'update',
        seq,
      ),
    ]);
    expect(second).toMatchObject({ status: 'review', reviewFields: ['status'] });
  });

  it('refuses an event whose from → to the machine does not allow, or with a bad day', async () => {
    for (const over of [
      { from_status: null, to_status: 'completed' },
      { from_status: 'referred', to_status: 'completed' },
      { from_status: 'completed', to_status: 'dropped' },
      { from_status: 'referred', to_status: 'accepted', happened_on: 'yesterday' },
      { from_status: 'referred', to_status: 'accepted', reason_code: 'whim' },
    ]) {
      await h.expectRefused(
        c1,
        change(c1, 'service_referral_events', uuidv7(), eventFields(ids.ref, c1.userId, over)),
        'invalidValue',
      );
    }
    const [fine] = await h.push(c1, [
      change(
        c1,
        'service_referral_events',
        uuidv7(),
        eventFields(ids.ref, c1.userId, {
          from_status: 'referred',
          to_status: 'accepted',
          reason_code: null,
        }),
      ),
    ]);
    expect(fine?.status).toBe('applied');
  });
});
