import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../db/repositories/audit.ts';
import {
  addNote,
  caseload,
  getCaseFile,
  importCompetency,
  issueCertificate,
  previewImport,
  reviseNote,
  saveAssessment,
  verifyCertificate,
} from '../../../../electron/services/casework.ts';
import { recordConsent } from '../../../../electron/services/consent-record.ts';
import { dispatcherFor } from '../../../support/temp-store.ts';
import { pdfText } from '../../../support/pdf-text.ts';
import { READY_WIDE, LOW_VULNERABLE, caseworkStore } from '../../../support/casework-store.ts';

// What a case file gathers (electron/services/casework.ts, consent-record.ts): counseling notes, consent,
// the competency record with its certificate, the case file and the caseload.

const { t, counselor, other, newJobseeker, count, auditActions } = caseworkStore();

describe('counseling notes', () => {
  it('never changes a note in place: an edit adds a revision and the old text stays', async () => {
    const id = await newJobseeker();
    let file = await addNote(t.store.context, counselor, { jobseekerId: id, kind: 'phone', body: '첫 통화' });
    const noteId = file.notes[0]?.latestId ?? '';
    file = await reviseNote(t.store.context, counselor, {
      noteId,
      kind: 'in-person',
      body: '첫 통화 (방문으로 정정)',
    });
    expect(file.notes).toHaveLength(1);
    expect(file.notes[0]?.body).toBe('첫 통화 (방문으로 정정)');
    expect(file.notes[0]?.revisions.map((r) => [r.revision, r.body])).toEqual([
      [1, '첫 통화'],
      [2, '첫 통화 (방문으로 정정)'],
    ]);
    const rows = await t.store.context.db
      .selectFrom('counseling_notes')
      .selectAll()
      .orderBy('revision')
      .execute();
    expect(rows.map((r) => r.body)).toEqual(['첫 통화', '첫 통화 (방문으로 정정)']);
    await expect(
      t.store.context.db.updateTable('counseling_notes').set({ body: 'tampered' }).execute(),
    ).rejects.toThrow(/append-only/);
    // Editing an old revision is refused: the counselor would overwrite a later edit unseen.
    await expect(
      reviseNote(t.store.context, counselor, { noteId, kind: 'phone', body: 'x' }),
    ).rejects.toMatchObject({ error: { message: 'notes.staleRevision' } });
    // Another counselor may not rewrite it; a supervisor may (and the trail shows who).
    await expect(
      reviseNote(t.store.context, other, { noteId: file.notes[0]?.latestId ?? '', kind: 'phone', body: 'x' }),
    ).rejects.toMatchObject({ error: { code: 'forbidden' } });
    expect(await auditActions(id)).toEqual(expect.arrayContaining(['note.create', 'note.revise']));
  });
});

describe('consent', () => {
  it('records each group with notice version, channel and counselor; a withdrawal is a new entry', async () => {
    const id = await newJobseeker('김하늘', false);
    let file = await recordConsent(t.store.context, counselor, {
      jobseekerId: id,
      channel: 'counter',
      granted: { required: true, optional: false, sensitive: true },
    });
    expect(file.consent.current.sensitive).toMatchObject({
      granted: true,
      noticeVersion: '2026-01',
      channel: 'counter',
    });
    expect(file.consent.current.optional?.granted).toBe(false);
    file = await recordConsent(t.store.context, counselor, {
      jobseekerId: id,
      channel: 'counter',
      granted: { sensitive: false },
    });
    expect(file.consent.current.sensitive?.granted).toBe(false);
    expect(file.consent.history).toHaveLength(4);
    expect(await auditActions(id)).toContain('consent.withdraw');
  });
});

const CSV_OK = [
  'kind,title,ncsCode,issuer,startedOn,endedOn,hours,grade,source',
  'qualification,지게차운전기능사,,한국산업인력공단,2020-05-01,,,,q-net',
  'training,용접 실무 과정,15020301,한국폴리텍대학,2021-03-02,2021-08-31,600,,hrd-net',
].join('\n');

