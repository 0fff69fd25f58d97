import { open, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../../../electron/main/dispatcher.ts';
import { addAttachmentFile } from '../../../../../electron/services/attachments/files.ts';
import type { SessionInfo } from '../../../../../shared/contract/auth.ts';
import { jpegShaped, png, tinyPdf } from '../../../../support/attachment-files.ts';
import { seedFixture, type Fixture } from '../../../../support/case-fixtures.ts';
import { tempDir } from '../../../../support/temp-store.ts';
import {
  dispatcherFor,
  makeTestStore,
  sessionHolder,
  type TestStore,
} from '../../../../support/temp-store.ts';

// Issue 18 item 3 on one desktop: a file is judged by its content and size before anything is written
// (bad input: a corrupt PDF, an image with a wrong extension, a zero-byte file, a 1 GB file, another
// type, one over the limit: a clear message each, nothing stored); a good one is kept with its outbox
// entry; opening it for the preview or a download is audited; a removal keeps a tombstone with its
// reason; the case's files can go with its referral, nobody else's.

let t: TestStore;
let f: Fixture;
let dispatch: Dispatch;
const dir = tempDir('caseworker-attach-');

beforeAll(async () => {
  t = await makeTestStore();
  f = await seedFixture(t);
  dispatch = dispatcherFor(t.store).dispatch;
});
afterAll(async () => {
  await t.cleanup();
  dir.remove();
});

function call(channel: string, input: unknown, session: SessionInfo = f.sessions.counselor) {
  return dispatch({ surface: 'desk', session: sessionHolder(session) }, channel, input);
}

function counts() {
  const n = (sql: string) => (t.store.raw.prepare(sql).get() as { n: number }).n;
  return {
    rows: n('select count(*) as n from attachments'),
    blobs: n('select count(*) as n from attachment_blobs'),
    outbox: n('select count(*) as n from outbox'),
    audit: n('select count(*) as n from audit_entries'),
  };
}

function addInput(fileName: string, bytes: Buffer) {
  return {
    parent: { table: 'jobseekers', id: f.own.jobseekerId },
    kind: 'resume',
    fileName,
    base64: bytes.toString('base64'),
  };
}

describe('refused files leave nothing behind', () => {
  const pdf = tinyPdf('resume');
  const cases: Array<[string, string, Buffer, string]> = [
    [
      'a corrupt PDF (cut off)',
      'cv.pdf',
      pdf.subarray(0, Math.floor(pdf.length / 2)),
      'attachments.error.corrupt',
    ],
    ['a PNG named .jpg', 'photo.jpg', png(8, 8), 'attachments.error.extension'],
    ['a PDF named .png', 'scan.png', pdf, 'attachments.error.extension'],
    ['a zero-byte file', 'empty.pdf', Buffer.alloc(0), 'attachments.error.empty'],
    [
      'a ZIP file',
      'cv.zip',
      Buffer.from('PK\u0003\u0004 not a document', 'latin1'),
      'attachments.error.type',
    ],
    ['a text file named .pdf', 'cv.pdf', Buffer.from('hello, this is not a PDF'), 'attachments.error.type'],
    ['a PNG without its end', 'cut.png', png(8, 8).subarray(0, 40), 'attachments.error.corrupt'],
  ];
  it.each(cases)('%s', async (_what, name, bytes, message) => {
    const before = counts();
    const r = await call('attachments:add', addInput(name, bytes));
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', message } });
    expect(counts()).toEqual(before);
  });

  it('a file over the limit (11 MB against the default 10 MB)', async () => {
    const before = counts();
    const big = Buffer.concat([tinyPdf('x', 11 * 1024 * 1024)]);
    const r = await call('attachments:add', addInput('big.pdf', big));
    expect(r).toMatchObject({ ok: false, error: { message: 'attachments.error.tooLarge|max=10' } });
    expect(counts()).toEqual(before);
  });

  it('a 1 GB file from disk is refused from its size, without reading it', async () => {
    const file = path.join(dir.dir, 'huge.pdf');
    // Sparse: 1 GB on paper, a few bytes on disk; the content check would read its head and tail only.
    await writeFile(file, tinyPdf('head'));
    await truncate(file, 1024 * 1024 * 1024);
    const handle = await open(file, 'r');
    expect((await handle.stat()).size).toBe(1024 * 1024 * 1024);
    await handle.close();
    const before = counts();
    const heapBefore = process.memoryUsage().rss;
    await expect(
      addAttachmentFile(t.store.context, f.sessions.counselor, {
        parent: { table: 'jobseekers', id: f.own.jobseekerId },
        kind: 'resume',
        path: file,
      }),
    ).rejects.toMatchObject({ message: 'attachments.error.tooLarge|max=10' });
    expect(process.memoryUsage().rss - heapBefore).toBeLessThan(200 * 1024 * 1024);
    expect(counts()).toEqual(before);
  });

  it('a base64 body larger than any setting is refused by the channel schema', async () => {
    const r = await call('attachments:add', {
      ...addInput('x.pdf', Buffer.alloc(0)),
      base64: 'A'.repeat(140 * 1024 * 1024),
    });
    expect(r).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^attachments\.error\.tooLarge/) },
    });
  });

  it("another center's case is not found, and a counselor may not raise the limit", async () => {
    const r = await call('attachments:add', {
      ...addInput('cv.pdf', tinyPdf()),
      parent: { table: 'jobseekers', id: f.other.jobseekerId },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('attachments:saveLimit', { maxBytes: 50 * 1024 * 1024 })).toMatchObject({ ok: false });
  });
});

