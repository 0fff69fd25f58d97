import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { sql } from 'kysely';
import { openDesktopStore } from '../../electron/services/store.ts';
import { TEST_STORE_KEY } from '../support/store-key.ts';

const n = Number(process.argv[2] ?? 100000);
const mode = process.argv[3] ?? 'raw';
const dir = mkdtempSync(join(tmpdir(), 'micro-'));
const store = await openDesktopStore(dir, { key: mode.includes('plain') ? null : TEST_STORE_KEY });
await store.db.insertInto('centers').values({ code: 'BENCH', name: 'x', sido: '11', sigungu: null, hlc: '0', updated_at: 'x' }).execute();
const now = new Date().toISOString();
const js: Record<string, unknown>[] = []; const notes: Record<string, unknown>[] = [];
for (let i = 0; i < n; i++) {
  const id = uuidv7();
  js.push({ id, seq: i * 4 + 1, hlc: '000000000000000:00000:server', reg_no: `26-B${String(i).padStart(7, '0')}`, center_code: 'BENCH', name: `구직자${i}`, birth_year: 1960 + (i % 45), gender: i % 2 ? 'female' : 'male', phone: `010${String(10_000_000 + i)}`, email: null, sido: '11', sigungu: '11680', desired_occupation: '0121', desired_wage: 2500000, mobile: 0, assigned_counselor_id: null, status: 'active', current_type: null, current_track: null, registered_at: now, created_at: now, updated_at: now, archived: 0 });
  for (let k = 0; k < 3; k++) notes.push({ id: uuidv7(), seq: i * 4 + 2 + k, hlc: '000000000000000:00000:server', jobseeker_id: id, kind: 'in-person', body: '구직 상담: 이력서 보완과 지역 내 알선을 안내함.', author_id: 'u', created_at: now, revision_of: null });
}
store.raw.pragma('foreign_keys = OFF');
const t0 = performance.now();
if (mode.startsWith('raw')) {
  const ins = (table: string, rows: Record<string, unknown>[]) => {
    const keys = Object.keys(rows[0]!);
    const stmt = store.raw.prepare(`insert into ${table} (${keys.join(',')}) values (${keys.map(() => '?').join(',')})`);
    for (let i = 0; i < rows.length; i += 5000) {
      store.raw.transaction(() => { for (const r of rows.slice(i, i + 5000)) stmt.run(keys.map(k => r[k])); })();
    }
  };
  ins('jobseekers', js); const t1 = performance.now(); console.log('jobseekers', (t1 - t0).toFixed(0)); ins('counseling_notes', notes);
} else {
  const ins = async (table: string, rows: Record<string, unknown>[]) => {
    const keys = Object.keys(rows[0]!);
    for (let i = 0; i < rows.length; i += 1000) {
      await store.db.transaction().execute(async (trx) => {
        const list = rows.slice(i, i + 1000);
        for (let j = 0; j < list.length; j += 100) {
          const chunk = list.slice(j, j + 100);
          await sql`insert into ${sql.table(table)} (${sql.join(keys.map((k) => sql.ref(k)))}) values ${sql.join(chunk.map((v) => sql`(${sql.join(keys.map((k) => v[k]))})`))}`.execute(trx);
        }
      });
    }
  };
  await ins('jobseekers', js); const t1 = performance.now(); console.log('jobseekers', (t1 - t0).toFixed(0)); await ins('counseling_notes', notes);
}
console.log(mode, n, 'total ms', (performance.now() - t0).toFixed(0));
await store.close(); rmSync(dir, { recursive: true, force: true });
