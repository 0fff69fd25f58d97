import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { fontDir } from './certificate-pdf.ts';
import { currentFontCoverage, printable } from './pdf-text.ts';

// The kiosk's paper ticket (issue 18 item 5): an 80 mm receipt, both languages, Pretendard embedded so
// the printer needs no Korean font and tests can read the text back. What is on it is public: the
// number, the service and counter, where the counter is, the time, how many wait before the visitor.
// Never a name or a phone number, even when the visitor left them.

/** 80 mm paper; thermal printers print about 72 mm of it. */
export const TICKET_WIDTH_PT = (80 / 25.4) * 72;
export const TICKET_HEIGHT_PT = (95 / 25.4) * 72;

export interface TicketContent {
  centerName: string;
  label: string;
  service: { ko: string; en: string };
  counter: { ko: string; en: string } | null;
  location: { ko: string; en: string } | null;
  /** Issue time as the lobby reads it (Korea's time): "2026-12-05 10:42". */
  issuedAt: string;
  waitingAhead: number;
  /** Minutes, estimated from today's service times at that counter; null when nobody waits. */
  expectedWaitMinutes: number | null;
}

export function renderTicketPdf(t: TicketContent): Promise<Buffer> {
  const fonts = fontDir();
  const margin = (4 / 25.4) * 72;
  const doc = new PDFDocument({
    size: [TICKET_WIDTH_PT, TICKET_HEIGHT_PT],
    margin,
    info: { Title: `번호표 ${t.label}`, Author: t.centerName },
  });
  doc.registerFont('R', join(fonts, 'Pretendard-Regular.ttf'));
  doc.registerFont('B', join(fonts, 'Pretendard-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = TICKET_WIDTH_PT - 2 * margin;
  const covered = currentFontCoverage(doc.font('R'));
  const p = (s: string) => printable(s, covered);
  const line = (font: 'R' | 'B', size: number, text: string, gap = 2) => {
    doc.font(font).fontSize(size).text(p(text), margin, doc.y, { width, align: 'center' });
    doc.y += gap;
  };
  const rule = () => {
    doc.y += 3;
    doc
      .moveTo(margin, doc.y)
      .lineTo(margin + width, doc.y)
      .lineWidth(0.5)
      .dash(2, { space: 2 })
      .strokeColor('#000')
      .stroke()
      .undash();
    doc.y += 5;
  };

  line('B', 11, t.centerName);
  line('R', 8, '번호표 · Your number', 0);
  line('B', 44, t.label, 0);
  line('B', 11, t.service.ko, 0);
  line('R', 8, t.service.en);
  rule();
  if (t.counter) {
    line('R', 8, '오실 곳 · Please go to', 0);
    line('B', 14, t.counter.ko, 0);
    line('R', 9, t.counter.en);
  }
  if (t.location && (t.location.ko || t.location.en)) {
    if (t.location.ko) line('R', 9, t.location.ko, 0);
    if (t.location.en) line('R', 8, t.location.en);
  }
  rule();
  line('R', 9, `대기 ${t.waitingAhead}명 · ${t.waitingAhead} waiting before you`, 0);
  if (t.expectedWaitMinutes !== null)
    line('R', 9, `예상 대기 약 ${t.expectedWaitMinutes}분 · about ${t.expectedWaitMinutes} min`, 0);
  line('R', 8, `발행 ${t.issuedAt} · Issued`);
  line('R', 7, '번호가 호출 화면에 나오면 창구로 오세요. · Watch the lobby screen for your number.');
  doc.end();
  return done;
}
