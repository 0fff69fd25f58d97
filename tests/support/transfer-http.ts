import type { ServiceContext } from '../../electron/services/context.ts';
import type { DesktopSync } from '../../electron/services/sync/desktop-sync.ts';
import { serverWithDesks, type SyncDesk, type SyncServer } from './sync-desktop.ts';

// The server and desktops of the case-transfer tests over real HTTP (tests/integration/sync/transfer*-http
// and tests/integration/server/hostile-transfer-withdraw): Seoul sends, Busan receives, Daegu is a third
// center; each file names who of the cast below has an account. Every desktop a test opens is closed
// with the server after the file. Called in a describe's body: `server` is there once beforeAll has run
// (use it inside tests).

const CENTERS = [
  { code: 'SEL01', name: '서울고용센터', region: '11' },
  { code: 'BUS01', name: '부산고용센터', region: '26' },
  { code: 'DAE01', name: '대구고용센터', region: '27' },
];

const CAST = {
  counselor1: { role: 'counselor', center: 'SEL01' },
  counselor2: { role: 'counselor', center: 'SEL01' },
  supervisor1: { role: 'supervisor', center: 'SEL01' },
  admin1: { role: 'admin', center: 'SEL01' },
  busansup: { role: 'supervisor', center: 'BUS01' },
  busan1: { role: 'counselor', center: 'BUS01' },
  daegusup: { role: 'supervisor', center: 'DAE01' },
} as const;

export type TransferLogin = keyof typeof CAST;

export interface TransferHttp {
  readonly server: SyncServer;
  /** A desktop signed in as `loginId`, closed after the file. */
  desk: (loginId: string) => Promise<SyncDesk>;
  /** The desk's services with its sync client, as the app wires them (a withdrawal goes online). */
  ctxOf: (d: SyncDesk) => ServiceContext;
  userId: (login: string) => string;
}

/** Registers the file's server on `dialect` with the accounts `logins` (and the three centers). */
export function transferHttp(dialect: 'sqlite' | 'postgres', logins: readonly TransferLogin[]): TransferHttp {
  const base = serverWithDesks(
    dialect,
    CENTERS,
    logins.map((loginId) => ({ loginId, ...CAST[loginId] })),
  );
  return {
    get server() {
      return base.server;
    },
    desk: base.desk,
    ctxOf: (d) => {
      const sync = { client: d.client, scheduler: { kick: () => undefined } } as unknown as DesktopSync;
      return { ...d.store.context, sync };
    },
    userId: base.userId,
  };
}
