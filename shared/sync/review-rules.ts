import type { ReviewChoice, ReviewKind } from './protocol.ts';

// Who may resolve a review item with which choice (sync.md § Conflicts: "a supervisor or the counselors
// resolve it"; issue 13: "never by the author of the held change alone"). One rule both sides read: the
// server decides with it (server/sync/resolve.ts) and the desk offers only the choices it allows.
//   - admins manage accounts, never cases: no item;
//   - the held change's author may give it up (`kept`) but never apply it themselves (`held`): someone
//     else it concerns, or a supervisor, decides that it wins;
//   - a refused change handed to a supervisor is decided by a supervisor;
//   - otherwise a supervisor, either author, or the counselor who owns the case.

export type ResolveVerdict = 'ok' | 'notConcerned' | 'supervisorOnly' | 'ownHeldChange';

export interface Resolver {
  role: 'counselor' | 'supervisor' | 'admin';
  userId: string;
  /** Whether the case the item belongs to is in this person's own caseload. */
  ownsCase: boolean;
}

export interface ResolvableItem {
  kind: ReviewKind;
  keptAuthor: string;
  heldAuthor: string;
}

export function resolveVerdict(p: Resolver, item: ResolvableItem, choice: ReviewChoice): ResolveVerdict {
  if (p.role === 'admin') return 'notConcerned';
  if (choice === 'held' && item.heldAuthor !== '' && p.userId === item.heldAuthor) return 'ownHeldChange';
  if (item.kind === 'refused') return p.role === 'supervisor' ? 'ok' : 'supervisorOnly';
  if (p.role === 'supervisor') return 'ok';
  const author = p.userId === item.keptAuthor || p.userId === item.heldAuthor;
  return author || p.ownsCase ? 'ok' : 'notConcerned';
}

/** The choices of `offered` this person may make. */
export function choicesFor(
  p: Resolver,
  item: ResolvableItem,
  offered: readonly ReviewChoice[],
): ReviewChoice[] {
  return offered.filter((c) => resolveVerdict(p, item, c) === 'ok');
}
