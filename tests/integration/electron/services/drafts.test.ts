import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesktopStore } from '../../../../electron/services/store.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import { dispatcherFor, makeTestStore, TEST_STORE_KEY, type TestStore } from '../../../support/temp-store.ts';

// Issue 15 item 3 on a real encrypted store, through the dispatcher: a half-done form is kept per user,
// form and record, survives the store being closed and opened again (a reload, a crash), and is gone
// once discarded (the form discards it when it saves).

let t: TestStore;
let dispatchAs: (
  session: SessionInfo,
  channel: string,
  input: unknown,
) => ReturnType<ReturnType<typeof dispatcherFor>['dispatch']>;

beforeEach(async () => {
  t = await makeTestStore();
  const { dispatch, desk } = dispatcherFor(t.store);
  dispatchAs = (session, channel, input) => dispatch(desk(session), channel, input);
});
afterEach(() => t.cleanup());

const key = { form: 'intake', recordKey: '0190a6b0-0000-7000-8000-000000000001' } as const;

describe('form drafts', () => {
  it('keeps a draft for its user only, and discards it', async () => {
    const one = await t.signIn('counselor1');
    const two = await t.signIn('counselor2');
    const data = JSON.stringify({ willToWork: 'high', step: 4 });
    expect(await dispatchAs(one, 'drafts:keep', { ...key, data })).toMatchObject({ ok: true });
    expect(await dispatchAs(one, 'drafts:get', key)).toMatchObject({ ok: true, value: { data } });
    // Another counselor on the same PC does not see it.
    expect(await dispatchAs(two, 'drafts:get', key)).toEqual({ ok: true, value: null });
    // Keeping again replaces it.
    const newer = JSON.stringify({ willToWork: 'low', step: 5 });
    await dispatchAs(one, 'drafts:keep', { ...key, data: newer });
    expect(await dispatchAs(one, 'drafts:get', key)).toMatchObject({ value: { data: newer } });
    expect(await dispatchAs(one, 'drafts:discard', key)).toEqual({ ok: true, value: null });
    expect(await dispatchAs(one, 'drafts:get', key)).toEqual({ ok: true, value: null });
  });

  it('survives closing and opening the store again', async () => {
    const one = await t.signIn('counselor1');
    await dispatchAs(one, 'drafts:keep', {
      ...key,
      form: 'jobseeker',
      recordKey: 'new',
      data: '{"name":"가"}',
    });
    await t.store.close();
    const reopened = await openDesktopStore(t.dir, { key: TEST_STORE_KEY });
    try {
      const { dispatch, desk } = dispatcherFor(reopened);
      const got = await dispatch(desk(one), 'drafts:get', { form: 'jobseeker', recordKey: 'new' });
      expect(got).toMatchObject({ ok: true, value: { data: '{"name":"가"}' } });
    } finally {
      await reopened.close();
    }
  });

  it('refuses an unknown form or an oversized draft, naming the rule', async () => {
    const one = await t.signIn('counselor1');
    const bad = await dispatchAs(one, 'drafts:keep', { ...key, form: 'letters', data: '{}' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', field: 'form' } });
    const big = await dispatchAs(one, 'drafts:keep', { ...key, data: 'x'.repeat(100_001) });
    expect(big).toMatchObject({
      ok: false,
      error: { message: 'validation.tooLongMax|max=100000|field=data' },
    });
  });
});
