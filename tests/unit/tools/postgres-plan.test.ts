import { describe, expect, it } from 'vitest';
import { parseClusters, planPostgres, type PostgresFacts } from '../../../tools/postgres-plan.ts';

// Every branch of what `tools/ensure-postgres.ts` does when the tests' PostgreSQL does not answer (the
// script itself runs in tests/integration/tools/ensure-postgres.test.ts).

const down = { version: '15', name: 'main', port: 5432, online: false };
const base: PostgresFacts = {
  url: 'postgres://postgres@127.0.0.1:5432/test',
  reachable: false,
  error: 'connect ECONNREFUSED 127.0.0.1:5432',
  clusters: [down],
  uid: 0,
};

describe('planPostgres', () => {
  it('does nothing when PostgreSQL answers', () => {
    expect(planPostgres({ ...base, reachable: true })).toEqual({ action: 'ready' });
  });

  it('starts the cluster on that port as root', () => {
    expect(planPostgres(base)).toEqual({
      action: 'start',
      cluster: down,
      command: ['pg_ctlcluster', '--skip-systemctl-redirect', '15', 'main', 'start'],
    });
  });

  it('stops with the command to run when not root', () => {
    const plan = planPostgres({ ...base, uid: 1000 });
    expect(plan).toMatchObject({ action: 'stop' });
    if (plan.action === 'stop')
      expect(plan.message).toContain('sudo pg_ctlcluster --skip-systemctl-redirect 15 main start');
  });

  it('says what the tests need where no cluster could be started', () => {
    for (const facts of [
      { ...base, clusters: null },
      { ...base, clusters: [{ ...down, port: 5433 }] },
      { ...base, clusters: [{ ...down, online: true }] },
      { ...base, url: 'postgres://postgres@db.example:5432/test' },
    ]) {
      const plan = planPostgres(facts);
      expect(plan.action).toBe('stop');
      if (plan.action === 'stop') {
        expect(plan.message).toContain('CASEWORKER_TEST_PG');
        expect(plan.message).toContain(facts.error);
      }
    }
  });
});

describe('parseClusters', () => {
  it('reads pg_lsclusters -h', () => {
    expect(
      parseClusters(
        '15 main 5432 online postgres /var/lib/postgresql/15/main /var/log/postgresql/postgresql-15-main.log\n' +
          '16 other 5433 down postgres /var/lib/postgresql/16/other /var/log/x.log\n',
      ),
    ).toEqual([
      { version: '15', name: 'main', port: 5432, online: true },
      { version: '16', name: 'other', port: 5433, online: false },
    ]);
  });
});
