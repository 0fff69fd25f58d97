import { createAccount, ensureCenter } from '../../electron/services/accounts.ts';
import type { Dispatch } from '../../electron/main/dispatcher.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import type { ChannelName, Contract, InputOf, OutputOf } from '../../shared/contract/index.ts';
import type { IntakeAnswers } from '../../shared/casework/intake.ts';
import { businessNumberCheckDigit } from '../../shared/domain/business-number.ts';
import { dispatcherFor, sessionHolder, TEST_PASSWORD, type TestStore } from './temp-store.ts';

// A store with a little of everything, made through the real dispatcher: cases of the test center T01
// and of a second center T02, so tests can check who reaches which. Used by the access, role-walk and
// fuzz tests. The clock is fixed so follow-ups are due and days are stable.

export const FIXTURE_NOW = new Date('2026-11-02T01:00:00Z'); // 10:00 in Seoul

export const READY_ANSWERS: IntakeAnswers = {
  searchActivities4w: '3+',
  startWish: 'within3m',
  willToWork: 5,
  preparation: 'license',
  experience: '2y+',
  sinceLastJob: 'under6m',
  barriers: [],
  economicHardship: [],
  fieldDecided: true,
  mobile: true,
  declined: [],
  kioskItems: [],
};

export interface CaseRecords {
  jobseekerId: string;
  assessmentId: string;
  noteId: string;
  reviewId: string;
  competencyIds: string[];
  certificateCode: string;
  referralId: string;
  placementId: string;
}

export interface Fixture {
  sessions: { counselor: SessionInfo; counselor2: SessionInfo; supervisor: SessionInfo; admin: SessionInfo };
  /** counselor1 of T02 */
  otherCounselor: SessionInfo;
  /** A T01 case of counselor1, with every kind of record. */
  own: CaseRecords;
  /** A T02 case (of T02's counselor), with every kind of record. */
  other: CaseRecords;
  /** A T02 jobseeker assigned to counselor1 of T01: their own caseload, across centers. */
  travellingId: string;
  employerId: string;
  openingId: string;
  checkinId: string;
  /** Every id in the store's synced tables: the pool the fuzz test draws ids from. */
  allIds: string[];
}

function businessNo(first9: string): string {
  return `${first9}${businessNumberCheckDigit(first9)}`;
}

type Call = <K extends ChannelName>(
  session: SessionInfo,
  channel: K,
  input: InputOf<Contract[K]>,
) => Promise<OutputOf<Contract[K]>>;

export function caller(dispatch: Dispatch): Call {
  return async (session, channel, input) => {
    const result = await dispatch({ surface: 'desk', session: sessionHolder(session) }, channel, input);
    if (!result.ok) throw new Error(`fixture ${channel}: ${JSON.stringify(result.error)}`);
    return result.value as never;
  };
}

export async function caseWithRecords(
  call: Call,
  session: SessionInfo,
  name: string,
  openingId: string,
): Promise<CaseRecords> {
  const js = await call(session, 'jobseekers:create', {
    fields: { name, birthYear: 1985, sido: '11', phone: '010-2000-3000', desiredOccupation: '5501' },
    confirmedNotDuplicate: true,
  });
  const assessed = await call(session, 'casework:saveAssessment', {
    jobseekerId: js.id,
    answers: READY_ANSWERS,
    decision: { kind: 'accepted' },
  });
  const assessmentId = assessed.assessments[0]?.id ?? '';
  const noted = await call(session, 'casework:addNote', {
    jobseekerId: js.id,
    kind: 'in-person',
    body: '첫 상담',
  });
  await call(session, 'casework:recordConsent', {
    jobseekerId: js.id,
    granted: { required: true, optional: true },
  });
  const reviewed = await call(session, 'casework:requestReview', {
    jobseekerId: js.id,
    assessmentId,
    text: '분류 재검토 요청',
  });
  const withItems = await call(session, 'casework:addCompetency', {
    jobseekerId: js.id,
    item: {
      kind: 'qualification',
      title: '요양보호사 1급',
      ncsCode: null,
      issuer: '보건복지부',
      startedOn: '2020-01-10',
      endedOn: null,
      hours: null,
      grade: null,
      source: 'q-net',
    },
  });
  const competencyIds = withItems.competency.map((c) => c.id);
  const certificate = await call(session, 'casework:issueCertificate', {
    jobseekerId: js.id,
    itemIds: competencyIds,
  });
  const referral = await call(session, 'referrals:create', { jobseekerId: js.id, openingId });
  await call(session, 'referrals:record', { referralId: referral.id, kind: 'referred' });
  const placement = await call(session, 'referrals:recordPlacement', {
    jobseekerId: js.id,
    employerName: '(주)다른회사',
    hiredOn: '2026-05-01',
  });
  return {
    jobseekerId: js.id,
    assessmentId,
    noteId: noted.notes[0]?.id ?? '',
    reviewId: reviewed.reviews[0]?.id ?? '',
    competencyIds,
    certificateCode: certificate.certificate.verificationCode,
    referralId: referral.id,
    placementId: placement.id,
  };
}

