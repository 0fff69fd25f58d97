import { seededRng, type Rng } from '../../electron/services/demo/random.ts';
import type { DesktopStore } from '../../electron/services/store.ts';

// Inputs drawn from the generated store itself, deterministically (the same store and seed give the
// same inputs): search fragments a counselor would type, and ids of jobseekers to open.

export type FragmentKind = 'name2' | 'name3' | 'phone4';
export const FRAGMENT_KINDS: readonly FragmentKind[] = ['name2', 'name3', 'phone4'];

export interface SearchFragment {
  kind: FragmentKind;
  text: string;
}

interface PersonRow {
  id: string;
  name: string;
  phone: string | null;
}

export interface RowSampler {
  /** A jobseeker picked uniformly by rowid. */
  person(): PersonRow;
  /** `count` fragments, the kinds in turn, then shuffled: name2 '민준', name3 '김민준', phone4 '5678'. */
  fragments(count: number): SearchFragment[];
  ids(count: number): string[];
}

export function rowSampler(store: DesktopStore, seed: number): RowSampler {
  const rng = seededRng(seed);
  const bounds = store.raw.prepare('SELECT min(rowid) AS lo, max(rowid) AS hi FROM jobseekers').get() as {
    lo: number | null;
    hi: number | null;
  };
  if (bounds.lo === null || bounds.hi === null) throw new Error('the store has no jobseekers to sample');
  const { lo, hi } = bounds;
  const at = store.raw.prepare(
    'SELECT id, name, phone FROM jobseekers WHERE rowid >= ? ORDER BY rowid LIMIT 1',
  );
  const person = (): PersonRow => {
    const row = at.get(rng.int(lo, hi)) as PersonRow | undefined;
    if (!row) throw new Error('sampled past the last jobseeker');
    return row;
  };
  const fragment = (kind: FragmentKind): SearchFragment => {
    for (let tries = 0; tries < 10_000; tries++) {
      const { name, phone } = person();
      // Demo names are a one-syllable surname and a two-syllable given name.
      if (kind === 'name2' && name.length >= 3) return { kind, text: name.slice(-2) };
      if (kind === 'name3' && name.length >= 3) return { kind, text: name.slice(0, 3) };
      if (kind === 'phone4' && phone !== null && phone.length >= 4) return { kind, text: phone.slice(-4) };
    }
    throw new Error(`no jobseeker in the store gives a ${kind} fragment`);
  };
  return {
    person,
    fragments: (count) =>
      shuffle(
        rng,
        Array.from({ length: count }, (_, i) => fragment(kindAt(i))),
      ),
    ids: (count) => Array.from({ length: count }, () => person().id),
  };
}

function kindAt(i: number): FragmentKind {
  return FRAGMENT_KINDS[i % FRAGMENT_KINDS.length] as FragmentKind;
}

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
