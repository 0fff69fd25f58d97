import { z } from 'zod';

// The building blocks of the per-table declarations (shared/sync/tables/index.ts): what a column may
// hold, who may set it, and what the server owns. A value is checked with the same zod schema the desk
// contract uses for the field, and it must already be in its stored form (trimmed, digits only, ...):
// the schema's output must equal the value sent, so a desktop cannot store what its own form would not.

export type Role = 'counselor' | 'supervisor' | 'admin';
export const CASE_ROLES = ['counselor', 'supervisor'] as const satisfies readonly Role[];
export const CENTER_ADMIN_ROLES = ['supervisor', 'admin'] as const satisfies readonly Role[];

/** Where a scope-defining column points: only its own flow changes it (server/sync/flows.ts). */
export type ScopeColumn = 'center' | 'owner' | 'region' | 'parent';

/** A value only the server knows: the signed-in person, their device, or their center. */
export type AuthoredBy = 'user' | 'device' | 'center';

export interface ColumnDecl {
  /** The stored value's schema, null included when the column allows it. */
  readonly value: z.ZodType;
  /** A new record must name it (a NOT NULL column without a default on the desktop). */
  readonly required: boolean;
  /** Who may change it after the insert (mutable tables); 'never' for a column fixed at insert. */
  readonly update: 'never' | readonly Role[];
  readonly scope?: ScopeColumn;
  readonly author?: AuthoredBy;
  /** Computed again on the server from other columns (a classification): the client's value must match. */
  readonly derived?: true;
}

export interface ColumnOptions {
  /** Has a default on the desktop (status, archived, flags): a new record may leave it out. */
  optional?: true;
  update?: 'never' | readonly Role[];
  scope?: ScopeColumn;
  author?: AuthoredBy;
  derived?: true;
}

function acceptsNull(schema: z.ZodType): boolean {
  return schema.safeParse(null).success;
}

export function col(value: z.ZodType, o: ColumnOptions = {}): ColumnDecl {
  const nullable = acceptsNull(value);
  return {
    value,
    required: !nullable && !o.optional,
    update: o.scope || o.derived ? 'never' : (o.update ?? CASE_ROLES),
    ...(o.scope ? { scope: o.scope } : {}),
    ...(o.author ? { author: o.author } : {}),
    ...(o.derived ? { derived: true as const } : {}),
  };
}

/** Whether `value` is a valid stored value of the column: accepted by its schema and already normalised. */
export function validStored(decl: ColumnDecl, value: unknown): boolean {
  const parsed = decl.value.safeParse(value);
  if (!parsed.success) return false;
  // Most values are strings, numbers or null: compared as they are; arrays and objects by their JSON.
  if (parsed.data === value || (parsed.data === undefined && value === null)) return true;
  return JSON.stringify(parsed.data ?? null) === JSON.stringify(value ?? null);
}

// ---- value schemas for the columns no form schema covers ----

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

/** A moment as the desktop stores it (Date#toISOString). */
export const timestamp = z
  .string()
  .max(40)
  .regex(ISO_TIME)
  .refine((v) => !Number.isNaN(Date.parse(v)));

/** A client-made record id (UUIDv7, sync.md § Conflicts "append-only"). */
export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const uuidV7 = z.string().regex(UUID_V7);
/** Any account or record id the server issued or a desktop made (UUIDs of either version). */
export const anyUuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

/** A center's code (its settings row's key). */
export const CENTER_CODE = /^[A-Z0-9][A-Z0-9_-]{1,15}$/;
export const centerCode = z.string().regex(CENTER_CODE);

/** INTEGER 0/1, the desktop's boolean. */
export const bool01 = z.union([z.literal(0), z.literal(1)]);

export function int(min: number, max: number) {
  return z.number().int().min(min).max(max);
}

export function text(max: number, min = 0) {
  return z
    .string()
    .max(max)
    .refine((v) => v.trim().length >= min);
}

export function enumOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values);
}

/** A JSON text column whose parsed content must match `inner` (or anything JSON, when absent). */
export function jsonText(max: number, inner?: z.ZodType) {
  return z
    .string()
    .max(max)
    .refine((v) => {
      try {
        const parsed: unknown = JSON.parse(v);
        return inner ? inner.safeParse(parsed).success : true;
      } catch {
        return false;
      }
    });
}
