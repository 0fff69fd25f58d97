import type { CaseworkerApi, KioskApi } from '../../shared/contract/index.ts';

declare global {
  interface Window {
    /** The desk bridge; absent in the kiosk window. */
    caseworker?: CaseworkerApi;
    /** The kiosk bridge; absent in the desk window. */
    /** `printsTickets`: Electron prints the kiosk's tickets (the browser preview shows the PDF). */
    kiosk?: KioskApi & { printsTickets?: boolean };
  }
}
