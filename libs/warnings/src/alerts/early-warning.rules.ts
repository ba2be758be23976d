import { addDays } from '@weiquan/stats/period';
import type { WatchCounts } from '@weiquan/stats/watch-rollup.rules';

export { addCounts, countsOf, NO_COUNTS } from '@weiquan/stats/watch-rollup.rules';
export type { WatchCounts } from '@weiquan/stats/watch-rollup.rules';

/**
 * The early-warning detector (消费预警, Order 121 Art. 38): whether the complaints of the last days
 * against one business, or in one category of one area, stand out from what came before. A pure
 * function of summed rollup counts, so the worker, the tests and the replay tool decide alike, and a
 * decision costs the same at any size of the history.
 *
 * The rule is written to be explained to the bureau in one sentence: "N complaints in 7 days, against
 * a weekly average of B over the 90 days before". A measure fires when its count reaches a minimum
 * (one complaint is never a spike) and its weighted count reaches `minExcess + ratio × B`.
 * Complaints whose issue type signals a closure (停业、跑路, unable to refund) weigh more, and prepaid
 * complaints have their own, lower thresholds: a prepaid business that closes takes its customers'
 * balances with it.
 */
/** One measure's thresholds. */
interface MeasureThresholds {
  /** Complaints in the window below which the measure never fires (at least 2). */
  minCount: number;
  /** How many times the weekly baseline the weighted window count must reach… */
  ratio: number;
  /** …plus this much: with no history at all, the weighted count must reach it. */
  minExcess: number;
}

/** What the detector watches. */
export type SubjectKind = 'business' | 'slice';

export interface WarningThresholds {
  /** The window compared, in days, ending today. */
  windowDays: number;
  /** The baseline, in days, just before the window. */
  baselineDays: number;
  /** A signalling complaint counts this many times in the weighted counts (≥ 1). */
  signalWeight: number;
  /** Per subject kind: all complaints, and prepaid complaints. */
  business: { all: MeasureThresholds; prepaid: MeasureThresholds };
  slice: { all: MeasureThresholds; prepaid: MeasureThresholds };
  /** After an alert is dismissed or acted on, the same subject does not alert again for this many days. */
  quietDays: number;
}

/**
 * The defaults, tuned with the replay tool (`npm run warnings:replay`) on generated histories:
 * a business is small (a few complaints a year), so 5 in a week is already unusual; a category in a
 * county has dozens, so its bar is higher. Operators override them with EARLY_WARNING_THRESHOLDS.
 */
export const DEFAULT_THRESHOLDS: WarningThresholds = {
  windowDays: 7,
  baselineDays: 90,
  signalWeight: 2,
  business: {
    all: { minCount: 5, ratio: 4, minExcess: 5 },
    prepaid: { minCount: 3, ratio: 3, minExcess: 4 },
  },
  slice: {
    all: { minCount: 12, ratio: 3, minExcess: 10 },
    prepaid: { minCount: 6, ratio: 3, minExcess: 6 },
  },
  quietDays: 14,
};

type Measure = 'all' | 'prepaid';

/** Why a measure fired, in figures the alert shows. */
export interface MeasureFinding {
  measure: Measure;
  /** Complaints of the measure in the window. */
  count: number;
  /** Of which signalling a closure. */
  signal: number;
  /** The count with signalling complaints weighted. */
  weighted: number;
  /** The baseline's weekly average (complaints of the measure per 7 days), rounded to 2 decimals. */
  weeklyBaseline: number;
  /** What the weighted count had to reach. */
  bar: number;
}

export interface Detection {
  /** The measures that fired: prepaid first (the sharper signal), then all. */
  findings: MeasureFinding[];
  /** For ordering alerts: the largest weighted count over its bar. */
  score: number;
}

/**
 * Whether a subject's window stands out from its baseline. `baselineDays` may be shorter than the
 * configured baseline (a history that starts later): the weekly average is taken over the days that
 * exist, and a subject with no past at all has a baseline of zero.
 */
export function detect(
  kind: SubjectKind,
  window: WatchCounts,
  baseline: WatchCounts,
  t: WarningThresholds = DEFAULT_THRESHOLDS,
  baselineDays: number = t.baselineDays,
): Detection | null {
  const findings: MeasureFinding[] = [];
  const weeks = Math.max(baselineDays, 1) / 7;
  const measures: [Measure, number, number, number][] = [
    ['prepaid', window.prepaid, window.prepaidSignal, baseline.prepaid],
    ['all', window.complaints, window.signal, baseline.complaints],
  ];
  for (const [measure, count, signal, base] of measures) {
    const th = t[kind][measure];
    const weeklyBaseline = base / weeks;
    const weighted = count + (t.signalWeight - 1) * signal;
    const bar = th.minExcess + th.ratio * weeklyBaseline;
    if (count >= Math.max(th.minCount, 2) && weighted >= bar)
      findings.push({ measure, count, signal, weighted, weeklyBaseline: round2(weeklyBaseline), bar: round2(bar) });
  }
  if (!findings.length) return null;
  // Every complaint of the window prepaid: "all complaints" would say the same again.
  if (findings.length === 2 && window.complaints === window.prepaid) findings.pop();
  return { findings, score: round2(Math.max(...findings.map((f) => f.weighted / f.bar))) };
}

