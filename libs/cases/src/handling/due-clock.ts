import type { Bilingual } from '@weiquan/core';
import type { ClockName } from '../case-state';
import type { CaseStatus } from '../case-status';
import { runningClock } from '../deadline';

/**
 * Which deadline a case's due date (`cases.due_on`) is, for the queue to say so beside the date.
 * `due_on` is a generated column (case-handling, clock-count and settlement migrations): the first
 * clock (`acceptance_due`) while the case waits for acceptance or a report decision, else the
 * running workflow clock (`clock_due`), which in the settlement stage is the city's take-up day
 * until a station takes the case up, then its outcome day. Pure.
 */
export type DueClock = ClockName | 'take-up' | 'settlement';

export const DUE_CLOCKS: readonly DueClock[] = [
  'acceptance',
  'decision',
  'mediation',
  'termination-notice',
  'reporter-notice',
  'follow-up',
  'take-up',
  'settlement',
];

/** Short names, as a column of a list reads them (CLOCK_TEXT in deadline.ts has the long ones). */
export const DUE_LABEL: Record<DueClock, Bilingual> = {
  acceptance: { zh: '受理期限', en: 'acceptance' },
  decision: { zh: '立案决定期限', en: 'enforcement decision' },
  mediation: { zh: '调解期限', en: 'mediation' },
  'termination-notice': { zh: '终止调解告知期限', en: 'termination notice' },
  'reporter-notice': { zh: '告知举报人期限', en: 'reporter notice' },
  'follow-up': { zh: '回访期限', en: 'follow-up' },
  'take-up': { zh: '接手期限', en: 'take-up' },
  settlement: { zh: '和解期限', en: 'settlement' },
};

export function dueClockOf(c: {
  track: 'complaint' | 'report';
  status: CaseStatus;
  dueOn: string | null;
  takeUpDue: string | null;
}): DueClock | null {
  if (c.dueOn === null) return null;
  switch (c.status) {
    case 'settling':
      return c.takeUpDue !== null && c.takeUpDue === c.dueOn ? 'take-up' : 'settlement';
    case 'negotiating':
    case 'offered':
      return 'settlement';
    default:
      return runningClock(c.track, c.status);
  }
}
