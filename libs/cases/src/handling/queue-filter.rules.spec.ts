import { AREA_CODE, daysInOrder, isRealDay, namedOrNone, receivedRange, UNIT_CODE, walksFromNewest } from './queue-filter.rules';

describe('the queue filters by what a case is', () => {
  it.each<[unknown, boolean]>([
    ['2026-11-30', true],
    ['2024-02-29', true],
    ['0001-01-01', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['0000-01-01', false],
    ['2026-1-5', false],
    ['2026-11-30T00:00:00Z', false],
    [' 2026-11-30', false],
    ['', false],
    [20261130, false],
    [['2026-11-30'], false],
    [undefined, false],
  ])('%j is a real day: %s', (value, real) => expect(isRealDay(value)).toBe(real));

  it.each<[unknown, unknown, boolean]>([
    ['2026-11-01', '2026-11-30', true],
    ['2026-11-30', '2026-11-30', true],
    ['2026-12-01', '2026-11-30', false],
    ['2027-01-01', '2026-12-31', false],
    // One end alone, or an end that is no day (refused on its own), is no order to break.
    ['2026-12-01', undefined, true],
    [undefined, '2026-11-30', true],
    ['2026-12-01', '2026-02-30', true],
  ])('from %j to %j in order: %s', (from, to, ok) => expect(daysInOrder(from, to)).toBe(ok));

  it.each<[string | undefined, string | undefined, string | undefined, string | undefined]>([
    // China midnight is 16:00 UTC the day before; the last day is included up to the next midnight.
    ['2026-11-01', '2026-11-30', '2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z'],
    ['2026-11-30', '2026-11-30', '2026-11-29T16:00:00.000Z', '2026-11-30T16:00:00.000Z'],
    ['2026-12-31', undefined, '2026-12-30T16:00:00.000Z', undefined],
    [undefined, '2026-12-31', undefined, '2026-12-31T16:00:00.000Z'],
    [undefined, undefined, undefined, undefined],
  ])('the period %s – %s is the instants [%s, %s)', (from, to, since, before) => {
    const r = receivedRange(from, to);
    expect({ since: r.since?.toISOString(), before: r.before?.toISOString() }).toEqual({ since, before });
  });

  it.each<[string | undefined, boolean]>([
    [undefined, true],
    ['2026-12-03', true],
    ['2026-12-31', true],
    ['2026-12-02', false],
    ['2025-03-31', false],
  ])('a newest-first page of a period ending %s walks down from the newest case: %s', (to, walks) =>
    expect(walksFromNewest(to, '2026-12-03')).toBe(walks),
  );

  it('"unknown" asks for the cases that named none; nothing asked, any', () => {
    expect(namedOrNone('online')).toBe('online');
    expect(namedOrNone('unknown')).toBeNull();
    expect(namedOrNone(undefined)).toBeUndefined();
  });

  it.each<[RegExp, string, boolean]>([
    [AREA_CODE, '371502', true],
    [AREA_CODE, '110101', true],
    [AREA_CODE, '37150', false],
    [AREA_CODE, '3715021', false],
    [AREA_CODE, '37150a', false],
    [UNIT_CODE, 'ST-371502-001', true],
    [UNIT_CODE, 'MR-371502', true],
    [UNIT_CODE, '91371502MA3C7QW2X1', true],
    [UNIT_CODE, '-ST', false],
    [UNIT_CODE, 'ST 001', false],
    [UNIT_CODE, "MR-371502'--", false],
    [UNIT_CODE, 'A'.repeat(33), false],
  ])('%s accepts %j: %s', (pattern, value, ok) => expect(pattern.test(value)).toBe(ok));
});
