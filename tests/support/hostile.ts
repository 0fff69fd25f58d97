import { uuidv7 } from 'uuidv7';
import { expect } from 'vitest';
import { entryHash, GENESIS_HASH } from '../../db/repositories/audit.ts';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index.ts';
import { businessNumberCheckDigit } from '../../shared/domain/business-number.ts';
import { classifyJobseeker, type JobseekerChecklist } from '../../shared/profiling/index.ts';
import type { Mutation, MutationResult, PullResponse } from '../../shared/sync/protocol.ts';
import { refusalCodeOf, type RefusalCode } from '../../shared/sync/refusals.ts';
import { startSyncServer, SYNC_PASSWORD, type SyncServer } from './sync-desktop.ts';

// A hostile desktop (issue 13): a modified client or a stolen laptop that signs in with real
// credentials and then sends hand-made pushes over real HTTP. The harness signs agents in, builds the
// payloads an honest desktop sends (so each test changes one thing), and checks after a refusal that the
// server's store did not change and that no other desktop receives anything.

export interface Agent {
  loginId: string;
  userId: string;
  deviceId: string;
  token: string;
  clientSeq: number;
}

export interface Hostile {
  server: SyncServer;
  agent: (loginId: string) => Promise<Agent>;
  push: (agent: Agent, mutations: unknown[]) => Promise<MutationResult[]>;
  pushRaw: (agent: Agent, body: string) => Promise<{ status: number; json: unknown }>;
  pull: (agent: Agent, cursor: number) => Promise<PullResponse>;
  /** Everything a push may change on the server but its own result log. */
  digest: () => Promise<string>;
  maxSeq: () => Promise<number>;
  /** Sends one change, expects the refusal `code`, no change to the store, nothing for anyone else. */
  expectRefused: (agent: Agent, m: Mutation, code: RefusalCode) => Promise<MutationResult>;
  close: () => Promise<void>;
}

export const CENTERS = [
  { code: 'SEL01', name: '서울고용센터', region: '11' },
  { code: 'SEL02', name: '서울남부고용센터', region: '11' },
  { code: 'BUS01', name: '부산고용센터', region: '26' },
];
export const ACCOUNTS = [
  { loginId: 'counselor1', role: 'counselor', center: 'SEL01' },
  { loginId: 'counselor2', role: 'counselor', center: 'SEL01' },
  { loginId: 'supervisor1', role: 'supervisor', center: 'SEL01' },
  { loginId: 'admin1', role: 'admin', center: 'SEL01' },
  { loginId: 'southern1', role: 'counselor', center: 'SEL02' },
  { loginId: 'busan1', role: 'counselor', center: 'BUS01' },
] as const;

