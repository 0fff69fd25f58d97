// Per-scope checksums (sync.md § First download and checks). Each live row contributes a 32-bit hash of
// `table \n id \n seq`; a scope's checksum is the sum of its rows' hashes modulo 2^32, kept per table
// with a row count. The server keeps them incrementally (database triggers, server migration 0003,
// which computes the same hash with PostgreSQL's md5()); a desktop computes its own from its store after
// catching up and compares. A sum is order-free and can be updated by adding and subtracting, which is
// what makes the server's copy cheap; md5 is used as a well-spread hash that PostgreSQL has built in,
// not for security.

export const CHECKSUM_MODULUS = 2 ** 32;

/** The scopes a desktop holds (sync.md § Scopes), as the server names them. */
export type ScopeKind = 'center' | 'owner' | 'region';
export type ScopeName = `${ScopeKind}:${string}`;

export function scopeName(kind: ScopeKind, value: string): ScopeName {
  return `${kind}:${value}`;
}

export function parseScopeName(name: string): { kind: ScopeKind; value: string } | null {
  const colon = name.indexOf(':');
  const kind = name.slice(0, colon);
  const value = name.slice(colon + 1);
  if (colon <= 0 || value === '' || (kind !== 'center' && kind !== 'owner' && kind !== 'region')) return null;
  return { kind, value };
}

/** The hash of one row version: the first 32 bits of md5(`table\nid\nseq`), as an unsigned number. */
export function rowHash(table: string, id: string, seq: number): number {
  return md5First32(`${table}\n${id}\n${seq}`);
}

/** Adds (or, with a negative sign, removes) a row hash to a checksum. */
export function addToChecksum(checksum: number, hash: number, sign: 1 | -1 = 1): number {
  const sum = (checksum + sign * hash) % CHECKSUM_MODULUS;
  return sum < 0 ? sum + CHECKSUM_MODULUS : sum;
}

export interface TableChecksum {
  checksum: number;
  count: number;
}

/** Per table: the checksum of one scope. Tables with no rows are absent. */
export type ScopeChecksums = Record<string, TableChecksum>;

// MD5 (RFC 1321), enough of it for short inputs: the desktop hashes hundreds of thousands of rows after
// a first download, and a call into node:crypto per row costs several times more than this loop.
const S = Uint8Array.from([
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9,
  14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15,
  21, 6, 10, 15, 21,
]);
const K = Int32Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0);
const M = new Int32Array(16);
let buffer = new Uint8Array(256);

/** The UTF-8 bytes of `s` into `buffer`; returns their number. */
function encode(s: string): number {
  if (buffer.length < s.length * 4 + 72) buffer = new Uint8Array(s.length * 4 + 72);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      buffer[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (c < 0x800) {
      buffer[n++] = 0xc0 | (c >> 6);
    } else if (c < 0x10000) {
      buffer[n++] = 0xe0 | (c >> 12);
      buffer[n++] = 0x80 | ((c >> 6) & 63);
    } else {
      buffer[n++] = 0xf0 | (c >> 18);
      buffer[n++] = 0x80 | ((c >> 12) & 63);
      buffer[n++] = 0x80 | ((c >> 6) & 63);
    }
    buffer[n++] = 0x80 | (c & 63);
  }
  return n;
}

function md5First32(text: string): number {
  const length = encode(text);
  // Padding: 0x80, zeros, and the length in bits (little-endian) in the last 8 bytes of the last block.
  const padded = ((length + 8) >> 6) * 64 + 64;
  buffer[length] = 0x80;
  buffer.fill(0, length + 1, padded);
  const bits = length * 8;
  for (let k = 0; k < 4; k++) buffer[padded - 8 + k] = (bits >>> (8 * k)) & 0xff;
  let a0 = 0x67452301;
  let b0 = 0xefcdab89 | 0;
  let c0 = 0x98badcfe | 0;
  let d0 = 0x10325476;
  for (let offset = 0; offset < padded; offset += 64) {
    for (let w = 0; w < 16; w++) {
      const i = offset + w * 4;
      M[w] =
        (buffer[i] ?? 0) |
        ((buffer[i + 1] ?? 0) << 8) |
        ((buffer[i + 2] ?? 0) << 16) |
        ((buffer[i + 3] ?? 0) << 24);
    }
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) & 15;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) & 15;
      }
      const sum = (a + f + (K[i] ?? 0) + (M[g] ?? 0)) | 0;
      const shift = S[i] ?? 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  // The digest's first four bytes are a0 in little-endian order; read them as a big-endian number, as
  // PostgreSQL's ('x' || substr(md5(…), 1, 8))::bit(32)::bigint does.
  return (
    (((a0 & 0xff) << 24) |
      (((a0 >>> 8) & 0xff) << 16) |
      (((a0 >>> 16) & 0xff) << 8) |
      ((a0 >>> 24) & 0xff)) >>>
    0
  );
}
