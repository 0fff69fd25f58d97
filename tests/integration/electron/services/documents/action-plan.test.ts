import { beforeAll, describe, expect, it } from 'vitest';
import {
  CHANGED_MARK,
  SIGNED_MARK,
  UNSIGNED_MARK,
} from '../../../../../electron/services/documents/form-pdf.ts';
import { contentHash } from '../../../../../electron/services/documents/signatures.ts';
import type { SessionInfo } from '../../../../../shared/contract/auth.ts';
import type { EnrolmentView } from '../../../../../shared/contract/programmes.ts';
import type { AppError, Result } from '../../../../../shared/contract/result.ts';
import type {
  DocumentView,
  RenderedDocument,
  SignatureStatus,
} from '../../../../../shared/documents/kinds.ts';
import { pdfText } from '../../../../support/pdf-text.ts';
import { SIGNATURE_BASE64 } from '../../../../support/signature-png.ts';
import { dispatchStore } from '../../../../support/casework-store.ts';

// The Individual Action Plan as a signed form (취업활동계획서, issue 17 item 2) on a real encrypted store
// through the real dispatcher: its record is the programme enrolment; the content names the jobseeker,
// the programme and its edition, the goals and each activity with who and when, and the agreed day; a
// draft prints but is not signed; the agreed plan is signed (the row names the jobseeker AND the
// enrolment, queued for sync), shows in the PDF, and reads as changed once the plan is revised; another
// center's enrolment is not found; printing, viewing and signing are audited on the enrolment.

const { t, f, call } = dispatchStore();
let enrolmentId: string;

