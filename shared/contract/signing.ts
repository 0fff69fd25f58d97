import type { DocumentView, SignableKind, SignatureStatus } from '../documents/kinds.ts';
import type { Result } from './result.ts';

// The second, locked signing window beside the desk (issue 18 item 2): a touch monitor or pen tablet
// the jobseeker signs on. It is not a surface of the contract: its window has no desk or kiosk bridge,
// only these three messages, and main answers them for the one document it opened the window with.
// The desk asks main to open it (a desk-only message); main checks the desk's session and the form
// through the dispatcher (`documents:view`, audited) first, and signs through it (`documents:sign`).

export const IPC_SIGNING_OPEN = 'signing:open';
export const IPC_SIGNING_DOCUMENT = 'signing:document';
export const IPC_SIGNING_SUBMIT = 'signing:submit';
export const IPC_SIGNING_CANCEL = 'signing:cancel';
/** main → desk: the second screen's signing ended (signed or cancelled). */
export const IPC_SIGNING_ENDED = 'signing:ended';

/** What the desk window's preload adds beside `window.caseworker` in the app (absent in the preview). */
export interface DeskSigningApi {
  open(kind: SignableKind, recordId: string): Promise<Result<{ opened: true }>>;
  onEnded(listener: (status: SignatureStatus | null) => void): () => void;
}

/** The signing window's whole bridge. */
export interface SigningApi {
  document(): Promise<DocumentView | null>;
  submit(imagePng: string): Promise<Result<SignatureStatus>>;
  cancel(): Promise<void>;
}
