import { fenToYuan } from '@weiquan/core';
import type { Counters } from './stat-event';
import { COUNTERS } from './stat-event';

/**
 * The bureau's metrics from summed counters (docs/METRICS.md defines each once). Rates have four
 * decimals and are null when nothing was counted below the line; money is yuan with two decimals.
 */
export interface Metrics {
  received: number;
  /** Of `received`, the complaints and the reports, counted apart (the bureau reports them apart). */
  complaints: number;
  reports: number;
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
  // Settlement at the source (协商和解).
  settlementAssigned: number;
  settled: number;
  escalated: number;
  settledAtSourceRate: number | null;
  escalationRate: number | null;
  recoveredAtSource: string;
  averageSettlementWorkingDays: number | null;
}

export type MetricName = keyof Metrics;

/** Metrics a time series can draw (open and overdue are a snapshot of now, not of a period). */
export const SERIES_METRICS: readonly MetricName[] = [
  'received',
  'complaints',
  'reports',
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
  'settlementAssigned',
  'settled',
  'escalated',
  'settledAtSourceRate',
  'escalationRate',
  'recoveredAtSource',
  'averageSettlementWorkingDays',
];

/** Chinese column headers of the exports, in the bureau's words. */
export const METRIC_HEADERS: Record<MetricName, string> = {
  received: '收到',
  complaints: '其中投诉',
  reports: '其中举报',
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
  settlementAssigned: '分派服务站协商和解',
  settled: '源头化解',
  escalated: '转为正式投诉',
  settledAtSourceRate: '源头化解率',
  escalationRate: '转为正式投诉率',
  recoveredAtSource: '源头化解挽回金额（元）',
  averageSettlementWorkingDays: '平均和解用时（工作日）',
};

/**
 * Counters summed for a read, with what each track received: the rollups count per track, and the
 * received counter (cut by unit: assigned) of the complaint and report rows is kept apart here.
 */
export type Sums = Counters & { complaintsIn: number; reportsIn: number };

export function zeroCounters(): Sums {
  return { ...(Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counters), complaintsIn: 0, reportsIn: 0 };
}

/** Adds `b` into `a` (counts arrive from SQL as text). */
export function addCounters(a: Sums, b: Partial<Record<string, number | string | null>>): Sums {
  for (const c of COUNTERS) a[c] += Number(b[c] ?? 0);
  a.complaintsIn += Number(b.complaintsIn ?? 0);
  a.reportsIn += Number(b.reportsIn ?? 0);
  return a;
}

/**
 * A rollup row of one track (`track` from SQL) as Sums: its cases received (cut by unit: that reached
 * the unit) counted for that track.
 */
export function trackedRow(row: Partial<Record<string, string | null>>, byUnit: boolean): Partial<Record<string, string | number | null>> {
  const arrived = Number((byUnit ? row.assigned : row.received) ?? 0);
  return { ...row, complaintsIn: row.track === 'complaint' ? arrived : 0, reportsIn: row.track === 'report' ? arrived : 0 };
}

/**
 * @param byUnit figures cut by unit: "received" there counts the cases that reached the unit
 *   (assigned or escalated to it), since a case has no unit when it is received.
 */
export function metrics(k: Sums, byUnit: boolean): Metrics {
  return {
    received: byUnit ? k.assigned : k.received,
    complaints: k.complaintsIn,
    reports: k.reportsIn,
    accepted: k.accepted,
    refused: k.refused,
    resolved: k.resolved,
    terminated: k.terminated,
    // A settlement at the source finishes the case as closing does (status settled, final).
    closed: k.complaints_closed + k.reports_closed + k.settled,
    withdrawn: k.withdrawn,
    onTimeAcceptanceRate: rate(k.acceptance_on_time, k.acceptance_decided),
    mediationSuccessRate: rate(k.resolved, k.resolved + k.terminated),
    recovered: fenToYuan(k.recovered_fen),
    averageHandlingWorkingDays: average(k.handling_days, k.concluded),
    satisfactionRate: rate(k.rated_satisfied + k.rated_basically, k.rated),
    followUpRate: rate(k.follow_ups, k.complaints_closed),
    reportsOpened: k.reports_opened,
    reportsNotOpened: k.reports_not_opened,
    reporterNotifiedOnTimeRate: rate(k.reporter_notice_on_time, k.reporter_notice_due),
    settlementAssigned: k.settlement_assigned,
    settled: k.settled,
    escalated: k.escalated,
    // Over the settlement stage's outcomes in the period: settled at the source, or escalated.
    settledAtSourceRate: rate(k.settled, k.settled + k.escalated),
    escalationRate: rate(k.escalated, k.settled + k.escalated),
    recoveredAtSource: fenToYuan(k.settled_fen),
    averageSettlementWorkingDays: average(k.settle_days, k.settled),
  };
}

/** Working days per case with one decimal, or null when no case was counted. */
function average(days: number, cases: number): number | null {
  return cases ? Math.round((days * 10) / cases) / 10 : null;
}

/** n / d with four decimals, or null when d is 0. */
export function rate(n: number, d: number): number | null {
  return d ? Math.round((n * 10_000) / d) / 10_000 : null;
}