async function ok<T>(name: string, input: unknown, s: SessionInfo = f.sessions.counselor): Promise<T> {
  const r: Result<unknown> = await call(s, name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function refused(
  name: string,
  input: unknown,
  s: SessionInfo = f.sessions.counselor,
): Promise<AppError> {
  const r: Result<unknown> = await call(s, name, input);
  if (r.ok) throw new Error(`${name} should be refused`);
  return { ...r.error, message: r.error.message.split('|')[0] ?? '' };
}

const view = () => ok<DocumentView>('documents:view', { kind: 'action-plan', recordId: enrolmentId });

async function printed() {
  const out = await ok<RenderedDocument>('documents:print', { kind: 'action-plan', recordId: enrolmentId });
  const bytes = Buffer.from(out.pdfBase64, 'base64');
  return { out, bytes, text: (await pdfText(bytes)).replace(/\s+/g, ' ') };
}

async function lastAudit(action: string) {
  return t.store.db
    .selectFrom('audit_entries')
    .select(['subject_type', 'subject_id', 'person_id', 'detail'])
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
}

const items = [
  {
    activity: '이력서·자기소개서 작성',
    who: 'jobseeker',
    partner: null,
    from: '2026-11-04',
    to: '2026-11-15',
  },
  {
    activity: '직업훈련 상담',
    who: 'partner',
    partner: 'training-institution',
    from: '2026-11-10',
    to: '2026-11-20',
  },
];

beforeAll(async () => {
  const jobseekerId = f.own.jobseekerId;
  const e = await ok<EnrolmentView>('programmes:enrol', { jobseekerId, programmeCode: 'nes-1' });
  enrolmentId = e.id;
  await ok('casework:recordConsent', { jobseekerId, granted: { sensitive: true } });
  await ok('programmes:precheck', {
    enrolmentId,
    inputs: { age: 41, householdIncomePct: 55, assetsBand: 'under-400m', recentWorkDays: 240 },
  });
  await ok('programmes:decide', { enrolmentId, decision: 'admit', reasonCode: 'meets-rules' });
  await ok('programmes:move', { enrolmentId, to: 'plan', on: '2026-11-03' });
});

describe('the action plan as a form', () => {
  it('has no form before a plan is saved', async () => {
    expect((await refused('documents:view', { kind: 'action-plan', recordId: enrolmentId })).message).toBe(
      'documents.error.noActionPlan',
    );
  });

  it('prints a draft with its content, audited on the enrolment, but does not sign it', async () => {
    await ok('programmes:savePlan', { enrolmentId, goals: ['물류 사무직 취업'], items });
    const v = await view();
    expect(v.content).toMatchObject({
      kind: 'action-plan',
      recordId: enrolmentId,
      title: '취업활동계획서',
      personId: f.own.jobseekerId,
    });
    const flat = JSON.stringify(v.content.sections);
    for (const part of [
      '김하늘',
      '국민취업지원제도',
      'PRG-2026-v1',
      '물류 사무직 취업',
      '이력서·자기소개서 작성',
      '2026-11-04 ~ 2026-11-15',
      '담당 구직자',
      '담당 연계 기관: 직업훈련기관',
      '합의 전',
    ])
      expect(flat).toContain(part);
    // The partner's catalogue code reads as the agency's name.
    expect(flat).not.toContain('training-institution');
    expect(v.signature).toMatchObject({ state: 'unsigned', currentHash: contentHash(v.content) });
    expect((await view()).signature?.currentHash).toBe(v.signature?.currentHash);

    const { out, text } = await printed();
    expect(out.fileName).toMatch(/^취업활동계획서_\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(text).toContain('취업활동계획서');
    expect(text).toContain('물류 사무직 취업');
    expect(text).toContain(UNSIGNED_MARK);
    const audit = await lastAudit('document.print');
    expect(audit).toMatchObject({
      subject_type: 'programme_enrolment',
      subject_id: enrolmentId,
      person_id: f.own.jobseekerId,
    });

    const draft = await refused('documents:sign', {
      kind: 'action-plan',
      recordId: enrolmentId,
      documentHash: v.signature?.currentHash,
      imagePng: SIGNATURE_BASE64,
    });
    expect(draft.message).toBe('documents.error.planNotAgreed');
    const rows = await t.store.db.selectFrom('signatures').select('id').execute();
    expect(rows).toHaveLength(0);
  });

  it('signs the agreed plan: the row names the jobseeker and the enrolment, synced and audited', async () => {
    const draftHash = (await view()).signature?.currentHash;
    await ok('programmes:agreePlan', { enrolmentId, on: '2026-11-04' });
    const v = await view();
    // Agreeing is part of what is signed.
    expect(v.signature?.currentHash).not.toBe(draftHash);
    expect(JSON.stringify(v.content.sections)).toContain('2026-11-04');
    // A stale hash (the draft the jobseeker read) is not signed.
    const stale = await refused('documents:sign', {
      kind: 'action-plan',
      recordId: enrolmentId,
      documentHash: draftHash,
      imagePng: SIGNATURE_BASE64,
    });
    expect(stale.message).toBe('documents.error.changedWhileReading');
    const signed = await ok<SignatureStatus>('documents:sign', {
      kind: 'action-plan',
      recordId: enrolmentId,
      documentHash: v.signature?.currentHash,
      imagePng: SIGNATURE_BASE64,
    });
    expect(signed.state).toBe('signed');
    const row = await t.store.db.selectFrom('signatures').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      jobseeker_id: f.own.jobseekerId,
      record_id: enrolmentId,
      document_kind: 'action-plan',
      document_sha256: v.signature?.currentHash,
    });
    const outbox = await t.store.db
      .selectFrom('outbox')
      .select(['row_id', 'fields'])
      .where('table_name', '=', 'signatures')
      .execute();
    expect(outbox.map((o) => o.row_id)).toEqual([row.id]);
    expect(JSON.parse(String(outbox[0]?.fields))).toMatchObject({
      jobseeker_id: f.own.jobseekerId,
      record_id: enrolmentId,
    });
    const audit = await lastAudit('document.sign');
    expect(audit.person_id).toBe(f.own.jobseekerId);
    expect(JSON.parse(String(audit.detail))).toMatchObject({ kind: 'action-plan' });

    expect((await view()).signature?.state).toBe('signed');
    const { text, bytes } = await printed();
    expect(text).toContain(SIGNED_MARK);
    expect(bytes.includes(Buffer.from('/Subtype /Image'))).toBe(true);
    // The case forms are not signed by it: the jobseeker's own registration stays unsigned.
    const reg = await ok<DocumentView>('documents:view', {
      kind: 'registration',
      recordId: f.own.jobseekerId,
    });
    expect(reg.signature?.state).toBe('unsigned');
  });

  it('reads as changed once the plan is revised, and signed again once the new plan is agreed and signed', async () => {
    await ok('programmes:savePlan', { enrolmentId, goals: ['물류 사무직 취업', '운전면허 취득'], items });
    const changed = await view();
    expect(changed.signature?.state).toBe('changed');
    const { text } = await printed();
    expect(text).toContain(CHANGED_MARK);
    await ok('programmes:agreePlan', { enrolmentId, on: '2026-11-06' });
    const agreed = await view();
    expect(agreed.signature?.state).toBe('changed');
    await ok('documents:sign', {
      kind: 'action-plan',
      recordId: enrolmentId,
      documentHash: agreed.signature?.currentHash,
      imagePng: SIGNATURE_BASE64,
    });
    expect((await view()).signature?.state).toBe('signed');
  });

  it('answers another center’s counselor, and a jobseeker id given as the plan’s record, as not found', async () => {
    const other = f.otherCounselor;
    expect(
      (await refused('documents:view', { kind: 'action-plan', recordId: enrolmentId }, other)).code,
    ).toBe('not-found');
    expect(
      (await refused('documents:print', { kind: 'action-plan', recordId: enrolmentId }, other)).code,
    ).toBe('not-found');
    const hash = (await view()).signature?.currentHash;
    const foreign = await refused(
      'documents:sign',
      { kind: 'action-plan', recordId: enrolmentId, documentHash: hash, imagePng: SIGNATURE_BASE64 },
      other,
    );
    expect(foreign.code).toBe('not-found');
    const wrongRecord = await refused('documents:sign', {
      kind: 'action-plan',
      recordId: f.own.jobseekerId,
      documentHash: hash,
      imagePng: SIGNATURE_BASE64,
    });
    expect(wrongRecord.code).toBe('not-found');
  });
});
