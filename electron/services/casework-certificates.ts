import { createHash, randomInt } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import {
  findCertificateByCode,
  listCompetencyRows,
  verificationCodeExists,
} from '../../db/repositories/casework.ts';
import { getCenter } from '../../db/repositories/centers.ts';
import { type CompetencyFields } from '../../shared/casework/competency.ts';
import { type IssuedCertificate } from '../../shared/casework/types.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import { renderCertificatePdf } from './certificate-pdf.ts';
import { type ServiceContext } from './context.ts';
import {
  toCompetency,
  todayKst,
  activeJobseeker,
  audit,
  insertSynced,
  inTransaction,
} from './casework-case-file.ts';

// The competency certificate (직무능력 인정서): verification codes, issuing the PDF, verifying a code.

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

export function makeVerificationCode(random: (n: number) => number = randomInt): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[random(32)] ?? '0');
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** Accepts what people type: lower case, no dashes, O for 0, I/L for 1. */
export function normaliseVerificationCode(code: string): string {
  const clean = code
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return clean.length === 12 ? `${clean.slice(0, 4)}-${clean.slice(4, 8)}-${clean.slice(8)}` : clean;
}

export async function issueCertificate(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { jobseekerId: string; itemIds: string[] },
): Promise<IssuedCertificate> {
  const jobseeker = await activeJobseeker(ctx, actor, input.jobseekerId);
  const owned = toCompetency(await listCompetencyRows(ctx.db, jobseeker.id));
  const wanted = new Set(input.itemIds);
  const items = owned.filter((i) => wanted.has(i.id));
  if (items.length !== wanted.size)
    throw new AppFailure({ code: 'validation', message: 'certificate.unknownItem', field: 'itemIds' });
  const center = await getCenter(ctx.db, actor.centerCode);
  let code = makeVerificationCode();
  while (await verificationCodeExists(ctx.db, code)) code = makeVerificationCode();
  const issuedOn = todayKst(ctx);
  const fields: CompetencyFields[] = items.map(({ id: _id, createdAt: _c, createdByName: _n, ...f }) => f);
  const pdf = await renderCertificatePdf({
    name: jobseeker.name,
    birthYear: jobseeker.birth_year,
    regNo: jobseeker.reg_no,
    centerName: center?.name ?? actor.centerName,
    issuedOn,
    verificationCode: code,
    items: fields,
  });
  const id = uuidv7();
  let issuedAt = '';
  await inTransaction(ctx, async (trx, hlc, now) => {
    issuedAt = now;
    await insertSynced(
      trx,
      'certificates',
      {
        id,
        hlc,
        jobseeker_id: jobseeker.id,
        verification_code: code,
        center_code: actor.centerCode,
        item_ids: JSON.stringify(items.map((i) => i.id)),
        items: JSON.stringify(fields),
        pdf_sha256: createHash('sha256').update(pdf).digest('hex'),
        issued_by: actor.userId,
        issued_at: now,
      },
      now,
    );
    await audit(
      trx,
      ctx,
      actor,
      'certificate.issue',
      { type: 'certificate', id, personId: jobseeker.id },
      { itemCount: items.length },
    );
  });
  return {
    certificate: {
      id,
      verificationCode: code,
      itemCount: items.length,
      issuedAt,
      issuedByName: actor.displayName,
    },
    fileName: `직무능력인정서_${jobseeker.reg_no}_${issuedOn}.pdf`,
    pdfBase64: pdf.toString('base64'),
  };
}

export async function verifyCertificate(ctx: ServiceContext, actor: SessionInfo, code: string) {
  const found = await findCertificateByCode(ctx.db, normaliseVerificationCode(code));
  if (!found) return { valid: false, issuedAt: null, centerName: null, itemCount: 0, items: [] };
  const items = JSON.parse(found.items) as CompetencyFields[];
  await ctx.db.transaction().execute((trx) =>
    audit(trx, ctx, actor, 'certificate.verify', {
      type: 'certificate',
      id: found.id,
      personId: found.jobseeker_id,
    }),
  );
  return {
    valid: true,
    issuedAt: found.issued_at,
    centerName: found.center_name,
    itemCount: items.length,
    items: items.map((i) => ({ kind: i.kind, title: i.title })),
  };
}
