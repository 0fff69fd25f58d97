import { crc32, deflateSync } from 'node:zlib';

// Small real files for the attachment tests: a PDF (a valid cross-reference table, so viewers open it),
// a PNG (real chunks and CRCs) and a JPEG-shaped file (signature and end marker: what the content check
// reads), and files of any size built from them.

/** A one-page PDF with a correct xref table; `pad` adds a comment of that many bytes (to make big files). */
export function tinyPdf(label = 'resume', pad = 0): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 18 Tf 30 100 Td (${label}) Tj ET`;
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let body = '%PDF-1.4\n';
  if (pad > 0) body += `%${'x'.repeat(Math.max(0, pad - 2))}\n`;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

/** A real RGB PNG of width × height; `seed` varies the pixels (incompressible noise when `noisy`). */
export function png(width: number, height: number, seed = 1, noisy = false): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let x = seed >>> 0 || 1;
  for (let row = 0; row < height; row++) {
    const at = row * (width * 3 + 1);
    raw[at] = 0;
    for (let i = 1; i <= width * 3; i++) {
      if (noisy) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        raw[at + i] = x & 0xff;
      } else raw[at + i] = (row * 7 + i * seed) & 0xff;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: noisy ? 0 : 6 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A noisy PNG of about `bytes` bytes (stored deflate: its size is the pixels'). */
export function pngOfSize(bytes: number, seed: number): Buffer {
  const width = 1024;
  const height = Math.max(1, Math.round(bytes / (width * 3 + 1)));
  return png(width, height, seed, true);
}

/** What the content check reads of a JPEG: SOI and APP0 at the start, EOI at the end. */
export function jpegShaped(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0', 'latin1'),
    Buffer.alloc(200, 0x11),
    Buffer.from([0xff, 0xd9]),
  ]);
}
