import type { CalendarOverrides } from './working-days';
import { addWorkingDays, chinaDate, isWorkingDay, packageCovers, workingDaysBetween } from './working-days';

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

  it('knows which years the package has official data for', () => {
    expect(packageCovers(2004)).toBe(true);
    expect(packageCovers(2026)).toBe(true);
    expect(packageCovers(2027)).toBe(false);
  });

  it('marks a deadline that reaches 2027 provisional, counted Monday to Friday', () => {
    // 31 Dec 2026 is a Thursday; 1 Jan 2027 (Fri) would be New Year's Day, but there is no data yet.
    expect(addWorkingDays('2026-12-30', 2)).toEqual({ date: '2027-01-01', provisional: true });
    expect(addWorkingDays('2026-12-21', 3)).toEqual({ date: '2026-12-24', provisional: false });
  });

  it('uses an administrator-entered 2027 schedule, which makes it official', () => {
    const entered = overrides({ '2027-01-01': false, '2027-01-02': false, '2027-01-03': false }, [2027]);
    expect(addWorkingDays('2026-12-30', 2, entered)).toEqual({ date: '2027-01-04', provisional: false });
  });

  it('a single override day without the year entered still leaves the deadline provisional', () => {
    const one = overrides({ '2027-01-01': false });
    expect(addWorkingDays('2026-12-30', 2, one)).toEqual({ date: '2027-01-04', provisional: true });
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
