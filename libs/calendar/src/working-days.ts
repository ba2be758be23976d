import { getDayDetail, isHoliday } from 'chinese-days';
import { isStatutoryHoliday } from './statutory-holidays';

/**
 * Working days on the official calendar (State Council schedule, including adjusted working
 * weekends), from `chinese-days` plus an administrator's override table for the years it does not
 * cover yet. Pure: the overrides are passed in.
 */
export type IsoDate = string; // YYYY-MM-DD

export interface CalendarOverrides {
  /** Per-day corrections or additions: date → is it a working day. */
  days: ReadonlyMap<IsoDate, boolean>;
  /** Years whose full official schedule an administrator has entered. */
  years: ReadonlySet<number>;
}

export const NO_OVERRIDES: CalendarOverrides = { days: new Map(), years: new Set() };

export interface DueDate {
  date: IsoDate;
  /** Some day counted has no official schedule yet: recompute when that year is entered. */
  provisional: boolean;
}

const coverage = new Map<number, boolean>();

/**
 * Whether `chinese-days` has that year's official schedule. Every year's National Day holiday has
 * at least one of 1–3 October on a weekday; a package without the year's data treats it as work.
 */
export function packageCovers(year: number): boolean {
  let known = coverage.get(year);
  if (known === undefined) {
    known = [1, 2, 3].some((d) => {
      const date = `${year}-10-0${d}`;
      return !isWeekend(date) && isHoliday(date);
    });
    coverage.set(year, known);
  }
  return known;
}

function isWeekend(date: IsoDate): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

function isOfficial(date: IsoDate, overrides: CalendarOverrides): boolean {
  const year = Number(date.slice(0, 4));
  return packageCovers(year) || overrides.years.has(year);
}

const officialWorkday = new Map<IsoDate, boolean>();

export function isWorkingDay(date: IsoDate, overrides: CalendarOverrides = NO_OVERRIDES): boolean {
  const override = overrides.days.get(date);
  if (override !== undefined) return override;
  if (packageCovers(Number(date.slice(0, 4)))) {
    // The package's answer for a date never changes: remember it (intake asks for the same days all day).
    let work = officialWorkday.get(date);
    if (work === undefined) officialWorkday.set(date, (work = getDayDetail(date).work));
    return work;
  }
  // No official schedule yet: Monday–Friday less the holidays the law itself fixes (provisional).
  return !isWeekend(date) && !isStatutoryHoliday(date);
}

function nextDay(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The day by which something due "within n working days of `start`" must be done: the n-th working
 * day after `start` (the day of receipt itself does not count).
 */
const dueCache = new WeakMap<CalendarOverrides, Map<string, DueDate>>();

export function addWorkingDays(start: IsoDate, n: number, overrides: CalendarOverrides = NO_OVERRIDES): DueDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  // Same overrides, same start, same count: same answer (overrides objects are replaced, never mutated).
  let cache = dueCache.get(overrides);
  if (!cache) dueCache.set(overrides, (cache = new Map<string, DueDate>()));
  const key = `${start}+${n}`;
  const hit = cache.get(key);
  if (hit) return { ...hit };
  const due = count(start, n, overrides);
  if (cache.size > 10_000) cache.clear();
  cache.set(key, due);
  return { ...due };
}

function count(start: IsoDate, n: number, overrides: CalendarOverrides): DueDate {
  let date = start;
  let provisional = false;
  let counted = 0;
  while (counted < n) {
    date = nextDay(date);
    if (!isOfficial(date, overrides)) provisional = true;
    if (isWorkingDay(date, overrides)) counted++;
  }
  return { date, provisional };
}

/**
 * The end of a period of `n` calendar days (日) from `start`: the day itself is not counted, and an
 * end that is not a working day moves to the next working day (Order 121 Art. 45).
 */
export function addCalendarDays(start: IsoDate, n: number, overrides: CalendarOverrides = NO_OVERRIDES): DueDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`days must be a whole number ≥ 0, got ${n}`);
  let date = start;
  for (let i = 0; i < n; i++) date = nextDay(date);
  let provisional = !isOfficial(date, overrides);
  while (!isWorkingDay(date, overrides)) {
    date = nextDay(date);
    if (!isOfficial(date, overrides)) provisional = true;
  }
  return { date, provisional };
}

/** Calendar days from `from` (exclusive) to `to` (inclusive). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Working days from `from` (exclusive) to `to` (inclusive): how long something took. */
export function workingDaysBetween(from: IsoDate, to: IsoDate, overrides: CalendarOverrides = NO_OVERRIDES): number {
  let n = 0;
  for (let d = from; d < to;) {
    d = nextDay(d);
    if (isWorkingDay(d, overrides)) n++;
  }
  return n;
}

const SHANGHAI = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day an instant falls on in China, whatever the process time zone. */
export function chinaDate(instant: Date): IsoDate {
  return SHANGHAI.format(instant);
}
