import { createInterface } from 'node:readline';
import { login } from '../../../electron/services/auth.ts';
import { addNote } from '../../../electron/services/casework.ts';
import { createJobseeker, updateJobseeker } from '../../../electron/services/jobseekers.ts';
import { openDesktopStore } from '../../../electron/services/store.ts';
import { SyncClient } from '../../../electron/services/sync/client.ts';
import { httpTransport } from '../../../electron/services/sync/transport.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import { TEST_STORE_KEY } from '../store-key.ts';

// One desktop of the real-fault harness (tests/integration/faults) as its own process: opens (or
// creates) a store, signs in to the server, then makes `writes` local writes through the real services
// (a jobseeker, a note on one, a phone change, in turn), pushing after each (`push-only`) or syncing
// every `syncEvery` writes, then syncs until nothing moves. `follow` mode writes nothing and syncs over
// and over until a line `stop` arrives on stdin. The parent may kill it at any moment: every line it
// prints names something that has already committed.
//
//   node tests/support/faults/desktop.ts '{"dir":…,"url":…,"loginId":…,"password":…,"mode":…}'
//
// Lines: `ready DEVICE`, `wrote TABLE ID`, `write-error MESSAGE`, `synced PUSHED PULLED`,
// `sync-error MESSAGE`, `progress N`, `done`. Messages carry error texts, never record contents.

interface Options {
  dir: string;
  url: string;
  loginId: string;
  password: string;
  mode: 'write' | 'push-only' | 'follow' | 'settle';
  writes?: number;
  syncEvery?: number;
  /** Freeze (block the thread) at the first progress report of a first download: the parent kills it. */
  freezeOnFirstDownload?: boolean;
}

const o = JSON.parse(process.argv[2] ?? '{}') as Options;
const say = (line: string) => process.stdout.write(`${line}\n`);
const oneLine = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split('\n')[0];
/** Backing off after a failed sync: the server may be down until the harness restarts it. */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let stopped = false;
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'stop') stopped = true;
});

const store = await openDesktopStore(o.dir, { key: TEST_STORE_KEY });
const client = new SyncClient(store.context, httpTransport(o.url, { timeoutMs: 20_000 }));
const firstDownload = !(await store.db.selectFrom('sync_cursors').select('cursor').executeTakeFirst());
client.onProgress = (rows) => {
  say(`progress ${rows}`);
  if (o.freezeOnFirstDownload && firstDownload) {
    say('frozen');
    // Blocks this thread for good, with the first download half written: the parent kills the process.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  }
};

for (let attempt = 0; ; attempt++) {
  try {
    await client.signIn(o.loginId, o.password, `${o.loginId} fault desk`);
    break;
  } catch (e) {
    say(`sync-error ${oneLine(e)}`);
    if (attempt > 600) throw e;
    await pause(50);
  }
}
// Signing in on the desktop writes an audit entry: only a desktop that writes does (quiescence must
// be reachable, with nothing new to push).
const writes = o.mode === 'write' || o.mode === 'push-only';
const session = writes ? await login(store.context, o.loginId, o.password) : null;
say(`ready ${store.context.deviceId}`);

async function syncOnce(): Promise<{ pushed: number; pulled: number } | null> {
  try {
    const c = await client.syncOnce();
    say(`synced ${c.pushed} ${c.pulled}`);
    return c;
  } catch (e) {
    say(`sync-error ${oneLine(e)}`);
    return null;
  }
}

const mine: string[] = [];
async function write(i: number): Promise<void> {
  const ctx = store.context;
  if (!session) throw new Error('not signed in on the desktop');
  const kind = mine.length === 0 ? 0 : i % 3;
  if (kind === 0) {
    const fields = jobseekerFieldsSchema.parse({
      name: `장애시험 ${ctx.deviceId.slice(-8)}-${process.pid}-${i}`,
      birthYear: 1960 + (i % 40),
      sido: '11',
      phone: null,
    });
    const j = await createJobseeker(ctx, session, fields, true);
    mine.push(j.id);
    say(`wrote jobseekers ${j.id}`);
    return;
  }
  const target = mine[i % mine.length] as string;
  if (kind === 1) {
    // A note on any case of the center, colleagues' too: the note lands in that colleague's caseload
    // scope as well as the center's, so their pulls read it through more than one scope.
    const theirs = (await store.db.selectFrom('jobseekers').select('id').orderBy('id').execute())
      .map((r) => r.id)
      .filter((id) => !mine.includes(id));
    const noteOn = theirs.length > 0 ? (theirs[i % theirs.length] ?? target) : target;
    const body = `장애시험 메모 ${ctx.deviceId.slice(-8)}-${process.pid}-${i} ${'내용 '.repeat(40)}`;
    const file = await addNote(ctx, session, { jobseekerId: noteOn, kind: 'phone', body });
    const note = file.notes.find((n) => n.body === body);
    if (!note) throw new Error('the note just written is missing');
    say(`wrote counseling_notes ${note.id}`);
    return;
  }
  const row = await store.db
    .selectFrom('jobseekers')
    .select('seq')
    .where('id', '=', target)
    .executeTakeFirst();
  await updateJobseeker(ctx, session, target, Number(row?.seq ?? 0), {
    phone: `010${String(10_000_000 + i).slice(-8)}`,
  });
  say(`wrote jobseekers ${target}`);
}

let failed = false;
// A pushing desktop first takes in its colleagues' cases (it writes notes on them).
if (o.mode === 'push-only') await syncOnce();
if (writes) {
  for (let i = 0; i < (o.writes ?? 0); i++) {
    try {
      await write(i);
    } catch (e) {
      say(`write-error ${oneLine(e)}`);
      failed = true;
      break;
    }
    if (o.mode === 'push-only') {
      if ((i + 1) % (o.syncEvery ?? 1) !== 0) continue;
      try {
        await client.push();
      } catch (e) {
        say(`sync-error ${oneLine(e)}`);
      }
    } else if ((i + 1) % (o.syncEvery ?? 1) === 0) await syncOnce();
  }
}
if (o.mode === 'follow') {
  // Mostly pulls (what a desktop does between its own pushes while colleagues work), a whole sync now
  // and then.
  for (let i = 0; !stopped; i++) {
    if (i % 10 === 9) {
      if (!(await syncOnce())) await pause(20);
    } else {
      try {
        await client.pull();
      } catch (e) {
        say(`sync-error ${oneLine(e)}`);
        await pause(20);
      }
    }
    // Let the stdin line in between syncs.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
// Until nothing moves: pushed nothing, pulled nothing, nothing pending.
if (!failed) {
  for (let attempt = 0; ; attempt++) {
    const c = await syncOnce();
    if (c && c.pushed === 0 && c.pulled === 0) {
      const pending = await store.db
        .selectFrom('outbox')
        .select('client_seq')
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (!pending) break;
    }
    if (attempt > 1000) {
      say('sync-error gave up settling');
      failed = true;
      break;
    }
    if (!c) await pause(50);
  }
}
await store.close();
say(failed ? 'failed' : 'done');
process.exit(failed ? 3 : 0);
