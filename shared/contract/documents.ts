import { z } from 'zod';
import {
  DOCUMENT_KINDS,
  MAX_SIGNATURE_BASE64,
  PNG_BASE64_PREFIX,
  SIGNABLE_KINDS,
  type DocumentView,
  type RenderedDocument,
  type SignatureStatus,
  type VerificationResult,
} from '../documents/kinds.ts';
import { channel } from './channel.ts';

// Printable forms, the jobseeker's signature on them, and checking a code printed on a certificate or
// a referral letter (issue 18 items 1, 2, 6).

const CASE_ROLES = ['counselor', 'supervisor'] as const;
const id = z.string().uuid('validation.id');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'documents.error.hash');

export const documentRefSchema = z.object({ kind: z.enum(DOCUMENT_KINDS), recordId: id }).strict();

export const signSchema = z
  .object({
    kind: z.enum(SIGNABLE_KINDS, 'documents.error.notSignable'),
    recordId: id,
    /** The hash of the content the jobseeker was shown: a form changed meanwhile is not signed. */
    documentHash: sha256,
    /** The pad's picture: PNG, base64 without the data-URL head. */
    imagePng: z
      .string()
      .min(100, 'documents.error.emptySignature')
      .max(MAX_SIGNATURE_BASE64, 'documents.error.signatureTooLarge')
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'documents.error.signatureImage')
      .refine((s) => s.startsWith(PNG_BASE64_PREFIX), 'documents.error.signatureImage'),
  })
  .strict();

export const verifySchema = z
  .object({ code: z.string().trim().min(4, 'documents.error.code').max(32, 'documents.error.code') })
  .strict();

export const documentsChannels = {
  /** The form's content and its signature state, for reading before signing (audited as a read). */
  'documents:view': channel<DocumentView>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: documentRefSchema,
  }),
  /** The form as a PDF to print (the app prints it, the preview downloads it); each one audited. */
  'documents:print': channel<RenderedDocument>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: documentRefSchema,
  }),
  'documents:sign': channel<SignatureStatus>()({ surface: 'desk', access: CASE_ROLES, input: signSchema }),
  /** Is a certificate's or a 알선장's code genuine? Each look-up audited. */
  'documents:verify': channel<VerificationResult>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: verifySchema,
  }),
};
