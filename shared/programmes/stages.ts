import {
  CATALOGUES,
  PROGRAMME_STAGES,
  type Catalogue,
  type Programme,
  type ProgrammeStage,
} from './catalogue.ts';
import { figureValue, type CenterFigures } from './center-figures.ts';

// The enrolment's stage machine (issue 17 item 2): 참여 요건 확인 → 취업활동계획 수립 → 취업지원서비스 →
// 사후관리 → 종료 with an outcome code. Any stage may end early (a refusal, a withdrawal, a job found during
// the plan); nothing skips forward (no service without a plan) and nothing goes back. Each stage's start
// day is kept, and its deadline (start + the stage's days from the enrolment's OWN catalogue edition, or the
// center's value within that edition's limits) is fixed when the stage starts, so a later edition or a
// changed center value never moves a deadline already given. Programmes of other kinds with stages use the
// same machine: it reads only `stageDeadlineDays` and the edition's outcomes.
//
// `checkEnrolmentRow` is the same rule on a stored row: the server refuses a pushed enrolment whose stage,
// dates, decision and outcome do not fit together (a jump plan → ended without an outcome, service
// without a plan day, an outcome on an open enrolment).

export type { ProgrammeStage } from './catalogue.ts';
export const STAGE_DAY_FIELD = {
  eligibility: 'enrolled_on',
  plan: 'plan_on',
  service: 'service_on',
  'follow-up': 'follow_up_on',
  ended: 'ended_on',
} as const satisfies Record<ProgrammeStage, string>;

const NEXT: Readonly<Record<ProgrammeStage, readonly ProgrammeStage[]>> = {
  eligibility: ['plan', 'ended'],
  plan: ['service', 'ended'],
  service: ['follow-up', 'ended'],
  'follow-up': ['ended'],
  ended: [],
};

export function nextStages(stage: ProgrammeStage): readonly ProgrammeStage[] {
  return NEXT[stage];
}

export function stageIndex(stage: ProgrammeStage): number {
  return PROGRAMME_STAGES.indexOf(stage);
}

/** What the machine reads of an enrolment (its stored row's names). */
export interface EnrolmentState {
  programme_code: string;
  catalogue_version: string;
  stage: ProgrammeStage;
  decision: 'admit' | 'refuse' | null;
  outcome: string | null;
  enrolled_on: string;
  plan_on: string | null;
  service_on: string | null;
  follow_up_on: string | null;
  ended_on: string | null;
  stage_due_on: string | null;
}

