import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listJobseekers, findDuplicateJobseekers } from '../../../../db/repositories/jobseekers.ts';
import { createJobseeker, updateJobseeker } from '../../../../electron/services/jobseekers.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import { jobseekerFieldsSchema } from '../../../../shared/domain/jobseeker.ts';
import { makeTestStore, type TestStore } from '../../../support/temp-store.ts';

let t: TestStore;
let counselor: SessionInfo;
const ids: Record<string, string> = {};

const base = { query: '', sort: 'name', direction: 'asc', offset: 0, limit: 50 } as const;

beforeAll(async () => {
  t = await makeTestStore();
  counselor = await t.signIn('counselor1');
  const people = [
    ['김민준', 1990, '010-1111-5678'],
    ['이민준', 1985, '010-2222-0000'],
    ['박서연', 1992, '010-3333-5678'],
    ['최지우', 1978, ''],
    ['남궁민수', 2001, '02-123-4567'],
  ] as const;
  for (const [name, birthYear, phone] of people) {
    const fields = jobseekerFieldsSchema.parse({ name, birthYear, phone, sido: '11' });
    ids[name] = (await createJobseeker(t.store.context, counselor, fields, true)).id;
  }
});
afterAll(() => t.cleanup());

const names = async (query: string) =>
  (await listJobseekers(t.store.db, { ...base, query })).rows.map((r) => r.name).sort();

describe('jobseeker search', () => {
  it('finds a Korean name by a two-syllable fragment', async () => {
    expect(await names('민준')).toEqual(['김민준', '이민준']);
  });
  it('finds a Korean name by a three-syllable fragment through the trigram index', async () => {
    expect(await names('김민준')).toEqual(['김민준']);
    expect(await names('궁민수')).toEqual(['남궁민수']);
  });
  it('finds by a phone fragment, with or without dashes', async () => {
    expect(await names('5678')).toEqual(['김민준', '박서연']);
    expect(await names('1111-56')).toEqual(['김민준']);
    expect(await names('0212345')).toEqual(['남궁민수']);
  });
  it('treats search syntax as plain text', async () => {
    expect(await names('"민준')).toEqual([]);
    expect(await names('OR')).toEqual([]);
    expect(await names('%')).toEqual([]);
  });
  it('follows an edit: the new name is found, the old one is not', async () => {
    const id = ids['최지우'] ?? '';
    await updateJobseeker(t.store.context, counselor, id, 0, { name: '최지유' });
    expect(await names('최지유')).toEqual(['최지유']);
    expect(await names('최지우')).toEqual([]);
  });
  it('counts all matches and pages through them in order', async () => {
    const page1 = await listJobseekers(t.store.db, { ...base, limit: 2 });
    const page2 = await listJobseekers(t.store.db, { ...base, limit: 2, offset: 2 });
    expect(page1.total).toBe(5);
    expect([...page1.rows, ...page2.rows].map((r) => r.name)).toEqual([
      '김민준',
      '남궁민수',
      '박서연',
      '이민준',
    ]);
  });
  it("filters to a counselor's caseload", async () => {
    const other = await t.signIn('counselor2');
    expect((await listJobseekers(t.store.db, { ...base, counselorId: other.userId })).total).toBe(0);
    expect((await listJobseekers(t.store.db, { ...base, counselorId: counselor.userId })).total).toBe(5);
  });
});

describe('duplicate detection', () => {
  it('matches the same name and birth year, and the same phone, saying which', async () => {
    const byName = await findDuplicateJobseekers(t.store.db, {
      name: '김민준',
      birthYear: 1990,
      phone: null,
    });
    expect(byName.map((d) => [d.name, d.matchedOn])).toEqual([['김민준', ['name-birthYear']]]);
    const byPhone = await findDuplicateJobseekers(t.store.db, {
      name: '홍길동',
      birthYear: 1970,
      phone: '01033335678',
    });
    expect(byPhone.map((d) => [d.name, d.matchedOn])).toEqual([['박서연', ['phone']]]);
  });
  it('does not match the same name with another birth year', async () => {
    expect(
      await findDuplicateJobseekers(t.store.db, { name: '김민준', birthYear: 1991, phone: null }),
    ).toEqual([]);
  });
});

describe('duplicate detection with little to go on', () => {
  it('returns nothing (and does not fail) for a name alone', async () => {
    expect(await findDuplicateJobseekers(t.store.db, { name: '김민준', phone: null })).toEqual([]);
  });
});
