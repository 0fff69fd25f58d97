import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

// SQL for signatures (issue 18 item 2) and the look-ups that verify a printed code (item 6).

type Db = Kysely<Database> | Transaction<Database>;

/** The newest signature on one form of one record, with the counselor's name. */
export async function latestSignature(db: Db, kind: string, recordId: string) {
  return db
    .selectFrom('signatures as s')
    .leftJoin('users as u', 'u.id', 's.counselor_id')
    .select(['s.id', 's.document_sha256', 's.image_png', 's.signed_at', 'u.display_name as counselor_name'])
    .where('s.document_kind', '=', kind)
    .where('s.record_id', '=', recordId)
    .orderBy('s.signed_at', 'desc')
    .orderBy('s.id', 'desc')
    .executeTakeFirst();
}

/** Every referral's id: a 알선장 code is derived from it (electron/services/documents/codes.ts). */
export async function allReferralIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('referrals').select('id').execute();
  return rows.map((r) => r.id);
}

/** What a verification tells about a referral: its jobseeker, when, which center, and its events. */
export async function referralForVerification(db: Db, id: string) {
  const row = await db
    .selectFrom('referrals as r')
    .innerJoin('jobseekers as j', 'j.id', 'r.jobseeker_id')
    .leftJoin('centers as k', 'k.code', 'j.center_code')
    .select(['r.id', 'r.jobseeker_id', 'r.created_at', 'j.name', 'k.name as center_name'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const events = await db
    .selectFrom('referral_events')
    .select(['kind', 'at'])
    .where('referral_id', '=', id)
    .orderBy('at')
    .execute();
  return { ...row, events };
}

/** The certificate's holder and whether every item it lists is still on the record. */
export async function certificateForVerification(db: Db, code: string) {
  const row = await db
    .selectFrom('certificates as c')
    .innerJoin('jobseekers as j', 'j.id', 'c.jobseeker_id')
    .leftJoin('centers as k', 'k.code', 'c.center_code')
    .select(['c.id', 'c.jobseeker_id', 'c.issued_at', 'c.item_ids', 'j.name', 'k.name as center_name'])
    .where('c.verification_code', '=', code)
    .executeTakeFirst();
  if (!row) return undefined;
  const ids = JSON.parse(row.item_ids) as string[];
  const live =
    ids.length === 0
      ? []
      : await db
          .selectFrom('competency_items')
          .select('id')
          .where('id', 'in', ids)
          .where('archived', '=', 0)
          .execute();
  return { ...row, itemsWithdrawn: live.length < ids.length };
}
