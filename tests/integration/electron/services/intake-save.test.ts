import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeAnswers } from '../../../../shared/casework/intake.ts';
import type { CaseFile } from '../../../../shared/casework/types.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import type { ChannelName, Contract, InputOf } from '../../../../shared/contract/index.ts';
import { READY_ANSWERS } from '../../../support/case-fixtures.ts';
import { dispatcherFor, makeTestStore, type TestStore } from '../../../support/temp-store.ts';

// The intake form's one save (casework:saveIntake, issue 15's speed aim): consent given at the counter
// and the assessment in one call and one transaction, through the dispatcher the desk uses.

let t: TestStore;
let counselor: SessionInfo;
let dispatch: ReturnType<typeof dispatcherFor>['dispatch'];

function call<K extends ChannelName>(channel: K, input: InputOf<Contract[K]>) {
  return dispatch(
    { surface: 'desk', session: { get: () => counselor, set: () => undefined } },
    channel,
    input,
  );
}

async function newCase(name: string): Promise<string> {
  const r = await call('jobseekers:create', {
    fields: { name, birthYear: 1988, sido: '11', desiredOccupation: '5501' },
    confirmedNotDuplicate: true,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return (r.value as { id: string }).id;
}

async function counts(jobseekerId: string) {
  const db = t.store.db;
  const n = async (table: 'assessments' | 'consent_records') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('jobseeker_id', '=', jobseekerId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const outbox = Number(
    (
      await db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('table_name', '!=', 'audit_entries')
        .executeTakeFirstOrThrow()
    ).n,
  );
  return { assessments: await n('assessments'), consents: await n('consent_records'), outbox };
}

const HEALTH: IntakeAnswers = { ...READY_ANSWERS, barriers: ['health'] };

beforeAll(async () => {
  t = await makeTestStore();
  counselor = await t.signIn('counselor1');
  dispatch = dispatcherFor(t.store).dispatch;
});
afterAll(() => t.cleanup());

describe('saving an intake in one call', () => {
  it('records the consent given at the counter and the assessment that needs it, and answers the case file', async () => {
    const id = await newCase('한결같');
    const r = await call('casework:saveIntake', {
      consent: { required: true, sensitive: true },
      assessment: { jobseekerId: id, answers: HEALTH, decision: { kind: 'accepted' } },
    });
    expect(r.ok).toBe(true);
    const file = (r as { value: CaseFile }).value;
    expect(file.consent.current.required?.granted).toBe(true);
    expect(file.consent.current.sensitive?.granted).toBe(true);
    expect(file.assessments).toHaveLength(1);
    expect(file.jobseeker.currentTrack).toBe(file.assessments[0]?.finalTrack);
    expect(await counts(id)).toMatchObject({ assessments: 1, consents: 2 });
  });

  it('writes nothing, the consent included, when the assessment is refused', async () => {
    const id = await newCase('한마음');
    const before = await counts(id);
    // The health answer needs the sensitive consent, which this save does not give.
    const refused = await call('casework:saveIntake', {
      consent: { required: true },
      assessment: { jobseekerId: id, answers: HEALTH, decision: { kind: 'accepted' } },
    });
    expect(refused).toMatchObject({ ok: false, error: { message: 'consent.missing.sensitive' } });
    expect(await counts(id)).toEqual(before);
    const file = await call('casework:get', { jobseekerId: id });
    expect((file as { value: CaseFile }).value.consent.current.required).toBeFalsy();
  });

  it('turns bad input away with the field named, before anything is written', async () => {
    const id = await newCase('한가람');
    const before = await counts(id);
    const r = await call('casework:saveIntake', {
      consent: { required: true },
      assessment: {
        jobseekerId: id,
        answers: READY_ANSWERS,
        decision: { kind: 'overridden', track: 'wide-area', reasonCode: 'other', reasonText: '' },
      },
    } as never);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toContain('assessment.decision');
    expect(await counts(id)).toEqual(before);
  });
});
