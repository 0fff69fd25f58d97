import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessmentFields,
  auditFields,
  change,
  employerFields,
  hostileServer,
  jobseekerFields,
  noteFields,
  openingFields,
  type Agent,
  type Hostile,
} from '../../support/hostile.ts';
import type { RefusalCode } from '../../../shared/sync/refusals.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';

// A hostile desktop against what only the server may know and what it derives again (issue 13 §3–4):
// authors, actors, devices and centers come from the token (a different value is refused); an
// assessment's stored result must follow from its checklist under the rule set it names, and a result
// that differs is an override with its reason; a referral's events follow its state machine.

describe.each(SERVER_DIALECTS)('a hostile desktop’s authors and derived values, on %s', (dialect) => {
  let h: Hostile;
  let c1: Agent;
  let c2: Agent;
  const ids = {
    case: uuidv7(),
    employer: uuidv7(),
    opening: uuidv7(),
    referral: uuidv7(),
    audit: uuidv7(),
  };

  beforeAll(async () => {
    h = await hostileServer(dialect);
    c1 = await h.agent('counselor1');
    c2 = await h.agent('counselor2');
    const now = new Date().toISOString();
    const results = await h.push(c1, [
      change(c1, 'jobseekers', ids.case, jobseekerFields('SEL01', c1.userId)),
      change(c1, 'employers', ids.employer, employerFields('SEL01', '11')),
      change(c1, 'job_openings', ids.opening, openingFields(ids.employer, 'SEL01', '11')),
      change(c1, 'referrals', ids.referral, {
        jobseeker_id: ids.case,
        opening_id: ids.opening,
        counselor_id: c1.userId,
        created_at: now,
      }),
      change(c1, 'referral_events', uuidv7(), event(ids.referral, 'proposed', c1.userId)),
      change(c1, 'assessments', uuidv7(), assessmentFields(ids.case, c1.userId)),
      change(c1, 'audit_entries', ids.audit, auditFields(c1, 'SEL01', ids.audit)),
    ]);
    expect(results.map((r) => `${r.status} ${r.reason ?? ''}`.trim())).toEqual(Array(7).fill('applied'));
  });
  afterAll(async () => {
    await h.close();
  });

  function event(referral: string, kind: string, counselor: string): Record<string, unknown> {
    return {
      referral_id: referral,
      kind,
      at: new Date().toISOString(),
      counselor_id: counselor,
      note: null,
      data: '{}',
    };
  }

  it('refuses records authored in another person’s name', async () => {
    await h.expectRefused(
      c1,
      change(c1, 'counseling_notes', uuidv7(), noteFields(ids.case, c2.userId)),
      'notCaller',
    );
    await h.expectRefused(
      c1,
      change(c1, 'assessments', uuidv7(), assessmentFields(ids.case, c2.userId)),
      'notCaller',
    );
    await h.expectRefused(
      c1,
      change(c1, 'referral_events', uuidv7(), event(ids.referral, 'referred', c2.userId)),
      'notCaller',
    );
  });

  it('refuses a decision or a called ticket recorded in another person’s name', async () => {
    const sup = await h.agent('supervisor1');
    const review = uuidv7();
    const assessments = await h.server.opened.db
      .selectFrom('sync_rows')
      .select(['row_id', 'seq'])
      .where('table_name', '=', 'assessments')
      .execute();
    const assessment = assessments[0]?.row_id ?? '';
    const [requested] = await h.push(c1, [
      change(c1, 'classification_reviews', review, {
        jobseeker_id: ids.case,
        assessment_id: assessment,
        request_text: '재검토 요청',
        requested_at: new Date().toISOString(),
        recorded_by: c1.userId,
        status: 'open',
        outcome_text: null,
        outcome_assessment_id: null,
        decided_by: null,
        decided_at: null,
      }),
    ]);
    expect(requested?.status).toBe('applied');
    const decision = {
      status: 'upheld',
      outcome_text: '유지',
      outcome_assessment_id: null,
      decided_by: c2.userId,
      decided_at: new Date().toISOString(),
    };
    await h.expectRefused(
      sup,
      change(sup, 'classification_reviews', review, decision, 'update', requested?.seq ?? 0),
      'notCaller',
    );
    const [decided] = await h.push(sup, [
      change(
        sup,
        'classification_reviews',
        review,
        { ...decision, decided_by: sup.userId },
        'update',
        requested?.seq ?? 0,
      ),
    ]);
    expect(decided?.status).toBe('applied');
  });

  it('refuses audit entries with another actor, another device, or another center’s trail', async () => {
    // Each forgery is honestly hashed and is the first entry of a fresh device, so it reaches the
    // audit-chain check (server/sync/audit-chain.ts, run before the generic author checks), whose
    // refusals name what is wrong; the entry's own hash and link cannot be what refuses it.
    const forgeries: Array<[RefusalCode, Record<string, unknown>]> = [
      ['auditActor', { actor_id: c2.userId, actor_login: null }],
      ['auditDevice', { device_id: c2.deviceId }],
      ['auditCenter', { center_code: 'BUS01' }],
    ];
    for (const [code, over] of forgeries) {
      const a = await h.agent('counselor1');
      const id = uuidv7();
      await h.expectRefused(a, change(a, 'audit_entries', id, auditFields(a, 'SEL01', id, over)), code);
    }
  });

  it('classifies an assessment again: a stored result that does not follow is refused', async () => {
    const honest = assessmentFields(ids.case, c1.userId);
    const other = honest['type'] === 'ready' ? 'needs-preparation' : 'ready';
    await h.expectRefused(
      c1,
      change(c1, 'assessments', uuidv7(), { ...honest, type: other }),
      'classificationMismatch',
    );
    await h.expectRefused(
      c1,
      change(c1, 'assessments', uuidv7(), { ...honest, result: JSON.stringify({ type: other }) }),
      'classificationMismatch',
    );
    await h.expectRefused(
      c1,
      change(c1, 'assessments', uuidv7(), { ...honest, rule_set: 'PES-2099-v9' }),
      'unknownRuleSet',
    );
    // A different final result without an override, or an override without its reason.
    await h.expectRefused(
      c1,
      change(c1, 'assessments', uuidv7(), {
        ...honest,
        final_track: 'training',
        final_type: 'needs-preparation',
      }),
      'overrideIncomplete',
    );
    await h.expectRefused(
      c1,
      change(c1, 'assessments', uuidv7(), {
        ...honest,
        decision: 'overridden',
        final_track: 'training',
        final_type: 'needs-preparation',
      }),
      'overrideIncomplete',
    );
    const [overridden] = await h.push(c1, [
      change(c1, 'assessments', uuidv7(), {
        ...honest,
        decision: 'overridden',
        final_track: 'training',
        final_type: 'needs-preparation',
        override_reason_code: 'counselor-judgement',
        override_reason_text: '훈련 의사가 분명함',
      }),
    ]);
    expect(overridden?.status).toBe('applied');
  });

  it('checks referral events by the state machine', async () => {
    const fresh = uuidv7();
    const [made] = await h.push(c1, [
      change(c1, 'referrals', fresh, {
        jobseeker_id: ids.case,
        opening_id: ids.opening,
        counselor_id: c1.userId,
        created_at: new Date().toISOString(),
      }),
    ]);
    expect(made?.status).toBe('applied');
    // Hired on a referral nobody proposed or sent.
    await h.expectRefused(
      c1,
      change(c1, 'referral_events', uuidv7(), event(fresh, 'hired', c1.userId)),
      'referralTransition',
    );
    await h.expectRefused(
      c1,
      change(c1, 'referral_events', uuidv7(), event(ids.referral, 'follow-up', c1.userId)),
      'referralTransition',
    );
    await h.expectRefused(
      c1,
      change(c1, 'referral_events', uuidv7(), {
        ...event(ids.referral, 'referred', c1.userId),
        data: '{"hack":1}',
      }),
      'invalidValue',
    );
    const [referred] = await h.push(c1, [
      change(c1, 'referral_events', uuidv7(), event(ids.referral, 'referred', c1.userId)),
    ]);
    expect(referred?.status).toBe('applied');
  });

  it('refuses a referral to an opening the caller cannot see', async () => {
    const busan = await h.agent('busan1');
    const employer = uuidv7();
    const opening = uuidv7();
    const [e, o] = await h.push(busan, [
      change(busan, 'employers', employer, employerFields('BUS01', '26')),
      change(busan, 'job_openings', opening, openingFields(employer, 'BUS01', '26')),
    ]);
    expect([e?.status, o?.status]).toEqual(['applied', 'applied']);
    await h.expectRefused(
      c1,
      change(c1, 'referrals', uuidv7(), {
        jobseeker_id: ids.case,
        opening_id: opening,
        counselor_id: c1.userId,
        created_at: new Date().toISOString(),
      }),
      'referenceMissing',
    );
  });
});
