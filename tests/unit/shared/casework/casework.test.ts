import { describe, expect, it } from 'vitest';
import { competencyKey, parseCompetencyFile } from '../../../../shared/casework/competency.ts';
import {
  checklistFromAnswers,
  decisionSchema,
  intakeAnswersSchema,
  isConversion,
  proposedReassessment,
  readStoredInputs,
  typeOfTrack,
  type IntakeAnswers,
} from '../../../../shared/casework/intake.ts';
import { SERVICE_PLAN_STEPS, stepsOf } from '../../../../shared/casework/service-plan.ts';
import { classifyJobseeker, JOBSEEKER_TRACK_VALUES } from '../../../../shared/profiling/index.ts';

const ANSWERS: IntakeAnswers = {
  searchActivities4w: '0',
  startWish: 'undecided',
  willToWork: 2,
  preparation: 'none',
  experience: 'none',
  sinceLastJob: 'never',
  barriers: ['health'],
  economicHardship: ['livelihood-recipient'],
  fieldDecided: false,
  mobile: false,
  declined: [],
  kioskItems: [],
};

describe('intake answers', () => {
  it('classifies a declined sensitive item as absent', () => {
    const declined = { ...ANSWERS, economicHardship: [], declined: ['economicHardship' as const] };
    expect(classifyJobseeker(checklistFromAnswers(ANSWERS)).track).toBe('integrated-case-management');
    expect(classifyJobseeker(checklistFromAnswers(declined)).economic).toBe('stable');
    expect(classifyJobseeker(checklistFromAnswers(declined)).track).toBe('counseling');
  });

  it('refuses answers for an item marked declined', () => {
    const r = intakeAnswersSchema.safeParse({ ...ANSWERS, declined: ['barriers'] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('intake.declinedHasAnswers');
  });

  it('reads stored inputs of older rows that hold a bare checklist', () => {
    const { declined: _d, kioskItems: _k, ...bare } = ANSWERS;
    const read = readStoredInputs(JSON.stringify(bare));
    expect(read.declined).toEqual([]);
    expect(read.kioskItems).toEqual([]);
    expect(read.willToWork).toBe(2);
  });
});

describe('decision', () => {
  it('requires a reason code and a non-blank text to override', () => {
    expect(decisionSchema.safeParse({ kind: 'accepted' }).success).toBe(true);
    const base = {
      kind: 'overridden',
      track: 'training',
      reasonCode: 'jobseeker-request',
      reasonText: '희망',
    };
    expect(decisionSchema.safeParse(base).success).toBe(true);
    expect(decisionSchema.safeParse({ ...base, reasonText: '   ' }).error?.issues[0]?.message).toBe(
      'intake.override.reasonTextRequired',
    );
    expect(decisionSchema.safeParse({ ...base, reasonCode: undefined }).error?.issues[0]?.message).toBe(
      'intake.override.reasonCodeRequired',
    );
    expect(decisionSchema.safeParse({ ...base, track: 'nowhere' }).success).toBe(false);
  });

  it('maps tracks to types, conversions and reassessment dates', () => {
    expect(typeOfTrack('wide-area')).toBe('ready');
    expect(typeOfTrack('local')).toBe('ready');
    expect(typeOfTrack('training')).toBe('needs-preparation');
    expect(isConversion('needs-preparation', 'ready')).toBe(true);
    expect(isConversion(null, 'ready')).toBe(false);
    expect(isConversion('ready', 'ready')).toBe(false);
    expect(proposedReassessment('wide-area', '2026-03-02')).toBeNull();
    expect(proposedReassessment('counseling', '2026-03-02')).toBe('2026-06-02');
    expect(proposedReassessment('training', '2026-08-31')).toBe('2027-02-28');
  });

  it('has service-plan steps for every track, the needs-preparation ones ending in a reassessment', () => {
    for (const track of JOBSEEKER_TRACK_VALUES) {
      expect(stepsOf(track).length).toBeGreaterThan(0);
      if (typeOfTrack(track) === 'needs-preparation') expect(stepsOf(track).at(-1)).toBe('reassessment');
    }
    expect(Object.keys(SERVICE_PLAN_STEPS).sort()).toEqual([...JOBSEEKER_TRACK_VALUES].sort());
  });
});

describe('competency import parsing', () => {
  it('reads CSV with Korean headers and aliases, and normalises dates', () => {
    const csv =
      '\uFEFF구분,명칭,NCS코드,발급기관,시작일,종료일,시간,등급,출처\n자격,정보처리기사,20010202,한국산업인력공단,2021.06.30,,,,큐넷\n';
    const r = parseCompetencyFile('csv', csv);
    expect(r.errors).toEqual([]);
    expect(r.items[0]).toEqual({
      line: 2,
      fields: {
        kind: 'qualification',
        title: '정보처리기사',
        ncsCode: '20010202',
        issuer: '한국산업인력공단',
        startedOn: '2021-06-30',
        endedOn: null,
        hours: null,
        grade: null,
        source: 'q-net',
      },
    });
  });

  it('names the line of every bad CSV row, counting quoted line breaks', () => {
    const csv = [
      'kind,title,ncsCode,issuer,startedOn,endedOn,hours,grade,source',
      'training,"두 줄',
      '명칭",,기관,2021-01-01,2020-01-01,,,hrd-net',
      'career,경력,99,,,,,,self-reported',
      'career,경력,,,,,-3,,self-reported',
      'career,열이 모자람',
    ].join('\n');
    const r = parseCompetencyFile('csv', csv);
    expect(r.errors.map((e) => [e.line, e.message])).toEqual([
      [2, 'competency.error.dateOrder'],
      [4, 'competency.error.ncsCode'],
      [5, 'competency.error.hours'],
      [6, 'competency.error.columns'],
    ]);
  });

  it('names the line where each bad JSON item starts', () => {
    const json =
      '{\n  "format": "caseworker-competency",\n  "items": [\n    { "kind": "자격", "title": "A", "source": "q-net" },\n    {\n      "kind": "hobby", "title": "B", "source": "q-net"\n    }\n  ]\n}';
    const r = parseCompetencyFile('json', json);
    expect(r.items.map((i) => i.line)).toEqual([4]);
    expect(r.errors).toEqual([{ line: 5, field: 'kind', message: 'competency.error.kind' }]);
    expect(parseCompetencyFile('json', '{ "items": [').errors[0]?.message).toBe('competency.error.json');
    expect(parseCompetencyFile('json', '[]').errors[0]?.message).toBe('competency.error.noItems');
  });

  it('treats items equal in every field as duplicates', () => {
    const [a, b] = parseCompetencyFile(
      'json',
      '[{"kind":"career","title":" 물류 ","source":"self-reported"},{"kind":"경력","title":"물류","source":"본인신고"}]',
    ).items;
    expect(a && b && competencyKey(a.fields) === competencyKey(b.fields)).toBe(true);
  });
});
