import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, entryHash, GENESIS_HASH } from '../../../db/repositories/audit.ts';
import { purgeExpiredAudit } from '../../../db/repositories/audit-retention.ts';
import { createJobseeker } from '../../../electron/services/jobseekers.ts';
import { purgeServerAudit, verifyServerAudit } from '../../../server/audit-retention.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import { retentionHorizon } from '../../../shared/domain/audit.ts';
import { refusalCodeOf, refusalText, type RefusalCode } from '../../../shared/sync/refusals.ts';
import {
  hlcAt,
  latestSeq,
  pullAll,
  push,
  serverDigest,
  signInAgent,
  type Agent,
  type RawMutation,
} from '../../support/hostile-http.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { openSyncDesk, startSyncServer, type SyncServer } from '../../support/sync-desktop.ts';

// The server verifies each device's audit chain as it arrives (issue 13 item 3), tried over real HTTP
// on both dialects: honest chains are accepted across several pushes and re-sends (from hand-made
// requests and from the real desktop); a forged hash, a broken link, another device, another center,
// another actor, or other content under a known id is refused, changes nothing and reaches no one. The
// server's copy keeps the desktop's retention with the same anchors, and still verifies afterwards.

interface Entry {
  id: string;
  fields: Record<string, unknown>;
}

/** A device's next audit entry, chained and hashed the way the desktop does (db/repositories/audit.ts). */
function entry(
  a: Agent,
  prevHash: string,
  over: Partial<Record<string, unknown>> = {},
  tamper: Partial<Record<string, unknown>> = {},
): Entry {
  const id = uuidv7();
  const body = {
    at: new Date().toISOString(),
    actor_id: a.userId,
    actor_login: a.loginId,
    device_id: a.deviceId,
    action: 'jobseeker.read',
    subject_type: 'jobseeker',
    subject_id: null,
    person_id: null,
    detail: null,
    center_code: 'SEL01',
    ...over,
  };
  const hash = entryHash(prevHash, { ...body, id });
  return { id, fields: { ...body, prev_hash: prevHash, hash, ...tamper } };
}

function chainOf(
  a: Agent,
  n: number,
  from = GENESIS_HASH,
  over: Array<Record<string, unknown>> = [],
): Entry[] {
  const out: Entry[] = [];
  let prev = from;
  for (let i = 0; i < n; i++) {
    const e = entry(a, prev, over[i] ?? {});
    out.push(e);
    prev = String(e.fields['hash']);
  }
  return out;
}

// A re-send carries the same clock value as the first send (the desktop's outbox keeps it), so the
// server's payload hash sees the same change: the entry's own time, on its device.
const insert = (e: Entry, clientSeq?: number): RawMutation => ({
  table: 'audit_entries',
  rowId: e.id,
  op: 'insert',
  fields: e.fields,
  hlc: hlcAt(Date.parse(String(e.fields['at'])), String(e.fields['device_id'])),
  ...(clientSeq !== undefined ? { clientSeq } : {}),
});
const hashOf = (e: Entry | undefined) => String(e?.fields['hash']);

