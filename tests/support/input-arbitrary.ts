import fc from 'fast-check';
import { z } from 'zod';

// Random inputs for a channel, derived from its zod schema (through zod's JSON Schema, the public view
// of a schema's shape), for the fuzz test of the dispatcher:
//   - `validish`: shaped like the schema (right keys, types, enums, patterns, ranges; ids drawn from a
//     pool of real records half the time), so calls get past validation and into the handlers;
//   - `mutated`: a validish input with one thing broken somewhere inside it: a wrong type, a missing or
//     extra key (prototype-pollution keys included), a huge or odd string, a number out of range, a
//     malformed date, junk nested deep;
//   - `junk`: anything at all that Electron's structured clone can carry.
// Refinements (check digits, date validity) are invisible in JSON Schema; validish inputs therefore
// also probe what validation lets through to the handlers, which is the point.

type Json = Record<string, unknown>;
type Path = Array<string | number>;

export interface ArbitraryOptions {
  /** Ids of real records; uuid fields pick from them half the time. */
  ids: readonly string[];
}

export function jsonSchemaOf(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

const DAY_PATTERN = String.raw`^\d{4}-\d{2}-\d{2}$`;

const korean = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
const oddChars = fc.constantFrom(
  '\u0000',
  '\uD800', // a lone surrogate
  '\u202E', // right-to-left override
  '\u200B',
  '\uFEFF',
  '👩‍👩‍👧',
  '\n',
  '"',
  "'",
  '\\',
  '%',
  '_',
  '*',
  ';',
  '--',
);

function text(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const unit = fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) },
    { weight: 3, arbitrary: korean },
    { weight: 1, arbitrary: oddChars },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  );
  return fc.string({ unit, minLength, maxLength: Math.min(maxLength, minLength + 40) });
}

const validDay = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

export const malformedDays = [
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '0000-00-00',
  '9999-99-99',
  '2026-1-1',
  ' 2026-01-01',
  '2026-01-01T25:00',
  '2026/01/01',
  '',
];

function stringArbitrary(s: Json, o: ArbitraryOptions, key: string): fc.Arbitrary<string> {
  const min = typeof s['minLength'] === 'number' ? s['minLength'] : 0;
  const max = typeof s['maxLength'] === 'number' ? s['maxLength'] : 200;
  if (s['format'] === 'uuid') {
    return o.ids.length > 0 ? fc.oneof(fc.constantFrom(...o.ids), fc.uuid()) : fc.uuid();
  }
  // An id field without the uuid format (e.g. an account's): real ids too, so the handler gets past "not found".
  if ((key === 'id' || key.endsWith('Id')) && o.ids.length > 0 && !s['pattern']) {
    return fc.oneof(fc.constantFrom(...o.ids), text(min, max));
  }
  if (s['format'] === 'email') return fc.emailAddress();
  const pattern = typeof s['pattern'] === 'string' ? s['pattern'] : null;
  if (pattern === DAY_PATTERN) return fc.oneof(validDay, fc.stringMatching(new RegExp(pattern)));
  if (pattern) return fc.stringMatching(new RegExp(pattern), { size: 'small' });
  return text(min, max);
}

function numberArbitrary(s: Json, integer: boolean): fc.Arbitrary<number> {
  const lo = typeof s['minimum'] === 'number' ? s['minimum'] : -1e9;
  const hi = typeof s['maximum'] === 'number' ? s['maximum'] : 1e9;
  return integer
    ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) })
    : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}

/** An input shaped like the schema (see above). */
export function validish(schema: Json, o: ArbitraryOptions, key = ''): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema['const']);
  if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
  const alternatives = (schema['anyOf'] ?? schema['oneOf']) as Json[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((a) => validish(a, o, key)));
  const type = schema['type'];
  if (Array.isArray(type)) return fc.oneof(...type.map((t) => validish({ ...schema, type: t }, o, key)));
  switch (type) {
    case 'string':
      return stringArbitrary(schema, o, key);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = (schema['items'] as Json | undefined) ?? {};
      const minLength = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
      const maxItems = typeof schema['maxItems'] === 'number' ? schema['maxItems'] : 5;
      return fc.array(validish(items, o), { minLength, maxLength: Math.min(maxItems, minLength + 5) });
    }
    case 'object': {
      const properties = schema['properties'] as Record<string, Json> | undefined;
      if (properties) {
        const required = (schema['required'] as string[] | undefined) ?? [];
        const model = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, validish(v, o, k)]));
        return fc.record(model, { requiredKeys: required });
      }
      const names = schema['propertyNames'] as Json | undefined;
      const values = (schema['additionalProperties'] as Json | undefined) ?? {};
      const keys = names ? (validish(names, o) as fc.Arbitrary<string>) : fc.string({ maxLength: 8 });
      return fc.dictionary(keys, validish(values, o), { maxKeys: 4 });
    }
    default:
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null));
  }
}

