import { z } from 'zod';

// Ticket numbers across several ticket-issuing PCs of one center (issue 18 item 5). Each PC that issues
// tickets (a kiosk, or a desk) has its own letter, kept in the center's settings JSON under
// `ticketLetters` (device id → letter) and synced with the center row: every PC knows every letter,
// offline too, and counts its own numbers per day (A-001, A-002 … on one kiosk, B-001 … on the next).
// Two PCs with different letters can never issue the same ticket, whatever the network does. A PC
// without a letter issues plain numbers, as before (a center with one kiosk needs no setting).

export const TICKET_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'.split('');
/** A letter, or '' for the plain numbers of a PC without one (and of tickets from before letters). */
export const ticketPrefixSchema = z.string().regex(/^([A-HJ-NP-Z])?$/, 'ticketDevice.letterInvalid');
export const ticketLetterSchema = z.string().regex(/^[A-HJ-NP-Z]$/, 'ticketDevice.letterInvalid');

const lettersSchema = z.record(z.string().uuid(), ticketLetterSchema);
export type TicketLetters = z.infer<typeof lettersSchema>;

/** "A-012"; a ticket without a letter keeps its plain number ("12"). */
export function ticketLabel(prefix: string, no: number): string {
  return prefix === '' ? String(no) : `${prefix}-${String(no).padStart(3, '0')}`;
}

/** The device → letter map from the center's settings JSON; anything unreadable counts as none. */
export function ticketLettersFrom(settingsJson: string | null | undefined): TicketLetters {
  if (!settingsJson) return {};
  try {
    const parsed = JSON.parse(settingsJson) as { ticketLetters?: unknown } | null;
    const r = lettersSchema.safeParse(parsed?.ticketLetters ?? {});
    return r.success ? r.data : {};
  } catch {
    return {};
  }
}

/** The settings JSON with this device's letter set (or removed, for null); other entries kept. */
export function withTicketLetter(
  settingsJson: string | null | undefined,
  deviceId: string,
  letter: string | null,
): string {
  let base: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(settingsJson ?? '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      base = parsed as Record<string, unknown>;
  } catch {
    base = {};
  }
  const letters = { ...ticketLettersFrom(settingsJson) };
  if (letter === null) delete letters[deviceId];
  else letters[deviceId] = letter;
  return JSON.stringify({ ...base, ticketLetters: letters });
}

/** The device holding `letter` other than `deviceId`, if any (a letter is one PC's only). */
export function letterHolder(letters: TicketLetters, letter: string, deviceId: string): string | null {
  for (const [device, l] of Object.entries(letters)) if (l === letter && device !== deviceId) return device;
  return null;
}
