// What `tools/ensure-postgres.ts` does when the server tests' PostgreSQL does not answer, decided from
// facts the script gathers (pure, so every branch is tested without stopping the machine's database).

export interface PostgresCluster {
  version: string;
  name: string;
  port: number;
  online: boolean;
}

export interface PostgresFacts {
  /** The admin URL the tests use (tests/support/server-db.ts), without its password. */
  url: string;
  reachable: boolean;
  /** Why a connection failed, from the driver. */
  error: string;
  /** `pg_lsclusters -h` (Debian's postgresql-common), or null where that tool is absent. */
  clusters: PostgresCluster[] | null;
  uid: number;
}

export type PostgresPlan =
  | { action: 'ready' }
  | { action: 'start'; cluster: PostgresCluster; command: string[] }
  | { action: 'stop'; message: string };

const WHAT = 'the server tests need PostgreSQL (tests/support/server-db.ts)';

export function planPostgres(facts: PostgresFacts): PostgresPlan {
  if (facts.reachable) return { action: 'ready' };
  const url = new URL(facts.url);
  const local = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname);
  const port = Number(url.port || 5432);
  const cluster = facts.clusters?.find((c) => c.port === port && !c.online);
  if (!local || facts.clusters === null || !cluster) {
    return {
      action: 'stop',
      message:
        `${WHAT}; ${facts.url} does not answer (${facts.error}). Start or install it ` +
        `(Debian: apt-get install postgresql, trust for 127.0.0.1 and a database \`test\`), ` +
        `or set CASEWORKER_TEST_PG to one that does.`,
    };
  }
  const command = ['pg_ctlcluster', '--skip-systemctl-redirect', cluster.version, cluster.name, 'start'];
  if (facts.uid !== 0) {
    return {
      action: 'stop',
      message: `${WHAT}; cluster ${cluster.version}/${cluster.name} on port ${port} is down. Run:\n  sudo ${command.join(' ')}`,
    };
  }
  return { action: 'start', cluster, command };
}

/** Parses `pg_lsclusters -h`: "15 main 5432 online postgres /var/lib/… /var/log/…" per line. */
export function parseClusters(output: string): PostgresCluster[] {
  return output
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 4 && /^\d/.test(cols[0] ?? ''))
    .map(([version = '', name = '', port = '', status = '']) => ({
      version,
      name,
      port: Number(port),
      online: status.startsWith('online'),
    }));
}
