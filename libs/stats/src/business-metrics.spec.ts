import { businessFigures, medianResponse, zeroBusinessCounters } from './business-metrics';
import { compareFigures } from './business-stats.service';

/** A histogram: days 0–10, later, never answered. */
const h = (byDay: Record<number, number>, late = 0, never = 0) => [...Array.from({ length: 11 }, (_, d) => byDay[d] ?? 0), late, never];

describe('the median response time, read from the buckets', () => {
  it.each<[string, number[], { workingDays: number | null; overTen: boolean }]>([
    ['no response at all', h({}), { workingDays: null, overTen: false }],
    ['one answer on day 3', h({ 3: 1 }), { workingDays: 3, overTen: false }],
    ['answers on days 1, 2, 9: the middle one', h({ 1: 1, 2: 1, 9: 1 }), { workingDays: 2, overTen: false }],
    ['an even count takes the lower middle (1 and 3 → 1)', h({ 1: 1, 3: 1 }), { workingDays: 1, overTen: false }],
    ['same-day answers', h({ 0: 5, 4: 2 }), { workingDays: 0, overTen: false }],
    ['a no-answer counts as the slowest: 2, never → 2', h({ 2: 1 }, 0, 1), { workingDays: 2, overTen: false }],
    ['mostly never answered: beyond ten', h({ 2: 1 }, 0, 2), { workingDays: null, overTen: true }],
    ['mostly late answers: beyond ten', h({ 10: 1 }, 2), { workingDays: null, overTen: true }],
    ['day 10 is still in time', h({ 10: 2 }, 1), { workingDays: 10, overTen: false }],
  ])('%s', (_what, histogram, median) => {
    expect(medianResponse(histogram)).toEqual(median);
  });
});

describe('a business’s figures from its counters', () => {
  it('settlement rate over outcomes, escalations by cause, response times, mediation', () => {
    const f = businessFigures({
      ...zeroBusinessCounters(),
      received: 9,
      stepped_in: 1,
      answer_d1: 2,
      answer_d4: 1,
      answer_late: 1,
      settled: 3,
      settled_fen: 80550,
      settle_days: 9,
      escalated_declined: 1,
      escalated_no_answer: 2,
      escalated_consumer: 1,
      escalated_not_delivered: 1,
      mediation_concluded: 3,
      mediation_resolved: 2,
    });
    expect(f).toEqual({
      received: 9,
      answered: 4,
      settledAtSource: 3,
      settledAmount: '805.50',
      escalated: 5,
      escalatedDeclined: 1,
      escalatedNoAnswer: 2,
      escalatedConsumer: 1,
      escalatedNotDelivered: 1,
      escalatedOther: 0,
      concluded: 8,
      settlementRate: 0.375,
      steppedIn: 1,
      // Six responses: 1, 1, 4, late, never, never: the third is day 4.
      responses: 6,
      medianResponseWorkingDays: 4,
      medianResponseOverTenWorkingDays: false,
      answeredInTimeRate: 0.5,
      mediationConcluded: 3,
      mediationSuccessful: 2,
      mediationSuccessRate: 0.6667,
    });
  });

  it('nothing counted: zero counts, null rates and no median', () => {
    expect(businessFigures(zeroBusinessCounters())).toMatchObject({
      settlementRate: null,
      medianResponseWorkingDays: null,
      medianResponseOverTenWorkingDays: false,
      answeredInTimeRate: null,
      mediationSuccessRate: null,
      settledAmount: '0.00',
    });
  });
});

describe('the league table’s order', () => {
  const row = (over: Partial<ReturnType<typeof businessFigures>>) => ({ ...businessFigures(zeroBusinessCounters()), ...over });
  const a = row({ received: 5, settlementRate: 0.5, medianResponseWorkingDays: 2 });
  const b = row({ received: 2, settlementRate: null, medianResponseWorkingDays: null, medianResponseOverTenWorkingDays: true });
  const c = row({ received: 9, settlementRate: 0.9, medianResponseWorkingDays: null });

  it.each<[string, 'received' | 'settlementRate' | 'medianResponseWorkingDays', boolean, string]>([
    ['most received first', 'received', true, 'cab'],
    ['fewest received first', 'received', false, 'bac'],
    ['highest settlement rate first, no rate last', 'settlementRate', true, 'cab'],
    ['lowest settlement rate first, no rate still last', 'settlementRate', false, 'acb'],
    ['fastest median first: beyond ten after every exact value, no median last', 'medianResponseWorkingDays', false, 'abc'],
    ['slowest median first, no median still last', 'medianResponseWorkingDays', true, 'bac'],
  ])('%s', (_what, field, descending, expected) => {
    const named = [
      ['a', a],
      ['b', b],
      ['c', c],
    ] as const;
    const sorted = [...named].sort(([, x], [, y]) => compareFigures(x, y, field, descending));
    expect(sorted.map(([n]) => n).join('')).toBe(expected);
  });
});
