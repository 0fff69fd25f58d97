import { createHash } from 'node:crypto';
import { latestSignature } from '../../../db/repositories/signatures.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import {
  isSignable,
  type DocumentContent,
  type SignableKind,
  type SignatureStatus,
} from '../../../shared/documents/kinds.ts';
import { isoNow, type ServiceContext } from '../context.ts';
import { auditAction, insertSynced } from '../synced-writes.ts';
import { assertPlanAgreed } from './action-plan.ts';
import { documentContent } from './content.ts';

// A jobseeker's signature on a form (issue 18 item 2). The signature covers the form's content as it
// was read (its sha256); the form is shown signed only while its content still has that hash, so an
// edit after signing (a new phone number, a consent changed) shows it unsigned until signed again.

type Db = ServiceContext['db'];

/** sha256 of the content; the builders put the keys in a fixed order, so equal content hashes equal. */
export function contentHash(content: DocumentContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

export async function signatureStatus(
  db: Db,
  content: DocumentContent,
): Promise<{ status: SignatureStatus | null; image: Buffer | null }> {
  if (!isSignable(content.kind)) return { status: null, image: null };
  const currentHash = contentHash(content);
  const latest = await latestSignature(db, content.kind, content.recordId);
  if (!latest)
    return {
      status: { state: 'unsigned', signedAt: null, counselorName: null, signedHash: null, currentHash },
      image: null,
    };
  const matches = latest.document_sha256 === currentHash;
  return {
    status: {
      state: matches ? 'signed' : 'changed',
      signedAt: latest.signed_at,
      counselorName: latest.counselor_name,
      signedHash: latest.document_sha256,
      currentHash,
    },
    image: matches ? Buffer.from(latest.image_png, 'base64') : null,
  };
}

/** A PNG's 8-byte signature and its IHDR chunk right after: anything else is not the pad's picture. */
function isPng(bytes: Buffer): boolean {
  return (
    bytes.length > 33 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) &&
    bytes.subarray(12, 16).toString('latin1') === 'IHDR'
  );
}

export async function signDocument(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { kind: SignableKind; recordId: string; documentHash: string; imagePng: string },
): Promise<SignatureStatus> {
  const image = Buffer.from(input.imagePng, 'base64');
  if (!isPng(image))
    throw new AppFailure({
      code: 'validation',
      message: 'documents.error.signatureImage',
      field: 'imagePng',
    });
  const content = await documentContent(ctx, actor, input.kind, input.recordId);
  // The signature names the jobseeker (its scope) and the record it signs: the jobseeker's own for the
  // case forms, the programme enrolment for the action plan (shared/documents/kinds.ts).
  const jobseekerId = content.personId;
  if (jobseekerId === null)
    throw new AppFailure({ code: 'validation', message: 'documents.error.notSignable' });
  if (input.kind === 'action-plan') await assertPlanAgreed(ctx, input.recordId);
  const hash = contentHash(content);
  // The jobseeker signs what they read: if the record changed meanwhile, they must read it again.
  if (hash !== input.documentHash)
    throw new AppFailure({ code: 'conflict', message: 'documents.error.changedWhileReading' });
  const signedAt = isoNow(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const id = await insertSynced(trx, ctx, 'signatures', {
      jobseeker_id: jobseekerId,
      document_kind: input.kind,
      record_id: input.recordId,
      document_sha256: hash,
      image_png: input.imagePng,
      signed_at: signedAt,
      counselor_id: actor.userId,
    });
    await auditAction(trx, ctx, actor, {
      action: 'document.sign',
      subjectType: 'signature',
      subjectId: id,
      personId: content.personId,
      detail: { kind: input.kind, documentHash: hash },
    });
  });
  return {
    state: 'signed',
    signedAt,
    counselorName: actor.displayName,
    signedHash: hash,
    currentHash: hash,
  };
}
