/**
 * Periods over the rollups, as pure date arithmetic on YYYY-MM-DD strings (China calendar days).
 * A period is read as whole months from the monthly tables plus the days at its edges from the
 * daily tables, so a year costs 12 monthly slices, not 365 daily ones.
 */

export type Grain = 'day' | 'month';
export type Interval = 'day' | 'week' | 'month';

export interface Segment {
  grain: Grain;
  /** Inclusive; for the month grain, first days of months. */
  from: string;
  to: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD form. */
export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.toISOString().slice(0, 10) === s;
}

/** An ISO date moved by whole calendar days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

function nextMonth(month: string): string {
  const y = +month.slice(0, 4);
  const m = +month.slice(5, 7);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

export function monthEnd(day: string): string {
  return addDays(nextMonth(monthStart(day)), -1);
}

/** Monday of the ISO week the day falls in. */
export function weekStart(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((dow + 6) % 7));
}

/**
 * The period a request asks for, on the China calendar: `to` defaults to today and never runs past it
 * (no figures exist for days to come, and a period reaching into them would read as short); `from`
 * defaults to 1 January of the end's year. Checking the dates is the caller's.
 */
export function askedPeriod(from: string | undefined, to: string | undefined, today: string): { from: string; to: string } {
  const end = to === undefined || to > today ? today : to;
  return { from: from ?? `${end.slice(0, 4)}-01-01`, to: end };
}

/** Days from `from` to `to`, both included. */
export function daysIn(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** [from, to] as whole months (monthly tables) plus the edge days (daily tables). */
export function splitPeriod(from: string, to: string): Segment[] {
  if (from > to) return [];
  const firstWhole = from === monthStart(from) ? from : nextMonth(monthStart(from));
  const lastWhole = to === monthEnd(to) ? monthStart(to) : addDays(monthStart(to), -1).slice(0, 8) + '01';
  if (firstWhole > lastWhole || firstWhole > to) return [{ grain: 'day', from, to }];
  const out: Segment[] = [];
  if (from < firstWhole) out.push({ grain: 'day', from, to: addDays(firstWhole, -1) });
  out.push({ grain: 'month', from: firstWhole, to: lastWhole });
  const after = nextMonth(lastWhole);
  if (after <= to) out.push({ grain: 'day', from: after, to });
  return out;
}

/** The bucket a day (or a month's first day, read from a monthly table) belongs to, clipped to the period's start. */
export function bucketOf(day: string, interval: Interval, from: string): string {
  const start = interval === 'day' ? day : interval === 'week' ? weekStart(day) : monthStart(day);
  return start < from ? from : start;
}

/** Every bucket of the period, in order (each labelled by its first day within the period). */
export function buckets(from: string, to: string, interval: Interval): string[] {
  const out: string[] = [];
  let d = from;
  while (d <= to) {
    out.push(d);
    const start = interval === 'day' ? d : interval === 'week' ? weekStart(d) : monthStart(d);
    d = interval === 'day' ? addDays(start, 1) : interval === 'week' ? addDays(start, 7) : nextMonth(start);
  }
  return out;
}
