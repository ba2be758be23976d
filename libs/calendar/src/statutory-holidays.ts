import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import type { IsoDate } from './working-days';

/**
 * The fixed public holidays of 《全国年节及纪念日放假办法》 (2024 revision, Art. 2): the days off that
 * the law itself fixes, before the State Council's yearly schedule moves days around them (调休).
 * A year without an official schedule counts Monday–Friday minus these days, and every deadline
 * that reaches into it stays provisional until the schedule is entered (docs/RULES.md "Working days").
 *
 * 元旦 1 day (1 Jan); 春节 4 days (除夕 to 正月初三); 清明 1 day (the solar term); 劳动节 2 days
 * (1–2 May); 端午 1 day (五月初五); 中秋 1 day (八月十五); 国庆节 3 days (1–3 Oct).
 */
export interface StatutoryHoliday {
  date: IsoDate;
  name: string;
}

const byYear = new Map<number, StatutoryHoliday[]>();

export function statutoryHolidays(year: number): StatutoryHoliday[] {
  let days = byYear.get(year);
  if (!days) byYear.set(year, (days = compute(year)));
  return days;
}

const dayOff = new Map<number, Set<IsoDate>>();

export function isStatutoryHoliday(date: IsoDate): boolean {
  const year = Number(date.slice(0, 4));
  let set = dayOff.get(year);
  if (!set) dayOff.set(year, (set = new Set(statutoryHolidays(year).map((h) => h.date))));
  return set.has(date);
}

function compute(year: number): StatutoryHoliday[] {
  const y = String(year).padStart(4, '0');
  // 正月初一 of the lunar year that starts in this Gregorian year; 除夕 is the day before it.
  const springDay = getSolarDateFromLunar(`${y}-01-01`).date;
  const out: StatutoryHoliday[] = [
    { date: `${y}-01-01`, name: '元旦' },
    ...[-1, 0, 1, 2].map((offset) => ({ date: shift(springDay, offset), name: '春节' })),
    { date: getSolarTermDate(year, 4, 'pure_brightness'), name: '清明节' },
    { date: `${y}-05-01`, name: '劳动节' },
    { date: `${y}-05-02`, name: '劳动节' },
    { date: getSolarDateFromLunar(`${y}-05-05`).date, name: '端午节' },
    { date: getSolarDateFromLunar(`${y}-08-15`).date, name: '中秋节' },
    { date: `${y}-10-01`, name: '国庆节' },
    { date: `${y}-10-02`, name: '国庆节' },
    { date: `${y}-10-03`, name: '国庆节' },
  ];
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

function shift(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
