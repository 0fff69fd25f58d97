import type { TFunction } from 'i18next';
import type { FailedRule } from '../../../shared/programmes/eligibility.ts';

// Labels the programme screens share: a rule not met, in the counselor's language.

export function failedText(t: TFunction, failed: readonly FailedRule[]): string {
  return failed
    .map((f) =>
      t(`programmes.rule.${f.rule}`, {
        input: t(`programmes.inputs.${f.input}`),
        limit: Array.isArray(f.limit) ? f.limit.join(', ') : (f.limit ?? ''),
      }),
    )
    .join(', ');
}
