import { z } from 'zod';

// The lobby call display (호출 화면, issue 18 item 4): what it shows is public, numbers and counters
// only. The same shape comes from the sync server (`GET /v1/lobby/calls`, for a display on another PC)
// and from the local store (a center without a server, or the PC the counselors call from).

/** How many recent calls the display lists (the newest is shown large). */
export const LOBBY_RECENT_CALLS = 8;
/** A long-poll's longest wait; the display asks again at once after each answer. */
export const LOBBY_MAX_WAIT_MS = 20_000;
/** How often a waiting long-poll looks for a change: a call reaches the display within this, plus the push. */
export const LOBBY_POLL_STEP_MS = 200;

export interface LobbyCall {
  /** The ticket's id: a new call of the same number (called again) has a new `calledAt`. */
  id: string;
  /** "A-012" (shared/domain/tickets.ts). */
  label: string;
  counterId: string | null;
  calledAt: string;
}

export interface LobbyCallsAnswer {
  /** Opaque: send it back as `after`; the answer comes when something changed after it (or on timeout). */
  cursor: string;
  day: string;
  /** Newest first, at most LOBBY_RECENT_CALLS. */
  calls: LobbyCall[];
}

export const lobbyCallsQuerySchema = z
  .object({
    after: z
      .string()
      .regex(/^\d{1,18}$/, 'validation.invalid')
      .optional(),
    wait: z.coerce.number().int().min(0).max(LOBBY_MAX_WAIT_MS).default(0),
  })
  .strict();

/** Only tickets a counselor called (and may since have finished) are on the display. */
export function isCalledStatus(status: unknown): boolean {
  return status === 'called' || status === 'done';
}
