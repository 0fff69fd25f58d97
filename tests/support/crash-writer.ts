import { addNote } from '../../electron/services/casework.ts';
import { login } from '../../electron/services/auth.ts';
import { createJobseeker } from '../../electron/services/jobseekers.ts';
import { openDesktopStore } from '../../electron/services/store.ts';
import { jobseekerFieldsSchema } from '../../shared/domain/jobseeker.ts';
import { TEST_STORE_KEY } from './store-key.ts';

// The child of the crash test (tests/integration/db/crash.test.ts): opens the store in the folder it is
// given and writes through the real services as fast as it can (a jobseeker, then two notes on them, over
// and over) until it is killed. Each line it prints names a record whose transaction has committed:
// the parent may only rely on what was printed.
//
//   node tests/support/crash-writer.ts DIR LOGIN PASSWORD

const [dir, loginId, password] = process.argv.slice(2);
if (!dir || !loginId || !password) {
  process.stderr.write('usage: crash-writer.ts DIR LOGIN PASSWORD\n');
  process.exit(2);
}

const store = await openDesktopStore(dir, { key: TEST_STORE_KEY, create: false });
const session = await login(store.context, loginId, password);
process.stdout.write('ready\n');

for (let i = 0; ; i++) {
  const fields = jobseekerFieldsSchema.parse({
    name: `충돌시험 ${process.pid}-${i}`,
    birthYear: 1960 + (i % 40),
    sido: '11',
    phone: null,
    desiredOccupation: '5501',
  });
  const jobseeker = await createJobseeker(store.context, session, fields, true);
  process.stdout.write(`jobseeker ${jobseeker.id}\n`);
  for (const n of [1, 2]) {
    const body = `상담 기록 ${process.pid}-${i}-${n} ${'내용 '.repeat(200)}`;
    const file = await addNote(store.context, session, {
      jobseekerId: jobseeker.id,
      kind: 'in-person',
      body,
    });
    const note = file.notes.find((x) => x.body === body);
    if (!note) throw new Error('the note just written is missing');
    process.stdout.write(`note ${note.id}\n`);
  }
}
