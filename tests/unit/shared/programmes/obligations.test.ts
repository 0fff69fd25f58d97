import { describe, expect, it } from 'vitest';
import { programmeOf } from '../../../../shared/programmes/catalogue.ts';
import {
  complianceReasonFits,
  decisionsInForce,
  obligationPeriods,
  type RecordedDecision,
} from '../../../../shared/programmes/obligations.ts';

const nes1 = programmeOf('nes-1');
if (!nes1) throw new Error('nes-1 missing');

describe('obligation periods', () => {
  it('gives the catalogue’s periods from the service start, or the center’s within limits', () => {
    expect(obligationPeriods(nes1, null)).toEqual([]);
    const p = obligationPeriods(nes1, '2026-03-01');
    expect(p).toHaveLength(6);
    expect(p[0]).toEqual({
      obligation: 'job-search-report',
      period: 1,
      from: '2026-03-01',
      to: '2026-03-30',
      dueOn: '2026-03-30',
    });
    expect(p[1]?.from).toBe('2026-03-31');
    const centre = obligationPeriods(nes1, '2026-03-01', {
      'nes-1.obligations.job-search-report.intervalDays': 14,
      'nes-1.obligations.job-search-report.periods': 2,
    });
    expect(centre.map((x) => x.dueOn)).toEqual(['2026-03-14', '2026-03-28']);
  });

  it('needs a reason for not met', () => {
    expect(complianceReasonFits('not-met', null)).toBe(false);
    expect(complianceReasonFits('not-met', 'no-report')).toBe(true);
    expect(complianceReasonFits('met', null)).toBe(true);
    expect(complianceReasonFits('met', 'no-report')).toBe(false);
  });

  it('keeps the first decision of a period and replaces it only by a correction naming it', () => {
    const d = (
      id: string,
      seq: number,
      decision: 'met' | 'not-met',
      corrects: string | null = null,
    ): RecordedDecision => ({
      id,
      obligation_code: 'job-search-report',
      period_no: 1,
      decision,
      corrects,
      seq,
      created_at: `2026-04-0${id.length}T00:00:00Z`,
    });
    const held = decisionsInForce([d('b', 0, 'not-met'), d('a', 5, 'met')]).get('job-search-report#1');
    expect(held?.decision.id).toBe('a');
    expect(held?.conflict.map((c) => c.id)).toEqual(['b']);
    const fixed = decisionsInForce([d('a', 5, 'met'), d('cc', 6, 'not-met', 'a')]).get('job-search-report#1');
    expect(fixed?.decision.id).toBe('cc');
    expect(fixed?.conflict).toEqual([]);
  });
});