/** Fills a test store (from makeTestStore) with the fixture's records; fixes its clock. */
export async function seedFixture(t: TestStore): Promise<Fixture> {
  const ctx = t.store.context;
  // T02 comes after T01 on the real clock, so T01 stays this desktop's home center (the kiosk's).
  await ensureCenter(ctx, { code: 'T02', name: '다른고용센터', sido: '26', sigungu: null });
  await createAccount(ctx, {
    loginId: 'othercounselor',
    displayName: '다른 상담사',
    role: 'counselor',
    centerCode: 'T02',
    password: TEST_PASSWORD,
  });
  ctx.now = () => FIXTURE_NOW;
  const sessions = {
    counselor: await t.signIn('counselor1'),
    counselor2: await t.signIn('counselor2'),
    supervisor: await t.signIn('supervisor1'),
    admin: await t.signIn('admin'),
  };
  const otherCounselor = await t.signIn('othercounselor');
  const { dispatch } = dispatcherFor(t.store);
  const call = caller(dispatch);

  const employer = await call(sessions.counselor, 'employers:create', {
    fields: {
      businessNo: businessNo('123456789'),
      name: '(주)늘봄요양원',
      industry: 'Q',
      employees: 20,
      sido: '11',
    },
  });
  const opening = await call(sessions.counselor, 'openings:create', {
    employerId: employer.employer.id,
    fields: {
      title: '요양보호사 (주간)',
      occupation: '5501',
      sido: '11',
      wage: 2_400_000,
      positions: 3,
      requiredQualifications: ['요양보호사 1급'],
      public: true,
    },
  });
  const own = await caseWithRecords(call, sessions.counselor, '김하늘', opening.id);
  const other = await caseWithRecords(call, otherCounselor, '이바다', opening.id);
  const travelling = await call(otherCounselor, 'jobseekers:create', {
    fields: { name: '박여행', birthYear: 1992, sido: '11', desiredOccupation: '5501', mobile: true },
    confirmedNotDuplicate: true,
  });
  // A reassignment that came in by sync: a T02 jobseeker now on counselor1's caseload.
  await t.store.db
    .updateTable('jobseekers')
    .set({ assigned_counselor_id: sessions.counselor.userId })
    .where('id', '=', travelling.id)
    .execute();

  const kiosk = await dispatch({ surface: 'kiosk', session: sessionHolder(null) }, 'kiosk:takeTicket', {
    serviceId: 'job-search',
    language: 'ko',
    consent: true,
    name: '방문자',
  });
  if (!kiosk.ok) throw new Error(`fixture kiosk:takeTicket: ${JSON.stringify(kiosk.error)}`);
  const checkin = await t.store.db.selectFrom('checkins').select('id').executeTakeFirstOrThrow();

  return {
    sessions,
    otherCounselor,
    own,
    other,
    travellingId: travelling.id,
    employerId: employer.employer.id,
    openingId: opening.id,
    checkinId: checkin.id,
    allIds: await allIds(t),
  };
}

const ID_TABLES = [
  'users',
  'jobseekers',
  'assessments',
  'counseling_notes',
  'consent_records',
  'classification_reviews',
  'competency_items',
  'certificates',
  'employers',
  'job_openings',
  'referrals',
  'referral_events',
  'placements',
  'checkins',
] as const;

async function allIds(t: TestStore): Promise<string[]> {
  const ids: string[] = [];
  for (const table of ID_TABLES) {
    const rows = await t.store.db.selectFrom(table).select('id').execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
