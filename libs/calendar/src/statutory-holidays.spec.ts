import { getDayDetail } from 'chinese-days';
import { isStatutoryHoliday, statutoryHolidays } from './statutory-holidays';

describe('statutoryHolidays (全国年节及纪念日放假办法, 2024 revision)', () => {
  it.each([
    // year, 春节 (除夕 … 初三), 清明, 端午, 中秋 — from the lunar calendar and the solar term
    [2025, ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'], '2025-04-04', '2025-05-31', '2025-10-06'],
    [2026, ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19'], '2026-04-05', '2026-06-19', '2026-09-25'],
    [2027, ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'], '2027-04-05', '2027-06-09', '2027-09-15'],
    [2028, ['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28'], '2028-04-04', '2028-05-28', '2028-10-03'],
  ])('%i: 13 days, the lunar ones where the lunar calendar puts them', (year, spring, qingming, duanwu, zhongqiu) => {
    const days = statutoryHolidays(year);
    expect(days).toHaveLength(13);
    expect(days.filter((d) => d.name === '春节').map((d) => d.date)).toEqual(spring);
    expect(days.find((d) => d.name === '清明节')?.date).toBe(qingming);
    expect(days.find((d) => d.name === '端午节')?.date).toBe(duanwu);
    expect(days.find((d) => d.name === '中秋节')?.date).toBe(zhongqiu);
    for (const fixed of ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03']) expect(isStatutoryHoliday(`${year}-${fixed}`)).toBe(true);
    expect(isStatutoryHoliday(`${year}-05-03`)).toBe(false);
  });

  it.each([2025, 2026])('%i: every fixed holiday is a day off in the official schedule', (year) => {
    for (const { date } of statutoryHolidays(year)) expect([date, getDayDetail(date).work]).toEqual([date, false]);
  });
});
