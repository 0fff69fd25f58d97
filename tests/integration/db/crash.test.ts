import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../db/repositories/audit.ts';
import { login } from '../../../electron/services/auth.ts';
import { createJobseeker } from '../../../electron/services/jobseekers.ts';
import { openDesktopStore, type DesktopStore } from '../../../electron/services/store.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import { REPO_ROOT } from '../../support/run-node.ts';
import { makeTestStore, TEST_PASSWORD, TEST_STORE_KEY, type TestStore } from '../../support/temp-store.ts';

// A desktop loses power in the middle of a burst of writes. A child process writes jobseekers and notes
// through the real services, printing each record once its transaction has committed; the test kills it
// with SIGKILL (no exit handlers, no flush), at a different moment each round, then opens the store and
// checks: SQLite's integrity check passes; every record the child reported is there with its outbox
// entry and its audit entry; no record anywhere lacks either (no half-written write); the audit chain
// holds; and the store takes new writes.

const WRITER = resolve(REPO_ROOT, 'tests/support/crash-writer.ts');
/** Kill after this many reported records: at once (inside the first writes), then later and later. */
const KILL_AFTER = [0, 4, 19, 57];

let t: TestStore;

beforeAll(async () => {
  t = await makeTestStore();
  await t.store.close(); // the store belongs to the children now; reopened after each crash
});
afterAll(async () => {
  await t.cleanup();
});

interface Reported {
  jobseekers: string[];
  notes: string[];
}

/** Runs the writer until it has reported `killAfter` records, then kills it; returns what it reported. */
function crashWriter(killAfter: number): Promise<Reported & { signal: NodeJS.Signals | null }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [WRITER, t.dir, 'counselor1', TEST_PASSWORD], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const reported: Reported = { jobseekers: [], notes: [] };
    let buffered = '';
    let stderr = '';
    let count = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, id] = line.split(' ');
        if (kind === 'jobseeker' && id) reported.jobseekers.push(id);
        else if (kind === 'note' && id) reported.notes.push(id);
        else if (kind !== 'ready') continue;
        if (kind !== 'ready') count++;
        if (count >= killAfter && !child.killed) child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the writer ended by itself (${code}): ${stderr}`));
      else resolvePromise({ ...reported, signal });
    });
  });
}

async function reopen(): Promise<DesktopStore> {
  return openDesktopStore(t.dir, { key: TEST_STORE_KEY, create: false });
}

async function idsWithout(store: DesktopStore, table: 'jobseekers' | 'counseling_notes', action: string) {
  const rows = await sql<{ id: string; outbox: number; audit: number }>`
    select r.id,
      (select count(*) from outbox o where o.table_name = ${table} and o.row_id = r.id and o.op = 'insert') as outbox,
      (select count(*) from audit_entries a where a.action = ${action} and a.subject_id = r.id) as audit
    from ${sql.table(table)} r`.execute(store.db);
  return {
    total: rows.rows.length,
    ids: new Set(rows.rows.map((r) => r.id)),
    halfWritten: rows.rows.filter((r) => Number(r.outbox) !== 1 || Number(r.audit) !== 1).map((r) => r.id),
  };
}

describe('a crash in the middle of a burst of writes', () => {
  it('loses nothing committed and leaves nothing half-written, whenever it happens', async () => {
    let reportedTotal = 0;
    for (const killAfter of KILL_AFTER) {
      const reported = await crashWriter(killAfter);
      reportedTotal += reported.jobseekers.length + reported.notes.length;
      const store = await reopen();
      try {
        const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(store.db);
        expect(check.rows.map((r) => r.integrity_check)).toEqual(['ok']);

        const jobseekers = await idsWithout(store, 'jobseekers', 'jobseeker.create');
        const notes = await idsWithout(store, 'counseling_notes', 'note.create');
        for (const id of reported.jobseekers)
          expect(jobseekers.ids.has(id), `jobseeker ${id} lost`).toBe(true);
        for (const id of reported.notes) expect(notes.ids.has(id), `note ${id} lost`).toBe(true);
        expect(jobseekers.halfWritten, 'jobseekers without their outbox or audit entry').toEqual([]);
        expect(notes.halfWritten, 'notes without their outbox or audit entry').toEqual([]);

        // No outbox entry or audit entry for a record that is not there either.
        const orphans = await sql<{ n: number }>`
          select count(*) as n from outbox o
          where (o.table_name = 'jobseekers' and not exists (select 1 from jobseekers j where j.id = o.row_id))
             or (o.table_name = 'counseling_notes' and not exists (select 1 from counseling_notes c where c.id = o.row_id))`.execute(
          store.db,
        );
        expect(Number(orphans.rows[0]?.n)).toBe(0);
        expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true });

        // And it still works: a new record goes in after the crash.
        const session = await login(store.context, 'supervisor1', TEST_PASSWORD);
        const fields = jobseekerFieldsSchema.parse({ name: '복구 확인', birthYear: 1980, sido: '11' });
        const created = await createJobseeker(store.context, session, fields, true);
        expect((await idsWithout(store, 'jobseekers', 'jobseeker.create')).ids.has(created.id)).toBe(true);
      } finally {
        await store.close();
      }
    }
    expect(reportedTotal).toBeGreaterThanOrEqual(KILL_AFTER.reduce((a, b) => a + b, 0));
    console.log(`crash test: ${KILL_AFTER.length} kills, ${reportedTotal} committed records checked`);
  });
});
