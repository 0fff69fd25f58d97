import type { CaseworkerApi, KioskApi } from '../../shared/contract/index.ts';
import type { DeskSigningApi, SigningApi } from '../../shared/contract/signing.ts';

declare global {
  interface Window {
    /** The desk bridge; absent in the kiosk window. */
    caseworker?: CaseworkerApi;
    /** The app's second-screen signing (desk window in Electron only; absent in the browser preview). */
    caseworkerSigning?: DeskSigningApi;
    /** The signing window's bridge; absent everywhere else. */
    signing?: SigningApi;
    /** The kiosk bridge; absent in the desk window. `printsTickets`: Electron prints the kiosk's tickets (the browser preview shows the PDF). */
    kiosk?: KioskApi & { printsTickets?: boolean };
  }
}
