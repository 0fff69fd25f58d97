import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { countMerged } from './merges.ts';
import { countPendingChanges } from './outbox.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoreCounts {
  jobseekers: number;
  assessments: number;
  notes: number;
  competencyItems: number;
  consentRecords: number;
  employers: number;
  employerAssessments: number;
  openings: number;
  referrals: number;
  referralEvents: number;
  checkins: number;
  auditEntries: number;
  users: number;
  pendingChanges: number;
  /** Cases merged into another (issue 16 item 5): tombstones pointing at their survivor. */
  merges: number;
}

const TABLES = {
  jobseekers: 'jobseekers',
  assessments: 'assessments',
  notes: 'counseling_notes',
  competencyItems: 'competency_items',
  consentRecords: 'consent_records',
  employers: 'employers',
  employerAssessments: 'employer_assessments',
  openings: 'job_openings',
  referrals: 'referrals',
  referralEvents: 'referral_events',
  checkins: 'checkins',
  auditEntries: 'audit_entries',
  users: 'users',
} as const satisfies Record<Exclude<keyof StoreCounts, 'pendingChanges' | 'merges'>, keyof Database>;

export async function countRecords(db: Db): Promise<StoreCounts> {
  const entries = await Promise.all(
    Object.entries(TABLES).map(async ([key, table]) => {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return [key, Number(row.n)] as const;
    }),
  );
  return {
    ...(Object.fromEntries(entries) as Omit<StoreCounts, 'pendingChanges' | 'merges'>),
    pendingChanges: await countPendingChanges(db),
    merges: await countMerged(db),
  };
}
