import { z } from 'zod';
import v1 from '../../resources/programmes/PRG-2026-v1.json' with { type: 'json' };
import { ALL_SERVICE_PLAN_STEPS } from '../casework/service-plan.ts';
import { JOBSEEKER_TRACK_VALUES } from '../profiling/index.ts';

// The programme catalogue (issue 17 item 1): versioned reference data, like the profiling rule set. Each
// edition is a file in resources/programmes/ named by its version; every record that uses it stores the
// version it started on and keeps reading that edition, so a new edition never changes an enrolment
// already under way. Figures the seeds do not give (durations, intervals, allowance amounts) are data
// marked `toConfirm`, never logic; those with `min`/`max` are the limits within which a center admin may
// set the center's own value (center settings), nothing outside them.

const labelled = { code: z.string().regex(/^[a-z0-9-]+$/), ko: z.string().min(1), en: z.string().min(1) };

/** A figure of the real programme: `toConfirm` until the center checks it; `min`/`max` bound a center's value. */
const figureSchema = z
  .object({
    value: z.number().int().nonnegative(),
    toConfirm: z.boolean(),
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().nonnegative().optional(),
  })
  .strict()
  .refine((f) => (f.min ?? f.value) <= f.value && f.value <= (f.max ?? f.value), 'value outside its limits');
export type Figure = z.infer<typeof figureSchema>;

export const PROGRAMME_STAGES = ['eligibility', 'plan', 'service', 'follow-up', 'ended'] as const;
export type ProgrammeStage = (typeof PROGRAMME_STAGES)[number];

export const PROGRAMME_KINDS = [
  'national-employment-support',
  'group-programme',
  'work-experience',
  'training',
] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

export const PROVIDER_KINDS = ['partner-agency', 'welfare-resource', 'training-provider'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const ELIGIBILITY_INPUTS = [
  'age',
  'householdIncomePct',
  'assetsBand',
  'recentWorkDays',
  'vulnerableGroup',
] as const;
export type EligibilityInput = (typeof ELIGIBILITY_INPUTS)[number];

const planStep = z.enum(ALL_SERVICE_PLAN_STEPS as [string, ...string[]]);

const ruleSchema = z
  .object({
    input: z.enum(ELIGIBILITY_INPUTS),
    min: figureSchema.optional(),
    max: figureSchema.optional(),
    allowed: z.array(z.string()).optional(),
    /** The rule does not apply when this yes/no input is yes (a 특정취약계층 has no income limit). */
    unlessInput: z.enum(ELIGIBILITY_INPUTS).optional(),
  })
  .strict();

const obligationSchema = z
  .object({ ...labelled, intervalDays: figureSchema, periods: figureSchema })
  .strict();

const programmeSchema = z
  .object({
    ...labelled,
    kind: z.enum(PROGRAMME_KINDS),
    planStep,
    completionStep: planStep.optional(),
    tracks: z.array(z.enum(JOBSEEKER_TRACK_VALUES)).min(1),
    eligibility: z
      .object({ inputs: z.array(z.enum(ELIGIBILITY_INPUTS)).min(1), rules: z.array(ruleSchema) })
      .strict()
      .optional(),
    stageDeadlineDays: z
      .object({
        eligibility: figureSchema,
        plan: figureSchema,
        service: figureSchema,
        'follow-up': figureSchema,
      })
      .strict()
      .optional(),
    obligations: z.array(obligationSchema).optional(),
    allowance: z
      .object({ ko: z.string(), en: z.string(), monthlyKrw: figureSchema, months: figureSchema })
      .strict()
      .optional(),
    sessions: figureSchema.optional(),
    capacity: figureSchema.optional(),
    completionAttendancePct: figureSchema.optional(),
    durationDays: figureSchema.optional(),
  })
  .strict();
export type Programme = z.infer<typeof programmeSchema>;

const providerSchema = z.object({ ...labelled, kind: z.enum(PROVIDER_KINDS), planStep }).strict();
export type Provider = z.infer<typeof providerSchema>;

export const catalogueSchema = z
  .object({
    version: z.string().regex(/^PRG-\d{4}-v\d+$/),
    source: z.string().min(1),
    stages: z.array(z.object({ code: z.enum(PROGRAMME_STAGES), ko: z.string(), en: z.string() }).strict()),
    outcomes: z.array(z.object({ ...labelled, employed: z.boolean() }).strict()).min(1),
    programmes: z.array(programmeSchema).min(1),
    providers: z.array(providerSchema).min(1),
  })
  .strict()
  .superRefine((c, ctx) => {
    const codes = [...c.programmes, ...c.providers].map((p) => p.code);
    if (new Set(codes).size !== codes.length) ctx.addIssue({ code: 'custom', message: 'duplicate code' });
    for (const p of c.programmes) {
      // An enrolment with stages (국민취업지원제도) needs their deadlines; a group programme its sessions.
      if (p.kind === 'national-employment-support' && !(p.stageDeadlineDays && p.eligibility))
        ctx.addIssue({ code: 'custom', message: `${p.code}: stage deadlines and eligibility required` });
      if (p.kind === 'group-programme' && !(p.sessions && p.capacity && p.completionAttendancePct))
        ctx.addIssue({ code: 'custom', message: `${p.code}: sessions, capacity and completion required` });
    }
  });
export type Catalogue = z.infer<typeof catalogueSchema>;

/** Every edition, oldest first; the last is the one new records start on. */
export const CATALOGUES: readonly Catalogue[] = [catalogueSchema.parse(v1)];
export const CURRENT_CATALOGUE = CATALOGUES[CATALOGUES.length - 1] as Catalogue;
export type CatalogueVersion = string;

const byVersion = new Map(CATALOGUES.map((c) => [c.version, c]));

/** The edition a record started on; undefined for a version this build does not know. */
export function catalogueOf(version: CatalogueVersion): Catalogue | undefined {
  return byVersion.get(version);
}

export function programmeOf(code: string, version: CatalogueVersion = CURRENT_CATALOGUE.version) {
  return catalogueOf(version)?.programmes.find((p) => p.code === code);
}

export function providerOf(code: string, version: CatalogueVersion = CURRENT_CATALOGUE.version) {
  return catalogueOf(version)?.providers.find((p) => p.code === code);
}

export function programmesOfKind(kind: ProgrammeKind, catalogue: Catalogue = CURRENT_CATALOGUE) {
  return catalogue.programmes.filter((p) => p.kind === kind);
}

export function providersOfKind(kind: ProviderKind, catalogue: Catalogue = CURRENT_CATALOGUE) {
  return catalogue.providers.filter((p) => p.kind === kind);
}

export const OUTCOME_CODES = CURRENT_CATALOGUE.outcomes.map((o) => o.code);

/** A figure's value for a center: the center's own setting when it lies within the figure's limits. */
export function figureFor(figure: Figure, centerValue: number | null | undefined): number {
  if (centerValue === null || centerValue === undefined || !Number.isInteger(centerValue))
    return figure.value;
  const min = figure.min ?? figure.value;
  const max = figure.max ?? figure.value;
  return centerValue >= min && centerValue <= max ? centerValue : figure.value;
}
