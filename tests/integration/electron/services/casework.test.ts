import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IntakeAnswers } from '../../../../shared/casework/intake.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import { verifyAuditChain } from '../../../../db/repositories/audit.ts';
import {
  addNote,
  caseload,
  decideReview,
  getCaseFile,
  importCompetency,
  issueCertificate,
  previewImport,
  requestReview,
  reviseNote,
  saveAssessment,
  setPlanStep,
  verifyCertificate,
} from '../../../../electron/services/casework.ts';
import { recordConsent } from '../../../../electron/services/consent-record.ts';
import { createJobseeker } from '../../../../electron/services/jobseekers.ts';
import { parseRule } from '../../../../shared/contract/messages.ts';
import { dispatcherFor, makeTestStore, type TestStore } from '../../../support/temp-store.ts';
import { pdfText } from '../../../support/pdf-text.ts';

let t: TestStore;
let counselor: SessionInfo;
let other: SessionInfo;
let supervisor: SessionInfo;

beforeEach(async () => {
  t = await makeTestStore();
  counselor = await t.signIn('counselor1');
  other = await t.signIn('counselor2');
  supervisor = await t.signIn('supervisor1');
});
afterEach(() => t.cleanup());

const READY_WIDE: IntakeAnswers = {
  searchActivities4w: '3+',
  startWish: 'within3m',
  willToWork: 5,
  preparation: 'license',
  experience: '2y+',
  sinceLastJob: 'under6m',
  barriers: [],
  economicHardship: [],
  fieldDecided: true,
  mobile: true,
  declined: [],
  kioskItems: [],
};

const LOW_VULNERABLE: IntakeAnswers = {
  ...READY_WIDE,
  searchActivities4w: '0',
  startWish: 'undecided',
  willToWork: 2,
  preparation: 'none',
  experience: 'none',
  sinceLastJob: 'never',
  economicHardship: ['livelihood-recipient'],
  fieldDecided: false,
  mobile: false,
};

/** A new case; with the intake's consent to all three groups unless `consent` is false (domain.md §10). */
async function newJobseeker(name = '김하늘', consent = true) {
  const j = await createJobseeker(
    t.store.context,
    counselor,
    {
      name,
      birthYear: 1990,
      gender: null,
      phone: null,
      email: null,
      sido: '11',
      sigungu: null,
      desiredOccupation: null,
      desiredWage: null,
      mobile: false,
    },
    true,
  );
  if (consent)
    await recordConsent(t.store.context, counselor, {
      jobseekerId: j.id,
      channel: 'counter',
      granted: { required: true, optional: true, sensitive: true },
    });
  return j.id;
}

