import { figureFor, programmeOf, type CatalogueVersion } from './catalogue.ts';
import type { AttendanceMark } from '../domain/groups.ts';

// Completion of a group programme (issue 17 item 3): a participant completes when the sessions they
// attended reach the programme's completionAttendancePct of the run's sessions (the catalogue edition the
// run started on, within the center's limits). An excused absence is not attendance: the figure is a
// share of sessions attended, as the programme's own rule states it; the counselor decides the exceptions
// by confirming (or not) with a note. The computation only proposes: a person confirms it.

export type CompletionState =
  /** Enough sessions attended: may be confirmed as completed. */
  | 'reached'
  /** Not enough yet, but the sessions still unmarked could reach it. */
  | 'open'
  /** Even attending every unmarked session would not reach it: may be confirmed as not completed. */
  | 'unreachable';

export interface Completion {
  state: CompletionState;
  attended: number;
  sessions: number;
  /** Sessions needed for completion (ceil of pct × sessions). */
  needed: number;
  /** attended / sessions, in whole percent (0 for a run without sessions). */
  pct: number;
  requiredPct: number;
}

/** The run's completion threshold: the catalogue edition's figure within its limits, or the run's own. */
export function completionPctOf(
  programmeCode: string,
  version: CatalogueVersion,
  centerValue?: number | null,
): number {
  const p = programmeOf(programmeCode, version);
  if (!p?.completionAttendancePct) throw new Error(`not a group programme: ${programmeCode}@${version}`);
  return figureFor(p.completionAttendancePct, centerValue);
}

export function sessionsNeeded(sessions: number, requiredPct: number): number {
  // Integer arithmetic: 80 % of 5 sessions is exactly 4, never 4.000000001.
  return Math.ceil((sessions * requiredPct) / 100);
}

/**
 * The completion of one participant: `marks` are the marks in force per session (latestMarks), `sessions`
 * the ids of the run's sessions (archived ones left out by the caller).
 */
export function completionOf(
  sessions: readonly string[],
  marks: ReadonlyMap<string, AttendanceMark>,
  requiredPct: number,
): Completion {
  const total = sessions.length;
  let attended = 0;
  let unmarked = 0;
  for (const s of sessions) {
    const m = marks.get(s);
    if (m === 'attended') attended += 1;
    else if (m === undefined) unmarked += 1;
  }
  const needed = sessionsNeeded(total, requiredPct);
  const state: CompletionState =
    total > 0 && attended >= needed
      ? 'reached'
      : attended + unmarked >= needed && total > 0
        ? 'open'
        : 'unreachable';
  return {
    state: total === 0 ? 'open' : state,
    attended,
    sessions: total,
    needed,
    pct: total === 0 ? 0 : Math.floor((attended * 100) / total),
    requiredPct,
  };
}
