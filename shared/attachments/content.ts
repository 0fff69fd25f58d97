// What a file is, judged by its bytes, never by its name (issue 18 item 3): only PDF, JPEG and PNG are
// kept. The check needs the first and last few bytes only, so a huge file is judged without being read
// into memory (the size limit refuses it first anyway). A structural check beyond the signature catches
// the usual damage: a cut-off download or scan (no PDF trailer, no PNG end chunk, no JPEG end marker).

export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** Bytes of the head and of the tail the check looks at. */
export const HEAD_BYTES = 64;
export const TAIL_BYTES = 2048;

/** The extensions each type is named with; another extension on the file reads as a mislabelled file. */
export const EXTENSIONS: Readonly<Record<AttachmentType, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

/** Why a file is refused: an i18n key of the attachments area. */
export type ContentProblem =
  | 'attachments.error.empty'
  | 'attachments.error.type'
  | 'attachments.error.corrupt'
  | 'attachments.error.extension';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The PNG IEND chunk: length 0, type, CRC. */
const PNG_END = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** The type the signature says, or null for anything else. */
export function sniffType(head: Uint8Array): AttachmentType | null {
  if (ascii(head.subarray(0, 5)) === '%PDF-') return 'application/pdf';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, PNG_SIGNATURE)) return 'image/png';
  return null;
}

/** Whether the file ends the way a whole file of its type ends. */
function wholeFile(type: AttachmentType, head: Uint8Array, tail: Uint8Array): boolean {
  if (type === 'application/pdf') {
    const end = ascii(tail);
    // A PDF ends with its cross-reference pointer and %%EOF (a little whitespace may follow).
    return /startxref\s+\d+\s+%%EOF\s*$/.test(end) || /%%EOF\s*$/.test(end);
  }
  if (type === 'image/png') {
    // The first chunk must be IHDR; the last, IEND.
    return ascii(head.subarray(12, 16)) === 'IHDR' && startsWith(tail, PNG_END, tail.length - PNG_END.length);
  }
  // JPEG: ends with the end-of-image marker (some cameras pad a few zero bytes after it).
  let i = tail.length - 1;
  while (i > 0 && tail[i] === 0x00 && tail.length - i < 64) i--;
  return tail[i - 1] === 0xff && tail[i] === 0xd9;
}

function extensionOf(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot + 1).toLowerCase() : null;
}

export type ContentVerdict = { ok: true; type: AttachmentType } | { ok: false; problem: ContentProblem };

/**
 * The file's type from its first and last bytes (`head`: the first HEAD_BYTES or fewer, `tail`: the last
 * TAIL_BYTES or fewer) and its size; its name must not claim another type (a PNG named .jpg is refused:
 * someone picked the wrong file, or the file was renamed to get past a check). A name without an
 * extension is fine: scanners often save one.
 */
export function judgeContent(
  fileName: string,
  size: number,
  head: Uint8Array,
  tail: Uint8Array,
): ContentVerdict {
  if (size === 0) return { ok: false, problem: 'attachments.error.empty' };
  const type = sniffType(head);
  if (!type) return { ok: false, problem: 'attachments.error.type' };
  if (!wholeFile(type, head, tail)) return { ok: false, problem: 'attachments.error.corrupt' };
  const ext = extensionOf(fileName);
  if (ext !== null && !EXTENSIONS[type].includes(ext))
    return { ok: false, problem: 'attachments.error.extension' };
  return { ok: true, type };
}

/** The same judgement on bytes in memory. */
export function judgeBytes(fileName: string, bytes: Uint8Array): ContentVerdict {
  return judgeContent(
    fileName,
    bytes.length,
    bytes.subarray(0, HEAD_BYTES),
    bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES)),
  );
}
