import { describe, expect, it } from 'vitest';
import type { SecretProtector } from '../../../../electron/services/keyring.ts';
import { openToken, sealToken } from '../../../../electron/services/sync/token-seal.ts';

// A stand-in OS keyring: XOR with a machine secret is enough to tell sealed from plain here.
const keyring = (secret: number): SecretProtector => ({
  strong: true,
  seal: (b) => Buffer.from(b.map((x) => x ^ secret)),
  open: (b) => {
    const out = Buffer.from(b.map((x) => x ^ secret));
    if (!out.toString('utf8').startsWith('rt-')) throw new Error('not ours');
    return out;
  },
});

describe('the refresh token seal', () => {
  it('seals with a real keyring and opens it again', () => {
    const stored = sealToken('rt-123', keyring(7));
    expect(stored).not.toContain('rt-123');
    expect(stored.startsWith('sealed:')).toBe(true);
    expect(openToken(stored, keyring(7))).toBe('rt-123');
  });

  it('keeps the token as is without a real keyring (the encrypted store protects it)', () => {
    expect(sealToken('rt-123', { ...keyring(7), strong: false })).toBe('rt-123');
    expect(sealToken('rt-123', undefined)).toBe('rt-123');
    expect(openToken('rt-123', undefined)).toBe('rt-123');
  });

  it('answers null when another keyring sealed it, so the user signs in again', () => {
    expect(openToken(sealToken('rt-123', keyring(7)), keyring(9))).toBeNull();
    expect(openToken(sealToken('rt-123', keyring(7)), undefined)).toBeNull();
    expect(openToken(undefined, keyring(7))).toBeNull();
  });
});
