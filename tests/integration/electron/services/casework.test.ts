import { describe, expect, it } from 'vitest';
import {
  decideReview,
  requestReview,
  saveAssessment,
  setPlanStep,
} from '../../../../electron/services/casework.ts';
import { parseRule } from '../../../../shared/contract/messages.ts';
import { dispatcherFor } from '../../../support/temp-store.ts';
import { READY_WIDE, LOW_VULNERABLE, caseworkStore } from '../../../support/casework-store.ts';

// Intake assessments, classification reviews and the service plan (electron/services/casework.ts).

const { t, counselor, supervisor, newJobseeker, count, auditActions } = caseworkStore();

describe('intake assessments', () => {
  it('saves an accepted assessment with its rule set, inputs, result and reasons, and sets the current decision', async () => {
    const id = await newJobseeker();
    const file = await saveAssessment(t.store.context, counselor, {
      jobseekerId: id,
      answers: READY_WIDE,
      decision: { kind: 'accepted' },
      reassessDueOn: null,
    });
    const [a] = file.assessments;
    expect(a?.ruleSet).toBe('PES-2021-v1');
    expect(a?.result.type).toBe('ready');
    expect(a?.result.track).toBe('wide-area');
    expect(a?.result.reasons).toContain('jobseeker.reason.mobile');
    expect(a?.inputs.willToWork).toBe(5);
    expect(a?.decision).toBe('accepted');
    expect(a?.reassessDueOn).toBeNull();
    expect(file.jobseeker.currentType).toBe('ready');
    expect(file.jobseeker.currentTrack).toBe('wide-area');
    expect(file.jobseeker.mobile).toBe(true);

    const row = await t.store.context.db.selectFrom('assessments').selectAll().executeTakeFirstOrThrow();
    expect(row.rule_set).toBe('PES-2021-v1');
    expect(JSON.parse(row.result).reasons.length).toBeGreaterThan(0);
    const outbox = await t.store.context.db
      .selectFrom('outbox')
      .selectAll()
      .where('row_id', '=', id)
      .orderBy('client_seq')
      .execute();
    // Created, its consent in force (decisive fields), then the decision.
    expect(outbox.map((o) => o.op)).toEqual(['insert', 'update', 'update']);
    expect(JSON.parse(outbox[1]?.fields ?? '{}')).toMatchObject({ consent_sensitive: 1 });
    expect(JSON.parse(outbox[2]?.fields ?? '{}')).toMatchObject({
      current_type: 'ready',
      current_track: 'wide-area',
    });
    expect(await auditActions(id)).toContain('assessment.create');
  });

  it('treats a declined sensitive item as absent and records that it was declined', async () => {
    const id = await newJobseeker();
    const file = await saveAssessment(t.store.context, counselor, {
      jobseekerId: id,
      answers: { ...LOW_VULNERABLE, economicHardship: [], declined: ['economicHardship'] },
      decision: { kind: 'accepted' },
      reassessDueOn: null,
    });
    const [a] = file.assessments;
    expect(a?.inputs.declined).toEqual(['economicHardship']);
    expect(a?.inputs.economicHardship).toEqual([]);
    expect(a?.result.economic).toBe('stable');
    expect(a?.result.track).toBe('counseling');
    // A needs-preparation decision gets a reassessment date (the programme's usual length).
    expect(a?.reassessDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(file.reassessDueOn).toBe(a?.reassessDueOn);
  });

  it('refuses an override without a reason code or text, and stores nothing', async () => {
    const id = await newJobseeker();
    const { dispatch, desk } = dispatcherFor(t.store);
    const before = await count('assessments');
    const noText = await dispatch(desk(counselor), 'casework:saveAssessment', {
      jobseekerId: id,
      answers: LOW_VULNERABLE,
      decision: {
        kind: 'overridden',
        track: 'training',
        reasonCode: 'counselor-judgement',
        reasonText: '  ',
      },
    });
    expect(noText.ok).toBe(false);
    if (!noText.ok)
      expect(noText.error.issues?.map((i) => parseRule(i.message).key)).toContain(
        'intake.override.reasonTextRequired',
      );
    const noCode = await dispatch(desk(counselor), 'casework:saveAssessment', {
      jobseekerId: id,
      answers: LOW_VULNERABLE,
      decision: { kind: 'overridden', track: 'training', reasonText: '이유' },
    });
    expect(noCode.ok).toBe(false);
    expect(await count('assessments')).toBe(before);
    // The store refuses it too, whatever the caller.
    await expect(
      t.store.context.db
        .insertInto('assessments')
        .values({
          id: '00000000-0000-7000-8000-000000000001',
          hlc: 'x',
          jobseeker_id: id,
          rule_set: 'PES-2021-v1',
          inputs: '{}',
          result: '{}',
          type: 'ready',
          track: 'local',
          decision: 'overridden',
          final_type: 'ready',
          final_track: 'wide-area',
          override_reason_code: null,
          override_reason_text: null,
          created_by: counselor.userId,
          created_at: '2026-01-01T00:00:00Z',
        })
        .execute(),
    ).rejects.toThrow();
  });

  it('records an override with its reason, and a later ready decision as a conversion', async () => {
    const id = await newJobseeker();
    await saveAssessment(t.store.context, counselor, {
      jobseekerId: id,
      answers: LOW_VULNERABLE,
      decision: {
        kind: 'overridden',
        track: 'training',
        reasonCode: 'counselor-judgement',
        reasonText: '본인이 훈련 참여를 강하게 희망함',
      },
      reassessDueOn: '2099-01-31',
    });
    const file = await saveAssessment(t.store.context, counselor, {
      jobseekerId: id,
      answers: READY_WIDE,
      decision: { kind: 'accepted' },
      reassessDueOn: null,
    });
    const [latest, first] = file.assessments;
    expect(first?.result.track).toBe('integrated-case-management');
    expect(first?.decision).toBe('overridden');
    expect(first?.finalTrack).toBe('training');
    expect(first?.overrideReasonCode).toBe('counselor-judgement');
    expect(first?.reassessDueOn).toBe('2099-01-31');
    expect(latest?.conversion).toBe(true);
    expect(first?.conversion).toBe(false);
    expect(file.reassessDueOn).toBeNull();
    const stored = await t.store.context.db.selectFrom('assessments').select(['conversion', 'id']).execute();
    expect(stored.map((s) => s.conversion).sort()).toEqual([0, 1]);
  });

  it('refuses an override to the track the rules already gave', async () => {
    const id = await newJobseeker();
    await expect(
      saveAssessment(t.store.context, counselor, {
        jobseekerId: id,
        answers: READY_WIDE,
        decision: {
          kind: 'overridden',
          track: 'wide-area',
          reasonCode: 'jobseeker-request',
          reasonText: 'x',
        },
        reassessDueOn: null,
      }),
    ).rejects.toMatchObject({ error: { message: 'intake.override.sameTrack' } });
  });

  it('keeps assessments append-only in the store', async () => {
    const id = await newJobseeker();
    await saveAssessment(t.store.context, counselor, {
      jobseekerId: id,
      answers: READY_WIDE,
      decision: { kind: 'accepted' },
      reassessDueOn: null,
    });
    await expect(
      t.store.context.db.updateTable('assessments').set({ reassess_due_on: '2030-01-01' }).execute(),
    ).rejects.toThrow(/append-only/);
  });
});

describe('classification reviews', () => {
  it('records a request and its outcome; "changed" needs a newer assessment', async () => {
    const id = await newJobseeker();
    let file = await saveAssessment(t.store.context, counselor, {
      jobseekerId: id,
      answers: LOW_VULNERABLE,
      decision: { kind: 'accepted' },
      reassessDueOn: null,
    });
    const assessmentId = file.assessments[0]?.id ?? '';
    file = await requestReview(t.store.context, counselor, {
      jobseekerId: id,
      assessmentId,
      text: '분류 재검토 요청',
    });
    const reviewId = file.reviews[0]?.id ?? '';
    expect(file.reviews[0]?.status).toBe('open');
    await expect(
      requestReview(t.store.context, counselor, { jobseekerId: id, assessmentId, text: '또' }),
    ).rejects.toMatchObject({ error: { message: 'review.alreadyOpen' } });
    await expect(
      decideReview(t.store.context, supervisor, { reviewId, outcome: 'changed', text: '변경' }),
    ).rejects.toMatchObject({ error: { message: 'review.changedNeedsAssessment' } });
    file = await decideReview(t.store.context, supervisor, {
      reviewId,
      outcome: 'upheld',
      text: '기존 분류 유지',
    });
    expect(file.reviews[0]).toMatchObject({ status: 'upheld', outcomeText: '기존 분류 유지' });
    await expect(
      decideReview(t.store.context, supervisor, { reviewId, outcome: 'upheld', text: 'again' }),
    ).rejects.toMatchObject({ error: { message: 'review.alreadyDecided' } });
    expect(await auditActions(id)).toEqual(
      expect.arrayContaining(['classification-review.request', 'classification-review.decide']),
    );
  });
});

describe('service plan', () => {
  it('records steps of the current track as done, and undoes them', async () => {
    const id = await newJobseeker();
    let file = await saveAssessment(t.store.context, counselor, {
      jobseekerId: id,
      answers: LOW_VULNERABLE,
      decision: { kind: 'accepted' },
      reassessDueOn: null,
    });
    const assessmentId = file.assessments[0]?.id ?? '';
    file = await setPlanStep(t.store.context, counselor, {
      jobseekerId: id,
      assessmentId,
      step: 'welfareLink',
      done: true,
      note: '',
    });
    expect(file.planSteps.map((s) => s.step)).toEqual(['welfareLink']);
    await expect(
      setPlanStep(t.store.context, counselor, {
        jobseekerId: id,
        assessmentId,
        step: 'trainingEnrolment',
        done: true,
        note: '',
      }),
    ).rejects.toMatchObject({ error: { message: 'servicePlan.stepNotInTrack' } });
    file = await setPlanStep(t.store.context, counselor, {
      jobseekerId: id,
      assessmentId,
      step: 'welfareLink',
      done: false,
      note: '',
    });
    expect(file.planSteps).toEqual([]);
  });
});
