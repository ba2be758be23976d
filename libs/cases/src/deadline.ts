import type { CalendarOverrides, DueDate, IsoDate } from '@weiquan/calendar';
import { addCalendarDays, addWorkingDays, calendarDaysBetween, workingDaysBetween } from '@weiquan/calendar';
import type { ClockName, ClockOp } from './case-state';
import type { DayCount } from './rule-set';
import type { CaseStatus } from './case-status';

/**
 * A clock: `days` working days, or calendar days ending on a working day (Order 121 Art. 45),
 * counted from `countsFrom` (the day itself not counted). A pause (testing, inspection or appraisal)
 * keeps the days left; the resume counts them again from the day of resumption, so the time in
 * between is excluded. Pure: the calendar is passed in.
 */
export interface Clock {
  clock: ClockName;
  countsFrom: IsoDate;
  days: number;
  count: DayCount;
  dueOn: IsoDate;
  /** Some day counted is in a year without an official schedule yet: recomputed when it is entered. */
  provisional: boolean;
  pausedOn: IsoDate | null;
  metOn: IsoDate | null;
}

/** The day a period of `days` ends, counted from `from` the way its rule says. */
export function periodEnd(from: IsoDate, days: number, count: DayCount, cal: CalendarOverrides): DueDate {
  return count === 'calendar' ? addCalendarDays(from, days, cal) : addWorkingDays(from, days, cal);
}

export function startClock(clock: ClockName, today: IsoDate, days: number, cal: CalendarOverrides, count: DayCount = 'working'): Clock {
  const due = periodEnd(today, days, count, cal);
  return { clock, countsFrom: today, days, count, dueOn: due.date, provisional: due.provisional, pausedOn: null, metOn: null };
}

/**
 * The days still left on a clock that stops running on `on` (that day counted as used): its length
 * less the days used, counted on the calendar as it is now, so a due date guessed on a provisional
 * year (and not recomputed while paused) does not shorten or lengthen what is left.
 */
function daysLeft(c: Clock, on: IsoDate, cal: CalendarOverrides): number {
  const used = c.count === 'calendar' ? calendarDaysBetween(c.countsFrom, on) : workingDaysBetween(c.countsFrom, on, cal);
  return Math.max(0, c.days - used);
}

/** Applies one clock operation of a transition on `today`; returns the clock as it now stands. */
export function applyClockOp(current: Clock | undefined, op: ClockOp, today: IsoDate, cal: CalendarOverrides): Clock {
  switch (op.op) {
    case 'start':
      return startClock(op.clock, today, op.days, cal, op.count);
    case 'meet': {
      // Met while paused (decided during testing): the time paused does not count, so it is met
      // against the day it would end if it resumed today, and it stops being paused.
      const c = need(current, op);
      const running = c.pausedOn ? { ...startClock(c.clock, today, daysLeft(c, c.pausedOn, cal), cal, c.count), pausedOn: null } : c;
      return { ...running, metOn: today };
    }
    case 'pause':
      return { ...need(current, op), pausedOn: today };
    case 'resume': {
      const c = need(current, op);
      if (!c.pausedOn) return c;
      return { ...startClock(c.clock, today, daysLeft(c, c.pausedOn, cal), cal, c.count), pausedOn: null };
    }
    case 'extend': {
      const c = need(current, op);
      return recompute({ ...c, days: c.days + op.days }, cal);
    }
  }
}

/** The due date again from where the clock counts from (after a calendar year is entered). */
export function recompute(c: Clock, cal: CalendarOverrides): Clock {
  if (c.pausedOn || c.metOn) return c;
  const due = periodEnd(c.countsFrom, c.days, c.count, cal);
  return { ...c, dueOn: due.date, provisional: due.provisional };
}

/** Running (neither met nor paused) and past its day. */
export function isOverdue(c: Pick<Clock, 'dueOn' | 'metOn' | 'pausedOn'>, today: IsoDate): boolean {
  return !c.metOn && !c.pausedOn && c.dueOn < today;
}

function need(c: Clock | undefined, op: ClockOp): Clock {
  if (!c) throw new Error(`clock "${op.clock}" is not running, cannot ${op.op} it`);
  return c;
}

export const CLOCK_TEXT: Record<ClockName, { zh: string; en: string }> = {
  acceptance: { zh: '受理期限（决定是否受理并告知投诉人）', en: 'acceptance: decide and tell the complainant' },
  decision: { zh: '核查及立案决定期限', en: 'check the lead and decide on opening an enforcement case' },
  mediation: { zh: '调解期限', en: 'mediation period' },
  'termination-notice': { zh: '终止调解告知期限', en: 'tell both parties that mediation ended' },
  'reporter-notice': { zh: '告知实名举报人是否立案期限', en: 'tell a real-name reporter whether a case was opened' },
  'follow-up': { zh: '回访期限', en: 'follow-up visit' },
};

/** The clock a case in this state is running against (what its `due_on` is), if any. */
export function runningClock(track: 'complaint' | 'report', status: CaseStatus): ClockName | null {
  switch (status) {
    case 'received':
    case 'assigned':
      return track === 'complaint' ? 'acceptance' : 'decision';
    case 'deciding':
      return 'decision';
    case 'accepted':
    case 'mediating':
      return 'mediation';
    case 'terminated':
      return 'termination-notice';
    case 'case-opened':
    case 'not-opened':
      return 'reporter-notice';
    case 'closed':
      return track === 'complaint' ? 'follow-up' : null;
    default:
      return null;
  }
}
