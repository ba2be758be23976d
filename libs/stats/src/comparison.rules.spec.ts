import { change, changes, comparisonPeriods, shiftMonths } from './comparison.rules';

describe('comparisonPeriods: 环比 and 同比', () => {
  it.each([
    // [from, to, previous (环比), last year (同比), what it is]
    ['2026-11-01', '2026-11-30', ['2026-10-01', '2026-10-31'], ['2025-11-01', '2025-11-30'], 'a whole month'],
    ['2026-11-01', '2026-11-15', ['2026-10-01', '2026-10-15'], ['2025-11-01', '2025-11-15'], 'a month to date'],
    ['2026-03-01', '2026-03-31', ['2026-02-01', '2026-02-28'], ['2025-03-01', '2025-03-31'], 'March against February'],
    ['2024-03-01', '2024-03-31', ['2024-02-01', '2024-02-29'], ['2023-03-01', '2023-03-31'], 'a leap February'],
    ['2026-03-01', '2026-03-30', ['2026-02-01', '2026-02-28'], ['2025-03-01', '2025-03-30'], 'a day February lacks'],
    ['2025-02-01', '2025-02-28', ['2025-01-01', '2025-01-31'], ['2024-02-01', '2024-02-29'], 'February against a leap one'],
    ['2024-02-01', '2024-02-29', ['2024-01-01', '2024-01-31'], ['2023-02-01', '2023-02-28'], 'a leap February a year back'],
    ['2026-07-01', '2026-09-30', ['2026-04-01', '2026-06-30'], ['2025-07-01', '2025-09-30'], 'a quarter'],
    ['2026-01-01', '2026-12-31', ['2025-01-01', '2025-12-31'], ['2025-01-01', '2025-12-31'], 'a whole year'],
    ['2026-01-01', '2026-03-10', ['2025-10-01', '2025-12-10'], ['2025-01-01', '2025-03-10'], 'a year to date'],
    ['2026-11-10', '2026-11-16', ['2026-11-03', '2026-11-09'], ['2025-11-10', '2025-11-16'], 'a week'],
    ['2026-03-05', '2026-03-05', ['2026-03-04', '2026-03-04'], ['2025-03-05', '2025-03-05'], 'one day'],
    ['2026-01-10', '2026-02-09', ['2025-12-10', '2026-01-09'], ['2025-01-10', '2025-02-09'], '31 days across a new year'],
    ['2024-02-29', '2024-03-05', ['2024-02-23', '2024-02-28'], ['2023-02-28', '2023-03-05'], 'from 29 February'],
  ])('%s – %s: previous %j, last year %j (%s)', (from, to, previous, lastYear) => {
    expect(comparisonPeriods({ from, to })).toEqual({
      previous: { from: previous[0], to: previous[1] },
      lastYear: { from: lastYear[0], to: lastYear[1] },
    });
  });

  it.each([
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-04-30', -1, '2026-03-31'],
    ['2026-05-30', -1, '2026-04-30'],
    ['2026-05-29', -1, '2026-04-29'],
  ])('shiftMonths(%s, %d) is %s', (day, n, expected) => {
    expect(shiftMonths(day, n)).toBe(expected);
  });
});

describe('change: relative for counts and amounts, points for rates; null without a base', () => {
  it.each([
    ['relative', 9, 8, 0.125],
    ['relative', 6, 8, -0.25],
    ['relative', 8, 8, 0],
    ['relative', 5, 0, null],
    ['relative', 0, 0, null],
    ['relative', 0, 4, -1],
    ['relative', 4, 3, 0.3333],
    ['relative', '1280.50', '1000.00', 0.2805],
    ['relative', '0.10', '0.30', -0.6667],
    ['relative', '12.00', '0.00', null],
    ['relative', 3.5, null, null],
    ['points', 0.9512, 0.93, 0.0212],
    ['points', 0.5, 0.75, -0.25],
    ['points', 0.8, 0.8, 0],
    ['points', 0.8, null, null],
    ['points', null, 0.8, null],
    ['points', 0, 1, -1],
  ] as const)('%s: %j against %j is %j', (kind, current, base, expected) => {
    expect(change(kind, current, base)).toBe(expected);
  });

  it('gives each compared figure its base values and both changes', () => {
    const m = (over: Record<string, number | string | null>) =>
      ({
        complaints: 0,
        reports: 0,
        accepted: 0,
        closed: 0,
        onTimeAcceptanceRate: null,
        mediationSuccessRate: null,
        recovered: '0.00',
        settledAtSourceRate: null,
        recoveredAtSource: '0.00',
        escalationRate: null,
        averageSettlementWorkingDays: null,
        satisfactionRate: null,
        ...over,
      }) as Parameters<typeof changes>[0];
    const out = changes(m({ complaints: 12, satisfactionRate: 0.9 }), m({ complaints: 10, satisfactionRate: 0.8 }), m({}));
    expect(out.complaints).toEqual({ previous: 10, periodOnPeriod: 0.2, lastYear: 0, yearOnYear: null });
    expect(out.satisfactionRate).toEqual({ previous: 0.8, periodOnPeriod: 0.1, lastYear: null, yearOnYear: null });
    expect(out.recovered).toEqual({ previous: '0.00', periodOnPeriod: null, lastYear: '0.00', yearOnYear: null });
    expect(Object.keys(out)).toHaveLength(12);
  });
});
