import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../../../../electron/services/auth.ts';
import { generateDemo } from '../../../../../electron/services/demo/generate.ts';
import { inbox } from '../../../../../electron/services/inbox/index.ts';
import { openDesktopStore, type DesktopStore } from '../../../../../electron/services/store.ts';
import { checkFields, declarationOf } from '../../../../../shared/sync/tables/index.ts';
import type { SyncedTable } from '../../../../../shared/sync/tables.ts';
import { tempDir } from '../../../../support/temp-store.ts';
import { TEST_STORE_KEY } from '../../../../support/store-key.ts';

// The demo's enrolments (issue 17 item 2) are made with the desk's own rules: every row of the four
// tables fits the declaration the server checks (fields and the stage machine's row rule), enrolments
// reach every stage, obligation decisions include not-met ones with reasons, and open periods reach a
// counselor's inbox.

const PASSWORD = 'Demo-Programmes-2026!';
let store: DesktopStore;
let remove: () => void;

beforeAll(async () => {
  let dir: string;
  ({ dir, remove } = tempDir('caseworker-demo-prog-'));
  store = await openDesktopStore(dir, { key: TEST_STORE_KEY });
  await generateDemo(store.context, {
    centerCode: 'PRG',
    centerName: '서울강남고용센터',
    sido: '11',
    sigungu: '11680',
    jobseekers: 400,
    employers: 20,
    seed: 17,
    password: PASSWORD,
    anchor: new Date('2026-11-01T00:00:00Z'),
  });
});
afterAll(async () => {
  await store.close();
  remove();
});

describe('demo programme enrolments', () => {
  it('fit the server’s declarations row by row', async () => {
    for (const table of [
      'programme_enrolments',
      'enrolment_events',
      'action_plans',
      'obligation_decisions',
    ] as const) {
      const rows = (await store.context.db.selectFrom(table).selectAll().execute()) as Array<
        Record<string, unknown>
      >;
      expect(rows.length, table).toBeGreaterThan(0);
      for (const r of rows) {
        const { id: _id, seq: _seq, hlc: _hlc, ...fields } = r;
        expect(
          checkFields(table as SyncedTable, 'insert', fields, 'counselor'),
          `${table} ${JSON.stringify(r)}`,
        ).toBeNull();
        expect(
          declarationOf(table as SyncedTable).check?.(fields) ?? null,
          `${table} ${JSON.stringify(r)}`,
        ).toBeNull();
      }
    }
  });

  it('reach every stage, with not-met decisions and open periods in the inbox', async () => {
    const stages = await store.context.db
      .selectFrom('programme_enrolments')
      .select('stage')
      .distinct()
      .execute();
    expect(stages.map((s) => s.stage).sort()).toEqual(
      ['ended', 'follow-up', 'plan', 'service']
        .concat(stages.some((s) => s.stage === 'eligibility') ? ['eligibility'] : [])
        .sort(),
    );
    const notMet = await store.context.db
      .selectFrom('obligation_decisions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('decision', '=', 'not-met')
      .executeTakeFirstOrThrow();
    expect(Number(notMet.n)).toBeGreaterThan(0);
    const counselors = await store.context.db
      .selectFrom('programme_enrolments')
      .innerJoin('users', 'users.id', 'programme_enrolments.counselor_id')
      .select('users.login_id')
      .where('programme_enrolments.stage', '=', 'service')
      .distinct()
      .execute();
    let due = 0;
    for (const c of counselors) {
      const session = await login(store.context, c.login_id, PASSWORD);
      due += (await inbox(store.context, session)).items.filter((i) => i.source === 'obligation').length;
    }
    expect(due).toBeGreaterThan(0);
  });
});
