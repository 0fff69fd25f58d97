import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IntakeAnswers } from '../../../../shared/casework/intake.ts';
import type { CaseFile } from '../../../../shared/casework/types.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import type { ChannelName, Contract, InputOf } from '../../../../shared/contract/index.ts';
import { businessNumberCheckDigit } from '../../../../shared/domain/business-number.ts';
import { READY_ANSWERS } from '../../../support/case-fixtures.ts';
import { dispatcherFor, makeTestStore, type TestStore } from '../../../support/temp-store.ts';

// Consent enforced in the services (domain.md §10; issue 13 item 9), through the dispatcher every desk
// path uses: for each group, what it allows when given, what stops when it is withdrawn (with the
// message naming the missing consent, and nothing written), and that giving it again restores it.

let t: TestStore;
let counselor: SessionInfo;
let dispatch: ReturnType<typeof dispatcherFor>['dispatch'];
let openingId: string;

async function call<K extends ChannelName>(channel: K, input: InputOf<Contract[K]>) {
  return dispatch(
    { surface: 'desk', session: { get: () => counselor, set: () => undefined } },
    channel,
    input,
  );
}

async function ok<K extends ChannelName>(channel: K, input: InputOf<Contract[K]>) {
  const r = await call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as never;
}

/** What the case's rows are: a refusal must leave them all as they were. */
async function rows(jobseekerId: string) {
  const db = t.store.db;
  const count = async (table: 'assessments' | 'counseling_notes' | 'referrals' | 'competency_items') =>
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
  return {
    assessments: await count('assessments'),
    notes: await count('counseling_notes'),
    referrals: await count('referrals'),
    competency: await count('competency_items'),
    outbox,
  };
}

const consent = (
  jobseekerId: string,
  granted: Partial<Record<'required' | 'optional' | 'sensitive', boolean>>,
) => ok('casework:recordConsent', { jobseekerId, granted }) as Promise<CaseFile>;

async function newCase(name: string): Promise<string> {
  const js = (await ok('jobseekers:create', {
    fields: { name, birthYear: 1988, sido: '11', desiredOccupation: '5501' },
    confirmedNotDuplicate: true,
  })) as { id: string };
  return js.id;
}

const WELFARE: IntakeAnswers = { ...READY_ANSWERS, economicHardship: ['livelihood-recipient'] };
const HEALTH: IntakeAnswers = { ...READY_ANSWERS, barriers: ['health', 'language'] };

function refusedFor(group: string) {
  return { ok: false, error: { code: 'conflict', message: `consent.missing.${group}` } };
}

beforeEach(async () => {
  t = await makeTestStore();
  counselor = await t.signIn('counselor1');
  dispatch = dispatcherFor(t.store).dispatch;
  const first9 = '123456789';
  const employer = (await ok('employers:create', {
    fields: {
      businessNo: `${first9}${businessNumberCheckDigit(first9)}`,
      name: '(주)늘봄요양원',
      industry: 'Q',
      employees: 20,
      sido: '11',
    },
  })) as { employer: { id: string } };
  const opening = (await ok('openings:create', {
    employerId: employer.employer.id,
    fields: {
      title: '요양보호사',
      occupation: '5501',
      sido: '11',
      wage: 2_400_000,
      positions: 3,
      requiredQualifications: [],
      public: true,
    },
  })) as { id: string };
  openingId = opening.id;
});

afterEach(async () => {
  await t.cleanup();
});

describe('the required consent', () => {
  it('given: counseling, profiling and referral; withdrawn: the case closes and they stop; given again: reopened', async () => {
    const id = await newCase('김필수');
    await consent(id, { required: true });
    await ok('casework:addNote', { jobseekerId: id, kind: 'in-person', body: '첫 상담' });
    await ok('casework:saveAssessment', {
      jobseekerId: id,
      answers: READY_ANSWERS,
      decision: { kind: 'accepted' },
    });

    const withdrawn = await consent(id, { required: false });
    expect(withdrawn.jobseeker.status).toBe('closed');
    expect(withdrawn.consent.current.required?.granted).toBe(false);
    const before = await rows(id);
    expect(await call('casework:addNote', { jobseekerId: id, kind: 'phone', body: '전화' })).toMatchObject(
      refusedFor('required'),
    );
    expect(
      await call('casework:saveAssessment', {
        jobseekerId: id,
        answers: READY_ANSWERS,
        decision: { kind: 'accepted' },
      }),
    ).toMatchObject(refusedFor('required'));
    expect(await call('referrals:create', { jobseekerId: id, openingId })).toMatchObject(
      refusedFor('required'),
    );
    expect(
      await call('casework:addCompetency', {
        jobseekerId: id,
        item: {
          kind: 'qualification',
          title: '요양보호사 1급',
          ncsCode: null,
          issuer: null,
          startedOn: null,
          endedOn: null,
          hours: null,
          grade: null,
          source: 'self-reported',
        },
      }),
    ).toMatchObject(refusedFor('required'));
    expect(await rows(id)).toEqual(before);
    // The closed case is out of matching too: no candidates list for it.
    expect(await ok('matching:forJobseeker', { jobseekerId: id })).toMatchObject({ blocked: 'not-active' });

    const again = await consent(id, { required: true });
    expect(again.jobseeker.status).toBe('active');
    await ok('casework:addNote', { jobseekerId: id, kind: 'phone', body: '다시 상담' });
    expect((await rows(id)).notes).toBe(before.notes + 1);
    // Each step is in the trail, and the decisive field went to the outbox with the record.
    const actions = (
      await t.store.db.selectFrom('audit_entries').select('action').where('person_id', '=', id).execute()
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['consent.withdraw', 'jobseeker.close', 'jobseeker.reopen']),
    );
    const sent = await t.store.db
      .selectFrom('outbox')
      .select('fields')
      .where('table_name', '=', 'jobseekers')
      .where('row_id', '=', id)
      .where('op', '=', 'update')
      .execute();
    expect(sent.map((s) => JSON.parse(s.fields) as Record<string, unknown>)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ consent_required: 0, status: 'closed' }),
        expect.objectContaining({ consent_required: 1, status: 'active' }),
      ]),
    );
  });
});

