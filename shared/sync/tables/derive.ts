import { z } from 'zod';
import { KIOSK_ITEMS, OVERRIDE_REASON_CODES, SENSITIVE_ITEMS, typeOfTrack } from '../../casework/intake.ts';
import { EMPLOYER_OVERRIDE_REASONS } from '../../domain/employers.ts';
import {
  CHECKLIST_ITEMS,
  RULE_SET,
  classifyEmployer,
  classifyJobseeker,
  employerProfileSchema,
  jobseekerChecklistSchema,
  type JobseekerTrack,
} from '../../profiling/index.ts';
import type { Problem } from './types.ts';

// Derived values derived again (issue 13 §4): an assessment stores the checklist, the rule set's result
// and the counselor's decision. The server classifies the stored inputs again with the rule set the row
// names; the stored result must be exactly that, and a final decision that differs from it must be an
// override with its reason code and written reason.

const KNOWN_RULE_SETS: readonly string[] = [RULE_SET];

/** An assessment's stored inputs (shared/casework/intake.ts StoredInputs): the checklist and its provenance. */
const storedInputsSchema = jobseekerChecklistSchema
  .extend({
    // Older rows (demo data, earlier versions) hold a bare checklist: readStoredInputs reads them too.
    declined: z.array(z.enum(SENSITIVE_ITEMS)).max(SENSITIVE_ITEMS.length).optional(),
    kioskItems: z.array(z.enum(KIOSK_ITEMS)).max(KIOSK_ITEMS.length).optional(),
    checkinId: z.string().max(64).optional(),
  })
  .strict();

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function hasReason(code: unknown, codes: readonly string[], textValue: unknown): boolean {
  return (
    typeof code === 'string' &&
    codes.includes(code) &&
    typeof textValue === 'string' &&
    textValue.trim().length > 0
  );
}

export function checkJobseekerAssessment(row: Record<string, unknown>): Problem | null {
  const ruleSet = String(row['rule_set']);
  if (!KNOWN_RULE_SETS.includes(ruleSet)) return { code: 'unknownRuleSet', values: { ruleSet } };
  const inputs = storedInputsSchema.safeParse(parseJson(row['inputs']));
  if (!inputs.success) return { code: 'classificationMismatch', values: { ruleSet } };
  const checklist = Object.fromEntries(CHECKLIST_ITEMS.map((k) => [k, inputs.data[k]]));
  const parsed = jobseekerChecklistSchema.safeParse(checklist);
  if (!parsed.success) return { code: 'classificationMismatch', values: { ruleSet } };
  const result = classifyJobseeker(parsed.data);
  if (!same(parseJson(row['result']), result) || row['type'] !== result.type || row['track'] !== result.track)
    return { code: 'classificationMismatch', values: { ruleSet } };
  const finalTrack = row['final_track'] as JobseekerTrack;
  if (row['final_type'] !== typeOfTrack(finalTrack))
    return { code: 'classificationMismatch', values: { ruleSet } };
  return checkDecision(row, finalTrack !== result.track, OVERRIDE_REASON_CODES);
}

export function checkEmployerAssessment(row: Record<string, unknown>): Problem | null {
  const ruleSet = String(row['rule_set']);
  if (!KNOWN_RULE_SETS.includes(ruleSet)) return { code: 'unknownRuleSet', values: { ruleSet } };
  const parsed = employerProfileSchema.safeParse(parseJson(row['inputs']));
  if (!parsed.success) return { code: 'classificationMismatch', values: { ruleSet } };
  const result = classifyEmployer(parsed.data);
  if (!same(parseJson(row['result']), result) || row['type'] !== result.type)
    return { code: 'classificationMismatch', values: { ruleSet } };
  return checkDecision(row, row['final_type'] !== result.type, EMPLOYER_OVERRIDE_REASONS);
}

/** Accepted: the final result is the rule set's, no reason. Overridden: a different result, with its reason. */
function checkDecision(
  row: Record<string, unknown>,
  differs: boolean,
  codes: readonly string[],
): Problem | null {
  const code = row['override_reason_code'] ?? null;
  const reason = row['override_reason_text'] ?? null;
  if (row['decision'] === 'accepted') {
    if (differs || code !== null || reason !== null) return { code: 'overrideIncomplete' };
    return null;
  }
  if (!differs || !hasReason(code, codes, reason)) return { code: 'overrideIncomplete' };
  return null;
}
