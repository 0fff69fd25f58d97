import { getCenter } from '../../db/repositories/centers.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import type { DocumentKind, DocumentView, RenderedDocument } from '../../shared/documents/kinds.ts';
import type { ServiceContext } from './context.ts';
import { documentContent } from './documents/content.ts';
import { renderFormPdf } from './documents/form-pdf.ts';
import { signatureStatus } from './documents/signatures.ts';
import { auditAction, todayKst } from './synced-writes.ts';

// Printable forms (issue 18 item 1): the content from the store, its signature state, the PDF.
// Showing a form to read it is a read of the record; every print is an export (domain.md §10): both
// audited with ids only, the print with the content's hash so the trail says which version left.

export { signDocument } from './documents/signatures.ts';
export { verifyCode } from './documents/verify.ts';

const FILE_STEM: Record<DocumentKind, string> = {
  registration: '구직신청서',
  opening: '구인신청서',
  referral: '알선장',
  'service-plan': '서비스계획서',
  consent: '개인정보동의서',
  'action-plan': '취업활동계획서',
};

/** What an audit entry of a form names: the record the form is of (ids only). */
const SUBJECT: Record<DocumentKind, string> = {
  registration: 'jobseeker',
  consent: 'jobseeker',
  'service-plan': 'jobseeker',
  opening: 'opening',
  referral: 'referral',
  'action-plan': 'programme_enrolment',
};

export async function viewDocument(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { kind: DocumentKind; recordId: string },
): Promise<DocumentView> {
  const content = await documentContent(ctx, actor, input.kind, input.recordId);
  const { status } = await signatureStatus(ctx.db, content);
  await auditAction(ctx.db, ctx, actor, {
    action: 'document.view',
    subjectType: SUBJECT[input.kind],
    subjectId: input.recordId,
    personId: content.personId,
    detail: { kind: input.kind },
  });
  return { content, signature: status };
}

export async function printDocument(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { kind: DocumentKind; recordId: string },
): Promise<RenderedDocument> {
  const content = await documentContent(ctx, actor, input.kind, input.recordId);
  const { status, image } = await signatureStatus(ctx.db, content);
  const center = await getCenter(ctx.db, actor.centerCode);
  const printedOn = todayKst(ctx);
  const pdf = await renderFormPdf({
    content,
    signature: status,
    signatureImage: image,
    centerName: center?.name ?? actor.centerName,
    printedOn,
  });
  await auditAction(ctx.db, ctx, actor, {
    action: 'document.print',
    subjectType: SUBJECT[input.kind],
    subjectId: input.recordId,
    personId: content.personId,
    detail: { kind: input.kind, signature: status?.state ?? null, documentHash: status?.currentHash ?? null },
  });
  return {
    fileName: `${FILE_STEM[input.kind]}_${printedOn}.pdf`,
    pdfBase64: pdf.toString('base64'),
    signature: status,
  };
}