// ---- Junk and mutations ----

const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

/** Anything a window could send through Electron's structured clone (no functions). */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    maxDepth: 3,
    maxKeys: 5,
    key: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...POLLUTING_KEYS)),
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
    withObjectString: true,
  }),
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_VALUE,
    1e308,
    -1,
    0.5,
    2 ** 31,
    10n ** 30n,
    '',
    ' ',
    'null',
    'undefined',
    '[object Object]',
    new Date(NaN),
    [],
    {},
    [[[[[[]]]]]],
    ...malformedDays,
  ),
  fc.constantFrom(...POLLUTING_KEYS).map((k) => ownProperty({}, k, { polluted: true })),
);

/** A string long enough to hurt anything that forgets a maximum. */
export const hugeString = fc
  .tuple(fc.constantFrom('가', 'a', '0', ' ', '\u0000', '😀'), fc.integer({ min: 10_000, max: 300_000 }))
  .map(([c, n]) => c.repeat(n));

const edgeNumber = fc.constantFrom(
  -1,
  -0,
  0,
  0.5,
  1e9,
  -1e9,
  2 ** 53,
  Number.MAX_VALUE,
  NaN,
  Infinity,
  -Infinity,
  1900,
  2101,
);

/** Sets a key as an own, enumerable property even when it is `__proto__`. */
function ownProperty(target: object, key: string, value: unknown): object {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function pathsOf(v: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...prefix, i], out));
  else if (isPlainObject(v)) for (const k of Object.keys(v)) pathsOf(v[k], [...prefix, k], out);
  return out;
}

function clone(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clone);
  if (isPlainObject(v)) {
    const out = {};
    for (const k of Object.keys(v)) ownProperty(out, k, clone(v[k]));
    return out;
  }
  return v;
}

function getAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const k of path) v = (v as Record<string | number, unknown>)[k];
  return v;
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1] as string | number;
  if (Array.isArray(parent)) parent[key as number] = value;
  else ownProperty(parent, String(key), value);
  return root;
}

type Mutation =
  | { kind: 'replace'; value: unknown }
  | { kind: 'delete' }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'wrap' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: junk.map((value) => ({ kind: 'replace' as const, value })) },
  { weight: 2, arbitrary: hugeString.map((value) => ({ kind: 'replace' as const, value })) },
  { weight: 2, arbitrary: edgeNumber.map((value) => ({ kind: 'replace' as const, value })) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...malformedDays).map((value) => ({ kind: 'replace' as const, value })),
  },
  {
    weight: 2,
    arbitrary: oddChars.map((c) => ({ kind: 'replace' as const, value: `x${c}y` })),
  },
  { weight: 3, arbitrary: fc.constant({ kind: 'delete' as const }) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.oneof(fc.constantFrom(...POLLUTING_KEYS), fc.string({ maxLength: 8 })), junk)
      .map(([key, value]) => ({ kind: 'extra' as const, key, value })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'wrap' as const }) },
);

function mutate(input: unknown, pick: number, m: Mutation): unknown {
  const root = clone(input);
  const paths = pathsOf(root);
  const path = paths[pick % paths.length] ?? [];
  switch (m.kind) {
    case 'replace':
      return setAt(root, path, m.value);
    case 'delete': {
      if (path.length === 0) return undefined;
      const parent = getAt(root, path.slice(0, -1));
      const key = path[path.length - 1] as string | number;
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete (parent as Record<string, unknown>)[key];
      return root;
    }
    case 'extra': {
      const target = getAt(root, path);
      if (isPlainObject(target)) {
        ownProperty(target, m.key, m.value);
        return root;
      }
      return setAt(root, path, ownProperty({}, m.key, m.value));
    }
    case 'wrap':
      return setAt(root, path, [getAt(root, path)]);
  }
}

/** A validish input with one thing broken. */
export function mutated(schema: Json, o: ArbitraryOptions): fc.Arbitrary<unknown> {
  return fc.tuple(validish(schema, o), fc.nat(), mutation).map(([input, pick, m]) => mutate(input, pick, m));
}

/** The mix the fuzz test sends: mostly near-valid, so the handlers behind validation get exercised. */
export function channelInput(schema: z.ZodType, o: ArbitraryOptions): fc.Arbitrary<unknown> {
  const json = jsonSchemaOf(schema);
  return fc.oneof(
    { weight: 4, arbitrary: validish(json, o) },
    { weight: 5, arbitrary: mutated(json, o) },
    { weight: 1, arbitrary: junk },
  );
}
