import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../../../db/repositories/audit.ts';
import {
  checkChain,
  purgeExpired,
  saveAuditSettings,
  startAuditRetention,
} from '../../../../electron/services/audit-trail.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import { DEFAULT_AUDIT_SETTINGS } from '../../../../shared/domain/audit.ts';
import { dispatcherFor, makeTestStore, type TestStore } from '../../../support/temp-store.ts';

// The audit trail's chain check and retention purge (domain.md §10): tampering is found at the right
// link; the purge removes expired entries only (two years; account changes three), through the path the
// triggers allow, and leaves anchors so the chain still verifies; ordinary deletes stay refused.

const YEAR_MS = 365.25 * 86_400_000;
const ago = (years: number) => new Date(Date.now() - years * YEAR_MS).toISOString();
const OTHER_DEVICE = '0190aaaa-0000-7000-8000-000000000001';

let t: TestStore;
let admin: SessionInfo;
beforeEach(async () => {
  t = await makeTestStore();
  admin = await t.signIn('admin');
});
afterEach(() => t.cleanup());

async function entry(at: string, action: string, deviceId = t.store.context.deviceId): Promise<string> {
  return appendAudit(t.store.db, {
    at,
    actorId: null,
    actorLogin: 'counselor1',
    deviceId,
    action,
    subjectType: 'jobseeker',
    subjectId: null,
    personId: null,
  });
}

function ids(): string[] {
  return t.store.raw.prepare('select id from audit_entries order by rowid').pluck().all() as string[];
}

function positionOf(id: string): number {
  return ids().indexOf(id) + 1;
}

describe('verifying the chain', () => {
  it('finds an entry whose bytes were edited, at that entry', async () => {
    for (let i = 0; i < 5; i++) await entry(ago(0.1), 'jobseeker.read');
    const victim = ids()[3] ?? '';
    // Someone with the raw file: the append-only trigger dropped, one byte of the login changed.
    t.store.raw.exec('DROP TRIGGER audit_entries_no_update');
    t.store.raw.prepare(`update audit_entries set actor_login = 'counselor2' where id = ?`).run(victim);
    const result = await verifyAuditChain(t.store.db);
    expect(result).toMatchObject({
      ok: false,
      broken: {
        id: victim,
        position: positionOf(victim),
        reason: 'content',
        deviceId: t.store.context.deviceId,
      },
    });
  });

  it('finds a deleted entry at the link after it', async () => {
    for (let i = 0; i < 5; i++) await entry(ago(0.1), 'jobseeker.read');
    const all = ids();
    const [deleted, next] = [all[2] ?? '', all[3] ?? ''];
    t.store.raw.exec('DROP TRIGGER audit_entries_no_delete');
    t.store.raw.prepare('delete from audit_entries where id = ?').run(deleted);
    const result = await verifyAuditChain(t.store.db);
    expect(result).toMatchObject({
      ok: false,
      broken: { id: next, position: positionOf(next), reason: 'link' },
    });
  });

  it('checks each device’s chain on its own, entries from other desktops interleaved', async () => {
    await entry(ago(0.2), 'jobseeker.read', OTHER_DEVICE);
    await entry(ago(0.1), 'jobseeker.read');
    await entry(ago(0.1), 'jobseeker.update', OTHER_DEVICE);
    expect(await verifyAuditChain(t.store.db)).toMatchObject({ ok: true, devices: 2 });
  });

  it('records the check from the screen', async () => {
    const report = await checkChain(t.store.context, admin);
    expect(report).toMatchObject({ ok: true, broken: null });
    const last = t.store.raw
      .prepare('select action, actor_id from audit_entries order by rowid desc limit 1')
      .get();
    expect(last).toEqual({ action: 'audit.verify', actor_id: admin.userId });
  });
});

