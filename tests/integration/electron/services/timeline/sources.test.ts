import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../../../shared/domain/timeline.ts';
import { appointmentsSource } from '../../../../../electron/services/timeline/sources/appointments.ts';
import { assessmentsSource } from '../../../../../electron/services/timeline/sources/assessments.ts';
import { documentsSource } from '../../../../../electron/services/timeline/sources/documents.ts';
import { TIMELINE_SOURCES } from '../../../../../electron/services/timeline/sources/index.ts';
import { jobReferralsSource } from '../../../../../electron/services/timeline/sources/job-referrals.ts';
import { lifecycleSource } from '../../../../../electron/services/timeline/sources/lifecycle.ts';
import { notesSource } from '../../../../../electron/services/timeline/sources/notes.ts';
import { placementsSource } from '../../../../../electron/services/timeline/sources/placements.ts';
import type { TimelineSource } from '../../../../../electron/services/timeline/source.ts';
import { tinyPdf } from '../../../../support/attachment-files.ts';
import { caller, seedFixture, type Fixture } from '../../../../support/case-fixtures.ts';
import { SIGNATURE_BASE64 } from '../../../../support/signature-png.ts';
import { dispatcherFor, makeTestStore, type TestStore } from '../../../../support/temp-store.ts';

// Each source of the case timeline on a real store: the fixture's case (every kind of record) plus what
// this file adds through the real channels (a revised note, an appointment and its outcome, a hire
// through the referral, a retention check, a signature, a removed file, a close and a reopen). Each
// source gives its own kind only, keys unique, links to the tab that shows the record, and nothing of
// the other center's case.

let t: TestStore;
let f: Fixture;
let call: ReturnType<typeof caller>;
let appointmentId = '';
let attachmentId = '';

beforeAll(async () => {
  t = await makeTestStore();
  f = await seedFixture(t);
  call = caller(dispatcherFor(t.store).dispatch);
  const c = f.sessions.counselor;
  const own = f.own.jobseekerId;
  await call(c, 'casework:reviseNote', { noteId: f.own.noteId, kind: 'phone', body: '전화 상담\n둘째 줄' });
  const booked = await call(c, 'appointments:book', {
    jobseekerId: own,
    kind: 'in_person',
    startsAt: '2026-11-02T00:30:00.000Z',
    durationMin: 30,
    purpose: '이력서 점검',
  });
  appointmentId = booked.appointment.id;
  await call(c, 'appointments:outcome', { id: appointmentId, outcome: 'attended' });
  await call(c, 'referrals:record', {
    referralId: f.own.referralId,
    kind: 'interview',
    interviewOn: '2026-10-20',
  });
  await call(c, 'referrals:record', { referralId: f.own.referralId, kind: 'hired', hiredOn: '2026-10-25' });
  await call(c, 'referrals:placementFollowUp', { placementId: f.own.placementId, months: 3, employed: true });
  const view = await call(c, 'documents:view', { kind: 'consent', recordId: own });
  await call(c, 'documents:sign', {
    kind: 'consent',
    recordId: own,
    documentHash: view.signature?.currentHash ?? '',
    imagePng: SIGNATURE_BASE64,
  });
  const file = await call(c, 'attachments:add', {
    parent: { table: 'jobseekers', id: own },
    kind: 'resume',
    fileName: '이력서.pdf',
    base64: tinyPdf().toString('base64'),
  });
  attachmentId = file.id;
  await call(c, 'attachments:remove', { id: attachmentId, reason: '잘못 올린 파일' });
  await call(c, 'lifecycle:close', { jobseekerId: own, reason: 'no-contact', noContactMonths: 3 });
  await call(c, 'lifecycle:reopen', { jobseekerId: own, reason: 'lost-job' });
});
afterAll(() => t.cleanup());

async function eventsOf(source: TimelineSource, jobseekerId = f.own.jobseekerId): Promise<TimelineEvent[]> {
  const events = await source.events({ db: t.store.db, jobseekerId });
  // Every source: its own kind, unique keys, a parseable time.
  for (const e of events) {
    expect(e.kind).toBe(source.kind);
    expect(Number.isNaN(Date.parse(e.at))).toBe(false);
  }
  expect(new Set(events.map((e) => e.key)).size).toBe(events.length);
  return events;
}

const titles = (events: TimelineEvent[]) => events.map((e) => e.title.key).sort();

describe('the list of sources', () => {
  it('has one source per existing kind, each kind once', () => {
    const kinds = TIMELINE_SOURCES.map((s) => s.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'assessment',
        'note',
        'appointment',
        'job-referral',
        'placement',
        'document',
        'lifecycle',
      ]),
    );
  });
});

