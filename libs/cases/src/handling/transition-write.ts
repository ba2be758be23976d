import type { CalendarOverrides, IsoDate } from '@weiquan/calendar';
import { workingDaysBetween } from '@weiquan/calendar';
import type { CaseFacts, ClockName, Transition } from '../case-state';
import { CASE_ACTIONS } from '../case-state';
import { SETTLEMENT_OPEN } from '../case-status';
import type { Clock } from '../deadline';
import { applyClockOp } from '../deadline';
import { firstClock } from './case-view';
import type { CaseRow, TransitionWrite } from './cases.repository';

/** Actions that conclude a case's handling: their event records how many working days it took. */
const CONCLUDING = new Set(['refuse', 'resolve', 'terminate', 'open-enforcement', 'decline-enforcement', 'accept-offer']);

/**
 * The deadline a case runs against after the transition. The settlement stage runs the city's
 * periods, kept on the case row (take-up until a station takes it up, then the outcome); the formal
 * stage, its statutory clocks.
 */
function dueAfter(c: CaseRow, to: CaseRow['status'], runningClocks: string[]): string | null {
  if (to === 'settling') return c.takeUpDue;
  if (SETTLEMENT_OPEN.includes(to)) return c.settlementDue;
  if (to === 'settled') return null;
  return runningClocks[0] ?? null;
}

/** Events the consumer sees in their timeline: every action but the office's own working steps. */
const PUBLIC_ACTIONS = new Set<string>([
  ...CASE_ACTIONS.filter((a) => !['hand-back', 'report-violation', 'note', 'statement'].includes(a)),
  'accept-offer',
]);

/** The row the repository writes for a decided transition. Pure: the calendar is passed in. */
export function transitionWrite(
  c: CaseRow,
  t: Transition,
  facts: CaseFacts,
  clocks: Clock[],
  today: IsoDate,
  cal: CalendarOverrides,
  actor: TransitionWrite['actor'],
  note: string | null,
): TransitionWrite {
  const byName = new Map<ClockName, Clock>(clocks.map((k) => [k.clock, k]));
  let first = firstClock(c, facts.ruleSet);
  let firstTouched = false;
  for (const op of t.clocks) {
    if (op.clock === first.clock) {
      first = applyClockOp(first, op, today, cal);
      firstTouched = true;
    } else byName.set(op.clock, applyClockOp(byName.get(op.clock), op, today, cal));
  }
  const changed = t.clocks.filter((op) => op.clock !== first.clock).map((op) => byName.get(op.clock)!);
  const met = t.clocks
    .filter((op) => op.op === 'meet')
    .map((op) => (op.clock === first.clock ? first : byName.get(op.clock)!))
    .map((k) => ({ clock: k.clock, dueOn: k.dueOn, metOn: k.metOn, onTime: k.metOn! <= k.dueOn }));
  const running = [...byName.values()]
    .filter((k) => !k.metOn && !k.pausedOn)
    .map((k) => k.dueOn)
    .sort();
  const a = t.action;
  return {
    caseId: c.id,
    from: t.from,
    to: t.to,
    actor,
    action: a,
    reasonCode: t.reason?.code ?? null,
    note,
    publicEvent: PUBLIC_ACTIONS.has(a),
    eventData: {
      ...(t.reason ? { reason: { kind: t.reason.kind, code: t.reason.code, text: t.reason.text, basis: t.reason.basis } } : {}),
      ...(t.outcome ? { outcome: t.outcome } : {}),
      ...(t.offer ? { offer: t.offer } : {}),
      ...(t.clocks.length ? { clocks: t.clocks } : {}),
      // What statistics need, fixed at the moment it happened (rollups replay history, never re-derive it).
      ...(met.length ? { met } : {}),
      // Counted from when the department received it (an escalated complaint: the escalation day).
      ...(CONCLUDING.has(a) ? { handlingWorkingDays: workingDaysBetween(c.escalatedOn ?? c.receivedOn, today, cal) } : {}),
    },
    set: {
      clockDue: dueAfter(c, t.to, running),
      firstClock: firstTouched
        ? {
            dueOn: first.dueOn,
            provisional: first.provisional,
            metOn: first.metOn,
            extended: c.decisionExtended || t.clocks.some((op) => op.op === 'extend' && op.clock === 'decision'),
            countsFrom: first.countsFrom,
            days: first.days,
            pausedOn: first.pausedOn,
          }
        : undefined,
      outcomeReasonCode: t.reason?.code,
      amountRecoveredFen: t.outcome?.amountRecoveredFen,
      agreement: t.outcome?.agreement,
      decision: t.outcome?.decision,
      accepted: a === 'accept',
      concluded: CONCLUDING.has(a),
      closed: a === 'close' || a === 'accept-offer',
      followedUp: a === 'record-follow-up',
      offer: t.offer ? { ...t.offer, at: new Date().toISOString() } : undefined,
      takenUp: a === 'take-up',
    },
    clocks: changed,
  };
}
