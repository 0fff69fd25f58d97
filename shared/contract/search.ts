import { z } from 'zod';

/**
 * A search box's text: trimmed, at most `max` characters, control characters (NUL, tabs, line breaks
 * pasted along) turned into spaces. A NUL reached SQLite's full-text query parser and failed the call.
 */
export function searchQuerySchema(max: number) {
  return z
    .string()
    .trim()
    .max(max, 'validation.tooLong')
    .transform((v) => v.replace(/\p{Cc}/gu, ' ').trim())
    .default('');
}
