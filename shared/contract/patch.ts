import { z } from 'zod';

/**
 * The schema of an edit: every field optional, and a field left out stays out. Zod's own `.partial()`
 * keeps each field's `.default()`, so `{ name }` would come out with `phone: null, mobile: false, …`
 * and an edit of the name would wipe the phone number. Strict, like every input.
 */
export function patchSchema<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape) as Array<[string, z.ZodType]>) {
    shape[key] = (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field).optional();
  }
  // The parsed value has the same type as `.partial()`'s: a defaulted field may be absent.
  return z.object(shape).strict() as unknown as ReturnType<ReturnType<z.ZodObject<T>['partial']>['strict']>;
}
