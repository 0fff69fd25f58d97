import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { change, jobseekerFields } from '../../support/hostile.ts';
import { hostileSuite } from '../../support/hostile-suite.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { SIGNATURE_BASE64 } from '../../support/signature-png.ts';

// A hostile desktop against the signatures table (issue 18 item 2), over real HTTP on both dialects:
// an honest signature is stored once and reaches the case's other desktops; a signature in another
// counselor's name, on another center's case, by an admin, with a
// picture that is not a PNG or too large, on a form that is not signed, or naming another record than
// its jobseeker is refused with nothing stored; a stored signature cannot be changed.

describe.each(SERVER_DIALECTS)('a hostile desktop’s signatures, on %s', (dialect) => {
  const ids = { own: uuidv7(), colleague: uuidv7(), busan: uuidv7(), signature: uuidv7() };
  const hash = createHash('sha256').update('the consent form as read').digest('hex');

  function signature(jobseekerId: string, counselor: string, extra: Record<string, unknown> = {}) {
    return {
      jobseeker_id: jobseekerId,
      document_kind: 'consent',
      record_id: jobseekerId,
      document_sha256: hash,
      image_png: SIGNATURE_BASE64,
      signed_at: new Date().toISOString(),
      counselor_id: counselor,
      ...extra,
    };
  }

  const { h, c1, c2, sup, adm } = hostileSuite(dialect, ({ c1, c2, bus }) => [
    [c1, [change(c1, 'jobseekers', ids.own, jobseekerFields('SEL01', c1.userId))]],
    [c2, [change(c2, 'jobseekers', ids.colleague, jobseekerFields('SEL01', c2.userId))]],
    [bus, [change(bus, 'jobseekers', ids.busan, jobseekerFields('BUS01', bus.userId))]],
  ]);

  it('stores an honest signature once, and the supervisor’s desktop receives it', async () => {
    const m = change(c1, 'signatures', ids.signature, signature(ids.own, c1.userId));
    const [first] = await h.push(c1, [m]);
    expect(first?.status).toBe('applied');
    const [again] = await h.push(c1, [m]);
    expect(again?.status).not.toBe('refused');
    const pulled = await h.pull(sup, 0);
    const row = pulled.rows.find((r) => r.table === 'signatures' && r.id === ids.signature);
    expect(row?.data).toMatchObject({ document_sha256: hash, image_png: SIGNATURE_BASE64 });
  });

  it('refuses a signature recorded in another counselor’s name', async () => {
    await h.expectRefused(c1, change(c1, 'signatures', uuidv7(), signature(ids.own, c2.userId)), 'notCaller');
  });

  it('refuses a signature on another center’s case', async () => {
    await h.expectRefused(
      c1,
      change(c1, 'signatures', uuidv7(), signature(ids.busan, c1.userId)),
      'otherScope',
    );
  });

  it('refuses an admin’s signature', async () => {
    await h.expectRefused(
      adm,
      change(adm, 'signatures', uuidv7(), signature(ids.own, adm.userId)),
      'roleMayNotAdd',
    );
  });

  it('refuses bad pictures, forms that are not signed, and a record other than the jobseeker', async () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300)]).toString('base64');
    const bad: Array<Record<string, unknown>> = [
      { image_png: jpeg },
      { image_png: 'not base64 at all!' },
      { document_kind: 'referral' },
      { document_sha256: 'abc' },
      { record_id: ids.colleague },
    ];
    for (const extra of bad)
      await h.expectRefused(
        c1,
        change(c1, 'signatures', uuidv7(), signature(ids.own, c1.userId, extra)),
        'invalidValue',
      );
  });

  it('refuses a picture over the bound of one field', async () => {
    await h.expectRefused(
      c1,
      change(
        c1,
        'signatures',
        uuidv7(),
        signature(ids.own, c1.userId, { image_png: SIGNATURE_BASE64.padEnd(20_004, 'A') }),
      ),
      'malformedChange',
    );
  });

  it('refuses a change to a stored signature', async () => {
    await h.expectRefused(
      c1,
      change(c1, 'signatures', ids.signature, { document_sha256: 'f'.repeat(64) }, 'update', 1),
      'appendOnly',
    );
  });
});
