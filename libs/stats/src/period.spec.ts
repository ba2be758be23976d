import { askedPeriod, bucketOf, buckets, isIsoDate, splitPeriod, weekStart } from './period';

describe('periods over the rollups', () => {
  it('splits a period into whole months and edge days', () => {
    expect(splitPeriod('2026-01-01', '2026-12-31')).toEqual([{ grain: 'month', from: '2026-01-01', to: '2026-12-01' }]);
    expect(splitPeriod('2026-01-15', '2026-04-10')).toEqual([
      { grain: 'day', from: '2026-01-15', to: '2026-01-31' },
      { grain: 'month', from: '2026-02-01', to: '2026-03-01' },
      { grain: 'day', from: '2026-04-01', to: '2026-04-10' },
    ]);
    expect(splitPeriod('2026-02-01', '2026-02-28')).toEqual([{ grain: 'month', from: '2026-02-01', to: '2026-02-01' }]);
    expect(splitPeriod('2026-01-15', '2026-02-10')).toEqual([{ grain: 'day', from: '2026-01-15', to: '2026-02-10' }]);
    expect(splitPeriod('2026-01-15', '2026-01-31')).toEqual([{ grain: 'day', from: '2026-01-15', to: '2026-01-31' }]);
    expect(splitPeriod('2025-12-31', '2026-02-28')).toEqual([
      { grain: 'day', from: '2025-12-31', to: '2025-12-31' },
      { grain: 'month', from: '2026-01-01', to: '2026-02-01' },
    ]);
    expect(splitPeriod('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('buckets by day, ISO week (Monday) and month, clipped to the period start', () => {
    expect(weekStart('2026-05-24')).toBe('2026-05-18'); // a Sunday
    expect(weekStart('2026-05-18')).toBe('2026-05-18');
    expect(buckets('2026-05-20', '2026-06-02', 'week')).toEqual(['2026-05-20', '2026-05-25', '2026-06-01']);
    expect(buckets('2026-01-15', '2026-03-01', 'month')).toEqual(['2026-01-15', '2026-02-01', '2026-03-01']);
    expect(buckets('2026-02-27', '2026-03-01', 'day')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(bucketOf('2026-01-20', 'month', '2026-01-15')).toBe('2026-01-15');
    expect(bucketOf('2026-02-20', 'month', '2026-01-15')).toBe('2026-02-01');
    expect(bucketOf('2026-05-19', 'week', '2026-05-01')).toBe('2026-05-18');
  });

  it('knows real dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-1')).toBe(false);
  });
});

describe('askedPeriod: the period never runs past today', () => {
  const today = '2026-11-20';
  it.each([
    [undefined, undefined, '2026-01-01', '2026-11-20', 'nothing asked: this year to date'],
    ['2026-11-01', '2026-11-30', '2026-11-01', '2026-11-20', 'this month, cut at today'],
    ['2026-01-01', '2099-12-31', '2026-01-01', '2026-11-20', 'far in the future'],
    [undefined, '2027-03-31', '2026-01-01', '2026-11-20', 'a future end alone: this year to date'],
    ['2025-01-01', '2025-12-31', '2025-01-01', '2025-12-31', 'a past period, as asked'],
    [undefined, '2025-06-30', '2025-01-01', '2025-06-30', "a past end: from 1 January of the end's year"],
    ['2026-11-20', '2026-11-20', '2026-11-20', '2026-11-20', 'today alone'],
    ['2026-12-01', undefined, '2026-12-01', '2026-11-20', 'a future start stays, for the caller to refuse'],
  ])('from %s to %s: %s – %s (%s)', (from, to, wantFrom, wantTo, _what) => {
    expect(askedPeriod(from, to, today)).toEqual({ from: wantFrom, to: wantTo });
  });
});
