import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { change, employerFields, jobseekerFields, noteFields, openingFields } from '../../support/hostile.ts';
import { hostileSuite } from '../../support/hostile-suite.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';

// A hostile desktop against the scopes (issue 13 §2–3): the caller must be able to act on the row as it
// is and as it would be; scope columns change only through their own flows (a supervisor assigns within
// the center, a counselor takes a free case, no transfer by push); nothing goes to a center or region
// that does not exist or is not the caller's; the center's settings row is its supervisors' and admins'.

describe.each(SERVER_DIALECTS)('a hostile desktop’s scopes, on %s', (dialect) => {
  const ids = { own: uuidv7(), free: uuidv7(), colleague: uuidv7(), busan: uuidv7(), employer: uuidv7() };

  const { h, c1, c2, sup, adm, bus, update } = hostileSuite(dialect, ({ c1, c2, sup, bus }) => [
    [
      c1,
      [
        change(c1, 'jobseekers', ids.own, jobseekerFields('SEL01', c1.userId)),
        change(c1, 'employers', ids.employer, employerFields('SEL01', '11')),
      ],
    ],
    [sup, [change(sup, 'jobseekers', ids.free, jobseekerFields('SEL01', null))]],
    [c2, [change(c2, 'jobseekers', ids.colleague, jobseekerFields('SEL01', c2.userId))]],
    [bus, [change(bus, 'jobseekers', ids.busan, jobseekerFields('BUS01', bus.userId))]],
  ]);

  it('keeps the center’s settings row to its supervisors and admins', async () => {
    const settings = JSON.stringify({ kiosk: { idleSeconds: 30 } });
    await h.expectRefused(c1, await update(c1, 'centers', 'SEL01', { settings }), 'centerSettingsRole');
    // Another center's supervisor-level change is outside the caller's scope altogether.
    await h.expectRefused(sup, await update(sup, 'centers', 'BUS01', { settings }), 'otherScope');
    await h.expectRefused(sup, await update(sup, 'centers', 'SEL01', { name: '다른 이름' }), 'notUpdatable');
    const [bySupervisor] = await h.push(sup, [await update(sup, 'centers', 'SEL01', { settings })]);
    expect(bySupervisor?.status).toBe('applied');
    const [byAdmin] = await h.push(adm, [
      await update(adm, 'centers', 'SEL01', { settings: JSON.stringify({ kiosk: { idleSeconds: 60 } }) }),
    ]);
    expect(byAdmin?.status).toBe('applied');
  });

  it('lets a counselor take a free case, and nothing else of assignment', async () => {
    await h.expectRefused(
      c1,
      await update(c1, 'jobseekers', ids.colleague, { assigned_counselor_id: c1.userId }),
      'assignOnlySupervisor',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'jobseekers', ids.own, { assigned_counselor_id: c2.userId }),
      'assignOnlySupervisor',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'jobseekers', ids.free, { assigned_counselor_id: c2.userId }),
      'assignOnlySupervisor',
    );
    const [taken] = await h.push(c2, [
      await update(c2, 'jobseekers', ids.free, { assigned_counselor_id: c2.userId }),
    ]);
    expect(taken?.status).toBe('applied');
  });

  it('holds a counselor’s take of a case assigned meanwhile in a review item, not refused, not applied', async () => {
    const contested = uuidv7();
    const [made] = await h.push(sup, [change(sup, 'jobseekers', contested, jobseekerFields('SEL01', null))]);
    const seenByCounselor = made?.seq ?? 0;
    const [assigned] = await h.push(sup, [
      await update(sup, 'jobseekers', contested, { assigned_counselor_id: c2.userId }),
    ]);
    expect(assigned?.status).toBe('applied');
    // counselor1 took it offline on the version before the assignment.
    const [taken] = await h.push(c1, [
      change(c1, 'jobseekers', contested, { assigned_counselor_id: c1.userId }, 'update', seenByCounselor),
    ]);
    expect(taken).toMatchObject({ status: 'review', reviewFields: ['assigned_counselor_id'] });
    expect(taken?.row?.data['assigned_counselor_id']).toBe(c2.userId);
    // The same take, claimed on the current version, is no take of a free case: refused.
    await h.expectRefused(
      c1,
      await update(c1, 'jobseekers', contested, { assigned_counselor_id: c1.userId }),
      'assignOnlySupervisor',
    );
  });

  it('lets a supervisor assign only to active staff of the case’s own center', async () => {
    await h.expectRefused(
      sup,
      await update(sup, 'jobseekers', ids.own, { assigned_counselor_id: bus.userId }),
      'assigneeUnknown',
    );
    await h.expectRefused(
      sup,
      await update(sup, 'jobseekers', ids.own, { assigned_counselor_id: adm.userId }),
      'assigneeUnknown',
    );
    await h.expectRefused(
      sup,
      await update(sup, 'jobseekers', ids.own, { assigned_counselor_id: uuidv7() }),
      'assigneeUnknown',
    );
    await h.expectRefused(
      c1,
      change(c1, 'jobseekers', uuidv7(), jobseekerFields('SEL01', c2.userId)),
      'assignOnlySupervisor',
    );
  });

  it('never moves a case to another center by push, existing or not', async () => {
    await h.expectRefused(
      c1,
      await update(c1, 'jobseekers', ids.own, { center_code: 'BUS01' }),
      'centerTransfer',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'jobseekers', ids.own, { center_code: 'NOPE99' }),
      'centerTransfer',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'jobseekers', ids.own, { center_code: 'BUS01', assigned_counselor_id: bus.userId }),
      'centerTransfer',
    );
  });

  it('adds records to the caller’s own center only, even with themselves as owner', async () => {
    await h.expectRefused(
      c1,
      change(c1, 'jobseekers', uuidv7(), jobseekerFields('BUS01', c1.userId)),
      'otherCenter',
    );
    await h.expectRefused(
      c1,
      change(c1, 'jobseekers', uuidv7(), jobseekerFields('NOPE99', c1.userId)),
      'otherCenter',
    );
    await h.expectRefused(
      c1,
      change(c1, 'counseling_notes', uuidv7(), noteFields(ids.busan, c1.userId)),
      'otherScope',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'jobseekers', ids.busan, { phone: '01099998888' }),
      'otherScope',
    );
  });

  it('keeps employers and openings in the caller’s region', async () => {
    await h.expectRefused(
      c1,
      change(c1, 'employers', uuidv7(), employerFields('SEL01', '26')),
      'regionNotServed',
    );
    await h.expectRefused(c1, await update(c1, 'employers', ids.employer, { sido: '26' }), 'regionNotServed');
    await h.expectRefused(
      c1,
      change(c1, 'job_openings', uuidv7(), openingFields(ids.employer, 'SEL01', '26')),
      'regionNotServed',
    );
    await h.expectRefused(
      bus,
      change(bus, 'job_openings', uuidv7(), openingFields(ids.employer, 'BUS01', '26')),
      'referenceMissing',
    );
    await h.expectRefused(c1, change(c1, 'employers', uuidv7(), employerFields('BUS01', '11')), 'notCaller');
  });

  it('archives a case only by a supervisor or the counselor it is assigned to', async () => {
    await h.expectRefused(
      c1,
      await update(c1, 'jobseekers', ids.colleague, { archived: 1 }),
      'archiveNotYours',
    );
    const [own] = await h.push(c1, [await update(c1, 'jobseekers', ids.own, { archived: 1 })]);
    expect(own?.status).toBe('applied');
  });

  it('gives admins no case data to write', async () => {
    await h.expectRefused(
      adm,
      change(adm, 'jobseekers', uuidv7(), jobseekerFields('SEL01', null)),
      'roleMayNotAdd',
    );
    await h.expectRefused(
      adm,
      await update(adm, 'jobseekers', ids.free, { phone: '01011112222' }),
      'roleMayNotChange',
    );
  });
});
