import { describe, expect, it } from 'vitest';
import { CHOICES_BY_KIND, REVIEW_KINDS } from '../../../../shared/sync/protocol.ts';
import { choicesFor, resolveVerdict, type Resolver } from '../../../../shared/sync/review-rules.ts';

// Who may resolve a review item with which choice (sync.md § Conflicts; issue 13: never the held
// change's author alone; a hand-over only by a supervisor; admins never).

const item = (kind: (typeof REVIEW_KINDS)[number]) => ({ kind, keptAuthor: 'kept', heldAuthor: 'held' });
const person = (role: Resolver['role'], userId: string, ownsCase = false): Resolver => ({
  role,
  userId,
  ownsCase,
});

describe('review rules', () => {
  it('never lets the held change’s author apply it, whatever their role', () => {
    for (const kind of REVIEW_KINDS) {
      for (const role of ['counselor', 'supervisor'] as const) {
        expect(resolveVerdict(person(role, 'held', true), item(kind), 'held')).toBe('ownHeldChange');
      }
    }
    expect(resolveVerdict(person('counselor', 'held'), item('conflict'), 'kept')).toBe('ok');
  });

  it('leaves a hand-over to supervisors', () => {
    expect(resolveVerdict(person('supervisor', 'lead'), item('refused'), 'held')).toBe('ok');
    expect(resolveVerdict(person('counselor', 'held'), item('refused'), 'kept')).toBe('supervisorOnly');
    expect(resolveVerdict(person('counselor', 'owner', true), item('refused'), 'held')).toBe(
      'supervisorOnly',
    );
  });

  it('lets the other author, the case owner and supervisors decide other items; nobody else, never an admin', () => {
    expect(resolveVerdict(person('counselor', 'kept'), item('conflict'), 'held')).toBe('ok');
    expect(resolveVerdict(person('counselor', 'owner', true), item('scope-exit'), 'held')).toBe('ok');
    expect(resolveVerdict(person('supervisor', 'lead'), item('deleted'), 'kept')).toBe('ok');
    expect(resolveVerdict(person('counselor', 'stranger'), item('conflict'), 'kept')).toBe('notConcerned');
    expect(resolveVerdict(person('admin', 'kept', true), item('conflict'), 'kept')).toBe('notConcerned');
  });

  it('offers each person only the choices they may make', () => {
    expect(choicesFor(person('counselor', 'held'), item('conflict'), CHOICES_BY_KIND.conflict)).toEqual([
      'kept',
    ]);
    expect(choicesFor(person('counselor', 'kept'), item('conflict'), CHOICES_BY_KIND.conflict)).toEqual([
      'kept',
      'held',
    ]);
    expect(choicesFor(person('counselor', 'held'), item('refused'), CHOICES_BY_KIND.refused)).toEqual([]);
    expect(choicesFor(person('supervisor', 'lead'), item('derived'), CHOICES_BY_KIND.derived)).toEqual([
      'acknowledged',
    ]);
  });
});
