import { appendAudit } from '../../../db/repositories/audit.ts';
import { createAccount, ensureCenter } from '../accounts.ts';
import type { ServiceContext } from '../context.ts';
import { generateDemoAppointments } from './appointments.ts';
import { generateDemoServiceReferrals } from './service-referrals.ts';
import { generateDemoProgrammes } from './programmes.ts';
import { generateDemoGroups } from './groups.ts';
import { generateAuditHistory } from './audit-history.ts';
import type { Row } from './batch.ts';
import { generateDemoCheckins } from './checkins.ts';
import { generateDemoEmployers } from './employers.ts';
import { generateDemoJobseekers } from './jobseekers.ts';
import { personName, SURNAMES } from './korean-names.ts';
import { demoPlaces } from './places.ts';
import { seededRng } from './random.ts';
import { generateDemoReferrals } from './referrals.ts';

// Realistic, reproducible demo data: the same seed and anchor date give the same store. One generator a
// record kind (this folder), called in a fixed order on one seeded stream (the later kinds on streams of
// their own), so a given seed always makes the same rows. Demo rows are seed data, not counselor writes,
// so they bypass the outbox.

export interface DemoOptions {
  centerCode: string;
  centerName: string;
  sido: string;
  sigungu: string;
  jobseekers: number;
  employers: number;
  seed: number;
  password: string;
  /** The day the data is "as of": events fall in the two years before it. */
  anchor: Date;
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface DemoSummary {
  accounts: string[];
  jobseekers: number;
  assessments: number;
  notes: number;
  employers: number;
  openings: number;
  referrals: number;
  referralEvents: number;
  checkins: number;
}

/** Each counselor's jobseekers (the demo's appointments are booked within them). */
function caseloadsOf(rows: ReadonlyArray<Row<'jobseekers'>>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.assigned_counselor_id) continue;
    const list = out.get(r.assigned_counselor_id) ?? [];
    list.push(r.id);
    out.set(r.assigned_counselor_id, list);
  }
  return out;
}

export async function generateDemo(ctx: ServiceContext, o: DemoOptions): Promise<DemoSummary> {
  const rng = seededRng(o.seed);
  const anchor = Date.UTC(o.anchor.getUTCFullYear(), o.anchor.getUTCMonth(), o.anchor.getUTCDate());
  const progress = o.onProgress ?? (() => undefined);

  await ensureCenter(ctx, { code: o.centerCode, name: o.centerName, sido: o.sido, sigungu: o.sigungu });
  const accounts = [
    'admin',
    'supervisor1',
    'counselor1',
    'counselor2',
    'counselor3',
    'counselor4',
    'counselor5',
  ];
  const counselorIds: string[] = [];
  for (const [i, loginId] of accounts.entries()) {
    const role = i === 0 ? 'admin' : i === 1 ? 'supervisor' : 'counselor';
    const displayName =
      i === 0 ? '시스템관리자' : i === 1 ? `${rng.weighted(SURNAMES)}팀장` : personName(rng, null);
    const id = await createAccount(ctx, {
      loginId,
      displayName,
      role,
      centerCode: o.centerCode,
      password: o.password,
    });
    if (role === 'counselor') counselorIds.push(id);
    progress('accounts', i + 1, accounts.length);
  }

  const places = demoPlaces(rng, o);
  const common = { rng, anchor, centerCode: o.centerCode, counselorIds, places, progress };
  const { jobseekers, assessments, notes, consents } = await generateDemoJobseekers(ctx, {
    ...common,
    jobseekers: o.jobseekers,
  });
  const { employers, openings } = await generateDemoEmployers(ctx, { ...common, employers: o.employers });
  const referrals = await generateDemoReferrals(ctx, { ...common, jobseekers, openings });
  const checkins = await generateDemoCheckins(ctx, {
    rng,
    anchor: o.anchor,
    centerCode: o.centerCode,
    jobseekers: o.jobseekers,
    counselorIds,
  });
  await generateDemoAppointments(ctx, { anchorMs: anchor, caseloads: caseloadsOf(jobseekers), rng });
  // Its own stream of the seed, so the referrals never shift what the generators above made.
  await generateDemoServiceReferrals(ctx, { anchorMs: anchor, jobseekers, assessments, seed: o.seed });
  // Issue 17: enrolments in 국민취업지원제도 for needs-preparation jobseekers who gave the sensitive consent
  // (its own generator seeded apart, so the records above stay as they were for a given seed).
  const sensitive = new Set(
    consents.filter((c) => c.item_group === 'sensitive' && c.granted === 1).map((c) => c.jobseeker_id),
  );
  await generateDemoProgrammes(ctx, {
    anchorMs: anchor,
    rng: seededRng(o.seed ^ 0x17),
    candidates: jobseekers
      .filter((j) => j.current_type === 'needs-preparation' && j.assigned_counselor_id && sensitive.has(j.id))
      .map((j) => ({ id: j.id, counselorId: j.assigned_counselor_id as string, birthYear: j.birth_year })),
  });
  await generateDemoGroups(ctx, { centerCode: o.centerCode, anchorMs: anchor, seed: o.seed });

  await generateAuditHistory(ctx, { centerCode: o.centerCode, anchorMs: anchor, seed: o.seed });
  await appendAudit(ctx.db, {
    at: ctx.now().toISOString(),
    actorId: null,
    actorLogin: null,
    deviceId: ctx.deviceId,
    action: 'demo.generate',
    subjectType: 'store',
    subjectId: null,
    personId: null,
    detail: { seed: o.seed, jobseekers: o.jobseekers, employers: o.employers },
  });

  return {
    accounts,
    jobseekers: jobseekers.length,
    assessments: assessments.length,
    notes: notes.length,
    employers,
    openings: openings.length,
    referrals: referrals.referrals,
    referralEvents: referrals.events,
    checkins,
  };
}
