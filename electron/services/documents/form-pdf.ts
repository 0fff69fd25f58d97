import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { DocumentContent, DocumentSection, SignatureStatus } from '../../../shared/documents/kinds.ts';
import { fontDir } from '../certificate-pdf.ts';
import { currentFontCoverage, drawKeepAll, heightKeepAll, printable } from '../pdf-text.ts';

// The forms as A4 PDFs in embedded Pretendard (as the competency certificate, certificate-pdf.ts):
// a title, labelled rows and paragraphs per section, the 알선장's verification code with its QR code
// (drawn as vector squares, so it stays sharp at any printer's resolution), and for a signable form
// the signature block: the pad's picture when the signature covers the form as it is now, and a
// visible "not signed" notice when the form changed after signing.

export interface FormPrint {
  content: DocumentContent;
  signature: SignatureStatus | null;
  /** The signature's picture (PNG bytes) when `signature.state` is 'signed'. */
  signatureImage: Buffer | null;
  centerName: string;
  printedOn: string; // YYYY-MM-DD
}

/** Words the PDF prints for each signature state; tests read them back. */
export const SIGNED_MARK = '전자서명 완료';
export const CHANGED_MARK = '서명 후 내용 변경됨 — 서명 무효, 다시 서명 필요';
export const UNSIGNED_MARK = '서명 없음';

const LABEL_W = 130;
const FOOT = 70;

function qr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = size / modules.size;
  doc.save().fillColor('#000');
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++)
      if (modules.get(r, c)) doc.rect(x + c * cell, y + r * cell, cell, cell).fill();
  doc.restore();
}

export function renderFormPdf(f: FormPrint): Promise<Buffer> {
  const fonts = fontDir();
  const c = f.content;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: c.title, Author: f.centerName, Subject: c.subtitle },
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
  const bottom = () => doc.page.height - doc.page.margins.bottom - FOOT;
  const covered = currentFontCoverage(doc.font('R'));
  const p = (text: string) => printable(text, covered);

  if (c.verificationCode) qr(doc, c.verificationCode, left + width - 72, 40, 72);
  doc.font('B').fontSize(22).fillColor('#000').text(c.title, left, 50, { align: 'center', width });
  doc.font('R').fontSize(9).fillColor('#555').text(c.subtitle, { align: 'center', width });
  doc.moveDown(1.2).fillColor('#000');

  const row = (label: string, value: string) => {
    doc.font('R').fontSize(10);
    const text = p(value);
    const h = Math.max(heightKeepAll(doc, text, width - LABEL_W - 12), doc.currentLineHeight(true)) + 8;
    if (doc.y + h > bottom()) doc.addPage();
    const top = doc.y;
    doc.rect(left, top, LABEL_W, h).fillAndStroke('#f1f3f6', '#999');
    doc.rect(left + LABEL_W, top, width - LABEL_W, h).stroke('#999');
    doc.fillColor('#000').font('B').fontSize(10);
    drawKeepAll(doc, p(label), left + 6, top + 4, { width: LABEL_W - 12 });
    doc.font('R');
    drawKeepAll(doc, text, left + LABEL_W + 6, top + 4, { width: width - LABEL_W - 12 });
    doc.x = left;
    doc.y = top + h;
  };
  const section = (s: DocumentSection) => {
    if (doc.y + 60 > bottom()) doc.addPage();
    doc.moveDown(0.6);
    doc.font('B').fontSize(12).fillColor('#000');
    drawKeepAll(doc, p(s.heading), left, doc.y, { width });
    doc.moveDown(0.3);
    for (const para of s.paragraphs ?? []) {
      doc.font('R').fontSize(10);
      if (doc.y + heightKeepAll(doc, p(para), width) > bottom()) doc.addPage();
      drawKeepAll(doc, p(para), left, doc.y, { width });
      doc.moveDown(0.3);
    }
    for (const r of s.rows ?? []) row(r.label, r.value);
  };
  for (const s of c.sections) section(s);

  if (f.signature) signatureBlock(doc, f, left, width, bottom);

  // Footer: when and where it was printed, and the code or the content's fingerprint to check it by.
  doc.moveDown(1.2);
  if (doc.y + 50 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc
    .font('R')
    .fontSize(10)
    .fillColor('#000')
    .text(`${f.printedOn}`, left, doc.y, { align: 'center', width });
  doc.font('B').fontSize(13).text(p(f.centerName), { align: 'center', width });
  doc.font('R').fontSize(8).fillColor('#444');
  if (c.verificationCode)
    doc.text(
      `검증코드 ${c.verificationCode}  ·  이 알선장의 진위는 알선한 고용센터에 검증코드(또는 QR 코드)로 확인할 수 있습니다.`,
      { align: 'center', width },
    );
  if (f.signature)
    doc.text(`문서 확인값 ${f.signature.currentHash.slice(0, 16)}`, { align: 'center', width });
  doc.end();
  return done;
}

function signatureBlock(
  doc: PDFKit.PDFDocument,
  f: FormPrint,
  left: number,
  width: number,
  bottom: () => number,
): void {
  const s = f.signature;
  if (!s) return;
  const boxH = 90;
  doc.moveDown(0.8);
  if (doc.y + boxH + 30 > bottom()) doc.addPage();
  doc.font('B').fontSize(12).fillColor('#000').text('신청인(정보주체) 서명', left, doc.y, { width });
  doc.moveDown(0.3);
  const top = doc.y;
  const boxW = 220;
  doc.rect(left, top, boxW, boxH).lineWidth(1).stroke('#666');
  const note = left + boxW + 14;
  const noteW = width - boxW - 14;
  if (s.state === 'signed' && f.signatureImage) {
    doc.image(f.signatureImage, left + 4, top + 4, {
      fit: [boxW - 8, boxH - 8],
      align: 'center',
      valign: 'center',
    });
    doc.font('B').fontSize(10).fillColor('#0a6b2d').text(SIGNED_MARK, note, top, { width: noteW });
    doc
      .font('R')
      .fontSize(9)
      .fillColor('#000')
      .text(`서명 일시 ${s.signedAt ?? '-'}`, { width: noteW })
      .text(`확인 상담사 ${s.counselorName ?? '-'}`, { width: noteW })
      .text(`서명한 문서 ${s.signedHash?.slice(0, 16) ?? '-'}`, { width: noteW });
  } else if (s.state === 'changed') {
    doc.font('B').fontSize(10).fillColor('#b00020').text(CHANGED_MARK, note, top, { width: noteW });
    doc
      .font('R')
      .fontSize(9)
      .fillColor('#000')
      .text(`이전 서명 ${s.signedAt ?? '-'} (문서 ${s.signedHash?.slice(0, 16) ?? '-'})`, { width: noteW });
  } else {
    doc.font('B').fontSize(10).fillColor('#555').text(UNSIGNED_MARK, note, top, { width: noteW });
  }
  doc.fillColor('#000');
  doc.x = left;
  doc.y = top + boxH + 6;
}
