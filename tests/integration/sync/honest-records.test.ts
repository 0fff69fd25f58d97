import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCompetency,
  addNote,
  decideReview,
  getCaseFile,
  issueCertificate,
  requestReview,
  reviseNote,
  saveAssessment,
  setPlanStep,
} from '../../../electron/services/casework.ts';
import { recordConsent } from '../../../electron/services/consent-record.ts';
import { callNext, finishTicket, takeTicket } from '../../../electron/services/checkins.ts';
import {
  assessEmployer,
  createEmployer,
  createOpening,
  logEmployerContact,
  recordPackageStep,
  updateEmployer,
  updateOpening,
} from '../../../electron/services/employers.ts';
import { assignJobseeker, createJobseeker, updateJobseeker } from '../../../electron/services/jobseekers.ts';
import { recordPlacement, recordPlacementFollowUp } from '../../../electron/services/placements.ts';
import { createReferral, recordReferralEvent } from '../../../electron/services/referrals.ts';
import { syncStatus } from '../../../electron/services/sync/desktop-sync.ts';
import { stepsOf } from '../../../shared/casework/service-plan.ts';
import { businessNumberCheckDigit } from '../../../shared/domain/business-number.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { openSyncDesk, startSyncServer, type SyncDesk, type SyncServer } from '../../support/sync-desktop.ts';

// The other side of the hostile suite (issue 13): an honest desktop's every kind of record, written
// through the desk's own services, passes the server's checks (declarations, flows, derived values)
// with nothing refused, and reaches a colleague's desktop.

