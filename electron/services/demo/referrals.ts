import type { ServiceContext } from '../context.ts';
import { DAY, HLC_ZERO, insertBatched, iso, type Progress, type Row } from './batch.ts';
import { seededUuidv7, type Rng } from './random.ts';

// Demo referrals (알선) with their event histories, drawn from openings of the jobseeker's desired
// occupation where possible; a hire is followed up at one, three and six months.

export async function generateDemoReferrals(
  ctx: ServiceContext,
  o: {
    rng: Rng;
    anchor: number;
    jobseekers: ReadonlyArray<Row<'jobseekers'>>;
    openings: ReadonlyArray<Row<'job_openings'>>;
    counselorIds: string[];
    progress: Progress;
  },
): Promise<{ referrals: number; events: number }> {
  const { rng, anchor, jobseekers, openings, counselorIds, progress } = o;
  const referrals: Array<Row<'referrals'>> = [];
  const events: Array<Row<'referral_events'>> = [];
  const openingsByOccupation = new Map<string, Array<Row<'job_openings'>>>();
  for (const op of openings) {
    const list = openingsByOccupation.get(op.occupation) ?? [];
    list.push(op);
    openingsByOccupation.set(op.occupation, list);
  }
  for (const js of jobseekers) {
    if (openings.length === 0 || !rng.chance(0.3)) continue;
    const pool =
      (js.desired_occupation ? openingsByOccupation.get(js.desired_occupation) : undefined) ?? openings;
    const taken = new Set<string>();
    for (let n = rng.int(1, 2); n > 0; n--) {
      const opening = rng.pick(pool);
      if (taken.has(opening.id)) continue;
      taken.add(opening.id);
      const counselor = js.assigned_counselor_id ?? rng.pick(counselorIds);
      let at = Math.max(Date.parse(js.registered_at), Date.parse(opening.created_at)) + rng.int(1, 30) * DAY;
      if (at >= anchor) continue;
      const referralId = seededUuidv7(at, rng);
      referrals.push({
        id: referralId,
        hlc: HLC_ZERO,
        jobseeker_id: js.id,
        opening_id: opening.id,
        counselor_id: counselor,
        created_at: iso(at),
      });
      const path = rng.weighted([
        [['proposed'], 1],
        [['proposed', 'declined'], 1],
        [['proposed', 'referred'], 2],
        [['proposed', 'referred', 'no-show'], 1],
        [['proposed', 'referred', 'interview'], 2],
        [['proposed', 'referred', 'interview', 'not-hired'], 3],
        [['proposed', 'referred', 'interview', 'hired'], 3],
      ] as const);
      for (const kind of path) {
        if (at >= anchor) break;
        events.push({
          id: seededUuidv7(at, rng),
          hlc: HLC_ZERO,
          referral_id: referralId,
          kind,
          at: iso(at),
          counselor_id: counselor,
          note: null,
          data: '{}',
        });
        at += rng.int(2, 14) * DAY;
      }
      if (path.at(-1) === 'hired') {
        for (const months of [1, 3, 6]) {
          const check = at + months * 30 * DAY;
          if (check >= anchor) break;
          events.push({
            id: seededUuidv7(check, rng),
            hlc: HLC_ZERO,
            referral_id: referralId,
            kind: 'follow-up',
            at: iso(check),
            counselor_id: counselor,
            note: null,
            data: JSON.stringify({ months, employed: rng.chance(0.8) }),
          });
        }
      }
    }
  }
  await insertBatched(ctx, 'referrals', referrals, (d) => progress('referrals', d, referrals.length));
  await insertBatched(ctx, 'referral_events', events, (d) => progress('referral events', d, events.length));
  return { referrals: referrals.length, events: events.length };
}
