import type { Insertable } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { stepsOf } from '../../../shared/casework/service-plan.ts';
import type { AttendanceMark } from '../../../shared/domain/groups.ts';
import { CURRENT_CATALOGUE, programmesOfKind } from '../../../shared/programmes/catalogue.ts';
import { completionOf } from '../../../shared/programmes/group-completion.ts';
import type { JobseekerTrack } from '../../../shared/profiling/index.ts';
import type { ServiceContext } from '../context.ts';
import { seededRng, seededUuidv7 } from './random.ts';

// Demo group programmes (issue 17 item 3): for the center, runs of each catalogue group programme — two
// finished (every session marked, completion decided, the motivation step of the completed people's plan
// recorded done), one under way (its past sessions marked) and one about to start (people enrolled, one
// or two waiting). Participants are the center's cases on the programme's tracks. A generator of its own
// seed, so adding it leaves the rest of the demo as it was. Seed data: no outbox, like the rest.

const DAY = 86_400_000;
const HOUR = 3_600_000;
const KST = 9 * HOUR;
const HLC_ZERO = '000000000000000:00000:demo';
const ROOMS = ['2층 집단상담실', '3층 교육장', '1층 세미나실'];

type Row<T extends keyof Database> = Insertable<Database[T]>;

export interface DemoGroupInput {
  centerCode: string;
  /** UTC midnight of the anchor day. */
  anchorMs: number;
  seed: number;
}

export interface DemoGroupSummary {
  runs: number;
  participants: number;
  marks: number;
}

