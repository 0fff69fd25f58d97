import { hash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  addToChecksum,
  CHECKSUM_MODULUS,
  parseScopeName,
  rowHash,
} from '../../../../shared/sync/checksum.ts';

// The row hash both sides compute (the server in SQL with md5(), the desktop with this code) must be
// the same bits for every input: ASCII ids, Korean center names, empty strings, lengths around md5's
// 55/56/64-byte block edges, and large seqs.

const md5First32 = (s: string) => hash('md5', s, 'buffer').readUInt32BE(0);

describe('rowHash', () => {
  it('is the first 32 bits of md5(table \\n id \\n seq)', () => {
    const cases: Array<[string, string, number]> = [
      ['jobseekers', '0193b6f4-7c1e-7abc-9def-0123456789ab', 1],
      ['centers', '서울고용센터', 123_456_789_012],
      ['counseling_notes', '', 0],
      ['t', '😀 emoji', 7],
    ];
    for (let length = 0; length < 140; length++) cases.push(['x', 'y'.repeat(length), length]);
    for (const [table, id, seq] of cases) {
      expect(rowHash(table, id, seq), `${table} ${id.length} ${seq}`).toBe(
        md5First32(`${table}\n${id}\n${seq}`),
      );
    }
  });
});

describe('checksums', () => {
  it('add and remove modulo 2^32, in any order', () => {
    const hashes = [0, 1, CHECKSUM_MODULUS - 1, 2 ** 31, 123_456_789];
    let sum = 0;
    for (const h of hashes) sum = addToChecksum(sum, h);
    let reversed = 0;
    for (const h of [...hashes].reverse()) reversed = addToChecksum(reversed, h);
    expect(sum).toBe(reversed);
    expect(sum).toBeGreaterThanOrEqual(0);
    expect(sum).toBeLessThan(CHECKSUM_MODULUS);
    for (const h of hashes) sum = addToChecksum(sum, h, -1);
    expect(sum).toBe(0);
  });

  it('name scopes as the server does and refuse anything else', () => {
    expect(parseScopeName('center:SEL01')).toEqual({ kind: 'center', value: 'SEL01' });
    expect(parseScopeName('owner:0193b6f4-7c1e')).toEqual({ kind: 'owner', value: '0193b6f4-7c1e' });
    expect(parseScopeName('region:11')).toEqual({ kind: 'region', value: '11' });
    for (const bad of ['center:', 'nation:KR', ':x', 'center']) expect(parseScopeName(bad)).toBeNull();
  });
});
