import { safeError } from './notification.sender';

describe('safeError (what is stored and logged of a failed send)', () => {
  it('masks phone numbers and email addresses', () => {
    expect(safeError(new Error('550 mailbox <li.si@example.com> unavailable'))).toBe('550 mailbox <l***@example.com> unavailable');
    expect(safeError(new Error('number 13800138000 is blacklisted'))).toBe('number 138****8000 is blacklisted');
    expect(safeError('plain string')).toBe('plain string');
  });

  it('is cut to a bounded length', () => {
    expect(safeError(new Error('x'.repeat(5_000)))).toHaveLength(1_000);
  });
});
