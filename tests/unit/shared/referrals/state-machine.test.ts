import { describe, expect, it } from 'vitest';
import {
  CLOSED_STATES,
  NEW_REFERRAL,
  OPEN_STATES,
  REFERRAL_EVENT_KINDS,
  REFERRAL_STATES,
  TRANSITIONS,
  applyEvent,
  foldReferral,
  nextFollowUp,
  refusalFor,
  refusalMessageKey,
  type ReferralEventKind,
  type ReferralEventLike,
  type ReferralStateOrNew,
  type ReferralStatus,
} from '../../../../shared/referrals/state-machine.ts';

// Every allowed and every refused transition of domain.md §6, written out as the table a counselor
// would read, independently of TRANSITIONS, so a change to the machine has to change this table too.

const EXPECTED: Record<ReferralStateOrNew, ReferralEventKind[]> = {
  new: ['proposed'],
  proposed: ['referred', 'declined', 'no-show', 'cancelled'],
  referred: ['interview', 'hired', 'not-hired', 'declined', 'no-show', 'cancelled'],
  interview: ['interview', 'hired', 'not-hired', 'declined', 'no-show', 'cancelled'],
  hired: ['follow-up'],
  'not-hired': [],
  declined: [],
  'no-show': [],
  cancelled: [],
};

/** A status in the given state, reached by the shortest valid path. */
function statusIn(state: ReferralStateOrNew): ReferralStatus {
  const paths: Record<ReferralStateOrNew, ReferralEventKind[]> = {
    new: [],
    proposed: ['proposed'],
    referred: ['proposed', 'referred'],
    interview: ['proposed', 'referred', 'interview'],
    hired: ['proposed', 'referred', 'interview', 'hired'],
    'not-hired': ['proposed', 'referred', 'interview', 'not-hired'],
    declined: ['proposed', 'declined'],
    'no-show': ['proposed', 'referred', 'no-show'],
    cancelled: ['proposed', 'cancelled'],
  };
  const status = foldReferral(
    paths[state].map((kind, i) => ({ kind, at: `2026-01-0${i + 1}T09:00:00.000Z`, data: {} })),
  );
  expect(status.state).toBe(state);
  expect(status.anomalies).toBe(0);
  return status;
}

function dataFor(kind: ReferralEventKind) {
  return kind === 'follow-up' ? { months: 1 as const, employed: true } : {};
}

describe('the referral state machine', () => {
  it('declares exactly the transitions of the lifecycle', () => {
    expect(TRANSITIONS).toEqual(EXPECTED);
  });

  const states = ['new', ...REFERRAL_STATES] as ReferralStateOrNew[];
  for (const state of states) {
    for (const kind of REFERRAL_EVENT_KINDS) {
      const allowed = EXPECTED[state].includes(kind);
      it(`${allowed ? 'allows' : 'refuses'} ${kind} from ${state}`, () => {
        const status = statusIn(state);
        const refusal = refusalFor(status, { kind, data: dataFor(kind) });
        if (allowed) {
          expect(refusal).toBeNull();
          const next = applyEvent(status, { kind, at: '2026-02-01T09:00:00.000Z', data: dataFor(kind) });
          expect(next.state).toBe(kind === 'follow-up' ? 'hired' : kind);
        } else {
          expect(refusal).toMatchObject({ reason: 'not-allowed', state, kind });
          expect(refusalMessageKey(refusal as NonNullable<typeof refusal>)).toBe(
            `referrals.refused.${state}`,
          );
        }
      });
    }
  }

  it('lets declined, no-show and cancelled end every open state, and nothing follows a closed one', () => {
    for (const open of OPEN_STATES) {
      for (const end of ['declined', 'no-show', 'cancelled'] as const) {
        expect(refusalFor(statusIn(open), { kind: end, data: {} })).toBeNull();
      }
    }
    for (const closed of CLOSED_STATES) expect(TRANSITIONS[closed]).toEqual([]);
  });

  it('refuses an unknown event kind', () => {
    expect(refusalFor(statusIn('referred'), { kind: 'teleported', data: {} })).toMatchObject({
      reason: 'not-allowed',
    });
  });

  it('records each follow-up once, needs months and employment, and stops after "no longer employed"', () => {
    let status = statusIn('hired');
    expect(refusalFor(status, { kind: 'follow-up', data: { months: 2 as never, employed: true } })).toEqual({
      reason: 'follow-up-months',
      months: 2,
    });
    expect(refusalFor(status, { kind: 'follow-up', data: { months: 1 } })).toMatchObject({
      reason: 'follow-up-months',
    });
    status = applyEvent(status, {
      kind: 'follow-up',
      at: '2026-02-05T00:00:00Z',
      data: { months: 1, employed: true },
    });
    const twice = refusalFor(status, { kind: 'follow-up', data: { months: 1, employed: true } });
    expect(twice).toEqual({ reason: 'follow-up-recorded', months: 1 });
    expect(refusalMessageKey(twice as NonNullable<typeof twice>)).toBe('referrals.refused.followUpRecorded1');
    status = applyEvent(status, {
      kind: 'follow-up',
      at: '2026-04-05T00:00:00Z',
      data: { months: 3, employed: false },
    });
    const ended = refusalFor(status, { kind: 'follow-up', data: { months: 6, employed: true } });
    expect(ended).toEqual({ reason: 'follow-up-ended' });
    expect(nextFollowUp(status)).toBeNull();
  });

  it('keeps the hire time, the interview date and the follow-ups in the folded status', () => {
    const events: ReferralEventLike[] = [
      { kind: 'proposed', at: '2026-01-01T00:00:00Z', data: {} },
      { kind: 'referred', at: '2026-01-02T00:00:00Z', data: {} },
      { kind: 'interview', at: '2026-01-03T00:00:00Z', data: { interviewOn: '2026-01-10' } },
      { kind: 'hired', at: '2026-01-31T00:00:00Z', data: {} },
    ];
    const status = foldReferral(events);
    expect(status).toMatchObject({
      state: 'hired',
      stateAt: '2026-01-31T00:00:00Z',
      hiredAt: '2026-01-31T00:00:00Z',
      interviewOn: '2026-01-10',
      anomalies: 0,
    });
    expect(nextFollowUp(status)).toEqual({ months: 1, dueOn: '2026-02-28' });
    const after = foldReferral([
      ...events,
      { kind: 'follow-up', at: '2026-03-01T00:00:00Z', data: { months: 1, employed: true } },
    ]);
    expect(nextFollowUp(after)).toEqual({ months: 3, dueOn: '2026-04-30' });
  });

  it('counts events that do not follow as anomalies without applying them', () => {
    const status = foldReferral([
      { kind: 'proposed', at: '2026-01-01T00:00:00Z', data: {} },
      { kind: 'hired', at: '2026-01-02T00:00:00Z', data: {} },
    ]);
    expect(status.state).toBe('proposed');
    expect(status.anomalies).toBe(1);
    expect(NEW_REFERRAL.state).toBe('new');
  });
});
