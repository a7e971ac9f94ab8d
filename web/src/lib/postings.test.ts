import { describe, expect, it } from 'vitest';
import { describePosting } from './postings';

describe('describePosting', () => {
  it('shows the release of a hold as a release with a positive amount', () => {
    expect(describePosting({ side: 'D', pending: true, amount: -110000 })).toEqual({
      label: 'Hold released (debit set aside)',
      amount: 110000n,
      release: true,
    });
    expect(describePosting({ side: 'C', pending: true, amount: '-500' }).label).toBe(
      'Hold released (credit set aside)',
    );
  });
  it('names holds and posted lines', () => {
    expect(describePosting({ side: 'D', pending: true, amount: 110000 }).label).toBe(
      'Held (debit set aside)',
    );
    expect(describePosting({ side: 'D', pending: false, amount: 110000 })).toEqual({
      label: 'Debit',
      amount: 110000n,
      release: false,
    });
    expect(describePosting({ side: 'C', amount: 5 }).label).toBe('Credit');
  });
});
