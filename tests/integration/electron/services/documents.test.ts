import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../../electron/main/dispatcher.ts';
import { referralLetterCode } from '../../../../electron/services/documents/codes.ts';
import {
  CHANGED_MARK,
  SIGNED_MARK,
  UNSIGNED_MARK,
} from '../../../../electron/services/documents/form-pdf.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import type { ChannelName, Contract, InputOf, OutputOf } from '../../../../shared/contract/index.ts';
import { seedFixture, type Fixture } from '../../../support/case-fixtures.ts';
import { pdfText } from '../../../support/pdf-text.ts';
import { SIGNATURE_BASE64 } from '../../../support/signature-png.ts';
import { dispatcherFor, makeTestStore, sessionHolder, type TestStore } from '../../../support/temp-store.ts';

// Issue 18 items 1, 2, 6 against a real encrypted store: each form's PDF read back as text, a signature
// that appears in the PDF and lapses when the form changes, bad input refused with nothing stored, and
// codes verified (genuine, revoked, unknown), every print, signature and look-up audited.

let t: TestStore;
let f: Fixture;
let dispatch: Dispatch;
let me: SessionInfo;

async function call<K extends ChannelName>(
  channel: K,
  input: InputOf<Contract[K]>,
  session: SessionInfo = me,
): Promise<OutputOf<Contract[K]>> {
  const r = await dispatch({ surface: 'desk', session: sessionHolder(session) }, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as never;
}

async function refused(channel: ChannelName, input: unknown) {
  const r = await dispatch({ surface: 'desk', session: sessionHolder(me) }, channel, input);
  if (r.ok) throw new Error(`${channel} was accepted`);
  // A zod refusal carries its field after the key (`key|field=…`): the key is what is translated.
  return { ...r.error, message: r.error.message.split('|')[0] };
}

async function printed(
  kind: 'registration' | 'opening' | 'referral' | 'service-plan' | 'consent',
  id: string,
) {
  const out = await call('documents:print', { kind, recordId: id });
  const bytes = Buffer.from(out.pdfBase64, 'base64');
  return { out, bytes, text: (await pdfText(bytes)).replace(/\s+/g, ' ') };
}

async function auditCount(action: string): Promise<number> {
  const row = await t.store.db
    .selectFrom('audit_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', action)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await makeTestStore();
  f = await seedFixture(t);
  dispatch = dispatcherFor(t.store).dispatch;
  me = f.sessions.counselor;
});
afterAll(async () => {
  await t.cleanup();
});

