import type { z } from 'zod';

// Validation messages with their rule's figures (issue 15 item 8). A message crosses IPC and HTTP as one
// string, and every screen already hands that string to `t()`; so the figures travel inside it:
//
//   key|name=value|name=value        e.g.  validation.range|min=1900|max=2026|field=birthYear
//
// The renderer's i18n decodes it once, in one place (renderer/src/i18n/messages.ts), into the key's text
// with the figures and the field's label. Values never hold `|` or `=`, and a message holds no `:` (it
// would read as an i18next namespace). Schemas build their messages with `rule()`; `issueMessage()`
// gives zod's own issues (a string over its limit, an unknown choice) the same form, so a message always
// names the field and the rule, whatever the schema author wrote.

export type MessageParams = Record<string, string | number>;

export function rule(key: string, params: MessageParams = {}): string {
  const parts = Object.entries(params).map(([k, v]) => `${k}=${String(v).replace(/[|=:]/g, ' ')}`);
  return [key, ...parts].join('|');
}

export function parseRule(message: string): { key: string; params: MessageParams } {
  const [key = '', ...parts] = message.split('|');
  const params: MessageParams = {};
  for (const part of parts) {
    const at = part.indexOf('=');
    if (at > 0) params[part.slice(0, at)] = part.slice(at + 1);
  }
  return { key, params };
}

/** A message key (`area.name`), as opposed to zod's own English sentence. */
const KEY = /^[a-zA-Z][\w-]*(\.[\w-]+)+(\|.*)?$/;
/** Keys that say only "something is wrong": the issue's own figures make them say which rule. */
const GENERIC = new Set(['validation.tooLong', 'validation.required', 'validation.failed', '']);

/** The field an issue is about: the last named step of its path (`fields.birthYear` → `birthYear`). */
export function fieldOf(path: ReadonlyArray<PropertyKey>): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const step = path[i];
    if (typeof step === 'string') return step;
  }
  return '';
}

type Issue = z.core.$ZodIssue;

/** One zod issue as a message: the schema's own key where it gave one, with the rule's figures added. */
export function issueMessage(issue: Issue): string {
  const field = fieldOf(issue.path);
  const own = KEY.test(issue.message) ? issue.message : '';
  const withField = (message: string) => {
    const { key, params } = parseRule(message);
    return rule(key, field && params['field'] === undefined ? { ...params, field } : params);
  };
  if (own && !GENERIC.has(parseRule(own).key)) return withField(own);
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string')
        return withField(rule('validation.tooLongMax', { max: num(issue.maximum) }));
      if (issue.origin === 'array' || issue.origin === 'set')
        return withField(rule('validation.tooMany', { max: num(issue.maximum) }));
      return withField(rule('validation.max', { max: num(issue.maximum) }));
    case 'too_small':
      if (issue.origin === 'string' && num(issue.minimum) <= 1) return withField('validation.required');
      if (issue.origin === 'string')
        return withField(rule('validation.tooShort', { min: num(issue.minimum) }));
      if (issue.origin === 'array' || issue.origin === 'set')
        return withField(rule('validation.tooFew', { min: num(issue.minimum) }));
      return withField(rule('validation.min', { min: num(issue.minimum) }));
    case 'invalid_type':
      return withField(issue.input === undefined ? 'validation.required' : 'validation.type');
    case 'invalid_value':
      return withField('validation.choice');
    case 'invalid_format':
      return withField('validation.format');
    case 'unrecognized_keys':
      return rule('validation.unknownField', { names: issue.keys.join(' ') });
    default:
      return withField(own || 'validation.failed');
  }
}

function num(value: number | bigint): number {
  return Number(value);
}
