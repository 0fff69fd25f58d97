import type { Insertable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { hashPassword } from '../../../db/credentials.ts';
import type { ServerDb } from '../../../db/server/connection.ts';
import { insertServerUser } from '../../../db/server/repositories/accounts.ts';
import { lockSequencer } from '../../../db/server/repositories/sync.ts';
import type { SyncRowTable } from '../../../db/server/schema.ts';
import { addCenter } from '../../../server/admin.ts';

// The load test's server data: `centers` centers over the 17 시도, each with one supervisor and its
// counselors (one account per simulated desktop), and `casesPerCenter` cases dealt round-robin to the
// center's counselors, each with two counseling notes and its required consent, written straight into
// sync_rows as the server's own rules scope them (the checksum triggers run).

export const LOAD_PASSWORD = 'Load-test-2026!';
const SIDO = [
  '11',
  '26',
  '27',
  '28',
  '29',
  '30',
  '31',
  '36',
  '41',
  '43',
  '44',
  '46',
  '47',
  '48',
  '50',
  '51',
  '52',
];

export interface LoadAccount {
  loginId: string;
  userId: string;
  role: 'counselor' | 'supervisor';
  center: string;
}

export function centerCode(i: number): string {
  return `LOAD${String(i + 1).padStart(2, '0')}`;
}

export async function seedLoad(
  db: ServerDb,
  o: { centers: number; desktops: number; casesPerCenter: number },
): Promise<LoadAccount[]> {
  const now = new Date();
  const at = now.toISOString();
  // One argon2 hash for every account: hashing 500 passwords would be the seed's whole cost; each
  // sign-in still runs the real check against it.
  const hash = await hashPassword(LOAD_PASSWORD);
  const accounts: LoadAccount[] = [];
  for (let c = 0; c < o.centers; c++) {
    const center = centerCode(c);
    await addCenter(
      db,
      { code: center, name: `부하${c + 1}고용센터`, region: SIDO[c % SIDO.length] ?? '11' },
      now,
      'postgres',
    );
  }
  // Desktops dealt to centers in turn: the first account of each center is its supervisor.
  for (let d = 0; d < o.desktops; d++) {
    const c = d % o.centers;
    const nth = Math.floor(d / o.centers);
    const account: LoadAccount = {
      loginId: `load${String(c + 1).padStart(2, '0')}u${String(nth + 1).padStart(3, '0')}`,
      userId: uuidv7(),
      role: nth === 0 ? 'supervisor' : 'counselor',
      center: centerCode(c),
    };
    await insertServerUser(db, {
      id: account.userId,
      login_id: account.loginId,
      display_name: `상담사 ${account.loginId}`,
      role: account.role,
      center_code: account.center,
      password_hash: hash,
      locked_until: null,
      created_at: at,
      updated_at: at,
    });
    accounts.push(account);
  }
  const rows: Array<Insertable<SyncRowTable>> = [];
  for (let c = 0; c < o.centers; c++) {
    const center = centerCode(c);
    const sido = SIDO[c % SIDO.length] ?? '11';
    const counselors = accounts.filter((a) => a.center === center && a.role === 'counselor');
    const owners = counselors.length > 0 ? counselors : accounts.filter((a) => a.center === center);
    for (let i = 0; i < o.casesPerCenter; i++) {
      const owner = owners[i % owners.length]?.userId ?? null;
      rows.push(...caseRows(c * o.casesPerCenter + i, center, sido, owner, at));
    }
  }
  await db.transaction().execute(async (trx) => {
    await lockSequencer(trx, 'postgres');
    const max = await trx
      .selectFrom('sync_rows')
      .select((eb) => eb.fn.max('seq').as('m'))
      .executeTakeFirst();
    let seq = Number(max?.m ?? 0);
    for (const r of rows) r.seq = ++seq;
    for (let i = 0; i < rows.length; i += 2000)
      await trx
        .insertInto('sync_rows')
        .values(rows.slice(i, i + 2000))
        .execute();
  });
  return accounts;
}

function caseRows(
  n: number,
  center: string,
  sido: string,
  owner: string | null,
  at: string,
): Array<Insertable<SyncRowTable>> {
  const id = uuidv7();
  const row = (table: string, rowId: string, parent: string | null, data: Record<string, unknown>) => ({
    table_name: table,
    row_id: rowId,
    seq: 0,
    scope_center: center,
    scope_owner: owner,
    scope_region: null,
    parent_key: parent,
    data: JSON.stringify(data),
    field_meta: '{}',
    updated_at: at,
  });
  const out = [
    row('jobseekers', id, null, {
      id,
      reg_no: `26-L${String(n).padStart(7, '0')}`,
      center_code: center,
      name: `구직자${n}`,
      birth_year: 1960 + (n % 45),
      gender: n % 2 ? 'female' : 'male',
      phone: `010${String(10_000_000 + n)}`,
      email: null,
      sido,
      sigungu: null,
      desired_occupation: '0121',
      desired_wage: 2_500_000,
      mobile: 0,
      assigned_counselor_id: owner,
      status: 'active',
      current_type: null,
      current_track: null,
      registered_at: at,
      created_at: at,
      updated_at: at,
      archived: 0,
    }),
  ];
  for (let k = 0; k < 2; k++) {
    const noteId = uuidv7();
    out.push(
      row('counseling_notes', noteId, `jobseekers:${id}`, {
        id: noteId,
        jobseeker_id: id,
        kind: 'in-person',
        body: '구직 상담: 이력서 보완과 지역 내 알선을 안내함.',
        author_id: owner,
        created_at: at,
        revision_of: null,
      }),
    );
  }
  const consentId = uuidv7();
  out.push(
    row('consent_records', consentId, `jobseekers:${id}`, {
      id: consentId,
      jobseeker_id: id,
      item_group: 'required',
      granted: 1,
      notice_version: '2026-01',
      channel: 'counter',
      recorded_by: owner,
      recorded_at: at,
    }),
  );
  return out;
}
