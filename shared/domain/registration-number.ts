// Jobseeker registration numbers are issued by the app (never the resident registration number).
// Desktops issue them offline, so they cannot be a shared counter: 40 random bits in Crockford base32
// (no I, L, O, U to misread at the counter), with the year in front: "26-7F3K-Q9M2".

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `random` returns an integer in [0, 32). */
export function makeRegistrationNumber(year: number, random: () => number): string {
  let body = '';
  for (let i = 0; i < 8; i++) body += CROCKFORD[random() % 32] ?? '0';
  return `${String(year % 100).padStart(2, '0')}-${body.slice(0, 4)}-${body.slice(4)}`;
}

export function isRegistrationNumber(value: string): boolean {
  return /^\d{2}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/.test(value);
}
