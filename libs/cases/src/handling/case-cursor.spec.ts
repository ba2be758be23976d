import { decodeCursor, encodeCursor } from './case-cursor';

describe('queue cursors', () => {
  it.each([
    { sort: 'newest' as const, id: '1024' },
    { sort: 'due' as const, dueOn: '2026-05-08', id: '1024' },
    { sort: 'due' as const, dueOn: null, id: '7' },
  ])('%j comes back as it went', (c) => expect(decodeCursor(encodeCursor(c), c.sort)).toEqual(c));

  it('a cursor of one order is refused in the other, and anything else is refused', () => {
    expect(() => decodeCursor(encodeCursor({ sort: 'newest', id: '1' }), 'due')).toThrow();
    expect(() => decodeCursor(encodeCursor({ sort: 'due', dueOn: '2026-05-08', id: '1' }), 'newest')).toThrow();
    for (const raw of ['c:', 'c:abc', 'd:2026-13-45:1', 'd:2026-02-30:1', 'd:tomorrow:1', 'd:-:', 'x:1'])
      expect(() => decodeCursor(Buffer.from(raw).toString('base64url'), raw.startsWith('c') ? 'newest' : 'due')).toThrow();
  });
});
