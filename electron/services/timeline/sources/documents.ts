import type { TimelineEvent } from '../../../../shared/domain/timeline.ts';
import { firstLine } from '../../../../shared/domain/timeline.ts';
import type { TimelineSource } from '../source.ts';

// Documents: the jobseeker's signatures on forms (서식·서명 tab), files attached to the case and their
// removal (서류 tab), and the 직무능력 인정서 issued (직무능력 tab). A file's name is shown: it is what
// the counselor called it, and the attachments tab lists it the same way.

export const documentsSource: TimelineSource = {
  kind: 'document',
  async events({ db, jobseekerId }) {
    const [signatures, attachments, certificates] = await Promise.all([
      db
        .selectFrom('signatures')
        .select(['id', 'document_kind', 'record_id', 'signed_at', 'counselor_id'])
        .where('jobseeker_id', '=', jobseekerId)
        .execute(),
      db
        .selectFrom('attachments')
        .select([
          'id',
          'kind',
          'file_name',
          'added_by',
          'added_at',
          'removed',
          'removed_by',
          'removed_at',
          'removed_reason',
        ])
        .where('jobseeker_id', '=', jobseekerId)
        .execute(),
      db
        .selectFrom('certificates')
        .select(['id', 'issued_by', 'issued_at'])
        .where('jobseeker_id', '=', jobseekerId)
        .execute(),
    ]);
    const out: TimelineEvent[] = signatures.map((s) => ({
      key: `document:signature:${s.id}`,
      kind: 'document',
      at: s.signed_at,
      title: { key: 'timeline.document.signed', values: { form: s.document_kind } },
      actorId: s.counselor_id,
      // The action plan is signed on its enrolment (참여 프로그램 tab); the case forms on 서식·서명.
      link:
        s.document_kind === 'action-plan'
          ? { tab: 'programmes', id: s.record_id }
          : { tab: 'documents', id: s.id },
    }));
    for (const a of attachments) {
      out.push({
        key: `document:attachment:${a.id}`,
        kind: 'document',
        at: a.added_at,
        title: { key: 'timeline.document.attached', values: { kind: a.kind, file: a.file_name } },
        actorId: a.added_by,
        link: { tab: 'attachments', id: a.id },
      });
      if (a.removed && a.removed_at !== null)
        out.push({
          key: `document:attachment:${a.id}:removed`,
          kind: 'document',
          at: a.removed_at,
          title: { key: 'timeline.document.removed', values: { kind: a.kind, file: a.file_name } },
          actorId: a.removed_by,
          link: { tab: 'attachments', id: a.id },
          detail: firstLine(a.removed_reason),
        });
    }
    for (const c of certificates) {
      out.push({
        key: `document:certificate:${c.id}`,
        kind: 'document',
        at: c.issued_at,
        title: { key: 'timeline.document.certificate' },
        actorId: c.issued_by,
        // Issued (and reissued) from the 직무능력 tab, where the certificate's items are.
        link: { tab: 'competency', id: c.id },
      });
    }
    return out;
  },
};
