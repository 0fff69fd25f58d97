import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations/index.ts';
import { refusalCodeOf } from '../../../shared/sync/refusals.ts';
import {
  change,
  hostileServer,
  jobseekerFields,
  noteFields,
  type Agent,
  type Hostile,
} from '../../support/hostile.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';

// A hostile desktop's hand-made pushes against the table declarations (issue 13 §1–2): fields the table
// does not declare, values that do not fit, incomplete records, fields fixed at insert, rows and clocks
// of any size, NUL characters, ids of the wrong shape, a baseSeq nobody issued, a client_seq re-sent
// with other content. Each is refused with its reason, changes nothing, reaches nobody, and never fails
// the rest of its batch.

describe.each(SERVER_DIALECTS)('a hostile desktop’s fields, on %s', (dialect) => {
  let h: Hostile;
  let c1: Agent;
  let ownCase: string;
  let ownCaseSeq: number;
  let note: string;

  beforeAll(async () => {
    h = await hostileServer(dialect);
    c1 = await h.agent('counselor1');
    ownCase = uuidv7();
    note = uuidv7();
    const results = await h.push(c1, [
      change(c1, 'jobseekers', ownCase, jobseekerFields('SEL01', c1.userId)),
      change(c1, 'counseling_notes', note, noteFields(ownCase, c1.userId)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    ownCaseSeq = results[0]?.seq ?? 0;
  });
  afterAll(async () => {
    await h.close();
  });

  const newCase = (extra: Record<string, unknown>, drop: string[] = []) => {
    const fields = { ...jobseekerFields('SEL01', c1.userId), ...extra };
    for (const f of drop) delete fields[f];
    return change(c1, 'jobseekers', uuidv7(), fields);
  };

  it('refuses a field the table does not declare', async () => {
    await h.expectRefused(c1, newCase({ nickname: '몰래' }), 'undeclaredField');
    await h.expectRefused(
      c1,
      change(c1, 'jobseekers', ownCase, { secret: 1 }, 'update', ownCaseSeq),
      'undeclaredField',
    );
  });

  it('refuses values that do not fit the column (the desk’s own schemas), or are not in stored form', async () => {
    await h.expectRefused(c1, newCase({ phone: 'not a phone' }), 'invalidValue');
    await h.expectRefused(c1, newCase({ birth_year: 1800 }), 'invalidValue');
    await h.expectRefused(c1, newCase({ name: '' }), 'invalidValue');
    await h.expectRefused(c1, newCase({ name: '  김민수  ' }), 'invalidValue');
    await h.expectRefused(c1, newCase({ phone: '010-1234-5678' }), 'invalidValue');
    await h.expectRefused(c1, newCase({ reg_no: '900101-1234567' }), 'invalidValue');
    await h.expectRefused(c1, newCase({ status: 'vip' }), 'invalidValue');
    await h.expectRefused(c1, newCase({ mobile: true }), 'invalidValue');
    await h.expectRefused(c1, newCase({ created_at: 'yesterday' }), 'invalidValue');
    await h.expectRefused(c1, newCase({ name: '가'.repeat(51) }), 'invalidValue');
    await h.expectRefused(
      c1,
      change(c1, 'counseling_notes', uuidv7(), { ...noteFields(ownCase, c1.userId), kind: 'telepathy' }),
      'invalidValue',
    );
  });

  it('refuses an incomplete new record', async () => {
    await h.expectRefused(c1, newCase({}, ['name']), 'missingFields');
    await h.expectRefused(c1, newCase({}, ['reg_no', 'birth_year']), 'missingFields');
    await h.expectRefused(c1, newCase({ reg_no: null }), 'invalidValue');
  });

  it('refuses a change to a field fixed at insert, and any change to an append-only record', async () => {
    await h.expectRefused(
      c1,
      change(c1, 'jobseekers', ownCase, { reg_no: '26-AAAA-BBBB' }, 'update', ownCaseSeq),
      'notUpdatable',
    );
    await h.expectRefused(
      c1,
      change(c1, 'counseling_notes', note, { body: '고침' }, 'update', 1),
      'appendOnly',
    );
    await h.expectRefused(
      c1,
      change(c1, 'jobseekers', ownCase, { seq: 999 }, 'update', ownCaseSeq),
      'serverFields',
    );
    await h.expectRefused(c1, change(c1, 'payroll', uuidv7(), { amount: 1 }), 'notSynced');
  });

  it('bounds the size of a change: fields, bytes, record ids, clocks', async () => {
    const many = Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`f${i}`, i]));
    await h.expectRefused(c1, newCase(many), 'tooLarge');
    const big = '가'.repeat(19_000);
    await h.expectRefused(c1, newCase({ a: big, b: big, c: big }), 'tooLarge');
    await h.expectRefused(c1, { ...newCase({}), rowId: 'case-1' }, 'badRowId');
    await h.expectRefused(c1, { ...newCase({}), rowId: '0b4d1a52-6f0e-4c3b-9a51-0d4b8a4e1f22' }, 'badRowId');
    const clock = `${String(Date.now()).padStart(15, '0')}:00000:${'x'.repeat(300)}`;
    await h.expectRefused(c1, { ...newCase({}), hlc: clock }, 'badClock');
  });

  it('refuses a NUL character anywhere as a refusal, never a failed batch', async () => {
    await h.expectRefused(c1, { ...newCase({}), rowId: `${uuidv7()}\u0000` }, 'nulCharacter');
    await h.expectRefused(c1, newCase({ name: '김\u0000민수' }), 'nulCharacter');
    await h.expectRefused(c1, newCase({ 'na\u0000me': 'x' }), 'nulCharacter');
    await h.expectRefused(c1, { ...newCase({}), table: 'jobseekers\u0000' }, 'nulCharacter');
  });

  it('refuses a baseSeq the server never issued (it would skip the decisive-conflict review)', async () => {
    await h.expectRefused(
      c1,
      change(c1, 'jobseekers', ownCase, { status: 'closed' }, 'update', ownCaseSeq + 1_000_000),
      'baseSeqAhead',
    );
    await h.expectRefused(c1, { ...newCase({}), baseSeq: 5 }, 'baseSeqAhead');
  });

  it('answers a re-sent change as a duplicate, and the same client_seq with other content as a refusal', async () => {
    const m = newCase({});
    const [first] = await h.push(c1, [m]);
    expect(first?.status).toBe('applied');
    const [again] = await h.push(c1, [m]);
    expect(again).toMatchObject({ status: 'duplicate', seq: first?.seq });
    const forged = { ...m, fields: { ...m.fields, name: '다른사람' } };
    const refused = await h.expectRefused(c1, forged, 'payloadMismatch');
    expect(refused.clientSeq).toBe(m.clientSeq);
    // The first answer stays the answer for the honest re-send.
    const [third] = await h.push(c1, [m]);
    expect(third).toMatchObject({ status: 'duplicate', seq: first?.seq });
  });

  it('never fails a batch for one bad change: the ones around it apply', async () => {
    const good1 = newCase({});
    const bad = { ...newCase({}), rowId: `x\u0000` };
    const malformed = { clientSeq: 'one', table: 'jobseekers' };
    const good2 = newCase({});
    const results = await h.push(c1, [good1, bad, malformed, good2]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'refused', 'refused', 'applied']);
    expect(refusalCodeOf(results[1]?.reason ?? '')).toBe('nulCharacter');
    expect(refusalCodeOf(results[2]?.reason ?? '')).toBe('malformedChange');
  });

  it('answers a NUL byte in the raw request body with a refusal, not a server error', async () => {
    const m = newCase({});
    const body = JSON.stringify({ schemaVersion: LATEST_SCHEMA_VERSION, mutations: [m] }).replace(
      m.rowId,
      `${m.rowId}\\u0000`,
    );
    const res = await h.pushRaw(c1, body);
    expect(res.status).toBe(200);
    const [r] = (res.json as { results: Array<{ status: string; reason: string }> }).results;
    expect(r?.status).toBe('refused');
    expect(refusalCodeOf(r?.reason ?? '')).toBe('nulCharacter');
  });
});
