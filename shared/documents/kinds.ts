// The printable forms (issue 18 item 1) and which of them a jobseeker signs (item 2). Kept apart from
// the contract so the sync declaration, the services and the screens name them the same way.

export const DOCUMENT_KINDS = [
  'registration',
  'opening',
  'referral',
  'service-plan',
  'consent',
  'action-plan',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Forms a jobseeker reads and signs. A signature names the jobseeker (its scope and sync parent) and the
 * record it signs: the jobseeker's own for the case forms (CASE_SIGNABLE_KINDS), the programme enrolment
 * for the Individual Action Plan (취업활동계획서, issue 17 item 2), whose current plan is the form.
 */
export const SIGNABLE_KINDS = ['registration', 'consent', 'service-plan', 'action-plan'] as const;
export type SignableKind = (typeof SIGNABLE_KINDS)[number];

/** The signable forms about the case itself: their record id is the jobseeker's id. */
export const CASE_SIGNABLE_KINDS = ['registration', 'consent', 'service-plan'] as const;
export type CaseSignableKind = (typeof CASE_SIGNABLE_KINDS)[number];

/** The table a signable form's record id names (the sync check and the server's look-up use it). */
export const SIGNED_RECORD_TABLE: Record<SignableKind, 'jobseekers' | 'programme_enrolments'> = {
  registration: 'jobseekers',
  consent: 'jobseekers',
  'service-plan': 'jobseekers',
  'action-plan': 'programme_enrolments',
};

export function isSignable(kind: DocumentKind): kind is SignableKind {
  return (SIGNABLE_KINDS as readonly string[]).includes(kind);
}

/** The form's printed title (Korean, as the paper form is called at the center). */
export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  registration: '구직신청서',
  opening: '구인신청서',
  referral: '알선장',
  'service-plan': '취업지원 서비스 계획서',
  consent: '개인정보 수집·이용 동의서',
  'action-plan': '취업활동계획서',
};

/**
 * A signature's picture: a PNG as base64, within the sync protocol's bound on one field's text
 * (shared/sync/protocol.ts, 20,000 characters, about 15 KB of PNG). Strokes on a transparent canvas
 * take a few KB; the pad scales a larger picture down before it is sent (renderer SignaturePad).
 */
export const MAX_SIGNATURE_BASE64 = 20_000;
/** The first bytes of every PNG file (\x89PNG\r\n\x1a\n), as base64 begins them. */
export const PNG_BASE64_PREFIX = 'iVBORw0KGgo';

/** Where a signed form stands against the form's current content. */
export type SignatureState = 'unsigned' | 'signed' | 'changed';

export interface SignatureStatus {
  state: SignatureState;
  /** The latest signature, if any (also when the form has changed since). */
  signedAt: string | null;
  counselorName: string | null;
  /** sha256 of the content the jobseeker signed. */
  signedHash: string | null;
  /** sha256 of the form's content now. */
  currentHash: string;
}

/** One labelled line or a paragraph of a form, as the PDF prints it and the signing surface shows it. */
export interface DocumentRow {
  label: string;
  value: string;
}

export interface DocumentSection {
  heading: string;
  rows?: DocumentRow[];
  paragraphs?: string[];
}

/** A form's content: what is hashed (signatures) and printed. Dates of printing are not part of it. */
export interface DocumentContent {
  kind: DocumentKind;
  recordId: string;
  title: string;
  subtitle: string;
  /** The jobseeker's record, when the form is about one (the audit entry names it). */
  personId: string | null;
  sections: DocumentSection[];
  /** 알선장: the code an employer checks the letter with (also in the QR code). */
  verificationCode: string | null;
}

/** What the desk gets when it prints or shows a form. */
export interface RenderedDocument {
  fileName: string;
  /** The PDF, base64 (crosses IPC and the test host's JSON alike). */
  pdfBase64: string;
  signature: SignatureStatus | null;
  /** Set by the app's main process when it handed the PDF to the OS print dialog (electron/main). */
  osPrint?: boolean;
}

export interface DocumentView {
  content: DocumentContent;
  signature: SignatureStatus | null;
}

export interface VerificationResult {
  found: boolean;
  kind: 'certificate' | 'referral' | null;
  /** Masked (김*수): enough for the employer to match the paper, nothing more. */
  holder: string | null;
  issuedAt: string | null;
  centerName: string | null;
  revoked: boolean;
  /** Why it no longer stands (a message key), when revoked. */
  revokedReason: string | null;
}
