import { describe, expect, it } from 'vitest';
import { reportExportInputSchema } from '../../../../shared/contract/reports.ts';
import { VALUE_LABELS, englishLabel, label } from '../../../../shared/reports/labels.ts';
import {
  REPORTS,
  REPORT_NAMES,
  addMonths,
  ageBand,
  mean,
  outputColumns,
  percentile,
  ratio,
  tableDef,
} from '../../../../shared/reports/definitions.ts';

describe('report definitions', () => {
  it('declares every report of interfaces.md, each table with unique column keys and a valid chart', () => {
    expect(REPORT_NAMES).toEqual([
      'caseload',
      'classification',
      'referrals',
      'placements-by-occupation',
      'employers',
      'time-to-placement',
      'retention',
      'fairness',
      'programmes',
    ]);
    for (const name of REPORT_NAMES) {
      const def = REPORTS[name];
      expect(def.name).toBe(name);
      expect(def.tables.length).toBeGreaterThan(0);
      for (const table of def.tables) {
        const keys = table.columns.map((c) => c.key);
        expect(new Set(keys).size).toBe(keys.length);
        if (table.chart) {
          expect(keys).toContain(table.chart.label);
          for (const s of table.chart.series) expect(keys).toContain(s);
        }
      }
    }
  });

  it('leaves names and contacts out unless asked for', () => {
    const list = tableDef('time-to-placement', 'placements');
    expect(outputColumns(list, false).map((c) => c.key)).not.toContain('name');
    expect(outputColumns(list, false).map((c) => c.key)).not.toContain('phone');
    expect(outputColumns(list, true).map((c) => c.key)).toEqual(expect.arrayContaining(['name', 'phone']));
    const personal = REPORT_NAMES.flatMap((n) => REPORTS[n].tables.flatMap((t) => t.columns)).filter(
      (c) => c.personal,
    );
    expect(personal.map((c) => c.key).sort()).toEqual(['name', 'phone']);
  });

  it('computes ratios, nearest-rank percentiles, means and age bands', () => {
    expect(ratio(1, 0)).toBe(0);
    expect(ratio(1, 4)).toBe(0.25);
    expect(percentile([], 0.5)).toBe(0);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4], 0.75)).toBe(3);
    expect(percentile([5], 0.75)).toBe(5);
    expect(mean([1, 2, 2])).toBe(1.7);
    expect([15, 29, 30, 49, 59, 60, 80].map(ageBand)).toEqual([
      '15-29',
      '15-29',
      '30-39',
      '40-49',
      '50-59',
      '60+',
      '60+',
    ]);
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-01', -12)).toBe('2025-11-01');
    expect(addMonths('2026-05-10', 6)).toBe('2026-11-10');
  });

  it('refuses an export input without a purpose', () => {
    const base = { report: 'caseload', format: 'xlsx' };
    expect(reportExportInputSchema.safeParse(base).success).toBe(false);
    expect(reportExportInputSchema.safeParse({ ...base, purpose: ' ' }).success).toBe(false);
    expect(reportExportInputSchema.safeParse({ ...base, purpose: '점검' }).success).toBe(true);
    expect(reportExportInputSchema.safeParse({ ...base, purpose: '점검', format: 'docx' }).success).toBe(
      false,
    );
  });
});

describe('report labels', () => {
  it('gives every grouped value its own Korean label, and English for the dashboard', () => {
    const labels = Object.values(VALUE_LABELS);
    expect(new Set(labels).size).toBe(labels.length);
    expect(englishLabel(label('hired'))).toBe('Hired');
    expect(englishLabel(label('recruitment'))).toBe('Recruitment');
    expect(englishLabel('3개월')).toBe('3 months');
    expect(englishLabel('김상담')).toBe('김상담');
  });
});