describe('a kept file', () => {
  let id = '';
  it('is kept with its outbox entry, listed, previewed and downloaded with audit entries', async () => {
    const added = await call('attachments:add', addInput('이력서.pdf', tinyPdf('cv')));
    expect(added).toMatchObject({
      ok: true,
      value: { fileName: '이력서.pdf', mime: 'application/pdf', available: true },
    });
    id = (added as { value: { id: string } }).value.id;
    const outbox = t.store.raw
      .prepare("select op, fields from outbox where table_name = 'attachments' and row_id = ?")
      .get(id) as { op: string; fields: string };
    expect(outbox.op).toBe('insert');
    // The row log carries the metadata, never the bytes.
    expect(outbox.fields).not.toContain('JVBER');
    expect(JSON.parse(outbox.fields)).toMatchObject({ size: tinyPdf('cv').length, mime: 'application/pdf' });
    // A JPEG too: its content says JPEG.
    expect(await call('attachments:add', addInput('photo.jpeg', jpegShaped()))).toMatchObject({
      ok: true,
      value: { mime: 'image/jpeg' },
    });
    const list = await call('attachments:list', { parent: { table: 'jobseekers', id: f.own.jobseekerId } });
    expect((list as { value: Array<{ id: string }> }).value.map((a) => a.id)).toContain(id);

    for (const [purpose, action] of [
      ['preview', 'attachment.read'],
      ['download', 'attachment.export'],
    ] as const) {
      const opened = await call('attachments:open', { id, purpose });
      expect(
        Buffer.from((opened as { value: { base64: string } }).value.base64, 'base64').equals(tinyPdf('cv')),
      ).toBe(true);
      const last = t.store.raw
        .prepare('select action, subject_id, person_id from audit_entries order by rowid desc limit 1')
        .get();
      expect(last).toEqual({ action, subject_id: id, person_id: f.own.jobseekerId });
    }
  });

  it("goes with the case's referral; another case's file does not", async () => {
    const chosen = await call('attachments:chooseForReferral', {
      referralId: f.own.referralId,
      attachmentIds: [id],
    });
    expect(chosen).toMatchObject({ ok: true, value: [{ id }] });
    // Twice is once.
    await call('attachments:chooseForReferral', { referralId: f.own.referralId, attachmentIds: [id] });
    expect(await call('attachments:forReferral', { referralId: f.own.referralId })).toMatchObject({
      ok: true,
      value: [{ id }],
    });
    const supervisorOther = await call('attachments:chooseForReferral', {
      referralId: f.own.referralId,
      attachmentIds: ['01900000-0000-7000-8000-000000000000'],
    });
    expect(supervisorOther).toMatchObject({ ok: false, error: { message: 'attachments.error.notThisCase' } });
  });

  it('is removed with a reason: a tombstone stays, the bytes go, it can no longer be opened', async () => {
    expect(await call('attachments:remove', { id, reason: '  ' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^attachments\.error\.reasonRequired/) },
    });
    const removed = await call('attachments:remove', { id, reason: '다른 사람의 서류' });
    expect(removed).toMatchObject({
      ok: true,
      value: { removed: true, removedReason: '다른 사람의 서류', available: false },
    });
    expect(await call('attachments:open', { id, purpose: 'preview' })).toMatchObject({
      ok: false,
      error: { message: 'attachments.error.removed' },
    });
    const update = t.store.raw
      .prepare("select fields from outbox where table_name = 'attachments' and row_id = ? and op = 'update'")
      .get(id) as { fields: string };
    expect(JSON.parse(update.fields)).toMatchObject({ removed: 1, removed_reason: '다른 사람의 서류' });
  });
});
