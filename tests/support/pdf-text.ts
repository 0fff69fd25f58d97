import { readFile } from 'node:fs/promises';
import { extractText, getDocumentProxy } from 'unpdf';

// The text of a PDF as a reader would copy it, read with PDF.js (unpdf's build for Node) rather than
// poppler's `pdftotext`, so that tests need nothing installed beyond `npm ci`. Korean comes out as the
// Unicode the generator mapped each glyph to (pdfkit writes a ToUnicode map for the embedded font).

/** All pages' text, pages separated by a blank line. Takes the PDF's bytes or a file path. */
export async function pdfText(pdf: Uint8Array | string): Promise<string> {
  const bytes = typeof pdf === 'string' ? await readFile(pdf) : pdf;
  // PDF.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const document = await getDocumentProxy(new Uint8Array(bytes));
  try {
    const { text } = await extractText(document, { mergePages: false });
    return text.join('\n\n');
  } finally {
    await document.destroy();
  }
}