describe('competency record', () => {
  it('previews, imports, skips exact duplicates on a second import', async () => {
    const id = await newJobseeker();
    const preview = await previewImport(t.store.context, counselor, {
      jobseekerId: id,
      format: 'csv',
      content: CSV_OK,
    });
    expect(preview.toAdd.map((i) => i.line)).toEqual([2, 3]);
    expect(await count('competency_items')).toBe(0);
    const first = await importCompetency(t.store.context, counselor, {
      jobseekerId: id,
      format: 'csv',
      content: CSV_OK,
    });
    expect(first).toMatchObject({ added: 2, skipped: 0 });
    const again = await importCompetency(t.store.context, counselor, {
      jobseekerId: id,
      format: 'csv',
      content: CSV_OK,
    });
    expect(again).toMatchObject({ added: 0, skipped: 2 });
    expect(again.caseFile.competency).toHaveLength(2);
  });

  it('refuses a file with a bad line, naming the line, and leaves the store untouched', async () => {
    const id = await newJobseeker();
    const bad = `${CSV_OK}\ncareer,물류센터 관리,,㈜한빛,2022-13-01,,,,employment-insurance\n`;
    const before = {
      items: await count('competency_items'),
      outbox: await count('outbox'),
      audit: await count('audit_entries'),
    };
    const { dispatch, desk } = dispatcherFor(t.store);
    const result = await dispatch(desk(counselor), 'casework:import', {
      jobseekerId: id,
      format: 'csv',
      content: bad,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toBe('competency.importRefused');
      expect(result.error.issues).toEqual([{ field: 'line:4:startedOn', message: 'competency.error.date' }]);
    }
    expect({
      items: await count('competency_items'),
      outbox: await count('outbox'),
      audit: await count('audit_entries'),
    }).toEqual(before);
  });

  it('issues a certificate whose PDF text holds the name, an item and the verification code', async () => {
    const id = await newJobseeker('박서준');
    const { caseFile } = await importCompetency(t.store.context, counselor, {
      jobseekerId: id,
      format: 'csv',
      content: CSV_OK,
    });
    const chosen = caseFile.competency.filter((i) => i.title === '지게차운전기능사').map((i) => i.id);
    const issued = await issueCertificate(t.store.context, counselor, { jobseekerId: id, itemIds: chosen });
    const pdfPath = join(t.dir, 'cert.pdf');
    writeFileSync(pdfPath, Buffer.from(issued.pdfBase64, 'base64'));
    const text = await pdfText(pdfPath);
    expect(text).toContain('박서준');
    expect(text).toContain('지게차운전기능사');
    expect(text).not.toContain('용접 실무 과정');
    expect(text).toContain('테스트고용센터');
    expect(text).toContain(issued.certificate.verificationCode);
    expect(await auditActions(id)).toContain('certificate.issue');
    const verified = await verifyCertificate(
      t.store.context,
      counselor,
      issued.certificate.verificationCode.toLowerCase(),
    );
    expect(verified).toMatchObject({ valid: true, itemCount: 1, centerName: '테스트고용센터' });
    expect((await verifyCertificate(t.store.context, counselor, 'AAAA-BBBB-CCCC')).valid).toBe(false);
  });
});

describe('case file and caseload', () => {
  it('opening a case is one audited read; the audit chain holds', async () => {
    const id = await newJobseeker();
    await getCaseFile(t.store.context, counselor, id);
    expect((await auditActions(id)).filter((a) => a === 'jobseeker.read')).toHaveLength(1);
    expect((await verifyAuditChain(t.store.context.db)).ok).toBe(true);
  });

  it('lists my jobseekers with overdue reassessments first, grouped and filtered', async () => {
    const overdue = await newJobseeker('가나다');
    const ready = await newJobseeker('라마바');
    await newJobseeker('사아자');
    await saveAssessment(t.store.context, counselor, {
      jobseekerId: overdue,
      answers: LOW_VULNERABLE,
      decision: { kind: 'accepted' },
      reassessDueOn: '2099-01-01',
    });
    await saveAssessment(t.store.context, counselor, {
      jobseekerId: ready,
      answers: READY_WIDE,
      decision: { kind: 'accepted' },
      reassessDueOn: null,
    });
    const base = { query: '', unclassified: false, attentionOnly: false, offset: 0, limit: 50 };
    // Seen from a day after the reassessment date, it is overdue.
    const later = { ...t.store.context, now: () => new Date('2099-02-01T03:00:00Z') };
    const page = await caseload(later, counselor, base);
    expect(page.total).toBe(3);
    expect(page.rows[0]).toMatchObject({ id: overdue, reassessOverdue: true });
    expect(page.overdueReassessments).toBe(1);
    expect(page.groups).toEqual(
      expect.arrayContaining([
        { type: 'ready', track: 'wide-area', count: 1 },
        { type: null, track: null, count: 1 },
      ]),
    );
    expect((await caseload(later, counselor, { ...base, track: 'wide-area' })).rows.map((r) => r.id)).toEqual(
      [ready],
    );
    expect(
      (await caseload(later, counselor, { ...base, attentionOnly: true })).rows.map((r) => r.id),
    ).toEqual([overdue]);
    expect((await caseload(later, counselor, { ...base, query: '라마' })).rows.map((r) => r.id)).toEqual([
      ready,
    ]);
    expect((await caseload(later, other, base)).total).toBe(0);
  });
});