describe('printable forms', () => {
  it('prints the 구직신청서 with the jobseeker’s data in Korean, and audits the print', async () => {
    const before = await auditCount('document.print');
    const { out, bytes, text } = await printed('registration', f.own.jobseekerId);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(out.fileName).toMatch(/^구직신청서_\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(text).toContain('구직신청서');
    expect(text).toContain('김하늘');
    expect(text).toContain('1985년');
    expect(text).toContain('010-2000-3000');
    expect(text).toContain('구직등록번호');
    expect(text).toContain(UNSIGNED_MARK);
    expect(await auditCount('document.print')).toBe(before + 1);
  });

  it('prints the 구인신청서 of an opening', async () => {
    const { text } = await printed('opening', f.openingId);
    expect(text).toContain('구인신청서');
    expect(text).toContain('(주)늘봄요양원');
    expect(text).toContain('요양보호사 (주간)');
    expect(text).toContain('2,400,000원');
    expect(text).toContain('3명');
  });

  it('prints the 알선장 with its verification code (and a QR code drawn beside the title)', async () => {
    const { text, bytes } = await printed('referral', f.own.referralId);
    expect(text).toContain('알선장');
    expect(text).toContain('(주)늘봄요양원');
    expect(text).toContain('김하늘');
    expect(text).toContain(`검증코드 ${referralLetterCode(f.own.referralId)}`);
    // The optional consent was given in the fixture: the contact is on the letter.
    expect(text).toContain('010-2000-3000');
    // The QR code is vector squares: many filled rectangles in the page's content stream.
    expect(bytes.length).toBeGreaterThan(5_000);
  });

  it('prints the service plan with the track’s steps', async () => {
    const { text } = await printed('service-plan', f.own.jobseekerId);
    expect(text).toContain('취업지원 서비스 계획서');
    expect(text).toContain('서비스 경로');
    expect(text).toMatch(/예정|완료/);
  });

  it('prints the consent form with the notice and the choices recorded', async () => {
    const { text } = await printed('consent', f.own.jobseekerId);
    expect(text).toContain('개인정보 수집·이용 동의서');
    expect(text).toContain('[필수] 구직 등록과 취업지원을 위한 개인정보 수집·이용');
    expect(text).toContain('동의함');
    expect(text).toContain('미응답'); // the sensitive group was never asked
  });

  it('refuses a form of a record the caller may not see, as not found', async () => {
    const error = await refused('documents:print', { kind: 'registration', recordId: f.other.jobseekerId });
    expect(error.code).toBe('not-found');
  });
});

describe('signatures', () => {
  it('signs the consent form, shows it in the PDF, and shows it unsigned once the form changes', async () => {
    const view = await call('documents:view', { kind: 'consent', recordId: f.own.jobseekerId });
    expect(view.signature?.state).toBe('unsigned');
    const hash = view.signature?.currentHash ?? '';
    const signsBefore = await auditCount('document.sign');
    const signed = await call('documents:sign', {
      kind: 'consent',
      recordId: f.own.jobseekerId,
      documentHash: hash,
      imagePng: SIGNATURE_BASE64,
    });
    expect(signed.state).toBe('signed');
    expect(await auditCount('document.sign')).toBe(signsBefore + 1);
    const entry = await t.store.db
      .selectFrom('audit_entries')
      .select(['detail', 'person_id'])
      .where('action', '=', 'document.sign')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.person_id).toBe(f.own.jobseekerId);
    expect(JSON.parse(String(entry.detail))).toMatchObject({ kind: 'consent', documentHash: hash });
    // Stored with the record, queued for sync.
    const outbox = await t.store.db
      .selectFrom('outbox')
      .select('fields')
      .where('table_name', '=', 'signatures')
      .execute();
    expect(outbox).toHaveLength(1);

    const { bytes, text } = await printed('consent', f.own.jobseekerId);
    expect(text).toContain(SIGNED_MARK);
    expect(text).toContain(hash.slice(0, 16));
    expect(bytes.includes(Buffer.from('/Subtype /Image'))).toBe(true);

    // The jobseeker withdraws the optional consent: the signed form no longer says what is on record.
    await call('casework:recordConsent', { jobseekerId: f.own.jobseekerId, granted: { optional: false } });
    const after = await printed('consent', f.own.jobseekerId);
    expect(after.text).toContain(CHANGED_MARK);
    expect(after.text).not.toContain(SIGNED_MARK);
    expect(after.bytes.includes(Buffer.from('/Subtype /Image'))).toBe(false);
    const again = await call('documents:view', { kind: 'consent', recordId: f.own.jobseekerId });
    expect(again.signature?.state).toBe('changed');
  });

  it('refuses a signature on a form that changed while it was read, and stores nothing', async () => {
    const view = await call('documents:view', { kind: 'registration', recordId: f.own.jobseekerId });
    await call('jobseekers:update', {
      id: f.own.jobseekerId,
      baseSeq: 0,
      fields: { desiredWage: 3_100_000 },
    });
    const count = async () => (await t.store.db.selectFrom('signatures').select('id').execute()).length;
    const before = await count();
    const error = await refused('documents:sign', {
      kind: 'registration',
      recordId: f.own.jobseekerId,
      documentHash: view.signature?.currentHash,
      imagePng: SIGNATURE_BASE64,
    });
    expect(error.message).toBe('documents.error.changedWhileReading');
    expect(await count()).toBe(before);
  });

  it('refuses bad pictures and forms that are not signed, with their messages', async () => {
    const view = await call('documents:view', { kind: 'registration', recordId: f.own.jobseekerId });
    const base = {
      kind: 'registration',
      recordId: f.own.jobseekerId,
      documentHash: view.signature?.currentHash,
    };
    // A JPEG, not a PNG.
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200)]).toString('base64');
    expect((await refused('documents:sign', { ...base, imagePng: jpeg })).message).toBe(
      'documents.error.signatureImage',
    );
    // PNG magic and nothing else after it.
    const fake = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(200),
    ]).toString('base64');
    expect((await refused('documents:sign', { ...base, imagePng: fake })).message).toBe(
      'documents.error.signatureImage',
    );
    const huge = `${SIGNATURE_BASE64}${'A'.repeat(20_000)}`;
    expect((await refused('documents:sign', { ...base, imagePng: huge })).message).toBe(
      'documents.error.signatureTooLarge',
    );
    expect(
      (await refused('documents:sign', { ...base, kind: 'referral', imagePng: SIGNATURE_BASE64 })).message,
    ).toBe('documents.error.notSignable');
    expect(await t.store.db.selectFrom('signatures').select('id').execute()).toHaveLength(1);
  });
});

describe('the signatures table (0016)', () => {
  it('is append-only: a stored signature is neither changed nor deleted', async () => {
    const row = await t.store.db.selectFrom('signatures').select('id').executeTakeFirstOrThrow();
    await expect(
      t.store.db
        .updateTable('signatures')
        .set({ document_sha256: 'f'.repeat(64) })
        .where('id', '=', row.id)
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.store.db.deleteFrom('signatures').where('id', '=', row.id).execute()).rejects.toThrow(
      /append-only/,
    );
  });
});

describe('verification', () => {
  it('says a certificate code is genuine, for whom (masked), when, and not revoked; audited', async () => {
    const before = await auditCount('document.verify');
    const r = await call('documents:verify', { code: f.own.certificateCode.toLowerCase().replace(/-/g, '') });
    expect(r).toMatchObject({ found: true, kind: 'certificate', holder: '김*늘', revoked: false });
    expect(r.issuedAt).toBeTruthy();
    expect(r.centerName).toBeTruthy();
    expect(await auditCount('document.verify')).toBe(before + 1);
  });

  it('says a 알선장 code is genuine, and revoked once the referral is cancelled', async () => {
    const code = referralLetterCode(f.own.referralId);
    expect(await call('documents:verify', { code })).toMatchObject({
      found: true,
      kind: 'referral',
      holder: '김*늘',
      revoked: false,
    });
    await call('referrals:record', { referralId: f.own.referralId, kind: 'cancelled' });
    expect(await call('documents:verify', { code })).toMatchObject({
      found: true,
      kind: 'referral',
      revoked: true,
      revokedReason: 'documents.verify.referralCancelled',
    });
  });

  it('says an unknown code is not genuine, and audits the attempt too', async () => {
    const before = await auditCount('document.verify');
    expect(await call('documents:verify', { code: 'ABCD-EFGH-JKMN' })).toMatchObject({
      found: false,
      kind: null,
      holder: null,
    });
    expect(await auditCount('document.verify')).toBe(before + 1);
    expect((await refused('documents:verify', { code: 'x' })).message).toBe('documents.error.code');
  });
});