/** The window and baseline day ranges (inclusive ISO dates) for an evaluation on `today`. */
export function watchPeriods(today: string, t: WarningThresholds = DEFAULT_THRESHOLDS): { window: DayRange; baseline: DayRange } {
  const windowFrom = addDays(today, -(t.windowDays - 1));
  const baselineTo = addDays(windowFrom, -1);
  return { window: { from: windowFrom, to: today }, baseline: { from: addDays(baselineTo, -(t.baselineDays - 1)), to: baselineTo } };
}

export interface DayRange {
  from: string;
  to: string;
}

/** What happens with a detection, given the subject's latest alert. */
export type AlertDecision = 'open' | 'update' | 'quiet';

export interface LatestAlert {
  status: AlertStatus;
  /** The China day it was dismissed or acted on (null while open). */
  closedOn: string | null;
}
export const ALERT_STATUSES = ['new', 'acknowledged', 'acted', 'dismissed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
const OPEN_ALERT_STATUSES: readonly AlertStatus[] = ['new', 'acknowledged'];

/**
 * One alert per outbreak: while a subject's alert is open, a new detection updates its figures
 * (no second alert, no second notification); after it was dismissed or acted on, the subject stays
 * quiet for `quietDays`, then may alert again.
 */
export function alertDecision(latest: LatestAlert | null, today: string, t: WarningThresholds = DEFAULT_THRESHOLDS): AlertDecision {
  if (!latest) return 'open';
  if (OPEN_ALERT_STATUSES.includes(latest.status)) return 'update';
  if (latest.closedOn && addDays(latest.closedOn, t.quietDays) > today) return 'quiet';
  return 'open';
}

/** The alert statuses a user may move an alert to from each status. */
export const ALERT_MOVES: Record<AlertStatus, readonly AlertStatus[]> = {
  new: ['acknowledged', 'acted', 'dismissed'],
  acknowledged: ['acted', 'dismissed'],
  acted: [],
  dismissed: [],
};

/** Problems with operator-given thresholds (EARLY_WARNING_THRESHOLDS), as `path: message`. */
export function thresholdProblems(t: WarningThresholds): string[] {
  const out: string[] = [];
  const int = (path: string, v: unknown, min: number, max: number) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) out.push(`${path}: an integer from ${min} to ${max}`);
  };
  const num = (path: string, v: unknown, min: number, max: number) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) out.push(`${path}: a number from ${min} to ${max}`);
  };
  int('windowDays', t.windowDays, 1, 31);
  int('baselineDays', t.baselineDays, 7, 366);
  num('signalWeight', t.signalWeight, 1, 10);
  int('quietDays', t.quietDays, 0, 365);
  for (const kind of ['business', 'slice'] as const)
    for (const m of ['all', 'prepaid'] as const) {
      const th = t[kind]?.[m];
      int(`${kind}.${m}.minCount`, th?.minCount, 2, 10_000);
      num(`${kind}.${m}.ratio`, th?.ratio, 1, 100);
      num(`${kind}.${m}.minExcess`, th?.minExcess, 0, 10_000);
    }
  return out;
}

/** Names in an override that are no threshold (a typo would otherwise be ignored without a word). */
export function unknownThresholds(o: Record<string, unknown>, shape: object = DEFAULT_THRESHOLDS, at = ''): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    const known = (shape as Record<string, unknown>)[k];
    if (known === undefined) out.push(`${at}${k}: not a threshold`);
    else if (known && typeof known === 'object')
      if (v && typeof v === 'object' && !Array.isArray(v))
        out.push(...unknownThresholds(v as Record<string, unknown>, known, `${at}${k}.`));
      else out.push(`${at}${k}: must be an object`);
  }
  return out;
}

/** Thresholds from a partial override (the defaults for what it leaves out). */
export function withOverrides(o: DeepPartial<WarningThresholds>): WarningThresholds {
  const d = DEFAULT_THRESHOLDS;
  const m = (kind: SubjectKind, measure: Measure) => ({ ...d[kind][measure], ...(o[kind]?.[measure] ?? {}) });
  return {
    windowDays: o.windowDays ?? d.windowDays,
    baselineDays: o.baselineDays ?? d.baselineDays,
    signalWeight: o.signalWeight ?? d.signalWeight,
    quietDays: o.quietDays ?? d.quietDays,
    business: { all: m('business', 'all'), prepaid: m('business', 'prepaid') },
    slice: { all: m('slice', 'all'), prepaid: m('slice', 'prepaid') },
  };
}
export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
