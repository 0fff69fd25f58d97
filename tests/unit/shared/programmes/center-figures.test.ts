import { describe, expect, it } from 'vitest';
import { programmeOf } from '../../../../shared/programmes/catalogue.ts';
import {
  adjustableFigures,
  centerFiguresFrom,
  checkCenterFigures,
  figureValue,
  withCenterFigures,
} from '../../../../shared/programmes/center-figures.ts';

describe('center figures', () => {
  it('lists only figures with limits: stage deadlines and obligations of 국민취업지원제도', () => {
    const keys = adjustableFigures().map((f) => f.key);
    expect(keys).toContain('nes-1.stageDeadlineDays.plan');
    expect(keys).toContain('nes-1.obligations.job-search-report.intervalDays');
    expect(keys).toContain('nes-2.obligations.job-search-report.periods');
    // Allowance amounts and eligibility limits carry no min/max: not a center's to set.
    expect(keys.some((k) => k.includes('.allowance') || k.includes('.eligibility.'))).toBe(false);
  });

  it('refuses values outside the catalogue limits and unknown figures, saying the limits', () => {
    expect(checkCenterFigures({ 'nes-1.stageDeadlineDays.plan': 45 })).toEqual([]);
    expect(checkCenterFigures({ 'nes-1.stageDeadlineDays.plan': 91 })).toEqual([
      { key: 'nes-1.stageDeadlineDays.plan', problem: 'range', min: 7, max: 90 },
    ]);
    expect(checkCenterFigures({ 'nes-1.obligations.job-search-report.intervalDays': 13 })[0]).toMatchObject({
      problem: 'range',
      min: 14,
      max: 60,
    });
    expect(checkCenterFigures({ 'nes-1.allowance.monthlyKrw': 1 })[0]?.problem).toBe('unknown');
  });

  it('uses a center value inside the limits and the catalogue value otherwise', () => {
    const nes1 = programmeOf('nes-1');
    if (!nes1) throw new Error('nes-1 missing');
    expect(figureValue(nes1, ['stageDeadlineDays', 'plan'])).toBe(30);
    expect(figureValue(nes1, ['stageDeadlineDays', 'plan'], { 'nes-1.stageDeadlineDays.plan': 45 })).toBe(45);
    expect(figureValue(nes1, ['stageDeadlineDays', 'plan'], { 'nes-1.stageDeadlineDays.plan': 400 })).toBe(
      30,
    );
    expect(figureValue(nes1, ['obligations', 'job-search-report', 'periods'], {})).toBe(6);
  });

  it('keeps other settings when saving and reads malformed settings as none', () => {
    const json = withCenterFigures(JSON.stringify({ kiosk: { a: 1 } }), {
      'nes-1.stageDeadlineDays.plan': 45,
    });
    expect(JSON.parse(json)).toEqual({
      kiosk: { a: 1 },
      programmes: { figures: { 'nes-1.stageDeadlineDays.plan': 45 } },
    });
    expect(centerFiguresFrom(json)).toEqual({ 'nes-1.stageDeadlineDays.plan': 45 });
    expect(centerFiguresFrom('not json')).toEqual({});
    expect(centerFiguresFrom(JSON.stringify({ programmes: { figures: { x: -1 } } }))).toEqual({});
  });
});
