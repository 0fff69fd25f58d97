import { z } from 'zod';
import type { EligibilityInput, Programme } from './catalogue.ts';

// The eligibility pre-check (issue 17 item 2): the catalogue lists, per programme, the inputs its rules
// read; the pre-check records those and nothing else, evaluates the rules of the enrolment's own edition,
// and says which rules are not met. The result is advice: a person decides (admit / refuse) with a reason.
//
// Consent: age and recent work days are casework data (the required consent covers them); household
// income, assets and belonging to a 특정취약계층 are welfare/economic data, which domain.md §10 puts in the
// sensitive group ("health, disability and welfare answers"). So a pre-check that records any of them
// needs the sensitive consent in force besides the required one; without it the pre-check cannot be
// recorded (and the counselor is told which consent is missing).

export const ASSETS_BANDS = ['under-400m', 'over-400m'] as const;

/** Each input's value as stored: whole numbers within sense, a band, a yes/no. */
export const ELIGIBILITY_INPUT_SCHEMAS = {
  age: z.number().int().min(0).max(120),
  householdIncomePct: z.number().int().min(0).max(1_000),
  assetsBand: z.enum(ASSETS_BANDS),
  recentWorkDays: z.number().int().min(0).max(20_000),
  vulnerableGroup: z.boolean(),
} as const satisfies Record<EligibilityInput, z.ZodType>;

export type EligibilityInputs = Partial<{
  [K in EligibilityInput]: z.infer<(typeof ELIGIBILITY_INPUT_SCHEMAS)[K]>;
}>;

/** Inputs that are welfare/economic data: recording any of them needs the sensitive consent. */
export const SENSITIVE_ELIGIBILITY_INPUTS: readonly EligibilityInput[] = [
  'householdIncomePct',
  'assetsBand',
  'vulnerableGroup',
];

export function consentGroupsFor(programme: Programme): Array<'required' | 'sensitive'> {
  const inputs = programme.eligibility?.inputs ?? [];
  return inputs.some((i) => SENSITIVE_ELIGIBILITY_INPUTS.includes(i))
    ? ['required', 'sensitive']
    : ['required'];
}

/** The schema of a programme's pre-check inputs: exactly its listed inputs, each required, nothing else. */
export function eligibilityInputsSchema(programme: Programme) {
  const shape: Record<string, z.ZodType> = {};
  for (const input of programme.eligibility?.inputs ?? []) shape[input] = ELIGIBILITY_INPUT_SCHEMAS[input];
  return z.object(shape).strict();
}

export interface FailedRule {
  input: EligibilityInput;
  /** Which side of the rule the value missed. */
  rule: 'min' | 'max' | 'allowed' | 'missing';
  limit?: number | string[];
}

export interface EligibilityResult {
  meets: boolean;
  failed: FailedRule[];
}

/** The programme's rules against the inputs. A rule with `unlessInput` does not apply when that input is yes. */
export function evaluateEligibility(programme: Programme, inputs: EligibilityInputs): EligibilityResult {
  const failed: FailedRule[] = [];
  for (const r of programme.eligibility?.rules ?? []) {
    if (r.unlessInput && inputs[r.unlessInput] === true) continue;
    const value = inputs[r.input];
    if (value === undefined || value === null) {
      failed.push({ input: r.input, rule: 'missing' });
      continue;
    }
    if (r.allowed && !r.allowed.includes(String(value)))
      failed.push({ input: r.input, rule: 'allowed', limit: r.allowed });
    if (typeof value === 'number') {
      if (r.min && value < r.min.value) failed.push({ input: r.input, rule: 'min', limit: r.min.value });
      if (r.max && value > r.max.value) failed.push({ input: r.input, rule: 'max', limit: r.max.value });
    }
  }
  return { meets: failed.length === 0, failed };
}

// A person's decision on the pre-check and its reason codes (the text says the rest).
export const ELIGIBILITY_DECISIONS = ['admit', 'refuse'] as const;
export type EligibilityDecision = (typeof ELIGIBILITY_DECISIONS)[number];
export const ADMIT_REASONS = ['meets-rules', 'exception-approved', 'other'] as const;
export const REFUSE_REASONS = [
  'income-over-limit',
  'assets-over-limit',
  'age-outside',
  'work-history-short',
  'declined-by-jobseeker',
  'other',
] as const;
export const DECISION_REASONS = [...new Set([...ADMIT_REASONS, ...REFUSE_REASONS])] as [string, ...string[]];

export function reasonFits(decision: EligibilityDecision, reason: string): boolean {
  return (decision === 'admit' ? ADMIT_REASONS : REFUSE_REASONS).includes(reason as never);
}
