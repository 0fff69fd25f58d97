import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import PDFDocument from 'pdfkit';
import { appendAudit } from '../../../db/repositories/audit.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { formatDateTime } from '../../../shared/domain/day-format.ts';
import {
  MIME,
  REPORTS,
  outputColumns,
  tableDef,
  type Cell,
  type ColumnDef,
  type ColumnKind,
  type ExportFile,
  type ExportFormat,
  type ReportData,
  type ReportName,
  type TableDef,
} from '../../../shared/reports/definitions.ts';
import { fontDir } from '../certificate-pdf.ts';
import type { ServiceContext } from '../context.ts';
import { currentFontCoverage, drawKeepAll, heightKeepAll, printable } from '../pdf-text.ts';
import { computeReport, type FilterInput } from './compute.ts';

// Report exports (issue 7, domain.md §9–10): XLSX, CSV (UTF-8 with BOM) and PDF (A4, embedded
// Korean font) of the figures `computeReport` computes. An export needs a purpose, writes only the
// report's declared columns (names and contacts only for a supervisor who asked), and is audited.

export interface ExportRequest extends FilterInput {
  report: ReportName;
  format: ExportFormat;
  purpose: string;
  withNames?: boolean;
}

const NUM_FMT: Record<ColumnKind, string | undefined> = {
  text: undefined,
  int: '#,##0',
  number: '#,##0.0',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
};

function filterLine(data: ReportData): string {
  const f = data.filters;
  return [
    `기간 ${f.from} ~ ${f.to}`,
    `센터 ${f.centerName} (${f.centerCode})`,
    `상담사 ${f.counselorName ?? '전체'}`,
  ].join(' · ');
}

interface Section {
  def: TableDef;
  columns: ColumnDef[];
  rows: Array<Record<string, Cell>>;
}

function sections(data: ReportData, withNames: boolean): Section[] {
  return data.tables.map((t) => {
    const def = tableDef(data.report, t.key);
    return { def, columns: outputColumns(def, withNames), rows: t.rows };
  });
}

function xlsxValue(col: ColumnDef, v: Cell): ExcelJS.CellValue {
  if (v === null) return null;
  if (col.kind === 'date' && typeof v === 'string') return new Date(`${v}T00:00:00Z`);
  return v;
}

