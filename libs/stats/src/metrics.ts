import { fenToYuan } from '@weiquan/core';
import type { Counters } from './rollup.rules';
import { COUNTERS } from './rollup.rules';

/**
 * The bureau's metrics from summed counters (docs/METRICS.md defines each once). Rates have four
 * decimals and are null when nothing was counted below the line; money is yuan with two decimals.
 */
export interface Metrics {
  received: number;
  accepted: number;
  refused: number;
  resolved: number;
  terminated: number;
  closed: number;
  withdrawn: number;
  onTimeAcceptanceRate: number | null;
  mediationSuccessRate: number | null;
  recovered: string;
  averageHandlingWorkingDays: number | null;
  satisfactionRate: number | null;
  followUpRate: number | null;
  reportsOpened: number;
  reportsNotOpened: number;
  reporterNotifiedOnTimeRate: number | null;
}

export type MetricName = keyof Metrics;

/** Metrics a time series can draw (open and overdue are a snapshot of now, not of a period). */
export const SERIES_METRICS: readonly MetricName[] = [
  'received',
  'accepted',
  'refused',
  'resolved',
  'terminated',
  'closed',
  'withdrawn',
  'onTimeAcceptanceRate',
  'mediationSuccessRate',
  'recovered',
  'averageHandlingWorkingDays',
  'satisfactionRate',
  'followUpRate',
  'reportsOpened',
  'reportsNotOpened',
  'reporterNotifiedOnTimeRate',
];

/** Chinese column headers of the exports, in the bureau's words. */
export const METRIC_HEADERS: Record<MetricName, string> = {
  received: '收到',
  accepted: '受理',
  refused: '不予受理',
  resolved: '调解成功',
  terminated: '终止调解',
  closed: '办结',
  withdrawn: '撤回',
  onTimeAcceptanceRate: '按时受理率',
  mediationSuccessRate: '调解成功率',
  recovered: '挽回经济损失（元）',
  averageHandlingWorkingDays: '平均办理工作日',
  satisfactionRate: '满意率',
  followUpRate: '回访率',
  reportsOpened: '举报立案',
  reportsNotOpened: '举报不予立案',
  reporterNotifiedOnTimeRate: '举报人按时告知率',
};

export function zeroCounters(): Counters {
  return Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counters;
}

/** Adds `b` into `a` (counts arrive from SQL as text). */
export function addCounters(a: Counters, b: Partial<Record<string, number | string | null>>): Counters {
  for (const c of COUNTERS) a[c] += Number(b[c] ?? 0);
  return a;
}

/**
 * @param byUnit figures cut by unit: "received" there counts the cases that reached the unit
 *   (assigned or escalated to it), since a case has no unit when it is received.
 */
export function metrics(k: Counters, byUnit: boolean): Metrics {
  return {
    received: byUnit ? k.assigned : k.received,
    accepted: k.accepted,
    refused: k.refused,
    resolved: k.resolved,
    terminated: k.terminated,
    closed: k.complaints_closed + k.reports_closed,
    withdrawn: k.withdrawn,
    onTimeAcceptanceRate: rate(k.acceptance_on_time, k.acceptance_decided),
    mediationSuccessRate: rate(k.resolved, k.resolved + k.terminated),
    recovered: fenToYuan(k.recovered_fen),
    averageHandlingWorkingDays: k.concluded ? Math.round((k.handling_days * 10) / k.concluded) / 10 : null,
    satisfactionRate: rate(k.rated_satisfied + k.rated_basically, k.rated),
    followUpRate: rate(k.follow_ups, k.complaints_closed),
    reportsOpened: k.reports_opened,
    reportsNotOpened: k.reports_not_opened,
    reporterNotifiedOnTimeRate: rate(k.reporter_notice_on_time, k.reporter_notice_due),
  };
}

/** n / d with four decimals, or null when d is 0. */
export function rate(n: number, d: number): number | null {
  return d ? Math.round((n * 10_000) / d) / 10_000 : null;
}
