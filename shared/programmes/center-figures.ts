import { z } from 'zod';
import { CURRENT_CATALOGUE, figureFor, type Catalogue, type Figure, type Programme } from './catalogue.ts';

// A center's own values of the catalogue's figures (issue 17 item 1): a center admin sets, within the
// figure's min–max, the stage deadlines and the obligation interval and periods (and a group programme's
// sessions, capacity…). They live in the center's settings JSON under `programmes.figures`, keyed by
// programme code and figure path (`nes-1.stageDeadlineDays.plan`, `nes-1.obligations.job-search-report.
// intervalDays`), not by catalogue version: an enrolment reads its own edition's figure and takes the
// center's value only when it lies inside that edition's limits (figureFor), so a new edition with
// narrower limits never applies a value it does not allow.

/** One figure a center may set: only those with limits (`min`/`max`) in the catalogue. */
export interface AdjustableFigure {
  key: string;
  programme: string;
  /** The figure's path inside the programme, for the label: ['stageDeadlineDays', 'plan']. */
  path: readonly string[];
  figure: Figure;
}

function adjustable(f: Figure | undefined): f is Figure {
  return f !== undefined && (f.min !== undefined || f.max !== undefined);
}

function figuresOfProgramme(p: Programme): AdjustableFigure[] {
  const out: AdjustableFigure[] = [];
  const add = (path: string[], f: Figure | undefined) => {
    if (adjustable(f)) out.push({ key: [p.code, ...path].join('.'), programme: p.code, path, figure: f });
  };
  for (const [stage, f] of Object.entries(p.stageDeadlineDays ?? {})) add(['stageDeadlineDays', stage], f);
  for (const o of p.obligations ?? []) {
    add(['obligations', o.code, 'intervalDays'], o.intervalDays);
    add(['obligations', o.code, 'periods'], o.periods);
  }
  add(['sessions'], p.sessions);
  add(['capacity'], p.capacity);
  add(['completionAttendancePct'], p.completionAttendancePct);
  add(['durationDays'], p.durationDays);
  return out;
}

/** Every figure of the edition a center admin may set, in catalogue order. */
export function adjustableFigures(catalogue: Catalogue = CURRENT_CATALOGUE): AdjustableFigure[] {
  return catalogue.programmes.flatMap(figuresOfProgramme);
}

export type CenterFigures = Readonly<Record<string, number>>;

const FIGURE_KEY = /^[a-z0-9-]+(\.[a-zA-Z0-9-]+){1,3}$/;
/** The stored shape (and the channel's input): figure key → whole number. */
export const centerFiguresSchema = z
  .record(z.string().regex(FIGURE_KEY, 'programmes.figuresUnknown'), z.number().int().nonnegative())
  .refine((v) => Object.keys(v).length <= 200, 'validation.tooLong');

export interface FigureProblem {
  key: string;
  /** 'unknown': no such figure may be set; 'range': outside min–max. */
  problem: 'unknown' | 'range';
  min?: number;
  max?: number;
}

/** What is wrong with a center's values against the edition's limits (empty: all fit). */
export function checkCenterFigures(
  values: CenterFigures,
  catalogue: Catalogue = CURRENT_CATALOGUE,
): FigureProblem[] {
  const known = new Map(adjustableFigures(catalogue).map((f) => [f.key, f.figure]));
  const problems: FigureProblem[] = [];
  for (const [key, value] of Object.entries(values)) {
    const f = known.get(key);
    if (!f) {
      problems.push({ key, problem: 'unknown' });
      continue;
    }
    const min = f.min ?? f.value;
    const max = f.max ?? f.value;
    if (!Number.isInteger(value) || value < min || value > max)
      problems.push({ key, problem: 'range', min, max });
  }
  return problems;
}

/** The figure at `key` in `programme` of its edition (undefined when that edition has no such figure). */
function figureAt(programme: Programme, path: readonly string[]): Figure | undefined {
  const [head, a, b] = path;
  if (head === 'stageDeadlineDays') return programme.stageDeadlineDays?.[a as 'plan'];
  if (head === 'obligations') {
    const o = programme.obligations?.find((x) => x.code === a);
    return b === 'intervalDays' ? o?.intervalDays : b === 'periods' ? o?.periods : undefined;
  }
  if (
    head === 'sessions' ||
    head === 'capacity' ||
    head === 'completionAttendancePct' ||
    head === 'durationDays'
  )
    return programme[head];
  return undefined;
}

/**
 * The value in force of one of `programme`'s figures (as read from the record's own edition) for a
 * center: the center's value when set and inside the edition's limits, else the edition's value.
 */
export function figureValue(
  programme: Programme,
  path: readonly string[],
  centerFigures: CenterFigures = {},
): number | undefined {
  const f = figureAt(programme, path);
  if (!f) return undefined;
  return figureFor(f, centerFigures[[programme.code, ...path].join('.')]);
}

/** The center's saved values from its settings JSON; anything malformed reads as none. */
export function centerFiguresFrom(settingsJson: string | null | undefined): CenterFigures {
  if (!settingsJson) return {};
  try {
    const parsed = JSON.parse(settingsJson) as { programmes?: { figures?: unknown } } | null;
    const r = centerFiguresSchema.safeParse(parsed?.programmes?.figures ?? {});
    return r.success ? r.data : {};
  } catch {
    return {};
  }
}

/** The settings JSON with the center's figures replaced; every other entry (kiosk…) is kept. */
export function withCenterFigures(settingsJson: string | null | undefined, figures: CenterFigures): string {
  let base: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(settingsJson ?? '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      base = parsed as Record<string, unknown>;
  } catch {
    base = {};
  }
  const programmes = (typeof base['programmes'] === 'object' && base['programmes']) || {};
  return JSON.stringify({ ...base, programmes: { ...programmes, figures } });
}
