import { createJobseeker } from '../../electron/services/jobseekers.ts';
import { jobseekerFieldsSchema } from '../../shared/domain/jobseeker.ts';
import { serverWithDesks, type SyncDesk, type SyncServer } from './sync-desktop.ts';

// The server and desktops of the record-lifecycle tests over real HTTP (tests/integration/sync/
// lifecycle*-http.test.ts): two centers, three counselors and a team lead in Seoul, one counselor in
// Busan; every desktop a test opens is closed with the server after the file. Called in a describe's
// body: `server` is there once beforeAll has run (use it inside tests).

export interface LifecycleHttp {
  readonly server: SyncServer;
  desk: (loginId: string) => Promise<SyncDesk>;
  userId: (login: string) => string;
  newCase: (d: SyncDesk, name: string, phone?: string) => ReturnType<typeof createJobseeker>;
  localJobseeker: (d: SyncDesk, id: string) => ReturnType<typeof localJobseekerOf>;
  outbox: (d: SyncDesk, status: 'pending' | 'refused' | 'sent') => ReturnType<typeof outboxOf>;
  serverRow: (table: string, id: string) => ReturnType<typeof serverRowOf>;
  serverItems: (rowId: string) => ReturnType<typeof serverItemsOf>;
}

function localJobseekerOf(d: SyncDesk, id: string) {
  return d.store.db.selectFrom('jobseekers').selectAll().where('id', '=', id).executeTakeFirst();
}
function outboxOf(d: SyncDesk, status: 'pending' | 'refused' | 'sent') {
  return d.store.db.selectFrom('outbox').selectAll().where('status', '=', status).execute();
}
function serverRowOf(server: SyncServer, table: string, id: string) {
  return server.opened.db
    .selectFrom('sync_rows')
    .selectAll()
    .where('table_name', '=', table)
    .where('row_id', '=', id)
    .executeTakeFirstOrThrow();
}
function serverItemsOf(server: SyncServer, rowId: string) {
  return server.opened.db.selectFrom('review_items').selectAll().where('row_id', '=', rowId).execute();
}

export function lifecycleHttp(dialect: 'sqlite' | 'postgres'): LifecycleHttp {
  const base = serverWithDesks(
    dialect,
    [
      { code: 'SEL01', name: '서울고용센터', region: '11' },
      { code: 'BUS01', name: '부산고용센터', region: '26' },
    ],
    [
      { loginId: 'counselor1', role: 'counselor', center: 'SEL01' },
      { loginId: 'counselor2', role: 'counselor', center: 'SEL01' },
      { loginId: 'counselor3', role: 'counselor', center: 'SEL01' },
      { loginId: 'supervisor1', role: 'supervisor', center: 'SEL01' },
      { loginId: 'busan1', role: 'counselor', center: 'BUS01' },
    ],
  );
  const real = () => base.server;

  return {
    get server() {
      return real();
    },
    desk: base.desk,
    userId: base.userId,
    newCase: (d, name, phone = '010-1000-2000') => {
      const fields = jobseekerFieldsSchema.parse({ name, birthYear: 1987, phone, sido: '11' });
      return createJobseeker(d.store.context, d.session, fields, true);
    },
    localJobseeker: localJobseekerOf,
    outbox: outboxOf,
    serverRow: (table, id) => serverRowOf(real(), table, id),
    serverItems: (rowId) => serverItemsOf(real(), rowId),
  };
}
