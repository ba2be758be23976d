/** What GET /api/v1/stats/* answers (libs/stats/src/stats.service.ts; docs/METRICS.md defines each figure). */

/** A rate 0–1 with four decimals, or null when nothing was counted below the line. */
export type Rate = number | null;

export interface Metrics {
  received: number;
  accepted: number;
  refused: number;
  resolved: number;
  terminated: number;
  closed: number;
  withdrawn: number;
  onTimeAcceptanceRate: Rate;
  mediationSuccessRate: Rate;
  /** Yuan with two decimals, e.g. "1280.50". */
  recovered: string;
  averageHandlingWorkingDays: number | null;
  satisfactionRate: Rate;
  followUpRate: Rate;
  reportsOpened: number;
  reportsNotOpened: number;
  reporterNotifiedOnTimeRate: Rate;
}

export interface Period {
  from: string;
  to: string;
}

export interface Summary extends Metrics {
  period: Period;
  cut: 'city' | 'unit';
  open: number;
  overdue: number;
  asOf: string;
}

export type SeriesMetric = keyof Metrics;
export type Interval = 'day' | 'week' | 'month';

export interface Timeseries {
  metric: SeriesMetric;
  interval: Interval;
  period: Period;
  cut: 'city' | 'unit';
  points: { period: string; value: number | string | null }[];
}

export interface BreakdownItem extends Metrics {
  code: string;
  name: string | null;
}

export interface Breakdown {
  by: 'area' | 'category';
  period: Period;
  cut: 'city' | 'unit';
  items: BreakdownItem[];
}

export interface RespondentItem {
  respondent: { key: string; creditCode: string | null; name: string | null; areaCode: string | null };
  received: number;
  complaints: number;
  reports: number;
  accepted: number;
  refused: number;
  resolved: number;
  terminated: number;
  withdrawn: number;
  recovered: string;
  reportsOpened: number;
  mediationSuccessRate: Rate;
}

export interface Respondents {
  by: 'respondent';
  /** Widened to the whole months the asked period touches. */
  period: Period;
  cut: 'city' | 'unit';
  items: RespondentItem[];
}

export interface UnitRow extends Metrics {
  unit: { code: string; name: string | null; type: 'station' | 'regulator' | null; areaCode: string | null };
  load: number;
  overdue: number;
}

export interface Units {
  period: Period;
  asOf: string;
  items: UnitRow[];
}

export interface Area {
  code: string;
  name: string;
  kind: string;
}

export interface Category {
  code: string;
  name: string;
  group: 'service' | 'goods';
  regulatorCode: string | null;
}