describe('the optional (sharing) consent', () => {
  it('a referral shares the contact only while it is given', async () => {
    const id = await newCase('박선택');
    await consent(id, { required: true, optional: false });
    const before = await rows(id);
    expect(await call('referrals:create', { jobseekerId: id, openingId, shareContact: true })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'consent.missing.optional', field: 'shareContact' },
    });
    expect(await rows(id)).toEqual(before);

    await consent(id, { optional: true });
    const shared = (await ok('referrals:create', { jobseekerId: id, openingId, shareContact: true })) as {
      id: string;
    };
    const row = await t.store.db
      .selectFrom('referrals')
      .select('share_contact')
      .where('id', '=', shared.id)
      .executeTakeFirstOrThrow();
    expect(row.share_contact).toBe(1);

    // Withdrawn: no more sharing; a referral without the contact still goes (declining never blocks service).
    const second = await newCase('박선택둘');
    await consent(second, { required: true, optional: true });
    await consent(second, { optional: false });
    expect(
      await call('referrals:create', { jobseekerId: second, openingId, shareContact: true }),
    ).toMatchObject(refusedFor('optional'));
    const plain = (await ok('referrals:create', { jobseekerId: second, openingId })) as { id: string };
    expect(
      (
        await t.store.db
          .selectFrom('referrals')
          .select('share_contact')
          .where('id', '=', plain.id)
          .executeTakeFirstOrThrow()
      ).share_contact,
    ).toBe(0);
  });
});

describe('the sensitive consent', () => {
  it('health and welfare answers need it; withdrawn, earlier ones are withheld and new ones refused; given again, shown', async () => {
    const id = await newCase('최민감');
    await consent(id, { required: true });
    const before = await rows(id);
    for (const answers of [WELFARE, HEALTH])
      expect(
        await call('casework:saveAssessment', { jobseekerId: id, answers, decision: { kind: 'accepted' } }),
      ).toMatchObject(refusedFor('sensitive'));
    expect(await rows(id)).toEqual(before);
    // Declined ("응답하지 않음") and non-sensitive barriers are fine without it.
    await ok('casework:saveAssessment', {
      jobseekerId: id,
      answers: { ...READY_ANSWERS, barriers: ['language'], declined: ['economicHardship'] },
      decision: { kind: 'accepted' },
    });

    await consent(id, { sensitive: true });
    const given = (await ok('casework:saveAssessment', {
      jobseekerId: id,
      answers: WELFARE,
      decision: { kind: 'accepted' },
    })) as CaseFile;
    expect(given.assessments[0]).toMatchObject({
      sensitiveWithheld: false,
      inputs: { economicHardship: ['livelihood-recipient'] },
    });

    const withdrawn = await consent(id, { sensitive: false });
    expect(withdrawn.consent.current.sensitive?.granted).toBe(false);
    expect(withdrawn.assessments[0]).toMatchObject({
      sensitiveWithheld: true,
      inputs: { economicHardship: [] },
    });
    // The earlier assessment without sensitive answers is shown as it was.
    expect(withdrawn.assessments[1]).toMatchObject({
      sensitiveWithheld: false,
      inputs: { barriers: ['language'] },
    });
    expect(withdrawn.assessments[0]?.result.reasons).not.toContain('jobseeker.reason.economicVulnerable');
    const opened = (await ok('casework:get', { jobseekerId: id })) as CaseFile;
    expect(JSON.stringify(opened.assessments)).not.toContain('livelihood-recipient');
    const afterWithdrawal = await rows(id);
    expect(
      await call('casework:saveAssessment', {
        jobseekerId: id,
        answers: WELFARE,
        decision: { kind: 'accepted' },
      }),
    ).toMatchObject(refusedFor('sensitive'));
    expect(await rows(id)).toEqual(afterWithdrawal);

    const again = await consent(id, { sensitive: true });
    expect(again.assessments[0]).toMatchObject({
      sensitiveWithheld: false,
      inputs: { economicHardship: ['livelihood-recipient'] },
    });
    expect(again.assessments[0]?.result).toEqual(given.assessments[0]?.result);
  });

  it('older cases without the decisive field read the latest consent record', async () => {
    const id = await newCase('정이전');
    await consent(id, { required: true, sensitive: false });
    // As a store from before migration 0009 holds it: records only.
    await t.store.db
      .updateTable('jobseekers')
      .set({ consent_required: null, consent_sensitive: null })
      .where('id', '=', id)
      .execute();
    expect(
      await call('casework:saveAssessment', {
        jobseekerId: id,
        answers: WELFARE,
        decision: { kind: 'accepted' },
      }),
    ).toMatchObject(refusedFor('sensitive'));
    const file = (await ok('casework:get', { jobseekerId: id })) as CaseFile;
    expect(file.consent.current.sensitive?.granted).toBe(false);
    expect(file.consent.current.required?.granted).toBe(true);
  });
});
