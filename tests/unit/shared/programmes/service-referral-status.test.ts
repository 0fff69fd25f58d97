import { describe, expect, it } from 'vitest';
import { CURRENT_CATALOGUE } from '../../../../shared/programmes/catalogue.ts';
import {
  SERVICE_REFERRAL_STATUSES,
  isClosed,
  mayTransition,
  nextStatuses,
  pathProblem,
  planStepOf,
  targetProblem,
  transitionProblem,
  type ServiceReferralStatus,
} from '../../../../shared/programmes/service-referral-status.ts';

// The service referral's status machine (issue 17 item 4) and the rules the desk, the server and the
// declaration share: which steps follow which, a step's day and reason, a row's days telling its path,
// a target naming something real in the catalogue, and the plan step a completion closes.

const V = CURRENT_CATALOGUE.version;

describe('the status machine', () => {
  it('allows exactly referred → accepted | declined → started → completed | dropped', () => {
    const allowed: string[] = [];
    for (const from of SERVICE_REFERRAL_STATUSES)
      for (const to of SERVICE_REFERRAL_STATUSES) if (mayTransition(from, to)) allowed.push(`${from}>${to}`);
    expect(allowed.sort()).toEqual(
      [
        'referred>accepted',
        'referred>declined',
        'accepted>started',
        'started>completed',
        'started>dropped',
      ].sort(),
    );
  });

  it('ends at declined, completed and dropped', () => {
    const closed = SERVICE_REFERRAL_STATUSES.filter(isClosed);
    expect(closed).toEqual(['declined', 'completed', 'dropped']);
    expect(nextStatuses('completed')).toEqual([]);
  });
});

describe('a step', () => {
  const base = {
    from: 'started' as ServiceReferralStatus,
    to: 'completed' as ServiceReferralStatus,
    on: '2026-11-20',
    previousOn: '2026-10-01',
    today: '2026-12-05',
    reasonCode: null,
    reasonText: null,
  };

  it('is fine when allowed, dated between the previous step and today', () => {
    expect(transitionProblem(base)).toBeNull();
    expect(transitionProblem({ ...base, on: '2026-10-01' })).toBeNull();
    expect(transitionProblem({ ...base, on: '2026-12-05' })).toBeNull();
  });

  it('refuses a forbidden step, a day before the previous step or after today', () => {
    expect(transitionProblem({ ...base, from: 'referred' })).toBe('notAllowed');
    expect(transitionProblem({ ...base, from: 'completed', to: 'dropped' })).toBe('notAllowed');
    expect(transitionProblem({ ...base, on: '2026-09-30' })).toBe('beforePrevious');
    expect(transitionProblem({ ...base, on: '2026-12-06' })).toBe('inFuture');
  });

  it('needs a reason for a decline or a drop-out, and the words for "other"', () => {
    const declined = { ...base, from: 'referred' as const, to: 'declined' as const };
    expect(transitionProblem(declined)).toBe('reasonRequired');
    expect(transitionProblem({ ...declined, reasonCode: 'no-place' })).toBeNull();
    expect(transitionProblem({ ...declined, reasonCode: 'other', reasonText: '  ' })).toBe(
      'reasonTextRequired',
    );
    expect(transitionProblem({ ...declined, reasonCode: 'other', reasonText: '기관 휴관' })).toBeNull();
    expect(transitionProblem({ ...base, to: 'dropped' })).toBe('reasonRequired');
  });
});

describe('a row’s days', () => {
  const completed = {
    status: 'completed',
    referred_on: '2026-09-01',
    accepted_on: '2026-09-03',
    declined_on: null,
    started_on: '2026-09-10',
    completed_on: '2026-11-20',
    dropped_on: null,
  };

  it('tell the path to its status', () => {
    expect(pathProblem(completed)).toBeNull();
    expect(pathProblem({ status: 'referred', referred_on: '2026-09-01' })).toBeNull();
    expect(
      pathProblem({
        status: 'declined',
        referred_on: '2026-09-01',
        declined_on: '2026-09-02',
        close_reason_code: 'no-place',
      }),
    ).toBeNull();
  });

  it('refuse a status without its steps, a day off the path, days out of order, a decline without a reason', () => {
    expect(pathProblem({ ...completed, started_on: null })).toBe('started_on');
    expect(pathProblem({ ...completed, declined_on: '2026-09-02' })).toBe('declined_on');
    expect(pathProblem({ ...completed, completed_on: '2026-09-05' })).toBe('completed_on');
    expect(pathProblem({ status: 'declined', referred_on: '2026-09-01', declined_on: '2026-09-02' })).toBe(
      'close_reason_code',
    );
    expect(pathProblem({ ...completed, status: 'vanished' })).toBe('status');
  });
});

describe('the target and its plan step, against the catalogue', () => {
  const training = {
    kind: 'training' as const,
    programmeCode: 'training-naeil',
    providerCode: null,
    providerName: null,
    courseName: '용접 기초',
  };

  it('takes a training course (with its name), work experience, a catalogue provider or a local one', () => {
    expect(targetProblem(training, V)).toBeNull();
    expect(targetProblem({ ...training, providerCode: 'training-institution' }, V)).toBeNull();
    expect(
      targetProblem(
        { ...training, kind: 'work-experience', programmeCode: 'work-experience-trial', courseName: null },
        V,
      ),
    ).toBeNull();
    const agency = {
      kind: 'partner-agency' as const,
      programmeCode: null,
      providerCode: 'saeil-center',
      providerName: null,
      courseName: null,
    };
    expect(targetProblem(agency, V)).toBeNull();
    expect(targetProblem({ ...agency, providerCode: null, providerName: '○○구 여성회관' }, V)).toBeNull();
    expect(
      targetProblem({ ...agency, kind: 'welfare-resource', providerCode: 'microfinance' }, V),
    ).toBeNull();
  });

  it('refuses what the catalogue does not have or of another kind', () => {
    expect(targetProblem({ ...training, courseName: ' ' }, V)).toBe('course_name');
    expect(targetProblem({ ...training, programmeCode: 'group-cap' }, V)).toBe('programme_code');
    expect(targetProblem({ ...training, providerCode: 'saeil-center' }, V)).toBe('provider_code');
    expect(targetProblem(training, 'PRG-1999-v1')).toBe('catalogue_version');
    const agency = {
      kind: 'partner-agency' as const,
      programmeCode: null,
      providerCode: 'microfinance',
      providerName: null,
      courseName: null,
    };
    expect(targetProblem(agency, V)).toBe('provider_code');
    expect(targetProblem({ ...agency, providerCode: null }, V)).toBe('provider_name');
  });

  it('closes the programme’s completion step, else its plan step, else the provider’s', () => {
    expect(planStepOf(training, V)).toBe('trainingCompletion');
    expect(
      planStepOf({ ...training, kind: 'work-experience', programmeCode: 'work-experience-intern' }, V),
    ).toBe('workExperience');
    expect(
      planStepOf(
        { ...training, kind: 'partner-agency', programmeCode: null, providerCode: 'saeil-center' },
        V,
      ),
    ).toBe('welfareLink');
    expect(
      planStepOf(
        { ...training, kind: 'welfare-resource', programmeCode: null, providerName: '동 주민센터' },
        V,
      ),
    ).toBe('welfareLink');
  });
});
