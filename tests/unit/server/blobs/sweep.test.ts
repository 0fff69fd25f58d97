import { describe, expect, it } from 'vitest';
import { removedAttachment } from '../../../../server/blobs/sweep.ts';

// Which pushes make the server sweep attachment bytes (server/blobs/sweep.ts): only a removal of an
// attachment row that was applied; a refused or held one, another table, or another field costs nothing.

const removal = (clientSeq: number, table = 'attachments') => ({
  clientSeq,
  table,
  rowId: '0190a0b0-0000-7000-8000-000000000001',
  op: 'update',
  fields: { removed: 1, removed_reason: '중복' },
});

describe('removedAttachment', () => {
  it('is true for an applied removal of a case or employer attachment', () => {
    expect(
      removedAttachment({ mutations: [removal(1)] }, { results: [{ clientSeq: 1, status: 'applied' }] }),
    ).toBe(true);
    expect(
      removedAttachment(
        { mutations: [removal(4, 'employer_attachments')] },
        { results: [{ clientSeq: 4, status: 'applied' }] },
      ),
    ).toBe(true);
  });

  it('is false for a refused, held or duplicate removal, another table, another change, or junk', () => {
    for (const status of ['refused', 'review', 'duplicate'])
      expect(removedAttachment({ mutations: [removal(1)] }, { results: [{ clientSeq: 1, status }] })).toBe(
        false,
      );
    expect(
      removedAttachment(
        { mutations: [removal(1, 'counseling_notes')] },
        { results: [{ clientSeq: 1, status: 'applied' }] },
      ),
    ).toBe(false);
    expect(
      removedAttachment(
        { mutations: [{ ...removal(1), fields: { file_name: 'x.pdf' } }] },
        { results: [{ clientSeq: 1, status: 'applied' }] },
      ),
    ).toBe(false);
    // The applied result belongs to another mutation of the batch.
    expect(
      removedAttachment({ mutations: [removal(2)] }, { results: [{ clientSeq: 1, status: 'applied' }] }),
    ).toBe(false);
    expect(removedAttachment(null, null)).toBe(false);
    expect(removedAttachment({ mutations: 'x' }, { results: [] })).toBe(false);
  });
});