describe('the retention purge', () => {
  async function history() {
    const made = {
      read35: await entry(ago(3.5), 'jobseeker.read'),
      role35: await entry(ago(3.5), 'account.role'),
      read25: await entry(ago(2.5), 'jobseeker.read'),
      role25: await entry(ago(2.5), 'account.role'),
      update25: await entry(ago(2.4), 'jobseeker.update'),
      read15: await entry(ago(1.5), 'jobseeker.read'),
      otherOld: await entry(ago(2.5), 'jobseeker.read', OTHER_DEVICE),
      otherOldest: await entry(ago(3.1), 'jobseeker.read', OTHER_DEVICE),
      recent: await entry(ago(0.01), 'jobseeker.read'),
    };
    return made;
  }

  it('removes only expired entries, leaves anchors, and the chain still verifies', async () => {
    const made = await history();
    const before = ids();
    const report = await purgeExpired(t.store.context, null);
    const after = ids();
    // Two years for ordinary entries, three for account changes; each device's newest entry is the
    // head its next entry links to, so the other device's last (expired) entry stays.
    expect(after).not.toContain(made.read35);
    expect(after).not.toContain(made.role35);
    expect(after).not.toContain(made.read25);
    expect(after).not.toContain(made.update25);
    expect(after).not.toContain(made.otherOld);
    expect(after).toContain(made.role25);
    expect(after).toContain(made.read15);
    expect(after).toContain(made.recent);
    expect(after).toContain(made.otherOldest);
    expect(report.purged).toBe(before.length + 1 - after.length); // + the purge's own entry
    expect(report.purged).toBe(5);
    // Runs: [read35, role35, read25] then [update25] on this device; [otherOld] on the other.
    expect(report.anchors).toBe(3);
    const verified = await verifyAuditChain(t.store.db);
    expect(verified).toMatchObject({ ok: true, purgedGaps: 3 });
    // The purge is itself an entry, and the control row is clear again.
    const last = t.store.raw
      .prepare('select action, detail from audit_entries order by rowid desc limit 1')
      .get() as { action: string; detail: string };
    expect(last.action).toBe('audit.purge');
    expect(JSON.parse(last.detail)).toMatchObject({ purged: 5, anchors: 3 });
    expect(
      t.store.raw.prepare('select purge_before, access_purge_before from audit_retention').get(),
    ).toEqual({
      purge_before: null,
      access_purge_before: null,
    });
  });

  it('keeps ordinary deletes refused after a purge, and the chain checkable as it grows', async () => {
    const made = await history();
    await purgeExpired(t.store.context, null);
    expect(() => t.store.raw.prepare('delete from audit_entries where id = ?').run(made.read15)).toThrow(
      /append-only/,
    );
    await entry(ago(0), 'jobseeker.read');
    await entry(ago(0), 'jobseeker.read', OTHER_DEVICE);
    expect(await verifyAuditChain(t.store.db)).toMatchObject({ ok: true });
    // Tampering after a purge is still found where it happened.
    t.store.raw.exec('DROP TRIGGER audit_entries_no_update');
    t.store.raw.prepare(`update audit_entries set action = 'jobseeker.list' where id = ?`).run(made.read15);
    expect(await verifyAuditChain(t.store.db)).toMatchObject({
      ok: false,
      broken: { id: made.read15, reason: 'content' },
    });
  });

  it('bridges gaps that successive purges widened', async () => {
    const made = await history();
    const realNow = t.store.context.now;
    t.store.context.now = () => new Date(Date.now() - 0.8 * YEAR_MS); // a purge months ago
    expect((await purgeExpired(t.store.context, null)).purged).toBe(1); // read35 (role35 had 3.8 years)
    t.store.context.now = realNow;
    // role35 and read25 right after the first gap, then update25, and otherOld on the other device.
    expect((await purgeExpired(t.store.context, null)).purged).toBe(4);
    expect(ids()).not.toContain(made.read25);
    expect(await verifyAuditChain(t.store.db)).toMatchObject({ ok: true });
  });

  it('does not accept a gap nobody anchored', async () => {
    const made = await history();
    await purgeExpired(t.store.context, null);
    t.store.raw.exec('DROP TRIGGER audit_entries_no_delete');
    t.store.raw.prepare('delete from audit_entries where id = ?').run(made.role25);
    expect(await verifyAuditChain(t.store.db)).toMatchObject({ ok: false, broken: { reason: 'link' } });
  });

  it('follows the center’s settings, and a purge with nothing expired writes nothing', async () => {
    const made = await history();
    await saveAuditSettings(t.store.context, admin, {
      ...DEFAULT_AUDIT_SETTINGS,
      retentionYears: 3,
      accessRetentionYears: 4,
    });
    await purgeExpired(t.store.context, null);
    expect(ids()).toContain(made.read25);
    expect(ids()).toContain(made.role35);
    expect(ids()).not.toContain(made.read35);
    const count = ids().length;
    expect(await purgeExpired(t.store.context, null)).toMatchObject({ purged: 0, anchors: 0 });
    expect(ids().length).toBe(count);
  });

  it('runs on demand for an admin through the channel, and at start-up by itself', async () => {
    const made = await history();
    const { dispatch, desk } = dispatcherFor(t.store);
    const byCounselor = await dispatch(desk(await t.signIn('counselor1')), 'audit:purge', {});
    expect(byCounselor).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ids()).toContain(made.read35);
    const timer = startAuditRetention(t.store.context);
    await timer.first;
    timer.stop();
    expect(ids()).not.toContain(made.read35);
    await entry(ago(2.2), 'jobseeker.read');
    const result = await dispatch(desk(admin), 'audit:purge', {});
    expect(result).toMatchObject({ ok: true, value: { purged: 0 } });
    expect(ids()).toContain(made.recent);
  });

  it('refuses settings that keep account changes shorter than other entries, and changes nothing', async () => {
    const { dispatch, desk } = dispatcherFor(t.store);
    const result = await dispatch(desk(admin), 'audit:saveSettings', {
      settings: { ...DEFAULT_AUDIT_SETTINGS, retentionYears: 3, accessRetentionYears: 2 },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    const read = await dispatch(desk(admin), 'audit:settings', {});
    expect(read).toMatchObject({ ok: true, value: DEFAULT_AUDIT_SETTINGS });
  });
});
