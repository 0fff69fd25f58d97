// Main refuses calls from a session that went idle too long ("auth.sessionLocked"), whatever the screen
// thinks. The API layer announces such a refusal here so the session provider can lock the screen.

export const SESSION_LOCKED_EVENT = 'caseworker:session-locked';

export function announceSessionLocked(): void {
  window.dispatchEvent(new Event(SESSION_LOCKED_EVENT));
}
