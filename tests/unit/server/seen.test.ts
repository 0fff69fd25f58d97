import { describe, expect, it } from 'vitest';
import type { SyncCaller } from '../../../server/sync/rows.ts';
import { editorHadSeen } from '../../../server/sync/seen.ts';

// The rule that keeps a person's own successive decisive edits from conflicting (server/sync/seen.ts).

const lead: SyncCaller = {
  userId: 'lead',
  deviceId: 'laptop',
  role: 'supervisor',
  centerCode: 'SEL01',
  region: '11',
};

describe('whether the editor of a decisive field had seen its current value', () => {
  it('sees a value written at or before the edit’s base seq, whoever wrote it', () => {
    expect(editorHadSeen({ hlc: 'h', seq: 7, author: 'other', device: 'pc' }, lead, 7)).toBe(true);
    expect(editorHadSeen({ hlc: 'h', seq: 3, author: 'other' }, lead, 7)).toBe(true);
  });
  it('sees a later value the same person wrote through the same device', () => {
    expect(editorHadSeen({ hlc: 'h', seq: 9, author: 'lead', device: 'laptop' }, lead, 7)).toBe(true);
  });
  it('has not seen a later value from another device of the same person, or from another person', () => {
    expect(editorHadSeen({ hlc: 'h', seq: 9, author: 'lead', device: 'office' }, lead, 7)).toBe(false);
    expect(editorHadSeen({ hlc: 'h', seq: 9, author: 'other', device: 'laptop' }, lead, 7)).toBe(false);
  });
  it('has not seen a later value whose device was never recorded (written before it was kept)', () => {
    expect(editorHadSeen({ hlc: 'h', seq: 9, author: 'lead' }, lead, 7)).toBe(false);
  });
});
