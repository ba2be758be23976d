import type { CalendarOverrides } from '@weiquan/calendar';
import { NO_OVERRIDES } from '@weiquan/calendar';
import { applyClockOp, isOverdue, recompute, runningClock, startClock } from './deadline';

describe('statutory clocks on the working-day calendar', () => {
  it('received 2026-09-30: the 7-working-day acceptance clock ends 2026-10-15 (National Day off, Saturday 10 October worked)', () => {
    expect(startClock('acceptance', '2026-09-30', 7, NO_OVERRIDES)).toMatchObject({ dueOn: '2026-10-15', provisional: false });
  });

  // 2099: a year no package will cover for decades (these tests must not break when chinese-days
  // ships next year's schedule).
  it('a 45-working-day clock started in December 2098 reaches 2099 and is provisional', () => {
    const c = startClock('mediation', '2098-12-10', 45, NO_OVERRIDES);
    expect(c.provisional).toBe(true);
    expect(c.dueOn > '2099-01-31').toBe(true);
  });

  it('entering 2099 makes it official, and its holidays push the due date later', () => {
    const guess = startClock('mediation', '2098-12-10', 45, NO_OVERRIDES);
    const spring: CalendarOverrides = {
      days: new Map([...['2099-01-19', '2099-01-26', '2099-01-27', '2099-01-28', '2099-01-29'].map((d) => [d, false] as const)]),
      years: new Set([2098, 2099]), // the clock counts days of both years
    };
    const entered = recompute(guess, spring);
    expect(entered.provisional).toBe(false);
    expect(entered.dueOn > guess.dueOn).toBe(true);
  });

  it('Order 121 mediation: 60 calendar days, ending on the next working day (Art. 45), accepted 2026-09-30 → 2026-11-30', () => {
    expect(startClock('mediation', '2026-09-30', 60, NO_OVERRIDES, 'calendar')).toMatchObject({ dueOn: '2026-11-30', count: 'calendar' });
  });

  it('a calendar-day clock paused for testing resumes with the calendar days it had left', () => {
    // Accepted 1 Sep (due 2 Nov: day 60 is Sat 31 Oct); paused 8 Sep after 7 days; resumed 15 Sep with 53.
    const c = startClock('mediation', '2026-09-01', 60, NO_OVERRIDES, 'calendar');
    expect(c.dueOn).toBe('2026-11-02');
    const paused = applyClockOp(c, { op: 'pause', clock: 'mediation' }, '2026-09-08', NO_OVERRIDES);
    const resumed = applyClockOp(paused, { op: 'resume', clock: 'mediation' }, '2026-09-15', NO_OVERRIDES);
    // 15 Sep + 53 = Sat 7 Nov → Mon 9 Nov.
    expect(resumed).toMatchObject({ countsFrom: '2026-09-15', days: 53, count: 'calendar', dueOn: '2026-11-09', pausedOn: null });
  });

  it('a clock met while paused is met on time: the paused days do not count against it', () => {
    // Report received 2 Nov (15 working days → 23 Nov), paused 5 Nov after 3, decided 30 Nov while paused.
    const c = startClock('decision', '2026-11-02', 15, NO_OVERRIDES);
    const paused = applyClockOp(c, { op: 'pause', clock: 'decision' }, '2026-11-05', NO_OVERRIDES);
    const met = applyClockOp(paused, { op: 'meet', clock: 'decision' }, '2026-11-30', NO_OVERRIDES);
    expect(met.pausedOn).toBeNull();
    expect(met.metOn).toBe('2026-11-30');
    expect(met.metOn! <= met.dueOn).toBe(true);
    expect(met.dueOn).toBe(startClock('decision', '2026-11-30', 12, NO_OVERRIDES).dueOn);
  });

  it('a pause excludes the days between pause and resume: the due date moves by exactly those working days', () => {
    // Mon 2026-11-02 + 10 working days = Mon 2026-11-16.
    const c = startClock('mediation', '2026-11-02', 10, NO_OVERRIDES);
    expect(c.dueOn).toBe('2026-11-16');
    const paused = applyClockOp(c, { op: 'pause', clock: 'mediation' }, '2026-11-04', NO_OVERRIDES);
    expect(paused.pausedOn).toBe('2026-11-04');
    expect(isOverdue(paused, '2026-12-31')).toBe(false);
    // Paused Wed 4th (2 days used), resumed Wed 11th: 8 working days left from the 11th → Mon 23rd.
    const resumed = applyClockOp(paused, { op: 'resume', clock: 'mediation' }, '2026-11-11', NO_OVERRIDES);
    expect(resumed).toMatchObject({ pausedOn: null, countsFrom: '2026-11-11', days: 8, dueOn: '2026-11-23' });
  });

  it('the days left at a pause do not depend on a provisional due date entered meanwhile', () => {
    // Paused in December 2098 with 30 of 45 days left; 2099 is entered before the resume.
    const c = startClock('mediation', '2098-11-20', 45, NO_OVERRIDES);
    const paused = applyClockOp(c, { op: 'pause', clock: 'mediation' }, '2098-12-11', NO_OVERRIDES);
    const spring: CalendarOverrides = {
      days: new Map([
        ['2099-01-05', false],
        ['2099-01-06', false],
      ]),
      years: new Set([2099]),
    };
    const resumed = applyClockOp(paused, { op: 'resume', clock: 'mediation' }, '2098-12-21', spring);
    expect(resumed.days).toBe(45 - 15);
    expect(resumed).toMatchObject(startClock('mediation', '2098-12-21', 30, spring));
  });

  it('a pause and resume on the same day change nothing', () => {
    const c = startClock('mediation', '2026-11-02', 10, NO_OVERRIDES);
    const back = applyClockOp(
      applyClockOp(c, { op: 'pause', clock: 'mediation' }, '2026-11-05', NO_OVERRIDES),
      { op: 'resume', clock: 'mediation' },
      '2026-11-05',
      NO_OVERRIDES,
    );
    expect(back.dueOn).toBe(c.dueOn);
  });

  it('the report decision extends once by 15 working days from the same start', () => {
    const c = startClock('decision', '2026-11-02', 15, NO_OVERRIDES);
    const ext = applyClockOp(c, { op: 'extend', clock: 'decision', days: 15 }, '2026-11-10', NO_OVERRIDES);
    expect(ext.days).toBe(30);
    expect(ext.dueOn).toBe(startClock('decision', '2026-11-02', 30, NO_OVERRIDES).dueOn);
  });

  it('a met clock is never overdue and is not recomputed', () => {
    const c = applyClockOp(
      startClock('acceptance', '2026-11-02', 7, NO_OVERRIDES),
      { op: 'meet', clock: 'acceptance' },
      '2026-11-20',
      NO_OVERRIDES,
    );
    expect(isOverdue(c, '2026-12-01')).toBe(false);
    expect(recompute(c, { days: new Map([['2026-11-05', false]]), years: new Set() })).toBe(c);
  });

  it('operations on a clock that never started are a programming error', () => {
    expect(() => applyClockOp(undefined, { op: 'meet', clock: 'mediation' }, '2026-11-02', NO_OVERRIDES)).toThrow(/not running/);
  });
});

describe('runningClock', () => {
  it('names the deadline a case in each state runs against', () => {
    expect(runningClock('complaint', 'assigned')).toBe('acceptance');
    expect(runningClock('report', 'assigned')).toBe('decision');
    expect(runningClock('complaint', 'mediating')).toBe('mediation');
    expect(runningClock('complaint', 'paused')).toBeNull();
    expect(runningClock('complaint', 'closed')).toBe('follow-up');
    // The settlement stage runs no statutory clock: its deadlines are the city's.
    expect(runningClock('complaint', 'negotiating')).toBeNull();
    expect(runningClock('report', 'not-opened')).toBe('reporter-notice');
  });
});
