import type { CalendarOverrides } from './working-days';
import {
  addCalendarDays,
  addWorkingDays,
  calendarDaysBetween,
  chinaDate,
  isWorkingDay,
  packageCovers,
  workingDaysBetween,
} from './working-days';

const overrides = (days: Record<string, boolean>, years: number[] = []): CalendarOverrides => ({
  days: new Map(Object.entries(days)),
  years: new Set(years),
});

describe('working days on the official calendar', () => {
  it.each([
    ['2026-09-30', 7, '2026-10-15'], // National Day: 1–7 Oct off, Sat 10 Oct worked (调休)
    ['2026-10-01', 7, '2026-10-15'], // received on a holiday: the holiday days do not count
    ['2026-09-25', 1, '2026-09-28'], // Friday → Monday
    ['2026-09-19', 1, '2026-09-20'], // Sunday 20 Sep 2026 is an adjusted working day
    ['2026-02-13', 1, '2026-02-14'], // Spring Festival: Sat 14 Feb 2026 is worked
    ['2026-02-14', 1, '2026-02-24'], // 15–23 Feb off
    ['2026-02-12', 7, '2026-02-28'], // Sat 28 Feb 2026 is worked too
    ['2026-04-14', 7, '2026-04-23'], // Qingming 4–6 Apr is before; a plain week
    ['2026-12-31', 0, '2026-12-31'],
  ])('received %s, %i working days → %s', (start, n, due) => {
    expect(addWorkingDays(start, n)).toEqual({ date: due, provisional: false });
  });

  // A year no package will cover for decades: the tests of provisional counting must not break the day
  // chinese-days ships next year's schedule. 1 January 2099 is a Thursday.
  const FUTURE = 2099;

  it('knows which years the package has official data for', () => {
    expect(packageCovers(2004)).toBe(true);
    expect(packageCovers(2026)).toBe(true);
    expect(packageCovers(FUTURE)).toBe(false);
  });

  it('counts a year without official data Monday to Friday less the statutory holidays, and marks it provisional', () => {
    // Wed 31 Dec 2098 + 1: Thu 1 Jan 2099 is 元旦 (a fixed holiday) → Fri 2 Jan.
    expect(addWorkingDays('2098-12-31', 1)).toEqual({ date: '2099-01-02', provisional: true });
    // 国庆 1–3 Oct and 劳动节 1–2 May are off: Thu 1 Oct, Fri 2 Oct, Fri 1 May 2099.
    expect(isWorkingDay('2099-10-01')).toBe(false);
    expect(isWorkingDay('2099-10-02')).toBe(false);
    expect(isWorkingDay('2099-05-01')).toBe(false);
    expect(isWorkingDay('2099-05-04')).toBe(true); // a plain Monday
  });

  it('uses an administrator-entered schedule, which makes the year official', () => {
    const entered = overrides({ '2099-01-02': false }, [FUTURE]);
    expect(addWorkingDays('2098-12-31', 1, entered)).toEqual({ date: '2099-01-05', provisional: false });
  });

  it('a single override day without the year entered still leaves the deadline provisional', () => {
    const one = overrides({ '2099-01-02': false });
    expect(addWorkingDays('2098-12-31', 1, one)).toEqual({ date: '2099-01-05', provisional: true });
  });

  it('lets an override correct a year the package covers', () => {
    expect(isWorkingDay('2026-10-12')).toBe(true);
    expect(isWorkingDay('2026-10-12', overrides({ '2026-10-12': false }))).toBe(false);
    expect(isWorkingDay('2026-10-11', overrides({ '2026-10-11': true }))).toBe(true);
  });

  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-15')).toBe(7);
    expect(workingDaysBetween('2026-10-15', '2026-10-15')).toBe(0);
  });

  it('takes the day of receipt in China, whatever the process time zone', () => {
    expect(chinaDate(new Date('2026-09-30T16:30:00Z'))).toBe('2026-10-01'); // 00:30 in Beijing
    expect(chinaDate(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
  });

  it('refuses a negative count', () => {
    expect(() => addWorkingDays('2026-01-05', -1)).toThrow(RangeError);
  });
});

describe('periods in calendar days (Order 121 Art. 45)', () => {
  it.each([
    // start, days, end: the start day is not counted; an end that is not a working day moves on
    ['2026-09-30', 60, '2026-11-30'], // day 60 is Sun 29 Nov → Mon 30 Nov
    ['2026-05-01', 60, '2026-06-30'], // Tue 30 Jun, a working day
    ['2026-08-03', 60, '2026-10-08'], // day 60 is 2 Oct, in the National Day holiday → Thu 8 Oct
  ])('from %s, %i days → %s', (start, days, end) => {
    expect(addCalendarDays(start, days)).toEqual({ date: end, provisional: false });
  });

  it('counts calendar days between two dates', () => {
    expect(calendarDaysBetween('2026-09-30', '2026-11-29')).toBe(60);
  });
});