async function count(
  table: 'assessments' | 'counseling_notes' | 'competency_items' | 'outbox' | 'audit_entries',
) {
  const row = await t.store.context.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function auditActions(personId: string) {
  const rows = await t.store.context.db
    .selectFrom('audit_entries')
    .select('action')
    .where('person_id', '=', personId)
    .orderBy('at')
    .execute();
  return rows.map((r) => r.action);
}

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

describe('counseling notes', () => {
  it('never changes a note in place: an edit adds a revision and the old text stays', async () => {
    const id = await newJobseeker();
    let file = await addNote(t.store.context, counselor, { jobseekerId: id, kind: 'phone', body: '첫 통화' });
    const noteId = file.notes[0]?.latestId ?? '';
    file = await reviseNote(t.store.context, counselor, {
      noteId,
      kind: 'in-person',
      body: '첫 통화 (방문으로 정정)',
    });
    expect(file.notes).toHaveLength(1);
    expect(file.notes[0]?.body).toBe('첫 통화 (방문으로 정정)');
    expect(file.notes[0]?.revisions.map((r) => [r.revision, r.body])).toEqual([
      [1, '첫 통화'],
      [2, '첫 통화 (방문으로 정정)'],
    ]);
    const rows = await t.store.context.db
      .selectFrom('counseling_notes')
      .selectAll()
      .orderBy('revision')
      .execute();
    expect(rows.map((r) => r.body)).toEqual(['첫 통화', '첫 통화 (방문으로 정정)']);
    await expect(
      t.store.context.db.updateTable('counseling_notes').set({ body: 'tampered' }).execute(),
    ).rejects.toThrow(/append-only/);
    // Editing an old revision is refused: the counselor would overwrite a later edit unseen.
    await expect(
      reviseNote(t.store.context, counselor, { noteId, kind: 'phone', body: 'x' }),
    ).rejects.toMatchObject({ error: { message: 'notes.staleRevision' } });
    // Another counselor may not rewrite it; a supervisor may (and the trail shows who).
    await expect(
      reviseNote(t.store.context, other, { noteId: file.notes[0]?.latestId ?? '', kind: 'phone', body: 'x' }),
    ).rejects.toMatchObject({ error: { code: 'forbidden' } });
    expect(await auditActions(id)).toEqual(expect.arrayContaining(['note.create', 'note.revise']));
  });
});

describe('consent', () => {
  it('records each group with notice version, channel and counselor; a withdrawal is a new entry', async () => {
    const id = await newJobseeker('김하늘', false);
    let file = await recordConsent(t.store.context, counselor, {
      jobseekerId: id,
      channel: 'counter',
      granted: { required: true, optional: false, sensitive: true },
    });
    expect(file.consent.current.sensitive).toMatchObject({
      granted: true,
      noticeVersion: '2026-01',
      channel: 'counter',
    });
    expect(file.consent.current.optional?.granted).toBe(false);
    file = await recordConsent(t.store.context, counselor, {
      jobseekerId: id,
      channel: 'counter',
      granted: { sensitive: false },
    });
    expect(file.consent.current.sensitive?.granted).toBe(false);
    expect(file.consent.history).toHaveLength(4);
    expect(await auditActions(id)).toContain('consent.withdraw');
  });
});

const CSV_OK = [
  'kind,title,ncsCode,issuer,startedOn,endedOn,hours,grade,source',
  'qualification,지게차운전기능사,,한국산업인력공단,2020-05-01,,,,q-net',
  'training,용접 실무 과정,15020301,한국폴리텍대학,2021-03-02,2021-08-31,600,,hrd-net',
].join('\n');

describe('competency record', () => {
  it('previews, imports, skips exact duplicates on a second import', async () => {
    const id = await newJobseeker();
    const preview = await previewImport(t.store.context, counselor, {
      jobseekerId: id,
      format: 'csv',
      content: CSV_OK,
    });
    expect(preview.toAdd.map((i) => i.line)).toEqual([2, 3]);
    expect(await count('competency_items')).toBe(0);
    const first = await importCompetency(t.store.context, counselor, {
      jobseekerId: id,
      format: 'csv',
      content: CSV_OK,
    });
    expect(first).toMatchObject({ added: 2, skipped: 0 });
    const again = await importCompetency(t.store.context, counselor, {
      jobseekerId: id,
      format: 'csv',
      content: CSV_OK,
    });
    expect(again).toMatchObject({ added: 0, skipped: 2 });
    expect(again.caseFile.competency).toHaveLength(2);
  });

  it('refuses a file with a bad line, naming the line, and leaves the store untouched', async () => {
    const id = await newJobseeker();
    const bad = `${CSV_OK}\ncareer,물류센터 관리,,㈜한빛,2022-13-01,,,,employment-insurance\n`;
    const before = {
      items: await count('competency_items'),
      outbox: await count('outbox'),
      audit: await count('audit_entries'),
    };
    const { dispatch, desk } = dispatcherFor(t.store);
    const result = await dispatch(desk(counselor), 'casework:import', {
      jobseekerId: id,
      format: 'csv',
      content: bad,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toBe('competency.importRefused');
      expect(result.error.issues).toEqual([{ field: 'line:4:startedOn', message: 'competency.error.date' }]);
    }
    expect({
      items: await count('competency_items'),
      outbox: await count('outbox'),
      audit: await count('audit_entries'),
    }).toEqual(before);
  });

  it('issues a certificate whose PDF text holds the name, an item and the verification code', async () => {
    const id = await newJobseeker('박서준');
    const { caseFile } = await importCompetency(t.store.context, counselor, {
      jobseekerId: id,
      format: 'csv',
      content: CSV_OK,
    });
    const chosen = caseFile.competency.filter((i) => i.title === '지게차운전기능사').map((i) => i.id);
    const issued = await issueCertificate(t.store.context, counselor, { jobseekerId: id, itemIds: chosen });
    const pdfPath = join(t.dir, 'cert.pdf');
    writeFileSync(pdfPath, Buffer.from(issued.pdfBase64, 'base64'));
    const text = await pdfText(pdfPath);
    expect(text).toContain('박서준');
    expect(text).toContain('지게차운전기능사');
    expect(text).not.toContain('용접 실무 과정');
    expect(text).toContain('테스트고용센터');
    expect(text).toContain(issued.certificate.verificationCode);
    expect(await auditActions(id)).toContain('certificate.issue');
    const verified = await verifyCertificate(
      t.store.context,
      counselor,
      issued.certificate.verificationCode.toLowerCase(),
    );
    expect(verified).toMatchObject({ valid: true, itemCount: 1, centerName: '테스트고용센터' });
    expect((await verifyCertificate(t.store.context, counselor, 'AAAA-BBBB-CCCC')).valid).toBe(false);
  });
});

describe('case file and caseload', () => {
  it('opening a case is one audited read; the audit chain holds', async () => {
    const id = await newJobseeker();
    await getCaseFile(t.store.context, counselor, id);
    expect((await auditActions(id)).filter((a) => a === 'jobseeker.read')).toHaveLength(1);
    expect((await verifyAuditChain(t.store.context.db)).ok).toBe(true);
  });

  it('lists my jobseekers with overdue reassessments first, grouped and filtered', async () => {
    const overdue = await newJobseeker('가나다');
    const ready = await newJobseeker('라마바');
    await newJobseeker('사아자');
    await saveAssessment(t.store.context, counselor, {
      jobseekerId: overdue,
      answers: LOW_VULNERABLE,
      decision: { kind: 'accepted' },
      reassessDueOn: '2099-01-01',
    });
    await saveAssessment(t.store.context, counselor, {
      jobseekerId: ready,
      answers: READY_WIDE,
      decision: { kind: 'accepted' },
      reassessDueOn: null,
    });
    const base = { query: '', unclassified: false, attentionOnly: false, offset: 0, limit: 50 };
    // Seen from a day after the reassessment date, it is overdue.
    const later = { ...t.store.context, now: () => new Date('2099-02-01T03:00:00Z') };
    const page = await caseload(later, counselor, base);
    expect(page.total).toBe(3);
    expect(page.rows[0]).toMatchObject({ id: overdue, reassessOverdue: true });
    expect(page.overdueReassessments).toBe(1);
    expect(page.groups).toEqual(
      expect.arrayContaining([
        { type: 'ready', track: 'wide-area', count: 1 },
        { type: null, track: null, count: 1 },
      ]),
    );
    expect((await caseload(later, counselor, { ...base, track: 'wide-area' })).rows.map((r) => r.id)).toEqual(
      [ready],
    );
    expect(
      (await caseload(later, counselor, { ...base, attentionOnly: true })).rows.map((r) => r.id),
    ).toEqual([overdue]);
    expect((await caseload(later, counselor, { ...base, query: '라마' })).rows.map((r) => r.id)).toEqual([
      ready,
    ]);
    expect((await caseload(later, other, base)).total).toBe(0);
  });
});