export async function toXlsx(data: ReportData, withNames: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Caseworker';
  wb.created = new Date(data.generatedAt);
  wb.title = REPORTS[data.report].title.ko;
  wb.subject = filterLine(data);
  const used = new Set<string>();
  for (const s of sections(data, withNames)) {
    let name = s.def.title.ko.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
    while (used.has(name)) name = `${name.slice(0, 28)} ${used.size}`;
    used.add(name);
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((col) => ({
      header: col.ko,
      key: col.key,
      width: Math.max(10, col.ko.length * 2 + 4),
      style: NUM_FMT[col.kind] ? { numFmt: NUM_FMT[col.kind] } : {},
    }));
    ws.getRow(1).font = { bold: true };
    for (const row of s.rows)
      ws.addRow(Object.fromEntries(s.columns.map((col) => [col.key, xlsxValue(col, row[col.key] ?? null)])));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One CSV: each table as its title line, a header row and its rows, tables separated by a blank line. */
export function toCsv(data: ReportData, withNames: boolean): Buffer {
  const parts = sections(data, withNames).map((s) =>
    Papa.unparse([
      [s.def.title.ko],
      s.columns.map((c) => c.ko),
      ...s.rows.map((r) => s.columns.map((c) => r[c.key] ?? '')),
    ]),
  );
  return Buffer.from(`\uFEFF${parts.join('\r\n\r\n')}\r\n`, 'utf8');
}

function display(col: ColumnDef, v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (col.kind === 'percent') return `${(v * 100).toFixed(1)}%`;
    if (col.kind === 'number') return v.toLocaleString('ko-KR', { maximumFractionDigits: 1 });
    return v.toLocaleString('ko-KR');
  }
  return v;
}

const PALETTE = ['#1565c0', '#ef6c00', '#2e7d32', '#6a1b9a', '#c62828', '#00838f'];

function drawChart(doc: PDFKit.PDFDocument, s: Section, left: number, width: number): void {
  const chart = s.def.chart;
  if (!chart || s.rows.length === 0) return;
  const rows = s.rows.slice(0, 12);
  const totals = rows.map((r) =>
    chart.stacked
      ? chart.series.reduce((a, k) => a + Number(r[k] ?? 0), 0)
      : Math.max(...chart.series.map((k) => Number(r[k] ?? 0))),
  );
  const max = Math.max(...totals, 0) || 1;
  const barH = 12;
  const labelW = 130;
  const height = rows.length * (barH + 4) + 20;
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  let y = doc.y + 4;
  const seriesCols = chart.series.map((k) => s.def.columns.find((c) => c.key === k));
  doc.font('R').fontSize(8);
  for (const [i, row] of rows.entries()) {
    doc
      .fillColor('#333')
      .text(String(row[chart.label] ?? ''), left, y + 2, { width: labelW - 6, lineBreak: false });
    let x = left + labelW;
    const span = width - labelW - 60;
    const values = chart.series.map((k) => Number(row[k] ?? 0));
    if (chart.stacked || values.length === 1) {
      for (const [j, v] of values.entries()) {
        const w = (v / max) * span;
        doc.rect(x, y, w, barH).fill(PALETTE[j % PALETTE.length] ?? '#1565c0');
        x += w;
      }
    } else {
      for (const [j, v] of values.entries()) {
        const w = (v / max) * span;
        doc
          .rect(x, y + (j * barH) / values.length, w, barH / values.length)
          .fill(PALETTE[j % PALETTE.length] ?? '#1565c0');
      }
      x += (Math.max(...values) / max) * span;
    }
    const firstCol = seriesCols[0];
    const shown =
      firstCol && values.length === 1 ? display(firstCol, values[0] ?? 0) : String(totals[i] ?? 0);
    doc.fillColor('#333').text(shown, x + 4, y + 2, { lineBreak: false });
    y += barH + 4;
  }
  if (chart.series.length > 1) {
    let x = left + labelW;
    for (const [j, col] of seriesCols.entries()) {
      doc.rect(x, y + 2, 8, 8).fill(PALETTE[j % PALETTE.length] ?? '#1565c0');
      doc.fillColor('#333').text(col?.ko ?? '', x + 11, y + 2, { lineBreak: false });
      x += 110;
    }
    y += 14;
  }
  doc.fillColor('black');
  doc.x = left;
  doc.y = y + 6;
}

function drawTable(doc: PDFKit.PDFDocument, s: Section, left: number, width: number): void {
  const colW = width / Math.max(1, s.columns.length);
  const bottom = () => doc.page.height - doc.page.margins.bottom - 16;
  const header = () => {
    doc.font('B').fontSize(8);
    const y = doc.y;
    // Headers break between words only ("유형분/류" split a word before).
    const h = Math.max(...s.columns.map((c) => heightKeepAll(doc, c.ko, colW - 4))) + 4;
    doc.rect(left, y, width, h).fill('#eceff1');
    doc.fillColor('black');
    s.columns.forEach((c, i) =>
      drawKeepAll(doc, c.ko, left + i * colW + 2, y + 2, {
        width: colW - 4,
        align: c.kind === 'text' ? 'left' : 'right',
      }),
    );
    doc.y = y + h;
  };
  header();
  const covered = currentFontCoverage(doc.font('R').fontSize(8));
  for (const row of s.rows) {
    if (doc.y + 14 > bottom()) {
      doc.addPage();
      header();
      doc.font('R').fontSize(8);
    }
    const y = doc.y;
    s.columns.forEach((c, i) => {
      // Measured and placed by hand, and plain ASCII (figures, registration numbers) in a standard PDF
      // font: laying out thousands of distinct strings in the embedded font is what makes long tables slow.
      let text = display(c, row[c.key] ?? null);
      const ascii = /^[\x20-\x7e]*$/.test(text);
      doc.font(ascii ? 'Helvetica' : 'R');
      if (!ascii) text = printable(text, covered);
      let w = doc.widthOfString(text);
      while (w > colW - 4 && text.length > 1) {
        text = `${text.slice(0, -2)}…`;
        w = doc.widthOfString(text);
      }
      const x = c.kind === 'text' ? left + i * colW + 2 : left + (i + 1) * colW - 2 - w;
      // The two fonts' ascents differ: this puts their baselines on one line.
      doc.text(text, x, ascii ? y + 2 : y + 0.6, { lineBreak: false });
    });
    doc
      .moveTo(left, y + 13)
      .lineTo(left + width, y + 13)
      .lineWidth(0.3)
      .strokeColor('#cfd8dc')
      .stroke();
    doc.y = y + 14;
  }
  doc.x = left;
}

export function toPdf(data: ReportData, withNames: boolean): Promise<Buffer> {
  const fonts = fontDir();
  const title = REPORTS[data.report].title.ko;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    bufferPages: true,
    info: { Title: title, Author: data.filters.centerName, Subject: filterLine(data) },
  });
  doc.registerFont('R', join(fonts, 'Pretendard-Regular.ttf'));
  doc.registerFont('B', join(fonts, 'Pretendard-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('B').fontSize(18).text(title);
  doc.font('R').fontSize(9).fillColor('#455a64').text(filterLine(data));
  // The PC's local time, in the one format of the screens (no time-zone label shown to people).
  doc.text(`작성 ${formatDateTime(data.generatedAt)} · Caseworker`);
  doc.fillColor('black').moveDown(0.8);
  for (const s of sections(data, withNames)) {
    if (doc.y + 80 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    doc.font('B').fontSize(12).text(s.def.title.ko, left);
    doc.moveDown(0.3);
    drawChart(doc, s, left, width);
    drawTable(doc, s, left, width);
    doc.moveDown(1);
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('R')
      .fontSize(8)
      .fillColor('#607d8b')
      .text(`${i + 1} / ${range.count}`, left, doc.page.height - 30, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  return done;
}

function fileName(data: ReportData, format: ExportFormat): string {
  return `caseworker-${data.report}-${data.filters.from}_${data.filters.to}.${format}`;
}

/** Renders a computed report; `onProgress` gets 0..1 (long exports show it). */
export async function renderReport(
  data: ReportData,
  format: ExportFormat,
  withNames: boolean,
): Promise<Buffer> {
  if (format === 'xlsx') return toXlsx(data, withNames);
  if (format === 'csv') return toCsv(data, withNames);
  return toPdf(data, withNames);
}

/** The whole export: checks purpose and role, computes, renders, writes the audit entry. */
export async function exportReport(
  ctx: ServiceContext,
  actor: SessionInfo,
  req: ExportRequest,
): Promise<{ file: ExportFile; bytes: Buffer }> {
  const purpose = req.purpose.trim();
  if (purpose.length < 2)
    throw new AppFailure({ code: 'validation', message: 'reports.validation.purpose', field: 'purpose' });
  const withNames = req.withNames === true;
  if (withNames && actor.role !== 'supervisor')
    throw new AppFailure({ code: 'forbidden', message: 'reports.forbidden.names', field: 'withNames' });
  const data = await computeReport(ctx, actor, req.report, req, { withNames });
  const bytes = await renderReport(data, req.format, withNames);
  const rows = data.tables.reduce((a, t) => a + t.rows.length, 0);
  await appendAudit(ctx.db, {
    at: ctx.now().toISOString(),
    actorId: actor.userId,
    actorLogin: actor.loginId,
    deviceId: ctx.deviceId,
    action: 'report.export',
    subjectType: 'report',
    subjectId: req.report,
    personId: null,
    detail: {
      report: req.report,
      format: req.format,
      purpose,
      filters: {
        from: data.filters.from,
        to: data.filters.to,
        centerCode: data.filters.centerCode,
        counselorId: data.filters.counselorId,
      },
      withNames,
      rows,
    },
  });
  return {
    bytes,
    file: {
      fileName: fileName(data, req.format),
      mimeType: MIME[req.format],
      base64: bytes.toString('base64'),
      rows,
    },
  };
}
