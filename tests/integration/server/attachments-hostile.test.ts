import { createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { BLOB_CHUNK_BYTES } from '../../../shared/attachments/limits.ts';
import { png, tinyPdf } from '../../support/attachment-files.ts';
import { change, jobseekerFields, type Agent } from '../../support/hostile.ts';
import { hostileSuite } from '../../support/hostile-suite.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';

// A hostile desktop against attachments (issue 18 item 3), from the attacker's side: the metadata row
// (wrong role, wrong author, another center's case, bad fields, a removal without a reason, a referral
// naming another center's file) and the blob endpoint (another center's file, no token, a hash that is
// not the row's, a chunk of the wrong length, bytes that are not the row's type or hash, a file over
// the server's limit). Each is refused, and nothing of it is stored.

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function fileFields(jobseekerId: string, by: string, bytes: Buffer, over: Record<string, unknown> = {}) {
  return {
    jobseeker_id: jobseekerId,
    kind: 'resume',
    file_name: 'cv.pdf',
    mime: 'application/pdf',
    size: bytes.length,
    sha256: sha(bytes),
    added_by: by,
    added_at: new Date().toISOString(),
    removed_reason: null,
    removed_by: null,
    removed_at: null,
    ...over,
  };
}

describe.each(SERVER_DIALECTS)('a hostile desktop against attachments, on %s', (dialect) => {
  const ids = { own: uuidv7(), busan: uuidv7(), file: uuidv7() };
  const pdf = tinyPdf('cv');

  async function blob(a: Agent | null, method: string, path: string, body?: Uint8Array) {
    const r = await fetch(h.server.url + path, {
      method,
      headers: {
        ...(a ? { authorization: `Bearer ${a.token}` } : {}),
        ...(body ? { 'content-type': 'application/octet-stream' } : {}),
      },
      ...(body ? { body } : {}),
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  }
  async function stored(): Promise<{ chunks: number; blobs: number }> {
    const db = h.server.opened.db;
    const c = await db
      .selectFrom('blob_chunks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const b = await db
      .selectFrom('blobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { chunks: Number(c.n), blobs: Number(b.n) };
  }

  const { h, c1, c2, adm, bus } = hostileSuite(dialect, ({ c1, bus }) => [
    [c1, [change(c1, 'jobseekers', ids.own, jobseekerFields('SEL01', c1.userId))]],
    [bus, [change(bus, 'jobseekers', ids.busan, jobseekerFields('BUS01', bus.userId))]],
    [c1, [change(c1, 'attachments', ids.file, fileFields(ids.own, c1.userId, pdf))]],
  ]);

  it('refuses metadata rows that do not fit', async () => {
    await h.expectRefused(
      bus,
      change(bus, 'attachments', uuidv7(), fileFields(ids.own, bus.userId, pdf)),
      'otherScope',
    );
    await h.expectRefused(
      c1,
      change(c1, 'attachments', uuidv7(), fileFields(ids.own, c2.userId, pdf)),
      'notCaller',
    );
    await h.expectRefused(
      adm,
      change(adm, 'attachments', uuidv7(), fileFields(ids.own, adm.userId, pdf)),
      'roleMayNotAdd',
    );
    for (const bad of [
      { mime: 'application/x-msdownload' },
      { size: 0 },
      { size: 1024 * 1024 * 1024 },
      { sha256: 'not-a-hash' },
      { kind: 'passport' },
      { file_name: '' },
      { removed: 1 },
    ])
      await h.expectRefused(
        c1,
        change(c1, 'attachments', uuidv7(), fileFields(ids.own, c1.userId, pdf, bad)),
        'invalidValue',
      );
    // A referral of this center may not carry a Busan case's file.
    const busanFile = uuidv7();
    expect(
      (await h.push(bus, [change(bus, 'attachments', busanFile, fileFields(ids.busan, bus.userId, pdf))]))[0]
        ?.status,
    ).toBe('applied');
    await h.expectRefused(
      c1,
      change(c1, 'referral_attachments', uuidv7(), {
        referral_id: uuidv7(),
        attachment_id: busanFile,
        added_by: c1.userId,
        added_at: new Date().toISOString(),
      }),
      'referenceMissing',
    );
  });

  it('keeps the blob endpoint to who may see the file, and stores nothing refused', async () => {
    const q = `table=attachments&id=${ids.file}`;
    const before = await stored();
    expect((await blob(bus, 'GET', `/v1/blobs/${sha(pdf)}?${q}`)).status).toBe(404);
    expect((await blob(bus, 'PUT', `/v1/blobs/${sha(pdf)}/chunks/0?${q}`, pdf)).status).toBe(404);
    expect((await blob(null, 'PUT', `/v1/blobs/${sha(pdf)}/chunks/0?${q}`, pdf)).status).toBe(401);
    expect((await blob(c1, 'PUT', `/v1/blobs/${sha(png(4, 4))}/chunks/0?${q}`, pdf)).status).toBe(404);
    expect((await blob(c1, 'PUT', `/v1/blobs/${sha(pdf)}/chunks/0?${q}`, pdf.subarray(1))).status).toBe(400);
    expect((await blob(c1, 'PUT', `/v1/blobs/${sha(pdf)}/chunks/1?${q}`, pdf)).status).toBe(400);
    expect((await blob(c1, 'GET', `/v1/blobs/${sha(pdf)}/chunks/0?${q}`)).status).toBe(409);
    expect(await stored()).toEqual(before);
    // The colleague of the same center may fetch it once it is whole.
    expect((await blob(c1, 'PUT', `/v1/blobs/${sha(pdf)}/chunks/0?${q}`, pdf)).status).toBe(200);
    expect((await blob(c1, 'POST', `/v1/blobs/${sha(pdf)}/commit?${q}`)).status).toBe(200);
    const got = await fetch(`${h.server.url}/v1/blobs/${sha(pdf)}/chunks/0?${q}`, {
      headers: { authorization: `Bearer ${c2.token}` },
    });
    expect(Buffer.from(await got.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await blob(bus, 'GET', `/v1/blobs/${sha(pdf)}/chunks/0?${q}`)).status).toBe(404);
  });

  it('refuses bytes of another type than the row says, and drops them', async () => {
    // A desktop that lies: the row says PDF, the bytes are a Windows program.
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500, 1)]);
    const id = uuidv7();
    await h.push(c1, [change(c1, 'attachments', id, fileFields(ids.own, c1.userId, exe))]);
    const q = `table=attachments&id=${id}`;
    const before = await stored();
    expect((await blob(c1, 'PUT', `/v1/blobs/${sha(exe)}/chunks/0?${q}`, exe)).status).toBe(200);
    const commit = await blob(c1, 'POST', `/v1/blobs/${sha(exe)}/commit?${q}`);
    expect(commit).toMatchObject({ status: 415, body: { error: { code: 'type-refused' } } });
    expect(await stored()).toEqual(before);
  });

  it('refuses bytes that do not match the hash, and drops them', async () => {
    const real = tinyPdf('real');
    const forged = tinyPdf('fake');
    expect(forged.length).toBe(real.length);
    const id = uuidv7();
    await h.push(c1, [change(c1, 'attachments', id, fileFields(ids.own, c1.userId, real))]);
    const q = `table=attachments&id=${id}`;
    const before = await stored();
    expect((await blob(c1, 'PUT', `/v1/blobs/${sha(real)}/chunks/0?${q}`, forged)).status).toBe(200);
    const commit = await blob(c1, 'POST', `/v1/blobs/${sha(real)}/commit?${q}`);
    expect(commit).toMatchObject({ status: 422, body: { error: { code: 'hash-mismatch' } } });
    expect(await stored()).toEqual(before);
  });

  it("refuses a file over the server's limit before any byte is stored", async () => {
    const id = uuidv7();
    const size = 11 * 1024 * 1024;
    const fake = Buffer.alloc(BLOB_CHUNK_BYTES, 7);
    await h.push(c1, [
      change(c1, 'attachments', id, fileFields(ids.own, c1.userId, fake, { size, sha256: sha(fake) })),
    ]);
    const q = `table=attachments&id=${id}`;
    const before = await stored();
    expect(await blob(c1, 'GET', `/v1/blobs/${sha(fake)}?${q}`)).toMatchObject({
      status: 413,
      body: { error: { code: 'too-large' } },
    });
    expect((await blob(c1, 'PUT', `/v1/blobs/${sha(fake)}/chunks/0?${q}`, fake)).status).toBe(413);
    expect(await stored()).toEqual(before);
  });
});
