import { computeReport } from '../../electron/services/reports/compute.ts';
import { exportReport } from '../../electron/services/reports/export.ts';
import { REPORT_NAMES, type ReportName } from '../../shared/reports/definitions.ts';
import { repeatMs } from './stats.ts';
import type { Benchmark } from './types.ts';

// Issue 7: each report computed on the whole store (every counselor, all of its history), and the
// XLSX and PDF exports of the largest one (most rows), as a whole: compute, render and audit entry.

const RUNS = 5;
const EXPORT_RUNS = 3;
const FILTERS = { from: '2000-01-01', to: '2026-03-02' };
const REPORT_P95_AIM = { below: 2000 };
const EXPORT_P95_AIM = { below: 10_000 };

export const reportsBench: Benchmark = {
  name: 'reports',
  summary: 'each supervisor report on the whole store; XLSX and PDF export of the largest report',
  async run(ctx) {
    const demo = await ctx.demoStore();
    const services = demo.store.context;
    const supervisor = await demo.signIn('supervisor1');
    let largest: { name: ReportName; rows: number } = { name: 'caseload', rows: -1 };
    for (const name of REPORT_NAMES) {
      const compute = () => computeReport(services, supervisor, name, FILTERS);
      const data = await compute();
      const rows = data.tables.reduce((a, t) => a + t.rows.length, 0);
      if (rows > largest.rows) largest = { name, rows };
      ctx.report.timings(`reports.compute.${name}`, await repeatMs(RUNS, compute), REPORT_P95_AIM);
    }
    ctx.log(`reports: largest report ${largest.name}, ${largest.rows} rows`);
    ctx.report.figure('reports.largest.rows', largest.rows, 'rows');
    // The whole export as the UI and the command line run it: compute, render, audit entry.
    for (const format of ['xlsx', 'pdf'] as const) {
      const run = () =>
        exportReport(services, supervisor, {
          report: largest.name,
          format,
          purpose: '성능 측정',
          ...FILTERS,
        });
      ctx.log(`reports: ${format} of ${largest.name}: ${(await run()).bytes.length} bytes`);
      ctx.report.timings(`reports.export.${format}`, await repeatMs(EXPORT_RUNS, run), EXPORT_P95_AIM);
    }
  },
};
