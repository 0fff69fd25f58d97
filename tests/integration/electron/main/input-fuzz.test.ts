import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../../../electron/main/dispatcher.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import { channelNames, contract, type ChannelName } from '../../../../shared/contract/index.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import { seedFixture, type Fixture } from '../../../support/case-fixtures.ts';
import { channelInput, jsonSchemaOf } from '../../../support/input-arbitrary.ts';
import { storeWatch } from '../../../support/store-digest.ts';
import { dispatcherFor, makeTestStore, sessionHolder, type TestStore } from '../../../support/temp-store.ts';

// Every channel's input validation, fuzzed through the real dispatcher on a real store, as a caller the
// channel allows. Inputs are random and malformed (tests/support/input-arbitrary.ts): wrong types,
// missing and extra keys, prototype-pollution keys, huge strings, odd unicode, nested junk, numbers out
// of range, malformed dates, and near-valid inputs pointing at real records. For every call:
//   - the dispatcher answers (no crash, no rejected promise) and never with `internal`;
//   - a refusal is a `validation` error naming its field(s), or a domain error, with a message;
//   - a refused call changes nothing: every table, the outbox and the audit trail (store-digest.ts);
//   - nothing reaches Object.prototype.
// Seeded: FUZZ_SEED replays a run, FUZZ_RUNS sets the cases per channel.

const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_108);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 100);

/** Channels whose handlers are slow by design (password hashing, PDF and XLSX files): fewer cases. */
const FEWER: Partial<Record<ChannelName, number>> = {
  'auth:login': 12,
  'auth:unlock': 12,
  'auth:setup': 12,
  'reports:export': 12,
  'accounts:create': 12,
  'accounts:resetPassword': 12,
};

/** A failed sign-in or unlock is recorded on purpose (the lockout count and its audit entry). */
const LOGIN_BOOKKEEPING = new Set<ChannelName>(['auth:login', 'auth:unlock']);
/** The failure count (users), its audit entry, and that entry's way to the server (outbox, HLC in meta). */
const BOOKKEEPING_TABLES = ['users', 'audit_entries', 'outbox', 'meta'];

let t: TestStore;
let f: Fixture;
let dispatch: ReturnType<typeof dispatcherFor>['dispatch'];
let logged: Array<Record<string, unknown>>;
let cases = 0;
/** How the calls ended (ok, validation, not-found, …): the fuzz is only worth something if many get past validation. */
const outcomes = new Map<string, number>();

