import { createHash, randomBytes } from 'node:crypto';

// Refresh tokens are random 256-bit values handed to the desktop once; the server keeps only their hash.

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_DAYS = 14;

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface AccessClaims {
  sub: string;
  dev: string;
  role: 'counselor' | 'supervisor' | 'admin';
  center: string;
  /** The account's session epoch when issued: a password reset or deactivation moves it on. */
  ep: number;
  /** The refresh-token family (sign-in) the access token came from: revoked with it. */
  fam: string;
}
