import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { change, enrolmentFields, jobseekerFields } from '../../support/hostile.ts';
import { hostileSuite } from '../../support/hostile-suite.ts';
import type { RefusalCode } from '../../../shared/sync/refusals.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { SIGNATURE_BASE64 } from '../../support/signature-png.ts';

// A hostile desktop against the signature on an Individual Action Plan (취업활동계획서, issue 17 item 2),
// over real HTTP on both dialects. The plan is signed on its programme enrolment: the row names the
// jobseeker (its scope) and the enrolment (the record it signs). An honest one is stored and reaches the
// supervisor; one whose enrolment belongs to another jobseeker (even of the caller's own caseload), to
// another center, does not exist, or whose kind does not fit its record (a case form naming an
// enrolment, a plan naming the jobseeker) is refused with nothing stored.

const NOW = () => new Date().toISOString();

describe.each(SERVER_DIALECTS)('a hostile desktop’s action-plan signatures, on %s', (dialect) => {
  const ids = {
    own: uuidv7(),
    second: uuidv7(),
    busan: uuidv7(),
    enrolment: uuidv7(),
    secondEnrolment: uuidv7(),
    busanEnrolment: uuidv7(),
    signature: uuidv7(),
  };
  const { h, c1, sup } = hostileSuite(dialect, ({ c1, bus }) => [
    [
      c1,
      [
        change(c1, 'jobseekers', ids.own, jobseekerFields('SEL01', c1.userId)),
        change(c1, 'jobseekers', ids.second, jobseekerFields('SEL01', c1.userId)),
        change(c1, 'programme_enrolments', ids.enrolment, enrolmentFields(ids.own, c1.userId)),
        change(c1, 'programme_enrolments', ids.secondEnrolment, enrolmentFields(ids.second, c1.userId)),
      ],
    ],
    [
      bus,
      [
        change(bus, 'jobseekers', ids.busan, jobseekerFields('BUS01', bus.userId)),
        change(bus, 'programme_enrolments', ids.busanEnrolment, enrolmentFields(ids.busan, bus.userId)),
      ],
    ],
  ]);
  const hash = createHash('sha256').update('the action plan as read').digest('hex');

  function signature(jobseekerId: string, recordId: string, extra: Record<string, unknown> = {}) {
    return {
      jobseeker_id: jobseekerId,
      document_kind: 'action-plan',
      record_id: recordId,
      document_sha256: hash,
      image_png: SIGNATURE_BASE64,
      signed_at: NOW(),
      counselor_id: c1.userId,
      ...extra,
    };
  }

  async function stored(id: string): Promise<number> {
    const rows = await h.server.opened.db
      .selectFrom('sync_rows')
      .select('row_id')
      .where('table_name', '=', 'signatures')
      .where('row_id', '=', id)
      .execute();
    return rows.length;
  }

  async function refused(m: ReturnType<typeof change>, code: RefusalCode) {
    await h.expectRefused(c1, m, code);
    expect(await stored(m.rowId)).toBe(0);
  }

  it('stores an honest plan signature once, and the supervisor’s desktop receives it', async () => {
    const m = change(c1, 'signatures', ids.signature, signature(ids.own, ids.enrolment));
    const [first] = await h.push(c1, [m]);
    expect(first?.status).toBe('applied');
    const pulled = await h.pull(sup, 0);
    const row = pulled.rows.find((r) => r.table === 'signatures' && r.id === ids.signature);
    expect(row?.data).toMatchObject({
      jobseeker_id: ids.own,
      record_id: ids.enrolment,
      document_kind: 'action-plan',
    });
  });

  it('refuses a plan signature whose enrolment is another jobseeker’s, even one of the caller’s own', async () => {
    await refused(
      change(c1, 'signatures', uuidv7(), signature(ids.own, ids.secondEnrolment)),
      'invalidValue',
    );
  });

  it('refuses a plan signature on another center’s enrolment, under either case', async () => {
    await refused(
      change(c1, 'signatures', uuidv7(), signature(ids.own, ids.busanEnrolment)),
      'referenceMissing',
    );
    // Under the other center's case too: the record it names is checked first, and is not the caller's.
    await refused(
      change(c1, 'signatures', uuidv7(), signature(ids.busan, ids.busanEnrolment)),
      'referenceMissing',
    );
  });

  it('refuses a plan signature naming no enrolment', async () => {
    await refused(change(c1, 'signatures', uuidv7(), signature(ids.own, uuidv7())), 'referenceMissing');
    // Another record of the same case is not an enrolment (a second jobseeker's id as the record).
    await refused(change(c1, 'signatures', uuidv7(), signature(ids.own, ids.second)), 'referenceMissing');
  });

  it('refuses a kind that does not fit its record', async () => {
    // The plan signed on the jobseeker itself; a case form signed on an enrolment.
    await refused(change(c1, 'signatures', uuidv7(), signature(ids.own, ids.own)), 'invalidValue');
    for (const kind of ['consent', 'registration', 'service-plan'])
      await refused(
        change(c1, 'signatures', uuidv7(), signature(ids.own, ids.enrolment, { document_kind: kind })),
        'invalidValue',
      );
    await refused(
      change(c1, 'signatures', uuidv7(), signature(ids.own, ids.enrolment, { document_kind: 'referral' })),
      'invalidValue',
    );
  });
});
