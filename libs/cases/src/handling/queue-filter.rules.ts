import type { Bilingual } from '@weiquan/core';

/**
 * The queue's filters by what the case is (where the business is, when the case came in, how the
 * goods were bought, what it is about, who handles it): the checks of their values and what they
 * mean in the database. Pure, so the table tests hold them without a database.
 */

/** The code the statistics give a channel or issue type the consumer did not name (libs/stats rollup.rules.ts NO_CHANNEL, NO_ISSUE). */
export const NOT_GIVEN = 'unknown';

/** A county-level division code, as the directory and the statistics write it (GB/T 2260, six digits). */
export const AREA_CODE = /^\d{6}$/;

/** A unit's code as the directory gives it: a station's or regulator's code, or a business's credit code (station-import.rules.ts). */
export const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

/**
 * A calendar day in YYYY-MM-DD that exists: not 2026-02-30, nor the year 0 (which has none), both of
 * which the database would refuse with an error instead of an answer.
 */
export function isRealDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || value < '0001') return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A period's days in order: a start after the end is an empty period nobody means to ask for, so it is refused. */
export function daysInOrder(from: unknown, to: unknown): boolean {
  return !isRealDay(from) || !isRealDay(to) || from <= to;
}

export const PERIOD_TEXT = {
  notADay: { zh: '应为存在的日期 YYYY-MM-DD', en: 'must be a real date YYYY-MM-DD' },
  outOfOrder: { zh: '起始日不能晚于 receivedTo', en: 'must not be after receivedTo' },
} satisfies Record<string, Bilingual>;

/**
 * The instants a period of China calendar days covers: from the first day's midnight in Shanghai up
 * to (not including) the midnight after the last. `received_on` is the China day of `received_at`, so
 * this is the same period, on the column whose indexes ((received_at), (respondent_area_code,
 * received_at)) serve it. China keeps UTC+8 all year (no daylight saving since 1991).
 */
export function receivedRange(from?: string, to?: string): { since?: Date; before?: Date } {
  const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
  const out: { since?: Date; before?: Date } = {};
  if (from) out.since = midnight(from);
  if (to) out.before = new Date(midnight(to).getTime() + 86_400_000);
  return out;
}

/**
 * Whether a newest-first page may be read by walking the cases down from the newest (the primary
 * key, in order) until a page is found. The planner takes that walk whenever it expects the page
 * soon, not knowing that ids follow the days: for a period that ended before today every case
 * received since is read first (130,000 rows for 21, 110–200 ms, at 200,000 cases). Then the
 * period's own rows are gathered instead, through its index (or the area's, or the unit's), and
 * the page sorted from them: the cost of the period, not of the history after it.
 */
export function walksFromNewest(receivedTo: string | undefined, today: string): boolean {
  return receivedTo === undefined || receivedTo >= today;
}

/** A channel or issue type asked for: `unknown` asks for the cases that named none (null); absent, any. */
export function namedOrNone<T extends string>(asked: T | typeof NOT_GIVEN | undefined): T | null | undefined {
  if (asked === undefined) return undefined;
  return asked === NOT_GIVEN ? null : asked;
}