describe.each(SERVER_DIALECTS)('audit chains checked by the server (%s)', (dialect) => {
  let server: SyncServer;
  let c2: Agent;

  beforeAll(async () => {
    server = await startSyncServer(
      dialect,
      [
        { code: 'SEL01', name: '서울고용센터', region: '11' },
        { code: 'BUS01', name: '부산고용센터', region: '26' },
      ],
      [
        { loginId: 'counselor1', role: 'counselor', center: 'SEL01' },
        { loginId: 'counselor2', role: 'counselor', center: 'SEL01' },
        { loginId: 'busan1', role: 'counselor', center: 'BUS01' },
      ],
    );
    c2 = await signInAgent(server.url, 'counselor2');
  });
  afterAll(async () => {
    await server.close();
  });

  const head = (deviceId: string) =>
    server.opened.db
      .selectFrom('audit_chain_heads')
      .selectAll()
      .where('device_id', '=', deviceId)
      .executeTakeFirst();
  const anchors = (deviceId: string) =>
    server.opened.db.selectFrom('audit_anchors').selectAll().where('device_id', '=', deviceId).execute();

  it('accepts an honest chain across several pushes and re-sends', async () => {
    const a = await signInAgent(server.url, 'counselor1');
    const chain = chainOf(a, 5);
    const first = await push(
      a,
      chain.slice(0, 3).map((e) => insert(e)),
    );
    expect(first.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const seqs = [9001, 9002];
    const second = await push(
      a,
      chain.slice(3).map((e, i) => insert(e, seqs[i])),
    );
    expect(second.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    // The same request again (a lost answer), and an entry re-sent as a new change: the same entries.
    const again = await push(
      a,
      chain.slice(3).map((e, i) => insert(e, seqs[i])),
    );
    expect(again.body.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    const resent = await push(a, [insert(chain[1] as Entry)]);
    expect(resent.body.results[0]?.status).toBe('duplicate');
    expect(await head(a.deviceId)).toMatchObject({ head_hash: hashOf(chain[4]), head_id: chain[4]?.id });
    expect(Number((await head(a.deviceId))?.accepted)).toBe(5);
    // The chain goes on after the re-sends.
    const next = entry(a, hashOf(chain[4]));
    expect((await push(a, [insert(next)])).body.results[0]?.status).toBe('applied');
    expect(await verifyServerAudit(server.opened.db)).toMatchObject({ ok: true });
  });

  it('refuses forged links, hashes, devices, centers, actors and changed re-sends, and changes nothing', async () => {
    const a = await signInAgent(server.url, 'counselor1');
    const chain = chainOf(a, 2);
    expect(
      (
        await push(
          a,
          chain.map((e) => insert(e)),
        )
      ).body.results.map((r) => r.status),
    ).toEqual(['applied', 'applied']);
    const tip = hashOf(chain[1]);
    const skipped = entry(a, tip);
    const forgeries: Array<[RefusalCode, Entry]> = [
      // Content altered after hashing; a made-up hash.
      ['auditHash', entry(a, tip, {}, { action: 'jobseeker.update' })],
      ['auditHash', entry(a, tip, {}, { hash: 'f'.repeat(64) })],
      // A link to something other than the device's last accepted entry (an entry left out; the start).
      ['auditLink', entry(a, hashOf(skipped))],
      ['auditLink', entry(a, GENESIS_HASH)],
      ['auditLink', entry(a, hashOf(chain[0]))],
      // Another device's chain, another center's trail, another person as actor (honestly hashed).
      ['auditDevice', entry(a, tip, { device_id: c2.deviceId })],
      ['auditCenter', entry(a, tip, { center_code: 'BUS01' })],
      // Other content under an id the server has.
      ['auditChanged', { id: chain[0]?.id ?? '', fields: entry(a, GENESIS_HASH).fields }],
      // Malformed: caught first by the table's declaration (shared/sync/tables/center.ts).
      ['missingFields', entry(a, tip, {}, { hash: undefined })],
      ['undeclaredField', entry(a, tip, {}, { note: '숨긴 메모' })],
    ];
    const before = await serverDigest(server.opened.db);
    const seq = await latestSeq(server.opened.db);
    const r = await push(
      a,
      forgeries.map(([, e]) => insert(e)),
    );
    expect(r.status).toBe(200);
    forgeries.forEach(([code], i) => {
      const result = r.body.results[i];
      expect(result?.status).toBe('refused');
      expect(refusalCodeOf(result?.reason ?? ''), result?.reason).toBe(code);
      if (code.startsWith('audit')) expect(result?.reason).toBe(refusalText(code));
      // The changed re-send gets back the device's own entry as the server has it; nothing else does.
      if (code === 'auditChanged') expect(result?.row?.data).toMatchObject({ hash: hashOf(chain[0]) });
      else expect(result).not.toHaveProperty('row');
    });
    expect(await serverDigest(server.opened.db)).toEqual(before);
    expect(await latestSeq(server.opened.db)).toBe(seq);
    expect(await pullAll(c2, seq)).toEqual([]);
    // Another person's device cannot continue this device's chain either.
    const stolen = entry(c2, tip, { device_id: a.deviceId, actor_id: c2.userId });
    const theft = await push(c2, [insert(stolen)]);
    expect(theft.body.results[0]).toMatchObject({ status: 'refused', reason: refusalText('auditDevice') });
    // Nor does a colleague re-sending this device's entry id get the entry back.
    const probe = await push(c2, [insert({ id: chain[0]?.id ?? '', fields: stolen.fields })]);
    expect(probe.body.results[0]).toMatchObject({ status: 'refused', reason: refusalText('auditChanged') });
    expect(probe.body.results[0]).not.toHaveProperty('row');

    // The honest next entry still goes in: nothing above moved the chain.
    expect((await push(a, [insert(skipped)])).body.results[0]?.status).toBe('applied');
    expect(await verifyServerAudit(server.opened.db)).toMatchObject({ ok: true });
  });

  it('refuses an entry naming another account but keeps the chain going past it, on record', async () => {
    const a = await signInAgent(server.url, 'counselor1');
    const [first] = chainOf(a, 1);
    await push(a, [insert(first as Entry)]);
    const forged = entry(a, hashOf(first), { actor_id: c2.userId, actor_login: 'counselor2' });
    const wrongLogin = entry(a, hashOf(forged), { actor_login: 'counselor2' });
    const seq = await latestSeq(server.opened.db);
    const r = await push(a, [insert(forged), insert(wrongLogin)]);
    expect(r.body.results).toMatchObject([
      { status: 'refused', reason: refusalText('auditActor') },
      { status: 'refused', reason: refusalText('auditActor') },
    ]);
    expect(await latestSeq(server.opened.db)).toBe(seq);
    expect(
      await server.opened.db
        .selectFrom('sync_rows')
        .select('row_id')
        .where('row_id', 'in', [forged.id, wrongLogin.id])
        .execute(),
    ).toEqual([]);
    expect((await anchors(a.deviceId)).map((x) => [x.reason, x.after_hash, x.last_hash])).toEqual([
      ['refused', hashOf(first), hashOf(forged)],
      ['refused', hashOf(forged), hashOf(wrongLogin)],
    ]);
    const honest = entry(a, hashOf(wrongLogin), {
      actor_id: null,
      actor_login: null,
      action: 'checkin.issue',
    });
    expect((await push(a, [insert(honest)])).body.results[0]?.status).toBe('applied');
    expect(await verifyServerAudit(server.opened.db)).toMatchObject({ ok: true });
  });

  it('starts the chain of a device first seen mid-chain, with the unseen gap on record', async () => {
    const a = await signInAgent(server.url, 'counselor2');
    const unseen = randomBytes(32).toString('hex');
    const chain = chainOf(a, 2, unseen);
    expect(
      (
        await push(
          a,
          chain.map((e) => insert(e)),
        )
      ).body.results.map((r) => r.status),
    ).toEqual(['applied', 'applied']);
    expect(
      (await anchors(a.deviceId)).map((x) => [x.reason, x.after_hash, x.last_hash, Number(x.entries)]),
    ).toEqual([['first-seen', GENESIS_HASH, unseen, 0]]);
    // From then on the link is checked like any other.
    expect((await push(a, [insert(entry(a, unseen))])).body.results[0]).toMatchObject({
      status: 'refused',
      reason: refusalText('auditLink'),
    });
    expect(await verifyServerAudit(server.opened.db)).toMatchObject({ ok: true });
  });

  it('accepts the real desktop’s chain, and purges its copy with the same anchors as the desktop', async () => {
    const desk = await openSyncDesk(server.url, 'counselor1');
    try {
      const ctx = desk.store.context;
      const fields = jobseekerFieldsSchema.parse({
        name: '정하늘',
        birthYear: 1992,
        phone: '010-2222-3333',
        sido: '11',
      });
      await createJobseeker(ctx, desk.session, fields, true);
      await desk.client.syncOnce();
      // Old entries (as if made years ago on this desktop): ordinary ones expire after two years,
      // account changes after three; the newest entry of the device is kept whatever its age.
      const now = new Date();
      const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
      for (const [at, action] of [
        [ago(1200), 'jobseeker.read'],
        [ago(1100), 'jobseeker.read'],
        [ago(900), 'account.role'],
        [ago(800), 'jobseeker.read'],
        [ago(10), 'jobseeker.read'],
        [ago(1000), 'jobseeker.read'],
      ] as const) {
        await appendAudit(ctx.db, {
          at,
          actorId: desk.session.userId,
          actorLogin: desk.session.loginId,
          deviceId: ctx.deviceId,
          action,
          subjectType: 'jobseeker',
          subjectId: null,
          personId: null,
        });
      }
      await desk.client.syncOnce();
      await desk.client.syncOnce();
      const refused = await ctx.db
        .selectFrom('outbox')
        .select('row_id')
        .where('status', '=', 'refused')
        .execute();
      expect(refused).toEqual([]);
      expect(await verifyServerAudit(server.opened.db)).toMatchObject({ ok: true });

      const before = Number((await head(ctx.deviceId))?.accepted);
      const done = await purgeServerAudit(server.opened.db, server.opened.dialect, now);
      expect(done.purged).toBeGreaterThanOrEqual(3);
      await purgeExpiredAudit(
        ctx.db,
        { before: retentionHorizon(now, 2), accessBefore: retentionHorizon(now, 3) },
        now.toISOString(),
      );
      const onDesk = await ctx.db
        .selectFrom('audit_anchors')
        .selectAll()
        .where('device_id', '=', ctx.deviceId)
        .execute();
      const onServer = (await anchors(ctx.deviceId)).filter((x) => x.reason === 'purged');
      expect(onDesk.length).toBe(2);
      const key = (x: { after_hash: string; last_hash: string; last_id: string | null }) =>
        `${x.after_hash}>${x.last_hash}>${x.last_id}`;
      expect(onServer.map(key).sort()).toEqual(onDesk.map(key).sort());
      expect(onServer.map((x) => Number(x.entries)).sort()).toEqual(
        onDesk.map((x) => Number(x.purged)).sort(),
      );
      // The server's copy of this device now holds what the desktop holds of its own entries.
      const deskIds = (
        await ctx.db.selectFrom('audit_entries').select('id').where('device_id', '=', ctx.deviceId).execute()
      ).map((r) => r.id);
      const serverIds = (
        await server.opened.db
          .selectFrom('sync_rows')
          .select(['row_id', 'data'])
          .where('table_name', '=', 'audit_entries')
          .execute()
      )
        .filter((r) => (JSON.parse(r.data) as { device_id: string }).device_id === ctx.deviceId)
        .map((r) => r.row_id);
      expect(serverIds.sort()).toEqual(deskIds.sort());
      expect(await verifyServerAudit(server.opened.db)).toMatchObject({ ok: true });

      // The chain goes on after the purge (the head is kept).
      await appendAudit(ctx.db, {
        at: new Date().toISOString(),
        actorId: desk.session.userId,
        actorLogin: desk.session.loginId,
        deviceId: ctx.deviceId,
        action: 'jobseeker.read',
        subjectType: 'jobseeker',
        subjectId: null,
        personId: null,
      });
      await desk.client.syncOnce();
      expect(Number((await head(ctx.deviceId))?.accepted)).toBeGreaterThan(before);
      expect(
        await ctx.db.selectFrom('outbox').select('row_id').where('status', '=', 'refused').execute(),
      ).toEqual([]);
      // The old entry kept as the head has expired now that a newer one follows it.
      expect(await purgeServerAudit(server.opened.db, server.opened.dialect, now)).toEqual({
        purged: 1,
        anchors: 1,
        accountAudit: 0,
      });
      expect(await purgeServerAudit(server.opened.db, server.opened.dialect, now)).toEqual({
        purged: 0,
        anchors: 0,
        accountAudit: 0,
      });
      expect(await verifyServerAudit(server.opened.db)).toMatchObject({ ok: true });
    } finally {
      await desk.close();
    }
  });

  it('detects a server copy altered behind its back', async () => {
    const row = await server.opened.db
      .selectFrom('sync_rows')
      .selectAll()
      .where('table_name', '=', 'audit_entries')
      .orderBy('seq')
      .limit(1)
      .executeTakeFirstOrThrow();
    const data = JSON.parse(row.data) as Record<string, unknown>;
    await server.opened.db
      .updateTable('sync_rows')
      .set({ data: JSON.stringify({ ...data, action: 'tampered' }) })
      .where('table_name', '=', 'audit_entries')
      .where('row_id', '=', row.row_id)
      .execute();
    expect(await verifyServerAudit(server.opened.db)).toMatchObject({
      ok: false,
      id: row.row_id,
      reason: 'content',
    });
    await server.opened.db
      .updateTable('sync_rows')
      .set({ data: row.data })
      .where('table_name', '=', 'audit_entries')
      .where('row_id', '=', row.row_id)
      .execute();
  });
});
