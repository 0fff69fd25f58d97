import { describe, expect, it } from 'vitest';
import {
  classifyEmployer,
  classifyJobseeker,
  type JobseekerChecklist,
} from '../../../../shared/profiling/index.ts';
import { checkFields, declarationOf, TABLE_DECLARATIONS } from '../../../../shared/sync/tables/index.ts';
import { checkEmployerAssessment, checkJobseekerAssessment } from '../../../../shared/sync/tables/derive.ts';
import { SYNC_TABLES } from '../../../../shared/sync/tables.ts';

// The per-table declarations (shared/sync/tables/) on their own, without a server: what a change of a
// table may hold and who may make it, and the classifications derived again from their inputs.

const now = '2026-03-02T01:02:03.456Z';
const owner = '0190a5f2-1c2d-7e3f-8a4b-5c6d7e8f9a0b';
const jobseeker = {
  reg_no: '26-7F3K-Q9M2',
  center_code: 'SEL01',
  name: '김민수',
  birth_year: 1990,
  gender: null,
  phone: '01012345678',
  email: null,
  sido: '11',
  sigungu: null,
  desired_occupation: null,
  desired_wage: null,
  mobile: 0,
  assigned_counselor_id: owner,
  current_type: null,
  current_track: null,
  registered_at: now,
  created_at: now,
  updated_at: now,
};
const checklist: JobseekerChecklist = {
  searchActivities4w: '0',
  startWish: 'undecided',
  willToWork: 2,
  preparation: 'none',
  experience: 'none',
  sinceLastJob: 'never',
  barriers: ['health', 'caregiving'],
  economicHardship: ['low-income'],
  fieldDecided: false,
  mobile: false,
};

describe('the sync table declarations', () => {
  it('declares every synced table', () => {
    expect(Object.keys(TABLE_DECLARATIONS).sort()).toEqual(Object.keys(SYNC_TABLES).sort());
  });

  it('accepts an honest new case and refuses what does not fit', () => {
    expect(checkFields('jobseekers', 'insert', jobseeker, 'counselor')).toBeNull();
    expect(checkFields('jobseekers', 'insert', { ...jobseeker, vip: true }, 'counselor')).toMatchObject({
      code: 'undeclaredField',
      values: { field: 'vip' },
    });
    expect(
      checkFields('jobseekers', 'insert', { ...jobseeker, phone: '010-1234-5678' }, 'counselor'),
    ).toMatchObject({
      code: 'invalidValue',
    });
    const { name: _name, ...nameless } = jobseeker;
    expect(checkFields('jobseekers', 'insert', nameless, 'counselor')).toMatchObject({
      code: 'missingFields',
    });
    expect(checkFields('jobseekers', 'insert', jobseeker, 'admin')).toMatchObject({ code: 'roleMayNotAdd' });
  });

  it('lets each role change only what it may, and leaves scope columns to their flows', () => {
    expect(checkFields('jobseekers', 'update', { phone: '0212345678' }, 'counselor')).toBeNull();
    expect(checkFields('jobseekers', 'update', { reg_no: '26-AAAA-BBBB' }, 'supervisor')).toMatchObject({
      code: 'notUpdatable',
    });
    expect(checkFields('jobseekers', 'update', { assigned_counselor_id: owner }, 'counselor')).toBeNull();
    expect(checkFields('centers', 'update', { settings: '{}' }, 'counselor')).toMatchObject({
      code: 'roleMayNotChange',
    });
    expect(checkFields('centers', 'update', { settings: '{}' }, 'admin')).toBeNull();
    expect(checkFields('centers', 'update', { settings: '[1]' }, 'admin')).toMatchObject({
      code: 'invalidValue',
    });
  });

  it('marks the columns only the server knows', () => {
    const authored = (table: keyof typeof TABLE_DECLARATIONS) =>
      Object.entries(declarationOf(table).columns)
        .filter(([, c]) => c.author)
        .map(([f, c]) => `${f}:${c.author}`);
    expect(authored('counseling_notes')).toEqual(['author_id:user']);
    expect(authored('audit_entries')).toEqual(['actor_id:user', 'device_id:device', 'center_code:center']);
  });
});

describe('classifications derived again', () => {
  const result = classifyJobseeker(checklist);
  const row = {
    rule_set: result.ruleSet,
    inputs: JSON.stringify({ ...checklist, declined: [], kioskItems: [] }),
    result: JSON.stringify(result),
    type: result.type,
    track: result.track,
    decision: 'accepted',
    final_type: result.type,
    final_track: result.track,
    override_reason_code: null,
    override_reason_text: null,
  };

  it('accepts the rule set’s own result, and an override with its reasons', () => {
    expect(checkJobseekerAssessment(row)).toBeNull();
    const other = result.track === 'wide-area' ? 'training' : 'wide-area';
    const type = other === 'wide-area' ? 'ready' : 'needs-preparation';
    expect(
      checkJobseekerAssessment({
        ...row,
        decision: 'overridden',
        final_track: other,
        final_type: type,
        override_reason_code: 'jobseeker-request',
        override_reason_text: '본인 희망',
      }),
    ).toBeNull();
    expect(checkJobseekerAssessment({ ...row, final_track: other, final_type: type })).toMatchObject({
      code: 'overrideIncomplete',
    });
  });

  it('refuses a stored result the checklist does not give', () => {
    expect(checkJobseekerAssessment({ ...row, track: 'wide-area', type: 'ready' })).toMatchObject({
      code: 'classificationMismatch',
    });
    expect(checkJobseekerAssessment({ ...row, inputs: '{}' })).toMatchObject({
      code: 'classificationMismatch',
    });
    expect(checkJobseekerAssessment({ ...row, rule_set: 'PES-2030' })).toMatchObject({
      code: 'unknownRuleSet',
    });
  });

  it('does the same for employers', () => {
    const profile = {
      uniformConditions: false,
      wage: 'low',
      welfare: 'low',
      recognition: 'low',
      employees: 12,
    } as const;
    const parsed = classifyEmployer(profile);
    const employerRow = {
      rule_set: parsed.ruleSet,
      inputs: JSON.stringify(profile),
      result: JSON.stringify(parsed),
      type: parsed.type,
      decision: 'accepted',
      final_type: parsed.type,
      override_reason_code: null,
      override_reason_text: null,
    };
    expect(checkEmployerAssessment(employerRow)).toBeNull();
    expect(checkEmployerAssessment({ ...employerRow, type: 'talent', final_type: 'talent' })).toMatchObject({
      code: 'classificationMismatch',
    });
  });
});

describe('a signature names the record it signs', () => {
  const check = (kind: string, jobseekerId: string, recordId: string) =>
    declarationOf('signatures').check?.({
      jobseeker_id: jobseekerId,
      document_kind: kind,
      record_id: recordId,
    }) ?? null;
  const person = '0190a000-0000-7000-8000-000000000001';
  const enrolment = '0190a000-0000-7000-8000-000000000002';

  it('takes a case form on the jobseeker itself and the action plan on another record (its enrolment)', () => {
    for (const kind of ['registration', 'consent', 'service-plan'])
      expect(check(kind, person, person)).toBeNull();
    expect(check('action-plan', person, enrolment)).toBeNull();
  });

  it('refuses a case form on another record, and the action plan on the jobseeker', () => {
    for (const kind of ['registration', 'consent', 'service-plan'])
      expect(check(kind, person, enrolment)).toMatchObject({ code: 'invalidValue' });
    expect(check('action-plan', person, person)).toMatchObject({
      code: 'invalidValue',
      values: { field: 'record_id' },
    });
  });
});
