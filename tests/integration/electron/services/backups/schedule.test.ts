import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AFTER_SIGN_IN_MS, CHECK_EVERY_MS } from '../../../../../electron/services/backups/manager.ts';
import { listBackups } from '../../../../../electron/services/backups/folder.ts';
import { ADMIN, harness, newDir, setUpStore, type Harness } from './harness.ts';

// The backup schedule and rotation, with the clock and the timers driven by hand: a backup a minute
// after sign-in when the newest is older than the interval, a look every hour, and rotation keeping the
// newest of each of the last days and weeks whatever the number of backups made by hand, which rotate
// apart from the schedule's.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function started(): Promise<Harness> {
  const h = harness(newDir(cleanups));
  cleanups.push(() => h.close());
  await setUpStore(h, 1);
  return h;
}

function names(h: Harness): string[] {
  return listBackups(h.dir)
    .map((b) => b.name)
    .sort();
}

describe('the backup schedule', () => {
  it('looks a minute after sign-in, then hourly, and backs up when the newest is older than the interval', async () => {
    const h = await started();
    // Open: the next look is in an hour. A sign-in brings it to a minute from now.
    expect(h.timers.delays()).toEqual([CHECK_EVERY_MS]);
    h.desk.session.set(null);
    expect(await h.call('auth:login', ADMIN)).toMatchObject({ ok: true });
    expect(h.timers.delays()).toEqual([AFTER_SIGN_IN_MS]);

    const first = await h.gate.backups.runSchedule();
    expect(first).toMatchObject({ kind: 'scheduled', status: 'ok' });
    expect(h.timers.delays()).toEqual([CHECK_EVERY_MS]);
    // Younger than the interval (24 h): nothing to do.
    h.clock.now += 23 * HOUR;
    expect(await h.gate.backups.runSchedule()).toBeNull();
    h.clock.now += 2 * HOUR;
    const second = await h.gate.backups.runSchedule();
    expect(second?.name).toBe('caseworker-20261103T100000000Z.backup');
    expect(names(h)).toHaveLength(2);
    const entries = await h.gate
      .current()
      ?.db.selectFrom('audit_entries')
      .select(['action', 'actor_id'])
      .execute();
    expect(entries?.filter((e) => e.action === 'backup.make')).toEqual([
      { action: 'backup.make', actor_id: null },
      { action: 'backup.make', actor_id: null },
    ]);
  });

  it('stops when the store closes: no timer left, and nothing runs after', async () => {
    const h = await started();
    expect(h.timers.pending.size).toBe(1);
    await h.gate.close();
    expect(h.timers.pending.size).toBe(0);
    expect(await h.gate.backups.runSchedule()).toBeNull();
    expect(readdirSync(h.dir)).not.toContain('backups');
  });
});

describe('closing the store while a backup runs', () => {
  it('ends the copy and leaves no half backup behind', async () => {
    const h = await started();
    const admin = h.desk.session.get();
    if (!admin) throw new Error('not signed in');
    const making = h.gate.backups.make(admin).then(
      (made) => made.name,
      (error: unknown) => error,
    );
    await h.gate.close();
    const outcome = await making;
    // Either the copy was stopped, or it had finished before the stop: never anything in between.
    const left = readdirSync(join(h.dir, 'backups'));
    expect(left.filter((n) => n.endsWith('.partial'))).toEqual([]);
    if (typeof outcome === 'string') {
      expect(left).toContain(outcome);
    } else {
      expect(outcome).toMatchObject({ name: 'StoreJobError', code: 'aborted' });
      expect(left).toEqual([]);
    }
  });
});

describe('rotation', () => {
  it('keeps the newest of each of the last days and weeks, however many backups were made by hand', async () => {
    const h = await started();
    expect(
      await h.call('backups:saveSettings', { intervalHours: 24, keepDaily: 3, keepWeekly: 3 }),
    ).toMatchObject({
      ok: true,
      value: { intervalHours: 24, keepDaily: 3, keepWeekly: 3 },
    });
    // A scheduled backup every day at 09:00 UTC from Monday 2 to Wednesday 18 November.
    for (let day = 0; day < 17; day++) {
      h.clock.now = Date.parse('2026-11-02T09:00:00Z') + day * DAY;
      expect(await h.gate.backups.runSchedule(), `day ${day}`).not.toBeNull();
    }
    const day = (d: number, time = '090000000') =>
      `caseworker-202611${String(d).padStart(2, '0')}T${time}Z.backup`;
    // Days 16, 17, 18; the weeks starting 16 (its newest is 18), 9 (15) and 2 (8).
    expect(names(h)).toEqual([day(8), day(15), day(16), day(17), day(18)]);

    // Four "지금 백업" clicks that morning push out only the earlier clicks: the day's automatic backup
    // stays (issue 15: a manual backup silently deleted it).
    h.desk.session.set(null);
    expect(await h.call('auth:login', ADMIN)).toMatchObject({ ok: true });
    for (let i = 1; i <= 4; i++) {
      h.clock.now = Date.parse('2026-11-18T09:00:00Z') + i * 60_000;
      expect(await h.call('backups:make')).toMatchObject({ ok: true, value: { kind: 'manual' } });
    }
    expect(names(h)).toEqual([day(8), day(15), day(16), day(17), day(18), day(18, '090400000')]);
    // No check notes are left for removed backups.
    expect(readdirSync(join(h.dir, 'backups')).filter((n) => n.endsWith('.check.json'))).toHaveLength(6);
    const removals = await h.gate
      .current()
      ?.db.selectFrom('audit_entries')
      .select('detail')
      .where('action', '=', 'backup.remove')
      .execute();
    expect(removals?.flatMap((r) => JSON.parse(r.detail ?? '{}').backups as string[])).toHaveLength(15);
  });
});
