import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../../../support/run-node.ts';
import { openRawStore } from '../../../support/raw-store.ts';
import { tempDir } from '../../../support/temp-store.ts';

// `caseworker export` exactly as interfaces.md fixes it: audited, purpose required, names only for
// supervisors, one-line errors and a non-zero exit on bad input.

const CLI = 'electron/cli/caseworker.ts';
const PASSWORD = 'Export-pass-2026';
const env = { CASEWORKER_PASSWORD: PASSWORD };
const t = tempDir('caseworker-export-cli-');
const data = join(t.dir, 'store');
afterAll(() => t.remove());

beforeAll(async () => {
  const r = await runNode(
    CLI,
    [
      'demo',
      '--data',
      data,
      '--jobseekers',
      '200',
      '--employers',
      '30',
      '--seed',
      '4',
      '--as-of',
      '2026-11-01',
    ],
    { env },
  );
  expect(r.code).toBe(0);
}, 60_000);

function exportArgs(...extra: string[]) {
  return ['export', '--data', data, '--user', 'supervisor1', ...extra];
}

async function exportEntries(): Promise<Array<{ actor_login: string; detail: string }>> {
  const db = await openRawStore(data, 'supervisor1', PASSWORD);
  try {
    return db
      .prepare("select actor_login, detail from audit_entries where action = 'report.export' order by rowid")
      .all() as Array<{ actor_login: string; detail: string }>;
  } finally {
    db.close();
  }
}

describe('caseworker export', () => {
  it('writes an XLSX of a report and audits it with its purpose', async () => {
    const out = join(t.dir, 'caseload.xlsx');
    const r = await runNode(
      CLI,
      exportArgs(
        '--report',
        'caseload',
        '--format',
        'xlsx',
        '--out',
        out,
        '--purpose',
        '월간 실적 점검',
        '--from',
        '2025-11-02',
        '--to',
        '2026-11-01',
      ),
      { env },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getCell('A1').value).toBe('상담사');
    let total = 0;
    ws?.eachRow((row, n) => {
      if (n > 1) total += Number(row.getCell(2).value);
    });
    expect(total).toBe(200);
    const last = (await exportEntries()).at(-1);
    expect(last?.actor_login).toBe('supervisor1');
    expect(JSON.parse(last?.detail ?? '{}')).toMatchObject({
      report: 'caseload',
      format: 'xlsx',
      purpose: '월간 실적 점검',
      withNames: false,
      filters: { from: '2025-11-02', to: '2026-11-01' },
    });
  });

  it('writes CSV with the BOM and PDF with Korean text', async () => {
    for (const format of ['csv', 'pdf']) {
      const out = join(t.dir, `retention.${format}`);
      const r = await runNode(
        CLI,
        exportArgs('--report', 'retention', '--format', format, '--out', out, '--purpose', '사후관리 점검'),
        { env },
      );
      expect(r.code).toBe(0);
      const bytes = readFileSync(out);
      if (format === 'csv') expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      else expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('refuses bad input in one line with a non-zero exit, and writes nothing', async () => {
    const out = join(t.dir, 'refused.csv');
    const cases: Array<{ args: string[]; user?: string; message: RegExp }> = [
      { args: ['--report', 'caseload', '--format', 'csv', '--out', out], message: /purpose/ },
      {
        args: ['--report', 'caseload', '--format', 'csv', '--out', out, '--purpose', ' '],
        message: /purpose/,
      },
      { args: ['--report', 'nope', '--format', 'csv', '--out', out, '--purpose', '점검'], message: /nope/ },
      {
        args: ['--report', 'caseload', '--format', 'doc', '--out', out, '--purpose', '점검'],
        message: /doc/,
      },
      {
        args: [
          '--report',
          'caseload',
          '--format',
          'csv',
          '--out',
          out,
          '--purpose',
          '점검',
          '--from',
          '2026-13-01',
        ],
        message: /YYYY-MM-DD/,
      },
      {
        args: [
          '--report',
          'caseload',
          '--format',
          'csv',
          '--out',
          out,
          '--purpose',
          '점검',
          '--center',
          'OTHER',
        ],
        message: /own center/,
      },
      {
        args: [
          '--report',
          'time-to-placement',
          '--format',
          'csv',
          '--out',
          out,
          '--purpose',
          '연락',
          '--with-names',
        ],
        user: 'counselor1',
        message: /Only a supervisor/,
      },
    ];
    const before = (await exportEntries()).length;
    for (const c of cases) {
      const args = ['export', '--data', data, '--user', c.user ?? 'supervisor1', ...c.args];
      const r = await runNode(CLI, args, { env });
      expect(r.code, c.args.join(' ')).not.toBe(0);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(c.message);
    }
    expect(existsSync(out)).toBe(false);
    expect(await exportEntries()).toHaveLength(before);
  }, 60_000);

  it('lets a supervisor export names and contacts when asked', async () => {
    const out = join(t.dir, 'named.csv');
    const r = await runNode(
      CLI,
      exportArgs(
        '--report',
        'time-to-placement',
        '--format',
        'csv',
        '--out',
        out,
        '--purpose',
        '사후관리 연락',
        '--with-names',
      ),
      { env },
    );
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('성명');
    expect(JSON.parse((await exportEntries()).at(-1)?.detail ?? '{}')).toMatchObject({ withNames: true });
  });
});
