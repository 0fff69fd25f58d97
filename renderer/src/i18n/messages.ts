import type { i18n as I18n } from 'i18next';
import { parseRule } from '../../../shared/contract/messages.ts';

// The one place a rule message (`key|name=value…`, shared/contract/messages.ts) becomes a sentence:
// i18next hands every key it has no text for to `parseMissingKeyHandler`, which is where such messages
// land, whichever screen called `t()` with them. The rule's text gets its figures, and the field's
// label goes in front when the message names a field the forms know ("출생연도: 1900년부터 …").

export function ruleText(i18n: Pick<I18n, 't' | 'exists'>, message: string): string {
  if (!message.includes('|')) return message;
  const { key, params } = parseRule(message);
  if (!i18n.exists(key)) return message;
  const rule = i18n.t(key, params);
  const field = params['field'];
  const labelKey = `forms.field.${String(field)}`;
  if (field === undefined || !i18n.exists(labelKey)) return rule;
  return i18n.t('forms.withField', { label: i18n.t(labelKey), rule });
}
