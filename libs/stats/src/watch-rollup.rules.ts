import type { CaseAttributes, StatEvent } from './stat-event';
import type { Increment } from './rollup.rules';

/**
 * The early warning's rollups: complaints received per respondent and day (stat_watch_day) and per
 * area × category and day (stat_slice_day), with how many were prepaid and how many named an issue
 * type that signals a closure. The detector (libs/warnings early-warning.rules.ts) reads a subject's
 * window and baseline from them, one row a day however busy the subject is, and never the cases table.
 */

/** What is counted over a day, a window or a baseline: complaints only (a report is not a dispute). */
export interface WatchCounts {
  complaints: number;
  /** Of which prepaid (储值卡、会员卡、预付费). */
  prepaid: number;
  /** Of which with an issue type that signals a closure (SIGNAL_ISSUE_TYPES). */
  signal: number;
  /** Of which both prepaid and signalling. */
  prepaidSignal: number;
}

export const NO_COUNTS: WatchCounts = Object.freeze({ complaints: 0, prepaid: 0, signal: 0, prepaidSignal: 0 });

/** The counters of stat_watch_day, as columns. */
export const WATCH_COUNTERS = ['complaints', 'prepaid', 'signal', 'prepaid_signal'] as const;
export type WatchCounter = (typeof WATCH_COUNTERS)[number];

/** Issue types that signal a business closing or keeping its customers' money (intake's issue types). */
export const SIGNAL_ISSUE_TYPES: readonly string[] = ['closure', 'refund'];

/** What one complaint adds to its day's counts. */
export function countsOf(prepaid: boolean, issueType: string | null): WatchCounts {
  const signal = issueType !== null && SIGNAL_ISSUE_TYPES.includes(issueType) ? 1 : 0;
  return { complaints: 1, prepaid: prepaid ? 1 : 0, signal, prepaidSignal: prepaid ? signal : 0 };
}

export function addCounts(a: WatchCounts, b: WatchCounts): WatchCounts {
  return {
    complaints: a.complaints + b.complaints,
    prepaid: a.prepaid + b.prepaid,
    signal: a.signal + b.signal,
    prepaidSignal: a.prepaidSignal + b.prepaidSignal,
  };
}

/**
 * What one event adds to the watch and slice rollups: a complaint received counts on its day for its
 * respondent and for its area × category; nothing else does.
 */
export function watchDeltas(e: StatEvent, c: CaseAttributes): Increment[] {
  if (e.type !== 'received' || c.track !== 'complaint') return [];
  const w = countsOf(c.prepaid, c.issueType);
  const counters = { complaints: w.complaints, prepaid: w.prepaid, signal: w.signal, prepaid_signal: w.prepaidSignal };
  return [
    { rollup: 'watch', key: { day: e.day, respondentKey: c.respondentKey }, counters },
    { rollup: 'slice', key: { day: e.day, areaCode: c.areaCode, categoryCode: c.categoryCode }, counters },
  ];
}

/** A subject the detector watches whose counts an event changed. */
export interface WatchedSubject {
  kind: 'business' | 'slice';
  /** The respondent key, or `<area code>|<category code>`. */
  key: string;
}

/** The subjects a received complaint changes: its respondent, and its category in its area. */
export function watchedSubjects(
  e: { type: string },
  c: { track: string; respondentKey: string; areaCode: string; categoryCode: string },
): WatchedSubject[] {
  if (e.type !== 'received' || c.track !== 'complaint') return [];
  return [
    { kind: 'business', key: c.respondentKey },
    { kind: 'slice', key: sliceKey(c.areaCode, c.categoryCode) },
  ];
}

function sliceKey(areaCode: string, categoryCode: string): string {
  return `${areaCode}|${categoryCode}`;
}