describe.each(SERVER_DIALECTS)('an honest desktop’s records pass the server’s checks, on %s', (dialect) => {
  let server: SyncServer;
  const desks: SyncDesk[] = [];

  beforeAll(async () => {
    server = await startSyncServer(
      dialect,
      [{ code: 'SEL01', name: '서울고용센터', region: '11' }],
      [
        { loginId: 'counselor1', role: 'counselor', center: 'SEL01' },
        { loginId: 'supervisor1', role: 'supervisor', center: 'SEL01' },
      ],
    );
  });
  afterAll(async () => {
    for (const d of desks) await d.close();
    await server.close();
  });

  it('syncs every record kind with nothing refused', async () => {
    const a = await openSyncDesk(server.url, 'counselor1');
    const lead = await openSyncDesk(server.url, 'supervisor1');
    desks.push(a, lead);
    await a.client.syncOnce();
    await lead.client.syncOnce();
    const ctx = a.store.context;
    const s = a.session;

    const js = await createJobseeker(
      ctx,
      s,
      jobseekerFieldsSchema.parse({ name: '한결', birthYear: 1991, phone: '010-3333-4444', sido: '11' }),
      true,
    );
    await updateJobseeker(ctx, s, js.id, js.seq, {
      email: 'hangyeol@example.kr',
      birthYear: 1992,
      gender: 'female',
      sigungu: '11680',
      desiredOccupation: '0121',
      desiredWage: 2_800_000,
    });
    await recordConsent(ctx, s, {
      jobseekerId: js.id,
      channel: 'counter',
      granted: { required: true, optional: true },
    });
    const answers = {
      searchActivities4w: '1-2',
      startWish: '3to6m',
      willToWork: 3,
      preparation: 'education',
      experience: 'under2y',
      sinceLastJob: '6to24m',
      barriers: ['digital'],
      economicHardship: [],
      fieldDecided: false,
      mobile: true,
      declined: [],
      kioskItems: [],
    } as const;
    let file = await saveAssessment(ctx, s, {
      jobseekerId: js.id,
      answers: {
        ...answers,
        barriers: [...answers.barriers],
        economicHardship: [],
        declined: [],
        kioskItems: [],
      },
      decision: { kind: 'accepted' },
      reassessDueOn: null,
    });
    const first = file.assessments[0];
    if (!first) throw new Error('no assessment');
    file = await saveAssessment(ctx, s, {
      jobseekerId: js.id,
      answers: {
        ...answers,
        barriers: [...answers.barriers],
        economicHardship: [],
        declined: [],
        kioskItems: [],
      },
      decision: {
        kind: 'overridden',
        track: first.result.track === 'training' ? 'counseling' : 'training',
        reasonCode: 'counselor-judgement',
        reasonText: '훈련 의사',
      },
      reassessDueOn: null,
    });
    const latest = file.assessments[0] ?? first;
    await requestReview(ctx, s, { jobseekerId: js.id, assessmentId: latest.id, text: '재검토 요청' });
    file = await getCaseFile(ctx, s, js.id);
    const review = file.reviews[0];
    if (review) await decideReview(ctx, s, { reviewId: review.id, outcome: 'upheld', text: '유지' });
    const step = stepsOf(latest.finalTrack)[0];
    if (step) {
      await setPlanStep(ctx, s, { jobseekerId: js.id, assessmentId: latest.id, step, done: true, note: '' });
      await setPlanStep(ctx, s, { jobseekerId: js.id, assessmentId: latest.id, step, done: false, note: '' });
    }
    file = await addNote(ctx, s, { jobseekerId: js.id, kind: 'in-person', body: '첫 상담' });
    const note = file.notes[0];
    if (note) await reviseNote(ctx, s, { noteId: note.id, kind: 'in-person', body: '첫 상담 (보완)' });
    file = await addCompetency(ctx, s, {
      jobseekerId: js.id,
      item: {
        kind: 'qualification',
        title: '정보처리기사',
        ncsCode: null,
        issuer: '한국산업인력공단',
        startedOn: null,
        endedOn: '2024-06-01',
        hours: null,
        grade: null,
        source: 'self-reported',
      },
    });
    const item = file.competency[0];
    if (item) await issueCertificate(ctx, s, { jobseekerId: js.id, itemIds: [item.id] });

    const first9 = '220855555';
    const employer = await createEmployer(ctx, s, {
      businessNo: `${first9}${businessNumberCheckDigit(first9)}`,
      name: '(주)바른식품',
      industry: 'C',
      employees: 25,
      sido: '11',
      sigungu: null,
      contactName: '박담당',
      contactPhone: '021234567', // as the contract's schema hands it to the service
      contactEmail: null,
      potentialClient: true,
      focusSupport: false,
    });
    const employerId = employer.employer.id;
    // A corrected business number and contact, as the employer form sends them.
    const second9 = '220855556';
    await updateEmployer(ctx, s, employerId, employer.employer.seq, {
      businessNo: `${second9}${businessNumberCheckDigit(second9)}`,
      name: '(주)바른식품 본사',
      contactEmail: 'hr@barun.example.kr',
    });
    await assessEmployer(ctx, s, {
      employerId,
      profile: {
        uniformConditions: false,
        wage: 'mid',
        welfare: 'low',
        recognition: 'mid',
        employees: 25,
      },
      decision: 'accepted',
    });
    await logEmployerContact(ctx, s, {
      employerId,
      kind: 'call',
      outcome: 'interested',
      contactedOn: '2026-01-05',
      nextOn: null,
    });
    await recordPackageStep(ctx, s, {
      employerId,
      step: 'hiring-capacity',
      status: 'done',
      on: '2026-01-06',
    });
    const opening = await createOpening(ctx, s, employerId, {
      title: '식품 포장',
      occupation: '5501',
      sido: '11',
      sigungu: null,
      wage: 2_300_000,
      positions: 2,
      requiredQualifications: ['위생교육'],
      public: true,
    });
    await updateOpening(ctx, s, opening.id, opening.seq, { wage: 2_400_000 });
    const referral = await createReferral(ctx, s, { jobseekerId: js.id, openingId: opening.id });
    for (const kind of ['referred', 'interview', 'hired'] as const)
      await recordReferralEvent(ctx, s, {
        referralId: referral.id,
        kind,
        ...(kind === 'interview' ? { interviewOn: '2026-02-01' } : {}),
      });
    const placement = await recordPlacement(ctx, s, {
      jobseekerId: js.id,
      employerName: '동네빵집',
      hiredOn: '2026-01-10',
    });
    await recordPlacementFollowUp(ctx, s, { placementId: placement.id, months: 1, employed: true });

    const ticket = await takeTicket(ctx, {
      serviceId: 'job-search',
      language: 'ko',
      consent: true,
      name: '방문객',
      phone: '01077778888',
      selfCheck: { searchActivities4w: '0', startWish: 'within3m', willToWork: 4 },
    });
    const called = await callNext(ctx, s, 'c1');
    if (called) await finishTicket(ctx, s, called.id, 'done');
    expect(ticket).toBeTruthy();

    // The lead assigns the case to themselves through the desk (a supervisor's assignment).
    await a.client.syncOnce();
    await lead.client.syncOnce();
    const onLead = await getCaseFile(lead.store.context, lead.session, js.id);
    await assignJobseeker(lead.store.context, lead.session, js.id, onLead.jobseeker.seq, lead.session.userId);

    const pushedA = await a.client.syncOnce();
    const pushedLead = await lead.client.syncOnce();
    for (const d of [a, lead]) {
      const status = await syncStatus(d.store.db, undefined);
      expect(status.refused.map((r) => `${r.table} ${r.reason}`)).toEqual([]);
    }
    expect(pushedA.refused + pushedLead.refused).toBe(0);
    const kinds = await server.opened.db.selectFrom('sync_rows').select('table_name').distinct().execute();
    expect(kinds.map((k) => k.table_name).sort()).toEqual(
      expect.arrayContaining([
        'assessments',
        'audit_entries',
        'certificates',
        'checkin_events',
        'checkins',
        'classification_reviews',
        'competency_items',
        'consent_records',
        'counseling_notes',
        'employer_assessments',
        'employer_contacts',
        'employers',
        'job_openings',
        'package_steps',
        'placement_follow_ups',
        'placements',
        'referral_events',
        'referrals',
      ]),
    );
  });
});