/** The edition an enrolment started on and its programme there (undefined: this build does not know it). */
export function enrolmentProgramme(
  e: Pick<EnrolmentState, 'programme_code' | 'catalogue_version'>,
  catalogues: readonly Catalogue[] = CATALOGUES,
): { catalogue: Catalogue; programme: Programme } | undefined {
  const catalogue = catalogues.find((c) => c.version === e.catalogue_version);
  const programme = catalogue?.programmes.find((p) => p.code === e.programme_code);
  return catalogue && programme ? { catalogue, programme } : undefined;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Days the stage may last for this center (undefined: the programme gives no deadline for it). */
export function stageDeadlineDays(
  programme: Programme,
  stage: ProgrammeStage,
  centerFigures: CenterFigures = {},
): number | undefined {
  if (stage === 'ended') return undefined;
  return figureValue(programme, ['stageDeadlineDays', stage], centerFigures);
}

/** A new enrolment: on the newest edition, in the eligibility stage, with that stage's deadline. */
export function startEnrolment(
  programmeCode: string,
  on: string,
  centerFigures: CenterFigures = {},
  catalogues: readonly Catalogue[] = CATALOGUES,
): EnrolmentState | { error: 'programmes.unknownProgramme' | 'programmes.noStages' } {
  const catalogue = catalogues[catalogues.length - 1];
  const programme = catalogue?.programmes.find((p) => p.code === programmeCode);
  if (!catalogue || !programme) return { error: 'programmes.unknownProgramme' };
  if (!programme.stageDeadlineDays) return { error: 'programmes.noStages' };
  const days = stageDeadlineDays(programme, 'eligibility', centerFigures);
  return {
    programme_code: programmeCode,
    catalogue_version: catalogue.version,
    stage: 'eligibility',
    decision: null,
    outcome: null,
    enrolled_on: on,
    plan_on: null,
    service_on: null,
    follow_up_on: null,
    ended_on: null,
    stage_due_on: days === undefined ? null : addDays(on, days),
  };
}

export type MoveError =
  | 'programmes.stage.unknownEdition'
  | 'programmes.stage.notAllowed'
  | 'programmes.stage.needsAdmit'
  | 'programmes.stage.needsOutcome'
  | 'programmes.stage.unknownOutcome'
  | 'programmes.stage.outcomeOnlyAtEnd'
  | 'programmes.stage.dayBeforeLast';

export type StagePatch = Partial<EnrolmentState>;

/** The day the current stage started. */
export function currentStageDay(e: EnrolmentState): string {
  for (let i = stageIndex(e.stage); i >= 0; i--) {
    const d = e[STAGE_DAY_FIELD[PROGRAMME_STAGES[i] as ProgrammeStage]];
    if (d) return d;
  }
  return e.enrolled_on;
}

/** Moving `e` to `to` on day `on`: the fields to change, or why not. */
export function moveStage(
  e: EnrolmentState,
  to: ProgrammeStage,
  on: string,
  opts: { outcome?: string | null; centerFigures?: CenterFigures; catalogues?: readonly Catalogue[] } = {},
): { patch: StagePatch } | { error: MoveError } {
  const found = enrolmentProgramme(e, opts.catalogues);
  if (!found) return { error: 'programmes.stage.unknownEdition' };
  if (!NEXT[e.stage].includes(to)) return { error: 'programmes.stage.notAllowed' };
  // Only an admitted person starts the plan; a refusal ends the enrolment.
  if (to !== 'ended' && e.decision !== 'admit') return { error: 'programmes.stage.needsAdmit' };
  const outcome = opts.outcome ?? null;
  if (to === 'ended') {
    if (!outcome) return { error: 'programmes.stage.needsOutcome' };
    if (!found.catalogue.outcomes.some((o) => o.code === outcome))
      return { error: 'programmes.stage.unknownOutcome' };
  } else if (outcome) return { error: 'programmes.stage.outcomeOnlyAtEnd' };
  if (on < currentStageDay(e)) return { error: 'programmes.stage.dayBeforeLast' };
  const days = stageDeadlineDays(found.programme, to, opts.centerFigures);
  return {
    patch: {
      stage: to,
      [STAGE_DAY_FIELD[to]]: on,
      stage_due_on: days === undefined ? null : addDays(on, days),
      ...(to === 'ended' ? { outcome } : {}),
    },
  };
}

export interface StageStep {
  stage: ProgrammeStage;
  state: 'done' | 'current' | 'todo' | 'skipped';
  startedOn: string | null;
  /** The current stage's deadline as given when it started; none for the others. */
  dueOn: string | null;
  overdue: boolean;
}

/** The stepper's view: each stage with its day, the current one with its deadline. */
export function stageSteps(e: EnrolmentState, today: string): StageStep[] {
  const current = stageIndex(e.stage);
  return PROGRAMME_STAGES.map((stage, i) => {
    const startedOn = e[STAGE_DAY_FIELD[stage]];
    const state = i === current ? 'current' : i < current ? (startedOn ? 'done' : 'skipped') : 'todo';
    const dueOn = state === 'current' ? e.stage_due_on : null;
    return { stage, state, startedOn, dueOn, overdue: dueOn !== null && dueOn < today };
  });
}

/**
 * A stored enrolment row fits the machine: the days of every stage up to the current one are set (the
 * ended stage aside, which an early end skips to) and in order, later stages have none, an outcome is
 * there exactly when ended, a stage past eligibility needs the admit decision. Null: it fits; otherwise
 * the first field that does not.
 */
export function checkEnrolmentRow(row: Record<string, unknown>): string | null {
  const stage = row['stage'] as ProgrammeStage;
  const current = stageIndex(stage);
  if (current < 0) return 'stage';
  const ended = stage === 'ended';
  if (ended !== (row['outcome'] !== null && row['outcome'] !== undefined)) return 'outcome';
  if (ended !== Boolean(row['ended_on'])) return 'ended_on';
  let last = '';
  let gap = false;
  for (const [i, s] of PROGRAMME_STAGES.entries()) {
    const field = STAGE_DAY_FIELD[s];
    const day = row[field];
    if (i > current) {
      if (day) return field;
      continue;
    }
    if (!day) {
      // Only an early end leaves stages out, and only after the last one reached.
      if (s === 'eligibility' || !ended) return field;
      gap = true;
      continue;
    }
    if (gap && s !== 'ended') return field;
    if (typeof day !== 'string' || day < last) return field;
    last = day;
  }
  if (current >= stageIndex('plan') && (row['plan_on'] || row['service_on'] || row['follow_up_on']))
    if (row['decision'] !== 'admit') return 'decision';
  return null;
}
