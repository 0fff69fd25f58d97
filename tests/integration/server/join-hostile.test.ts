import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations/index.ts';
import type { Mutation, PushResponse } from '../../../shared/sync/protocol.ts';
import { refusalCodeOf } from '../../../shared/sync/refusals.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import {
  change,
  hostileServer,
  jobseekerFields,
  noteFields,
  type Agent,
  type Hostile,
} from '../../support/hostile.ts';

// The join's two routes (server/sync/join-routes.ts) against callers who should not get anything from
// them: only an admin, only for an active case account of the admin's own center, and a record pushed in
// someone's name passes every check it would pass if they had pushed it themselves, no more.

describe.each(SERVER_DIALECTS)('join routes against hostile callers over %s', (dialect) => {
  let h: Hostile;
  let admin: Agent;
  let counselor: Agent;

  beforeAll(async () => {
    h = await hostileServer(dialect);
    admin = await h.agent('admin1');
    counselor = await h.agent('counselor1');
  });
  afterAll(async () => {
    await h.close();
  });

  async function call(a: Agent, path: string, body?: unknown) {
    const res = await fetch(`${h.server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${a.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }
  const joinPush = (a: Agent, asUser: string, mutations: Mutation[]) =>
    call(a, '/v1/join/push', { asUser, schemaVersion: LATEST_SCHEMA_VERSION, mutations });

  it('answers the account list to an admin only, and only with their center', async () => {
    expect((await call(counselor, '/v1/join/accounts')).json).toMatchObject({
      error: { code: 'join-admin-only' },
    });
    const list = await call(admin, '/v1/join/accounts');
    expect(list.status).toBe(200);
    const logins = (list.json['accounts'] as Array<{ loginId: string }>).map((a) => a.loginId);
    expect(logins.sort()).toEqual(['admin1', 'counselor1', 'counselor2', 'supervisor1']);
  });

  it("pushes in no one's name but an active case account of the admin's center", async () => {
    const before = await h.digest();
    const fields = jobseekerFields('SEL01', null);
    const m = change(admin, 'jobseekers', uuidv7(), fields);
    const byCounselor = await joinPush(counselor, h.server.users.get('counselor2') ?? '', [m]);
    expect(byCounselor.json).toMatchObject({ error: { code: 'join-admin-only' } });
    const otherCenter = await joinPush(admin, h.server.users.get('busan1') ?? '', [m]);
    expect(otherCenter.json).toMatchObject({ error: { code: 'join-unknown-account' } });
    const asAdmin = await joinPush(admin, admin.userId, [m]);
    expect(asAdmin.json).toMatchObject({ error: { code: 'join-admin-author' } });
    expect(await h.digest()).toBe(before);
  });

  it("applies every ordinary check as the named author: another's authorship, another center", async () => {
    const before = await h.digest();
    const c1 = h.server.users.get('counselor1') ?? '';
    const c2 = h.server.users.get('counselor2') ?? '';
    const elsewhere = change(admin, 'jobseekers', uuidv7(), jobseekerFields('BUS01', null));
    const forged = change(admin, 'counseling_notes', uuidv7(), noteFields(uuidv7(), c2));
    const r = await joinPush(admin, c1, [elsewhere, forged]);
    expect(r.status).toBe(200);
    const results = (r.json as unknown as PushResponse).results;
    expect(results.map((x) => x.status)).toEqual(['refused', 'refused']);
    expect(results.map((x) => refusalCodeOf(x.reason ?? ''))).toEqual(['otherCenter', 'notCaller']);
    expect(await h.digest()).toBe(before);
  });
});
