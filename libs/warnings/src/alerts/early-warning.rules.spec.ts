import type { WatchCounts } from './early-warning.rules';
import {
  addCounts,
  alertDecision,
  countsOf,
  DEFAULT_THRESHOLDS,
  detect,
  NO_COUNTS,
  thresholdProblems,
  unknownThresholds,
  watchPeriods,
  withOverrides,
} from './early-warning.rules';

/** `n` complaints, `prepaid` of them prepaid, `signal` of those signalling a closure. */
const counts = (complaints: number, prepaid = 0, signal = 0, prepaidSignal = 0): WatchCounts => ({
  complaints,
  prepaid,
  signal,
  prepaidSignal,
});

describe('detect: a business', () => {
  it.each([
    ['one complaint, no history', counts(1, 1, 1, 1), NO_COUNTS, null],
    ['two prepaid complaints, no history', counts(2, 2), NO_COUNTS, null],
    ['8 prepaid complaints in a week, no history (a gym closing)', counts(8, 8), NO_COUNTS, ['prepaid']],
    ['8 prepaid and 3 other complaints, no history', counts(11, 8), NO_COUNTS, ['prepaid', 'all']],
    ['4 prepaid complaints, no history', counts(4, 4), NO_COUNTS, ['prepaid']],
    ['3 prepaid closure complaints, no history (weighted 6)', counts(3, 3, 3, 3), NO_COUNTS, ['prepaid']],
    ['3 prepaid complaints of other kinds, no history', counts(3, 3), NO_COUNTS, null],
    ['5 ordinary complaints, no history', counts(5), NO_COUNTS, ['all']],
    // A steady chain: 10 a week for 90 days (≈129) and 10 this week.
    ['a steady business at 10 a week', counts(10, 3), counts(129, 39), null],
    ['the same chain at 3× its usual week', counts(30, 9), counts(129, 39), null],
    ['the same chain at 6× its usual week', counts(60, 18), counts(129, 39), ['prepaid', 'all']],
    ['a small shop with 2 a month, now 6 prepaid in a week', counts(6, 6), counts(6, 6), ['prepaid']],
  ])('%s', (_name, window, baseline, fired) => {
    const d = detect('business', window, baseline);
    expect(d?.findings.map((f) => f.measure) ?? null).toEqual(fired);
  });

  it('says the figures it decided on', () => {
    const d = detect('business', counts(8, 8, 2, 2), counts(13, 13));
    expect(d?.findings[0]).toEqual({ measure: 'prepaid', count: 8, signal: 2, weighted: 10, weeklyBaseline: 1.01, bar: 7.03 });
    expect(d?.score).toBeGreaterThan(1);
  });

  it('averages a short history over the days it has', () => {
    // 4 complaints in the 14 days that exist: 2 a week, not 4/90 × 7.
    expect(detect('business', counts(9), counts(4), DEFAULT_THRESHOLDS, 14)).toBeNull();
    expect(detect('business', counts(9), counts(4), DEFAULT_THRESHOLDS, 90)?.findings[0].measure).toBe('all');
  });
});

describe('detect: a category in an area', () => {
  it.each([
    ['a busy slice at its usual level', counts(40, 10), counts(514, 128), null],
    ['a quiet slice with 11 complaints', counts(11), NO_COUNTS, null],
    ['a quiet slice with 12 complaints', counts(12), NO_COUNTS, ['all']],
    ['prepaid fitness complaints jump to 6 from none', counts(8, 6), counts(40), ['prepaid']],
  ])('%s', (_name, window, baseline, fired) => {
    expect(detect('slice', window, baseline)?.findings.map((f) => f.measure) ?? null).toEqual(fired);
  });
});

describe('one complaint is never a spike, whatever the thresholds', () => {
  const loose = withOverrides({
    business: { all: { minCount: 2, ratio: 1, minExcess: 0 }, prepaid: { minCount: 2, ratio: 1, minExcess: 0 } },
  });
  it.each([counts(1), counts(1, 1), counts(1, 1, 1, 1)])('%o', (w) => {
    expect(detect('business', w, NO_COUNTS, loose)).toBeNull();
    expect(detect('slice', w, NO_COUNTS, loose)).toBeNull();
  });
  it('and a minimum below 2 is refused at boot', () => {
    expect(thresholdProblems(withOverrides({ business: { all: { minCount: 1 } } }))).toEqual([
      'business.all.minCount: an integer from 2 to 10000',
    ]);
  });
});

describe('watchPeriods', () => {
  it('takes the 7 days ending today and the 90 before them', () => {
    expect(watchPeriods('2026-12-04')).toEqual({
      window: { from: '2026-11-28', to: '2026-12-04' },
      baseline: { from: '2026-08-30', to: '2026-11-27' },
    });
  });
});

describe('alertDecision', () => {
  it.each([
    ['no alert yet', null, 'open'],
    ['an open alert', { status: 'new', closedOn: null }, 'update'],
    ['an acknowledged alert', { status: 'acknowledged', closedOn: null }, 'update'],
    ['dismissed yesterday', { status: 'dismissed', closedOn: '2026-12-03' }, 'quiet'],
    ['acted on 13 days ago', { status: 'acted', closedOn: '2026-11-21' }, 'quiet'],
    ['dismissed 14 days ago', { status: 'dismissed', closedOn: '2026-11-20' }, 'open'],
  ] as const)('%s → %s', (_name, latest, decision) => {
    expect(alertDecision(latest, '2026-12-04')).toBe(decision);
  });
});

describe('counts', () => {
  it('counts a prepaid closure complaint in every measure', () => {
    expect(countsOf(true, 'closure')).toEqual(counts(1, 1, 1, 1));
    expect(countsOf(false, 'refund')).toEqual(counts(1, 0, 1, 0));
    expect(countsOf(true, null)).toEqual(counts(1, 1, 0, 0));
    expect(addCounts(counts(1, 1, 1, 1), counts(2, 0, 1, 0))).toEqual(counts(3, 1, 2, 1));
  });
  it('names what an override gets wrong', () => {
    expect(unknownThresholds({ windowDays: 7, bussiness: {}, slice: { all: { minCount: 3, ratioo: 2 }, prepaid: 5 } })).toEqual([
      'bussiness: not a threshold',
      'slice.all.ratioo: not a threshold',
      'slice.prepaid: must be an object',
    ]);
  });
  it('accepts the defaults', () => {
    expect(thresholdProblems(DEFAULT_THRESHOLDS)).toEqual([]);
  });
});
