import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { fontDir, renderCertificatePdf } from '../../../../electron/services/certificate-pdf.ts';
import { currentFontCoverage } from '../../../../electron/services/pdf-text.ts';
import type { CompetencyFields } from '../../../../shared/casework/competency.ts';
import { tempDir } from '../../../support/temp-store.ts';

// Issue 15 item 10, read back from the PDF's text with poppler's pdftotext: an emoji in an item title
// printed as a box (the embedded font has no glyph for it), and self-reported items were certified in
// the same words as the ones checked against the issuing body's records.

const { dir, remove } = tempDir('caseworker-cert-');
afterAll(() => remove());

const item = (over: Partial<CompetencyFields>): CompetencyFields => ({
  kind: 'qualification',
  title: '',
  ncsCode: null,
  issuer: null,
  startedOn: null,
  endedOn: '2024-06-30',
  hours: null,
  grade: null,
  source: 'q-net',
  ...over,
});

async function textOf(items: CompetencyFields[]): Promise<string> {
  const pdf = await renderCertificatePdf({
    name: '박서준',
    birthYear: 1990,
    regNo: 'JS-2026-000123',
    centerName: '서울강남고용센터',
    issuedOn: '2026-11-02',
    verificationCode: 'ABCD-EFGH-JKLM',
    items,
  });
  const file = join(dir, `cert-${items.length}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** What the embedded font can draw, asked of the font itself. */
function pretendardCovers(): (cp: number) => boolean {
  const doc = new PDFDocument();
  doc.registerFont('R', join(fontDir(), 'Pretendard-Regular.ttf'));
  return currentFontCoverage(doc.font('R'));
}

describe('certificate PDF', () => {
  it('prints no glyph the embedded font lacks: emoji are left out, the title stays', async () => {
    const text = await textOf([
      item({ title: '지게차운전기능사 🚜', issuer: '한국산업인력공단' }),
      item({ title: '👩‍🍳 한식조리기능사 ✨', issuer: '한국산업인력공단' }),
      item({ title: '컴퓨터활용능력 1️⃣급', issuer: '대한상공회의소', source: 'self-reported' }),
    ]);
    expect(text).toContain('지게차운전기능사');
    expect(text).toContain('한식조리기능사');
    expect(text).toContain('컴퓨터활용능력 1급');
    const covers = pretendardCovers();
    const missing = [...text].filter((ch) => !/\s/.test(ch) && !covers(ch.codePointAt(0) ?? 0));
    expect(missing).toEqual([]);
  });

  it('certifies checked items and lists self-reported ones apart, in words that say nobody checked them', async () => {
    const text = await textOf([
      item({ title: '전기기능사', issuer: '한국산업인력공단' }),
      item({ title: '바리스타 2급', issuer: '한국커피협회', source: 'self-reported' }),
    ]);
    const flat = text.replace(/\s+/g, ' ');
    const checked = flat.indexOf('전기기능사');
    const certified = flat.indexOf('갖추었음을 발급 기관의 자료로 확인합니다');
    const reportedHeading = flat.indexOf('본인 신고 사항');
    const reported = flat.indexOf('바리스타 2급');
    const notChecked = flat.indexOf('고용센터가 발급 기관의 자료로 확인하지 않았습니다');
    expect(checked).toBeGreaterThan(-1);
    // The certifying sentence follows the checked items and comes before the self-reported ones.
    expect(certified).toBeGreaterThan(checked);
    expect(reportedHeading).toBeGreaterThan(certified);
    expect(reported).toBeGreaterThan(reportedHeading);
    expect(notChecked).toBeGreaterThan(reported);
  });

  it('certifies nothing when every item is self-reported', async () => {
    const flat = (await textOf([item({ title: '바리스타 2급', source: 'self-reported' })])).replace(
      /\s+/g,
      ' ',
    );
    expect(flat).toContain('바리스타 2급');
    expect(flat).toContain('확인하지 않았습니다');
    expect(flat).not.toContain('갖추었음을');
  });

  it('breaks table cells between words, not inside them', async () => {
    const title = '산업안전산업기사 필기시험 합격자 대상 실무역량강화 과정 수료';
    const text = await textOf([item({ kind: 'training', title, issuer: '한국폴리텍대학 서울정수캠퍼스' })]);
    for (const word of [...title.split(' '), '한국폴리텍대학', '서울정수캠퍼스'])
      expect(text).toContain(word);
  });
});
