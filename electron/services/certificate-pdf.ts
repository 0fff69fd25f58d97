import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { CompetencyFields } from '../../shared/casework/competency.ts';
import { currentFontCoverage, drawKeepAll, heightKeepAll, printable } from './pdf-text.ts';

// The 직무능력 인정서 (domain.md §7) as a PDF: Korean text in an embedded subset of Pretendard (OFL),
// so the text is extractable and searchable. Only the items the jobseeker chose are listed.
// The center certifies only what it could check against the issuing body's records: items the
// jobseeker reported themselves (본인 신고) are listed apart, under words that say nobody checked them
// (issue 15: both were certified in the same words). Text goes through pdf-text.ts: glyphs the font
// lacks (an emoji in a title) never print as boxes, and table cells break between words.

export interface CertificateContent {
  name: string;
  birthYear: number;
  regNo: string;
  centerName: string;
  issuedOn: string; // YYYY-MM-DD
  verificationCode: string;
  items: CompetencyFields[];
}

/** resources/fonts, found from this file's location (sources, tests) or, in a bundle, from the working folder. */
export function fontDir(): string {
  const candidates: string[] = [];
  if (process.env['CASEWORKER_FONTS']) candidates.push(process.env['CASEWORKER_FONTS']);
  try {
    candidates.push(fileURLToPath(new URL('../../resources/fonts/', import.meta.url)));
  } catch {
    // bundled as CommonJS: import.meta.url is not there
  }
  candidates.push(join(process.cwd(), 'resources', 'fonts'));
  const found = candidates.find((dir) => existsSync(join(dir, 'Pretendard-Regular.ttf')));
  if (!found) throw new Error('Pretendard fonts not found (set CASEWORKER_FONTS)');
  return found;
}

const KIND_KO: Record<CompetencyFields['kind'], string> = {
  qualification: '자격',
  training: '훈련',
  education: '교육',
  career: '경력',
};
const SOURCE_KO: Record<CompetencyFields['source'], string> = {
  'q-net': 'Q-Net',
  'cq-net': 'CQ-Net',
  'hrd-net': 'HRD-Net',
  'employment-insurance': '고용보험',
  neis: 'NEIS',
  polytechnic: '한국폴리텍대학',
  university: '대학',
  'self-reported': '본인 신고',
};

function period(item: CompetencyFields): string {
  if (item.startedOn && item.endedOn) return `${item.startedOn} ~ ${item.endedOn}`;
  return item.startedOn ?? item.endedOn ?? '-';
}

function extra(item: CompetencyFields): string {
  const parts = [item.hours !== null ? `${item.hours}시간` : null, item.grade].filter(Boolean);
  return parts.length ? parts.join(', ') : '-';
}

export function renderCertificatePdf(c: CertificateContent): Promise<Buffer> {
  const fonts = fontDir();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: '직무능력 인정서', Author: c.centerName, Subject: `검증코드 ${c.verificationCode}` },
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
  // Both weights of Pretendard cover the same characters.
  const covered = currentFontCoverage(doc.font('R'));
  const p = (text: string) => printable(text, covered);
  doc.font('B').fontSize(24).text('직무능력 인정서', { align: 'center' });
  doc.font('R').fontSize(10).fillColor('#555').text('Certificate of Job Competencies', { align: 'center' });
  doc.moveDown(1.5).fillColor('#000');

  const field = (label: string, value: string) => {
    doc.font('B').fontSize(11).text(label, left, doc.y, { continued: true, width });
    doc.font('R').text(`  ${value}`);
  };
  field('성명', p(c.name));
  field('출생연도', `${c.birthYear}년`);
  field('구직등록번호', c.regNo);
  doc.moveDown();

  // The table: kind, title (with NCS code), issuer, period, hours/grade, source.
  const cols = [
    { label: '구분', w: 40 },
    { label: '명칭 (NCS 코드)', w: 150 },
    { label: '발급·운영 기관', w: 95 },
    { label: '기간·취득일', w: 95 },
    { label: '시간·등급', w: 55 },
    { label: '출처', w: width - 435 },
  ];
  const row = (cells: string[], bold: boolean) => {
    const top = doc.y;
    let x = left;
    let height = 0;
    doc.font(bold ? 'B' : 'R').fontSize(9);
    const texts = cells.map(p);
    texts.forEach((cell, i) => {
      height = Math.max(height, heightKeepAll(doc, cell, (cols[i]?.w ?? 50) - 6));
    });
    if (top + height + 8 > doc.page.height - doc.page.margins.bottom - 120) {
      doc.addPage();
      return row(cells, bold);
    }
    texts.forEach((cell, i) => {
      const w = cols[i]?.w ?? 50;
      drawKeepAll(doc, cell, x + 3, top + 4, { width: w - 6 });
      x += w;
    });
    const bottom = top + height + 8;
    doc
      .moveTo(left, bottom)
      .lineTo(left + width, bottom)
      .lineWidth(bold ? 1 : 0.5)
      .strokeColor('#888')
      .stroke();
    doc.x = left;
    doc.y = bottom;
  };
  const table = (items: CompetencyFields[]) => {
    row(
      cols.map((col) => col.label),
      true,
    );
    for (const item of items) {
      row(
        [
          KIND_KO[item.kind],
          item.ncsCode ? `${item.title} (${item.ncsCode})` : item.title,
          item.issuer ?? '-',
          period(item),
          extra(item),
          SOURCE_KO[item.source],
        ],
        false,
      );
    }
  };
  const heading = (text: string) => {
    doc.moveDown(0.8);
    doc.font('B').fontSize(12).fillColor('#000').text(text, left, doc.y, { width });
    doc.moveDown(0.3);
  };
  const note = (text: string) => {
    doc.moveDown(0.5);
    doc.font('R').fontSize(11).fillColor('#000');
    drawKeepAll(doc, text, left, doc.y, { align: 'center', width });
  };
  const verified = c.items.filter((item) => item.source !== 'self-reported');
  const reported = c.items.filter((item) => item.source === 'self-reported');
  if (verified.length > 0) {
    heading('확인된 직무능력');
    table(verified);
    note('위 사람이 위 확인된 직무능력을 갖추었음을 발급 기관의 자료로 확인합니다.');
  }
  if (reported.length > 0) {
    heading('본인 신고 사항');
    table(reported);
    note('본인 신고 사항은 구직자가 신고한 내용으로, 고용센터가 발급 기관의 자료로 확인하지 않았습니다.');
  }
  doc.moveDown(1.5);
  doc.text(`발급일  ${c.issuedOn}`, { align: 'center', width });
  doc.moveDown(0.5);
  doc.font('B').fontSize(14).text(c.centerName, { align: 'center', width });
  doc.moveDown(2);
  doc
    .font('R')
    .fontSize(9)
    .fillColor('#333')
    .text(
      `검증코드 ${c.verificationCode}  ·  이 인정서의 진위는 발급한 고용센터에 검증코드로 확인할 수 있습니다.`,
      { align: 'center', width },
    );
  doc.end();
  return done;
}