beforeAll(async () => {
  t = await makeTestStore();
  f = await seedFixture(t);
  ({ dispatch, errors: logged } = dispatcherFor(t.store));
});
afterAll(async () => {
  const tally = [...outcomes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
  console.log(
    `input fuzz: ${cases} cases over ${channelNames.length} channels (seed ${SEED}): ${tally.join(', ')}`,
  );
  await t.cleanup();
});

function sessionFor(role: string): SessionInfo {
  switch (role) {
    case 'counselor':
      return f.sessions.counselor;
    case 'supervisor':
      return f.sessions.supervisor;
    default:
      return f.sessions.admin;
  }
}

/** The callers a channel allows: its roles on the desk, nobody on a public desk channel, the kiosk. */
function allowedCaller(name: ChannelName): fc.Arbitrary<() => Caller> {
  const spec = contract[name];
  if (spec.access === 'kiosk') return fc.constant(() => ({ surface: 'kiosk', session: sessionHolder(null) }));
  if (spec.access === 'public') return fc.constant(() => ({ surface: 'desk', session: sessionHolder(null) }));
  return fc
    .constantFrom(...spec.access)
    .map((role) => () => ({ surface: 'desk' as const, session: sessionHolder(sessionFor(role)) }));
}

function checkRefusal(name: ChannelName, result: Result<unknown>): void {
  if (result.ok) return;
  const e = result.error;
  const failure = logged.map((l) => (l['err'] as { stack?: string } | undefined)?.stack ?? '').join('\n');
  expect(e.code, `${name}: ${JSON.stringify(e)}\n${failure}`).not.toBe('internal');
  expect(typeof e.message === 'string' && e.message.length > 0, `${name}: no message`).toBe(true);
  if (e.code === 'validation') {
    expect(typeof e.field, `${name}: validation without a field`).toBe('string');
    for (const issue of e.issues ?? []) {
      expect(typeof issue.field).toBe('string');
      expect(issue.message.length).toBeGreaterThan(0);
    }
  }
}

const prototypeKeys = () => Reflect.ownKeys(Object.prototype).map(String).sort().join();

describe('every channel’s input validation, fuzzed', () => {
  const watch = () => storeWatch(t.store.db);

  it.each(channelNames.map((name, index) => [name, index] as const))('%s', async (name, index) => {
    const w = watch();
    const before = prototypeKeys();
    const arbitrary = fc.tuple(channelInput(contract[name].input, { ids: f.allIds }), allowedCaller(name));
    await fc.assert(
      fc.asyncProperty(arbitrary, async ([input, makeCaller]) => {
        await w.before();
        logged.length = 0;
        const result = await dispatch(makeCaller(), name, input);
        cases++;
        const outcome = result.ok ? 'ok' : result.error.code;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        expect(typeof result === 'object' && result !== null && typeof result.ok === 'boolean').toBe(true);
        checkRefusal(name, result);
        expect(logged, `${name}: the dispatcher logged a failure`).toEqual([]);
        if (!result.ok) {
          const allowed =
            LOGIN_BOOKKEEPING.has(name) && result.error.code === 'unauthenticated' ? BOOKKEEPING_TABLES : [];
          const changed = (await w.changedSinceBefore()).filter((table) => !allowed.includes(table));
          expect(changed, `${name} refused with ${result.error.code} but changed the store`).toEqual([]);
        }
        expect(prototypeKeys()).toBe(before);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      { seed: SEED + index, numRuns: FEWER[name] ?? RUNS },
    );
  });
});

/** What random inputs find only by luck, read off the schemas: unbounded strings, loose objects, … */
function looseSpots(schema: Record<string, unknown>, path: string, out: string[]): void {
  const alternatives = (schema['anyOf'] ?? schema['oneOf'] ?? schema['allOf']) as
    Array<Record<string, unknown>> | undefined;
  if (alternatives) {
    for (const a of alternatives) looseSpots(a, path, out);
    return;
  }
  if ('const' in schema || Array.isArray(schema['enum'])) return;
  const types = ([] as unknown[]).concat(schema['type'] ?? []);
  if (types.length === 0) out.push(`${path}: accepts anything`);
  if (types.includes('object')) {
    const properties = schema['properties'] as Record<string, Record<string, unknown>> | undefined;
    if (properties) {
      if (schema['additionalProperties'] !== false) out.push(`${path}: extra keys are let through`);
      for (const [k, v] of Object.entries(properties)) looseSpots(v, `${path}.${k}`, out);
    } else {
      const names = schema['propertyNames'] as Record<string, unknown> | undefined;
      if (!names?.['enum'] && !names?.['pattern']) out.push(`${path}: any key`);
      looseSpots(
        (schema['additionalProperties'] as Record<string, unknown> | undefined) ?? {},
        `${path}.*`,
        out,
      );
    }
  }
  if (types.includes('string') && schema['maxLength'] === undefined && schema['pattern'] === undefined)
    out.push(`${path}: a string without a maximum length`);
  if (
    (types.includes('number') || types.includes('integer')) &&
    (schema['minimum'] === undefined || schema['maximum'] === undefined) &&
    schema['exclusiveMinimum'] === undefined
  )
    out.push(`${path}: a number without a range`);
  if (types.includes('array')) {
    if (schema['maxItems'] === undefined) out.push(`${path}: an array without a maximum size`);
    looseSpots((schema['items'] as Record<string, unknown> | undefined) ?? {}, `${path}[]`, out);
  }
}

describe('every channel’s schema', () => {
  it('is strict and bounded: no extra keys, every string, number and list with limits', () => {
    const spots: string[] = [];
    for (const name of channelNames) looseSpots(jsonSchemaOf(contract[name].input), name, spots);
    expect(spots).toEqual([]);
  });
});
