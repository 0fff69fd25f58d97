// A referral takes the candidate out of the ranking (matching skips who is already referred), and the
// list loads again after every write (data/freshness.ts). Removing the row then moved every row below it
// up by one a moment after the click, so the counselor's next click, aimed at the next candidate, could
// land on the one after (or on nothing while the rows moved). The rows referred on this screen stay where
// they were, marked referred, until the counselor leaves the opening; the rows around them keep their places.

export interface KeptRow<T> {
  row: T;
  /** Its place in the list when it was referred. */
  index: number;
}

export function keepInPlace<T extends { jobseekerId: string }>(
  fresh: readonly T[],
  kept: ReadonlyMap<string, KeptRow<T>>,
): T[] {
  const rows = [...fresh];
  const present = new Set(fresh.map((r) => r.jobseekerId));
  const missing = [...kept.entries()]
    .filter(([id]) => !present.has(id))
    .sort((a, b) => a[1].index - b[1].index);
  for (const [, k] of missing) rows.splice(Math.min(k.index, rows.length), 0, k.row);
  return rows;
}
