import type { CalendarOverrides } from '@weiquan/calendar';
import { NO_OVERRIDES } from '@weiquan/calendar';
import { applyClockOp, isOverdue, recompute, startClock } from './deadline';

describe('statutory clocks on the working-day calendar', () => {
  it('received 2026-09-30: the 7-working-day acceptance clock ends 2026-10-15 (National Day off, Saturday 10 October worked)', () => {
    expect(startClock('acceptance', '2026-09-30', 7, NO_OVERRIDES)).toMatchObject({ dueOn: '2026-10-15', provisional: false });
  });

  it('a 45-working-day mediation started in December 2026 reaches 2027 and is provisional', () => {
    const c = startClock('mediation', '2026-12-10', 45, NO_OVERRIDES);
    expect(c.provisional).toBe(true);
    expect(c.dueOn > '2027-01-31').toBe(true);
  });

  it('entering 2027 makes it official, and its holidays push the due date later', () => {
    const guess = startClock('mediation', '2026-12-10', 45, NO_OVERRIDES);
    const spring: CalendarOverrides = {
      days: new Map([
        ...['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-15'].map((d) => [d, false] as const),
        ['2027-02-06', true] as const,
      ]),
      years: new Set([2027]),
    };
    const entered = recompute(guess, spring);
    expect(entered.provisional).toBe(false);
    expect(entered.dueOn > guess.dueOn).toBe(true);
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
    // Paused in December with 30 of 45 days left; 2027 is entered before the resume.
    const c = startClock('mediation', '2026-11-20', 45, NO_OVERRIDES);
    const paused = applyClockOp(c, { op: 'pause', clock: 'mediation' }, '2026-12-11', NO_OVERRIDES);
    const spring: CalendarOverrides = {
      days: new Map([
        ['2027-01-04', false],
        ['2027-01-05', false],
      ]),
      years: new Set([2027]),
    };
    const resumed = applyClockOp(paused, { op: 'resume', clock: 'mediation' }, '2026-12-21', spring);
    expect(resumed.days).toBe(45 - 15);
    expect(resumed).toMatchObject(startClock('mediation', '2026-12-21', 30, spring));
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
