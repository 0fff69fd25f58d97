// Korean phone numbers arrive typed in many ways (010-1234-5678, 01012345678, 02 123 4567).
// We keep the digits only, so search and duplicate checks compare like with like.

export function phoneDigits(value: string): string {
  return value.replace(/\D+/g, '');
}

/** Mobile (01x), Seoul (02), other area codes (0xx) and 070/050 numbers: 9 to 11 digits starting with 0. */
export function isKoreanPhone(value: string): boolean {
  return /^0\d{8,10}$/.test(phoneDigits(value));
}

export function formatPhone(value: string): string {
  const d = phoneDigits(value);
  if (d.startsWith('02')) {
    return d.length === 9 ? `02-${d.slice(2, 5)}-${d.slice(5)}` : `02-${d.slice(2, 6)}-${d.slice(6)}`;
  }
  if (d.length === 11) return `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`;
  if (d.length === 10) return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;
  return d;
}

/**
 * The number as center-wide lists show it (issue 15): the middle group hidden, the area code and the
 * last four digits kept (010-****-5678, 02-***-4567), enough to tell people apart and to confirm with
 * them, not enough to call them. The case file shows the whole number.
 */
export function maskPhone(value: string): string {
  const formatted = formatPhone(value);
  const groups = formatted.split('-');
  if (groups.length === 3) return `${groups[0]}-${'*'.repeat(groups[1]?.length ?? 0)}-${groups[2]}`;
  const d = phoneDigits(value);
  return d.length > 4 ? `${'*'.repeat(d.length - 4)}${d.slice(-4)}` : '*'.repeat(d.length);
}
