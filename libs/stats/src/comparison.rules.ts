/**
 * 环比 and 同比 (period on period, year on year): which periods a period is compared with, and the
 * change against each. Pure date and number arithmetic on YYYY-MM-DD strings and the figures of
 * metrics.ts; docs/METRICS.md, "Comparisons".
 */
import type { Metrics } from './metrics';

export interface Period {
  from: string;
  to: string;
}

const DAY = 86_400_000;

function parts(day: string): [number, number, number] {
  return [+day.slice(0, 4), +day.slice(5, 7), +day.slice(8, 10)];
}

function iso(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}

function lastDayOf(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function isMonthEnd(day: string): boolean {
  const [y, m, d] = parts(day);
  return d === lastDayOf(y, m);
}

/**
 * The day `months` calendar months before or after: a day the target month lacks (31 March back one
 * month) becomes its last day, and a month's last day stays its month's last day (28 February 2025
 * back a year is 29 February 2024), so a whole month compares with a whole month.
 */
export function shiftMonths(day: string, months: number): string {
  const [y, m, d] = parts(day);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const last = lastDayOf(ty, tm);
  return iso(ty, tm, isMonthEnd(day) ? last : Math.min(d, last));
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/**
 * The periods a period is compared with:
 *  - lastYear (同比): the same days a year earlier;
 *  - previous (环比): for a period starting on the 1st of a month (a month, a quarter, a month or a
 *    year to date), the same span of calendar months just before it (November 1–15 against October
 *    1–15; a whole quarter against the quarter before); for any other period, as many days just
 *    before it.
 */
export function comparisonPeriods(p: Period): { previous: Period; lastYear: Period } {
  const lastYear = { from: shiftMonths(p.from, -12), to: shiftMonths(p.to, -12) };
  const [fy, fm, fd] = parts(p.from);
  if (fd === 1) {
    const [ty, tm] = parts(p.to);
    const months = (ty - fy) * 12 + (tm - fm) + 1;
    return { previous: { from: shiftMonths(p.from, -months), to: shiftMonths(p.to, -months) }, lastYear };
  }
  const days = Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / DAY) + 1;
  return { previous: { from: addDays(p.from, -days), to: addDays(p.from, -1) }, lastYear };
}

/** The headline figures compared, and how: a count or an amount by its relative change, a rate by the difference in points. */
export const COMPARED = {
  complaints: 'relative',
  reports: 'relative',
  accepted: 'relative',
  closed: 'relative',
  onTimeAcceptanceRate: 'points',
  mediationSuccessRate: 'points',
  recovered: 'relative',
  settledAtSourceRate: 'points',
  recoveredAtSource: 'relative',
  escalationRate: 'points',
  averageSettlementWorkingDays: 'relative',
  satisfactionRate: 'points',
} as const satisfies Partial<Record<keyof Metrics, 'relative' | 'points'>>;
export type ComparedMetric = keyof typeof COMPARED;

type Value = number | string | null;

/** An amount of yuan as text ("1280.50") in fen, exactly; a count as it is. */
function exact(v: Value): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(v);
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/**
 * The change of `current` against `base`, four decimals: relative ((current − base) ÷ base; 0.125 is
 * +12.5%) or in points (current − base; 0.021 is +2.1 percentage points). Null when there is no base
 * to compare with (nothing counted then, or a rate with nothing below its line), never a made-up 0.
 */
export function change(kind: 'relative' | 'points', current: Value, base: Value): number | null {
  const c = exact(current);
  const b = exact(base);
  if (c === null || b === null) return null;
  if (kind === 'points') return Math.round((c - b) * 10_000) / 10_000;
  return b === 0 ? null : Math.round(((c - b) * 10_000) / b) / 10_000;
}

export interface Change {
  previous: Value;
  periodOnPeriod: number | null;
  lastYear: Value;
  yearOnYear: number | null;
}

/** Each compared figure: its values in the two comparison periods and the changes against them. */
export function changes(
  current: Pick<Metrics, ComparedMetric>,
  previous: Pick<Metrics, ComparedMetric>,
  lastYear: Pick<Metrics, ComparedMetric>,
): Record<ComparedMetric, Change> {
  const out = {} as Record<ComparedMetric, Change>;
  for (const [name, kind] of Object.entries(COMPARED) as [ComparedMetric, 'relative' | 'points'][]) {
    out[name] = {
      previous: previous[name],
      periodOnPeriod: change(kind, current[name], previous[name]),
      lastYear: lastYear[name],
      yearOnYear: change(kind, current[name], lastYear[name]),
    };
  }
  return out;
}
