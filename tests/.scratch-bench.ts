import { uuidv7 } from 'uuidv7';
import { makeTestStore } from './support/temp-store.ts';
import { listJobseekers } from '../db/repositories/jobseekers.ts';
const t = await makeTestStore();
const c = await t.signIn('counselor1');
const now = new Date().toISOString();
const N = 100_000;
for (let b = 0; b < N / 500; b++) {
  const rows = Array.from({ length: 500 }, (_, i) => ({
    id: uuidv7(), hlc: 'x', reg_no: `R${b}-${i}`, center_code: 'T01', name: `이름${(b * 500 + i) % 9973}`,
    birth_year: 1970 + (i % 40), gender: null, phone: `010${String(b * 500 + i).padStart(8, '0')}`, email: null,
    sido: '11', sigungu: null, desired_occupation: '5501', desired_wage: null, mobile: 0,
    assigned_counselor_id: i % 5 === 0 ? c.userId : null, current_type: null, current_track: null,
    registered_at: now, created_at: now, updated_at: now, reassess_due_on: null,
  }));
  await t.store.db.insertInto('jobseekers').values(rows).execute();
}
const base = { query: '', sort: 'registeredAt' as const, direction: 'desc' as const, offset: 0, limit: 100 };
const scope = { centerCode: 'T01', userId: c.userId };
async function time(label: string, q: Parameters<typeof listJobseekers>[1]) {
  await listJobseekers(t.store.db, q);
  const s = performance.now();
  for (let i = 0; i < 20; i++) await listJobseekers(t.store.db, q);
  console.log(label, ((performance.now() - s) / 20).toFixed(1), 'ms');
}
await time('first page, no scope', base);
await time('first page, scope', { ...base, scope });
await time('search 이름12, no scope', { ...base, query: '이름12' });
await time('search 이름12, scope', { ...base, query: '이름12', scope });
await time('search 0100001, no scope', { ...base, query: '0100001' });
await time('search 0100001, scope', { ...base, query: '0100001', scope });
await time('by name, no scope', { ...base, sort: 'name', direction: 'asc' });
await time('by name, scope', { ...base, sort: 'name', direction: 'asc', scope });
await t.cleanup();