describe('assessments', () => {
  it('gives the profiling and the review request, opening the assessments tab', async () => {
    const events = await eventsOf(assessmentsSource);
    expect(titles(events)).toEqual(['timeline.assessment.done', 'timeline.assessment.reviewRequested']);
    const done = events.find((e) => e.title.key === 'timeline.assessment.done');
    expect(done).toMatchObject({
      link: { tab: 'assessments', id: f.own.assessmentId },
      actorId: f.sessions.counselor.userId,
      title: { values: { type: 'ready' } },
    });
    expect(events.find((e) => e.link?.id === f.own.reviewId)?.detail).toBe('분류 재검토 요청');
  });
});

describe('notes', () => {
  it('shows a revised note once, when first written, with the latest first line', async () => {
    const events = await eventsOf(notesSource);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      key: `note:${f.own.noteId}`,
      title: { key: 'timeline.note.edited', values: { kind: 'phone' } },
      detail: '전화 상담',
      link: { tab: 'notes', id: f.own.noteId },
    });
  });
});

describe('appointments', () => {
  it('gives the appointment at its time with its outcome', async () => {
    const events = await eventsOf(appointmentsSource);
    expect(events).toEqual([
      expect.objectContaining({
        at: '2026-11-02T00:30:00.000Z',
        title: {
          key: 'timeline.appointment.attended',
          values: { kind: 'in_person', purpose: '이력서 점검' },
        },
        link: { tab: 'appointments', id: appointmentId },
      }),
    ]);
  });
});

describe('job referrals', () => {
  it("gives each of the referral's events but the hire, naming the opening and employer", async () => {
    const events = await eventsOf(jobReferralsSource);
    expect(titles(events)).toEqual([
      'timeline.referral.interview',
      'timeline.referral.proposed',
      'timeline.referral.referred',
    ]);
    expect(events[0]?.title.values).toEqual({ opening: '요양보호사 (주간)', employer: '(주)늘봄요양원' });
    expect(events.every((e) => e.link?.tab === 'referrals' && e.link.id === f.own.referralId)).toBe(true);
  });
});

describe('placements', () => {
  it('gives the hire through the referral (on the day of hire), the one found without, and the check', async () => {
    const events = await eventsOf(placementsSource);
    expect(titles(events)).toEqual([
      'timeline.placement.hired',
      'timeline.placement.hiredWithout',
      'timeline.placement.stillEmployed',
    ]);
    expect(events.find((e) => e.title.key === 'timeline.placement.hired')).toMatchObject({
      at: '2026-10-25',
      link: { tab: 'referrals', id: f.own.referralId },
    });
    expect(events.find((e) => e.title.key === 'timeline.placement.hiredWithout')).toMatchObject({
      at: '2026-05-01',
      title: { values: { employer: '(주)다른회사' } },
      link: { tab: 'referrals', id: f.own.placementId },
    });
  });
});

describe('documents', () => {
  it('gives the signature, the certificate, and the file added then removed with the reason', async () => {
    const events = await eventsOf(documentsSource);
    expect(titles(events)).toEqual([
      'timeline.document.attached',
      'timeline.document.certificate',
      'timeline.document.removed',
      'timeline.document.signed',
    ]);
    expect(events.find((e) => e.title.key === 'timeline.document.removed')).toMatchObject({
      detail: '잘못 올린 파일',
      link: { tab: 'attachments', id: attachmentId },
      title: { values: { file: '이력서.pdf' } },
    });
    expect(events.find((e) => e.title.key === 'timeline.document.signed')?.title.values).toEqual({
      form: 'consent',
    });
  });
});

describe('lifecycle', () => {
  it('gives the registration, the close and the reopen with their reasons', async () => {
    const events = await eventsOf(lifecycleSource);
    expect(titles(events)).toEqual([
      'timeline.lifecycle.closed',
      'timeline.lifecycle.registered',
      'timeline.lifecycle.reopened',
    ]);
    expect(events.find((e) => e.title.key === 'timeline.lifecycle.closed')?.title.values).toEqual({
      reason: 'no-contact',
    });
  });
});

describe('another case', () => {
  it("never gives an event of the other center's case for this one", async () => {
    const mine = (
      await Promise.all(
        TIMELINE_SOURCES.map((s) => s.events({ db: t.store.db, jobseekerId: f.own.jobseekerId })),
      )
    ).flat();
    const theirs = (
      await Promise.all(
        TIMELINE_SOURCES.map((s) => s.events({ db: t.store.db, jobseekerId: f.other.jobseekerId })),
      )
    ).flat();
    const mineKeys = new Set(mine.map((e) => e.key));
    expect(theirs.filter((e) => mineKeys.has(e.key) && e.key !== 'lifecycle:registered')).toEqual([]);
    expect(theirs.some((e) => e.link?.id === f.own.noteId)).toBe(false);
  });
});
