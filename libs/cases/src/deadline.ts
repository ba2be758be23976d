import type { CalendarOverrides, IsoDate } from '@weiquan/calendar';
import { addWorkingDays, workingDaysBetween } from '@weiquan/calendar';
import type { ClockName, ClockOp } from './case-state';

/**
 * A statutory clock: `days` working days counted from `countsFrom` (the day itself not counted).
 * A pause (testing or appraisal during mediation) keeps the days left; the resume counts them again
 * from the day of resumption, so the time in between is excluded. Pure: the calendar is passed in.
 */
export interface Clock {
  clock: ClockName;
  countsFrom: IsoDate;
  days: number;
  dueOn: IsoDate;
  /** Some day counted is in a year without an official schedule yet: recomputed when it is entered. */
  provisional: boolean;
  pausedOn: IsoDate | null;
  metOn: IsoDate | null;
}

export function startClock(clock: ClockName, today: IsoDate, days: number, cal: CalendarOverrides): Clock {
  const due = addWorkingDays(today, days, cal);
  return { clock, countsFrom: today, days, dueOn: due.date, provisional: due.provisional, pausedOn: null, metOn: null };
}

/**
 * The working days still left on a clock that stops running on `on` (that day counted as used):
 * its length less the days used, counted on the calendar as it is now, so a due date guessed on a
 * provisional year (and not recomputed while paused) does not shorten or lengthen what is left.
 */
function daysLeft(c: Clock, on: IsoDate, cal: CalendarOverrides): number {
  return Math.max(0, c.days - workingDaysBetween(c.countsFrom, on, cal));
}

/** Applies one clock operation of a transition on `today`; returns the clock as it now stands. */
export function applyClockOp(current: Clock | undefined, op: ClockOp, today: IsoDate, cal: CalendarOverrides): Clock {
  switch (op.op) {
    case 'start':
      return startClock(op.clock, today, op.days, cal);
    case 'meet':
      return { ...need(current, op), metOn: today };
    case 'pause':
      return { ...need(current, op), pausedOn: today };
    case 'resume': {
      const c = need(current, op);
      if (!c.pausedOn) return c;
      return { ...startClock(c.clock, today, daysLeft(c, c.pausedOn, cal), cal), pausedOn: null };
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
  const due = addWorkingDays(c.countsFrom, c.days, cal);
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
  acceptance: { zh: '受理期限（7 个工作日内决定是否受理并告知投诉人）', en: 'acceptance: decide and tell the complainant' },
  decision: { zh: '立案决定期限', en: 'decision on opening an enforcement case' },
  mediation: { zh: '调解期限', en: 'mediation period' },
  'termination-notice': { zh: '终止调解告知期限', en: 'tell both parties that mediation ended' },
  'reporter-notice': { zh: '告知举报人处理结果期限', en: 'tell the reporter the decision' },
  'follow-up': { zh: '回访期限', en: 'follow-up visit' },
};
