// Text as the PDFs (certificates, report exports) lay it out, in the embedded Pretendard.
//
// Glyphs: a character the embedded font has no glyph for prints as its empty box (.notdef): an emoji
// in an item title came out as a black box (issue 15). Each grapheme is checked against the font's
// coverage: one it covers is kept; an emoji (a pictograph, flag or keycap sequence) is decoration and
// is left out (a keycap keeps its digit); any other character the font lacks (a rare Hanja, a symbol)
// becomes "?", so the reader sees that something is missing rather than a box.
//
// Line breaks: pdfkit breaks Korean between any two syllables (UAX #14), so words split ("경/력",
// "2024-06-/30"). `keepAll` breaks between words only, as CSS `word-break: keep-all` does on screen,
// and inside a word only when the word alone is wider than the line.

/** Whether the current font has a glyph for a code point. */
export type GlyphCheck = (codePoint: number) => boolean;

interface FontHolder {
  _font?: { font?: { hasGlyphForCodePoint?: (cp: number) => boolean } };
}

/**
 * The coverage of the document's current font (pdfkit keeps its fontkit font in `_font.font`; the
 * standard PDF fonts have none, and are used for ASCII only, which they cover).
 */
export function currentFontCoverage(doc: PDFKit.PDFDocument): GlyphCheck {
  const font = (doc as unknown as FontHolder)._font?.font;
  const has = font?.hasGlyphForCodePoint?.bind(font);
  return has ?? ((cp: number) => cp >= 0x20 && cp <= 0x7e);
}

const segmenter = new Intl.Segmenter('ko', { granularity: 'grapheme' });
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

/** `text` with every grapheme the font cannot draw left out (emoji) or shown as "?" (anything else). */
export function printable(text: string, has: GlyphCheck): string {
  let out = '';
  let dropped = false;
  for (const { segment } of segmenter.segment(text)) {
    const points = [...segment].map((c) => c.codePointAt(0) ?? 0);
    // Variation selectors and joiners only steer the look of what they follow: not needed when kept.
    const visible = points.filter((cp) => !(cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)));
    if (visible.every(has)) out += String.fromCodePoint(...visible);
    else if (segment.includes('\u20e3') && has(points[0] ?? 0)) out += String.fromCodePoint(points[0] ?? 0);
    else if (EMOJI.test(segment)) dropped = true;
    else out += '?';
  }
  // Leaving out a pictograph between two words would leave two spaces.
  return dropped ? out.replace(/ {2,}/g, ' ').trim() : out;
}

/**
 * The lines of `text`, broken at spaces so that each fits `width` in the document's current font and
 * size; a word wider than the line is the only thing broken inside.
 */
export function keepAll(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const lines: string[] = [];
  const push = (line: string) => {
    // A single word wider than the line: broken by characters, the only way it can fit.
    let rest = line;
    while (rest.length > 1 && doc.widthOfString(rest) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && doc.widthOfString(rest.slice(0, cut)) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    lines.push(rest);
  };
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const tried = line === '' ? word : `${line} ${word}`;
      if (line !== '' && doc.widthOfString(tried) > width) {
        push(line);
        line = word;
      } else line = tried;
    }
    push(line);
  }
  return lines;
}

/** The height `text` takes when drawn by `drawKeepAll` at `width`. */
export function heightKeepAll(doc: PDFKit.PDFDocument, text: string, width: number): number {
  return keepAll(doc, text, width).length * doc.currentLineHeight(true);
}

/**
 * Draws `text` at (x, y) in lines from `keepAll`, each placed by hand (pdfkit's own wrapping would
 * break them again: it counts a line break's missing glyph as width). Returns the height used.
 */
export function drawKeepAll(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  options: { width: number; align?: 'left' | 'center' | 'right' },
): number {
  const lineHeight = doc.currentLineHeight(true);
  const lines = keepAll(doc, text, options.width);
  lines.forEach((line, i) => {
    const spare = options.width - doc.widthOfString(line);
    const shift = options.align === 'center' ? spare / 2 : options.align === 'right' ? spare : 0;
    doc.text(line, x + shift, y + i * lineHeight, { lineBreak: false });
  });
  doc.x = x;
  doc.y = y + lines.length * lineHeight;
  return lines.length * lineHeight;
}
