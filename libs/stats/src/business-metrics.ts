import { fenToYuan } from '@weiquan/core';
import type { BusinessCounters } from './business-rollup.rules';
import { ANSWER_BUCKETS, ANSWER_DAYS_IN_TIME, BUSINESS_COUNTERS } from './business-rollup.rules';
import { rate } from './metrics';

/**
 * A business's figures from its summed counters (docs/METRICS.md "Businesses"): rates with four
 * decimals, null below a zero line; money in yuan; the median response time read from the buckets.
 */
export interface BusinessFigures {
  received: number;
  /** First answers (offers or refusals) in the period. */
  answered: number;
  settledAtSource: number;
  settledAmount: string;
  escalated: number;
  escalatedDeclined: number;
  escalatedNoAnswer: number;
  escalatedConsumer: number;
  escalatedNotDelivered: number;
  escalatedOther: number;
  /** Settled + escalated: the settlement outcomes of the business's cases. */
  concluded: number;
  settlementRate: number | null;
  steppedIn: number;
  /** Responses counted: first answers, and cases escalated because the business never answered. */
  responses: number;
  medianResponseWorkingDays: number | null;
  medianResponseOverTenWorkingDays: boolean;
  answeredInTimeRate: number | null;
  mediationConcluded: number;
  mediationSuccessful: number;
  mediationSuccessRate: number | null;
}

export function zeroBusinessCounters(): BusinessCounters {
  return Object.fromEntries(BUSINESS_COUNTERS.map((c) => [c, 0])) as BusinessCounters;
}

/** Adds `b` into `a` (counts arrive from SQL as text). */
export function addBusinessCounters(a: BusinessCounters, b: Partial<Record<string, number | string | null>>): BusinessCounters {
  for (const c of BUSINESS_COUNTERS) a[c] += Number(b[c] ?? 0);
  return a;
}

/**
 * The response-time histogram: how many first answers came on working day 0, 1, … 10, later, and
 * how many cases the business never answered (escalated `no-answer`), in that order.
 */
function responseHistogram(k: BusinessCounters): number[] {
  return [...ANSWER_BUCKETS.map((b) => k[b]), k.escalated_no_answer];
}

/**
 * The median response time from the histogram: the ⌈N/2⌉-th smallest of the N responses (the
 * lower median), where a case never answered counts as the slowest. `null` with no response; over
 * ten when that response came after 10 working days or never (the buckets do not say how late).
 */
export function medianResponse(histogram: readonly number[]): { workingDays: number | null; overTen: boolean } {
  const n = histogram.reduce((s, v) => s + Math.max(0, v), 0);
  if (!n) return { workingDays: null, overTen: false };
  const position = Math.ceil(n / 2);
  let seen = 0;
  for (let day = 0; day <= ANSWER_DAYS_IN_TIME; day++) {
    seen += Math.max(0, histogram[day] ?? 0);
    if (seen >= position) return { workingDays: day, overTen: false };
  }
  return { workingDays: null, overTen: true };
}

export function businessFigures(k: BusinessCounters): BusinessFigures {
  const histogram = responseHistogram(k);
  const inTime = histogram.slice(0, ANSWER_DAYS_IN_TIME + 1).reduce((s, v) => s + v, 0);
  const answered = ANSWER_BUCKETS.reduce((s, b) => s + k[b], 0);
  const responses = answered + k.escalated_no_answer;
  const escalated = k.escalated_declined + k.escalated_no_answer + k.escalated_consumer + k.escalated_not_delivered + k.escalated_other;
  const median = medianResponse(histogram);
  return {
    received: k.received,
    answered,
    settledAtSource: k.settled,
    settledAmount: fenToYuan(k.settled_fen),
    escalated,
    escalatedDeclined: k.escalated_declined,
    escalatedNoAnswer: k.escalated_no_answer,
    escalatedConsumer: k.escalated_consumer,
    escalatedNotDelivered: k.escalated_not_delivered,
    escalatedOther: k.escalated_other,
    concluded: k.settled + escalated,
    settlementRate: rate(k.settled, k.settled + escalated),
    steppedIn: k.stepped_in,
    responses,
    medianResponseWorkingDays: median.workingDays,
    medianResponseOverTenWorkingDays: median.overTen,
    answeredInTimeRate: rate(inTime, responses),
    mediationConcluded: k.mediation_concluded,
    mediationSuccessful: k.mediation_resolved,
    mediationSuccessRate: rate(k.mediation_resolved, k.mediation_concluded),
  };
}