export async function generateDemoGroups(ctx: ServiceContext, o: DemoGroupInput): Promise<DemoGroupSummary> {
  const rng = seededRng(o.seed ^ 0x6772);
  const staff = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('center_code', '=', o.centerCode)
    .where('role', '=', 'counselor')
    .orderBy('login_id')
    .execute();
  if (staff.length === 0) return { runs: 0, participants: 0, marks: 0 };
  const programmes = programmesOfKind('group-programme');
  const runs: Array<Row<'group_programmes'>> = [];
  const sessions: Array<Row<'group_sessions'>> = [];
  const participants: Array<Row<'group_participants'>> = [];
  const marks: Array<Row<'group_attendance'>> = [];
  const steps: Array<Row<'service_plan_steps'>> = [];
  const taken = new Set<string>();
  // Days from the anchor to the first session: two runs finished, one under way, one to come.
  const starts = [-70, -35, -4, 10];
  let index = 0;
  for (const offsetDays of starts) {
    const p = programmes[index % programmes.length];
    index += 1;
    if (!p?.sessions || !p.capacity || !p.completionAttendancePct) continue;
    const candidates = await ctx.db
      .selectFrom('jobseekers')
      .select(['id', 'current_track'])
      .where('center_code', '=', o.centerCode)
      .where('archived', '=', 0)
      .where('status', '=', 'active')
      .where('current_track', 'in', p.tracks)
      .orderBy('id')
      .limit(400)
      .execute();
    const pool = candidates.filter((c) => !taken.has(c.id));
    if (pool.length === 0) continue;
    const first = o.anchorMs + offsetDays * DAY - KST + 14 * HOUR;
    const created = first - 21 * DAY;
    const facilitator = rng.pick(staff).id;
    const runId = seededUuidv7(created, rng);
    const capacity = p.capacity.value;
    const pct = p.completionAttendancePct.value;
    runs.push({
      id: runId,
      hlc: HLC_ZERO,
      center_code: o.centerCode,
      programme_code: p.code,
      catalogue_version: CURRENT_CATALOGUE.version,
      title: `${p.ko.split(' (')[0] ?? p.ko} ${index}기`,
      facilitator_id: facilitator,
      place: rng.pick(ROOMS),
      capacity,
      completion_pct: pct,
      created_by: facilitator,
      created_at: new Date(created).toISOString(),
      updated_at: new Date(created).toISOString(),
    });
    const sessionIds: string[] = [];
    const sessionStarts: number[] = [];
    for (let n = 0; n < p.sessions.value; n++) {
      // A session every other day, at 14:00 in Korea.
      const at = first + n * 2 * DAY;
      const id = seededUuidv7(created, rng);
      sessionIds.push(id);
      sessionStarts.push(at);
      sessions.push({
        id,
        hlc: HLC_ZERO,
        programme_id: runId,
        session_no: n + 1,
        starts_at: new Date(at).toISOString(),
        duration_min: 120,
        place: null,
        capacity: null,
        created_at: new Date(created).toISOString(),
      });
    }
    const seated = Math.min(pool.length, capacity - rng.int(0, 3));
    const waiting = offsetDays > 0 ? Math.min(2, pool.length - seated) : 0;
    const people = pool.slice(0, seated + Math.max(0, waiting));
    for (const [i, person] of people.entries()) {
      taken.add(person.id);
      const participantId = seededUuidv7(created + HOUR, rng);
      const enrolledAt = new Date(created + rng.int(1, 10) * DAY).toISOString();
      const personMarks = new Map<string, AttendanceMark>();
      sessionIds.forEach((sid, n) => {
        const at = sessionStarts[n] ?? 0;
        if (i >= seated || at > o.anchorMs) return;
        const mark: AttendanceMark = rng.weighted([
          ['attended', 85],
          ['absent', 10],
          ['excused', 5],
        ] as const);
        personMarks.set(sid, mark);
        marks.push({
          id: seededUuidv7(at + 2 * HOUR, rng),
          hlc: HLC_ZERO,
          participant_id: participantId,
          session_id: sid,
          mark,
          note: null,
          recorded_by: facilitator,
          recorded_at: new Date(at + 2 * HOUR).toISOString(),
        });
      });
      const finished = (sessionStarts.at(-1) ?? 0) < o.anchorMs;
      const completion = completionOf(sessionIds, personMarks, pct);
      const decided = i < seated && finished;
      const status =
        i >= seated
          ? 'waiting'
          : decided
            ? completion.state === 'reached'
              ? 'completed'
              : 'not_completed'
            : 'enrolled';
      const decidedAt = new Date((sessionStarts.at(-1) ?? 0) + DAY).toISOString();
      participants.push({
        id: participantId,
        hlc: HLC_ZERO,
        jobseeker_id: person.id,
        programme_id: runId,
        status,
        enrolled_by: facilitator,
        enrolled_at: enrolledAt,
        completion_pct: decided ? completion.pct : null,
        decided_by: decided ? facilitator : null,
        decided_at: decided ? decidedAt : null,
        note: null,
      });
      if (
        status === 'completed' &&
        stepsOf(person.current_track as JobseekerTrack).includes(p.planStep as never)
      ) {
        const latest = await ctx.db
          .selectFrom('assessments')
          .select('id')
          .where('jobseeker_id', '=', person.id)
          .orderBy('created_at', 'desc')
          .limit(1)
          .executeTakeFirst();
        const already = latest
          ? await ctx.db
              .selectFrom('service_plan_steps')
              .select('id')
              .where('assessment_id', '=', latest.id)
              .where('step', '=', p.planStep)
              .where('archived', '=', 0)
              .executeTakeFirst()
          : undefined;
        if (latest && !already)
          steps.push({
            id: seededUuidv7(Date.parse(decidedAt), rng),
            hlc: HLC_ZERO,
            jobseeker_id: person.id,
            assessment_id: latest.id,
            step: p.planStep,
            done_on: decidedAt.slice(0, 10),
            note: null,
            recorded_by: facilitator,
            recorded_at: decidedAt,
          });
      }
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    const put = async <T extends keyof Database>(table: T, rows: Array<Row<T>>) => {
      for (let i = 0; i < rows.length; i += 400)
        await trx
          .insertInto(table)
          .values(rows.slice(i, i + 400))
          .execute();
    };
    await put('group_programmes', runs);
    await put('group_sessions', sessions);
    await put('group_participants', participants);
    await put('group_attendance', marks);
    await put('service_plan_steps', steps);
  });
  return { runs: runs.length, participants: participants.length, marks: marks.length };
}
