import { createHash } from 'node:crypto';
import { makeVerificationCode } from '../casework-certificates.ts';

// The 알선장's verification code. A referral is an append-only record created on any desktop, so its
// code is derived from its id rather than stored: every desktop and the CLI compute the same code, and
// a code that matches no referral in the store is not genuine. Same alphabet and shape as the
// certificate's code (XXXX-XXXX-XXXX), so one look-up screen takes both.

export function referralLetterCode(referralId: string): string {
  const digest = createHash('sha256').update(`caseworker:referral-letter:${referralId}`).digest();
  let i = 0;
  return makeVerificationCode((n) => (digest[i++] ?? 0) % n);
}