export async function hostileServer(dialect: 'sqlite' | 'postgres'): Promise<Hostile> {
  const server = await startSyncServer(dialect, CENTERS, [...ACCOUNTS]);
  const observers = new Map<string, Agent>();

  async function agent(loginId: string): Promise<Agent> {
    const deviceId = uuidv7();
    const res = await fetch(`${server.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginId, password: SYNC_PASSWORD, deviceId, deviceName: `${loginId} test` }),
    });
    const body = (await res.json()) as { accessToken: string; user: { id: string } };
    if (res.status !== 200) throw new Error(`login ${loginId}: ${res.status}`);
    return { loginId, userId: body.user.id, deviceId, token: body.accessToken, clientSeq: 0 };
  }

  async function pushRaw(a: Agent, body: string) {
    const res = await fetch(`${server.url}/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${a.token}` },
      body,
    });
    return { status: res.status, json: await res.json() };
  }

  async function push(a: Agent, mutations: unknown[]): Promise<MutationResult[]> {
    const res = await pushRaw(a, JSON.stringify({ schemaVersion: LATEST_SCHEMA_VERSION, mutations }));
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    return (res.json as { results: MutationResult[] }).results;
  }

  async function pull(a: Agent, cursor: number): Promise<PullResponse> {
    const res = await fetch(
      `${server.url}/v1/sync/pull?cursor=${cursor}&limit=5000&schemaVersion=${LATEST_SCHEMA_VERSION}`,
      { headers: { authorization: `Bearer ${a.token}` } },
    );
    expect(res.status).toBe(200);
    return (await res.json()) as PullResponse;
  }

  async function digest(): Promise<string> {
    const db = server.opened.db;
    const rows = await db
      .selectFrom('sync_rows')
      .select([
        'table_name',
        'row_id',
        'seq',
        'data',
        'field_meta',
        'scope_center',
        'scope_owner',
        'scope_region',
        'parent_key',
        'deleted_at',
      ])
      .orderBy('table_name')
      .orderBy('row_id')
      .execute();
    const counts = await Promise.all(
      (['review_items', 'value_history', 'scope_exits', 'opening_fills', 'record_deletions'] as const).map(
        async (t) =>
          Number(
            (
              await db
                .selectFrom(t)
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
      ),
    );
    return JSON.stringify({ rows: rows.map((r) => ({ ...r, seq: Number(r.seq) })), counts });
  }

  async function maxSeq(): Promise<number> {
    const row = await server.opened.db
      .selectFrom('sync_rows')
      .select((eb) => eb.fn.max('seq').as('max'))
      .executeTakeFirst();
    return Number(row?.max ?? 0);
  }

  async function observer(loginId: string): Promise<Agent> {
    let a = observers.get(loginId);
    if (!a) observers.set(loginId, (a = await agent(loginId)));
    return a;
  }

  async function expectRefused(a: Agent, m: Mutation, code: RefusalCode): Promise<MutationResult> {
    const before = await digest();
    const cursor = await maxSeq();
    const [result] = await push(a, [m]);
    expect(result?.status, JSON.stringify(result)).toBe('refused');
    expect(refusalCodeOf(result?.reason ?? ''), result?.reason).toBe(code);
    expect(await digest()).toBe(before);
    // Nobody receives anything: a colleague, another center in the same region, another region.
    for (const login of ['counselor2', 'supervisor1', 'southern1', 'busan1']) {
      expect((await pull(await observer(login), cursor)).rows, login).toEqual([]);
    }
    return result as MutationResult;
  }

  return {
    server,
    agent,
    push,
    pushRaw,
    pull,
    digest,
    maxSeq,
    expectRefused,
    close: () => server.close(),
  };
}

// ---- honest payloads ----

export function hlcOf(a: Agent, at = Date.now()): string {
  return `${String(at).padStart(15, '0')}:00000:${a.deviceId}`;
}

export function change(
  a: Agent,
  table: string,
  rowId: string,
  fields: Record<string, unknown>,
  op: 'insert' | 'update' = 'insert',
  baseSeq = 0,
): Mutation {
  a.clientSeq += 1;
  return {
    clientSeq: a.clientSeq,
    table,
    rowId,
    op,
    fields: fields as Mutation['fields'],
    hlc: hlcOf(a),
    baseSeq,
  };
}

const now = () => new Date().toISOString();

let regCounter = 0;
function regNo(): string {
  const c = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const n = regCounter++;
  const body = Array.from({ length: 8 }, (_, i) => c[(n >> (i * 5)) & 31] ?? '0').join('');
  return `26-${body.slice(0, 4)}-${body.slice(4)}`;
}

export function jobseekerFields(center: string, owner: string | null): Record<string, unknown> {
  return {
    reg_no: regNo(),
    center_code: center,
    name: '김민수',
    birth_year: 1990,
    gender: null,
    phone: '01012345678',
    email: null,
    sido: '11',
    sigungu: null,
    desired_occupation: null,
    desired_wage: null,
    mobile: 0,
    assigned_counselor_id: owner,
    current_type: null,
    current_track: null,
    registered_at: now(),
    created_at: now(),
    updated_at: now(),
  };
}

/** An honest programme enrolment at its first stage (nes-1, catalogue PRG-2026-v1); `over` changes fields. */
export function enrolmentFields(
  jobseekerId: string,
  counselor: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  const now = new Date().toISOString();
  return {
    jobseeker_id: jobseekerId,
    programme_code: 'nes-1',
    catalogue_version: 'PRG-2026-v1',
    counselor_id: counselor,
    stage: 'eligibility',
    enrolled_on: '2026-11-02',
    plan_on: null,
    service_on: null,
    follow_up_on: null,
    ended_on: null,
    stage_due_on: '2026-12-02',
    outcome: null,
    eligibility_inputs: null,
    eligibility_meets: null,
    eligibility_failed: null,
    prechecked_on: null,
    decision: null,
    decision_reason_code: null,
    decision_reason_text: null,
    decided_by: null,
    decided_on: null,
    created_at: now,
    updated_at: now,
    ...over,
  };
}

export function noteFields(jobseekerId: string, author: string): Record<string, unknown> {
  return {
    jobseeker_id: jobseekerId,
    kind: 'phone',
    body: '전화 상담',
    author_id: author,
    created_at: now(),
    revision_of: null,
  };
}

let bizCounter = 100_000;
export function businessNo(): string {
  const first9 = `220${String(bizCounter++).padStart(6, '0')}`;
  return `${first9}${businessNumberCheckDigit(first9)}`;
}

export function employerFields(center: string, sido: string): Record<string, unknown> {
  return {
    business_no: businessNo(),
    name: '한빛정밀',
    industry: 'C',
    employees: 40,
    sido,
    sigungu: null,
    contact_name: null,
    contact_phone: null,
    contact_email: null,
    wage_level: null,
    welfare_level: null,
    recognition_level: null,
    current_type: null,
    center_code: center,
    created_at: now(),
    updated_at: now(),
  };
}

export function openingFields(employerId: string, center: string, sido: string): Record<string, unknown> {
  return {
    employer_id: employerId,
    title: '생산직',
    occupation: '8411',
    sido,
    sigungu: null,
    wage: 2_500_000,
    positions: 1,
    required_qualifications: '[]',
    public: 0,
    center_code: center,
    created_at: now(),
    updated_at: now(),
  };
}

export const CHECKLIST: JobseekerChecklist = {
  searchActivities4w: '3+',
  startWish: 'within3m',
  willToWork: 5,
  preparation: 'license',
  experience: '2y+',
  sinceLastJob: 'under6m',
  barriers: [],
  economicHardship: [],
  fieldDecided: true,
  mobile: true,
};

export function assessmentFields(jobseekerId: string, author: string): Record<string, unknown> {
  const result = classifyJobseeker(CHECKLIST);
  return {
    jobseeker_id: jobseekerId,
    rule_set: result.ruleSet,
    inputs: JSON.stringify({ ...CHECKLIST, declined: [], kioskItems: [] }),
    result: JSON.stringify(result),
    type: result.type,
    track: result.track,
    decision: 'accepted',
    final_type: result.type,
    final_track: result.track,
    override_reason_code: null,
    override_reason_text: null,
    created_by: author,
    created_at: now(),
    reassess_due_on: null,
    conversion: 0,
  };
}

/** A device's first audit entry, honestly hashed over whatever `over` puts in it (server/sync/audit-chain.ts). */
export function auditFields(
  a: Agent,
  center: string,
  id: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  const entry = {
    id,
    at: now(),
    actor_id: a.userId,
    actor_login: a.loginId,
    device_id: a.deviceId,
    action: 'jobseeker.read',
    subject_type: 'jobseeker',
    subject_id: null,
    person_id: null,
    detail: null,
    center_code: center,
    ...over,
  };
  const { id: _id, ...fields } = { ...entry, prev_hash: GENESIS_HASH, hash: entryHash(GENESIS_HASH, entry) };
  return fields;
}
