// What the date field (DateField.tsx) shows and takes, the format of every screen and export.
export const DAY_PATTERN = 'YYYY-MM-DD';

/** Digits and dashes as typed → YYYY-MM-DD as far as it goes. */
export function dayAsTyped(raw: string): string {
  const d = raw.replace(/\D/g, '').slice(0, 8);
  if (d.length <= 4) return d;
  if (d.length <= 6) return `${d.slice(0, 4)}-${d.slice(4)}`;
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`;
}
