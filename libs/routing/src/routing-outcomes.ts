import type { CalendarOverrides, IsoDate } from '@weiquan/calendar';
import { addWorkingDays } from '@weiquan/calendar';
import type { DeskDecision, FormalReceipt } from '@weiquan/cases/lifecycle/assignment.repository';
import { findReason } from '@weiquan/cases/reason-codes';
import { ruleSet as rulesOf, ruleSetOn } from '@weiquan/cases/rule-set';
import type { RuleSetCode } from '@weiquan/cases/rule-set';
import type { CaseToRoute } from './routing.repository';
import { whereToFile } from './jurisdiction.rules';
import type { RoutingDecision } from './routing.types';

/** What routing decides beyond the unit, as pure functions: the intake desk's decision, and a settlement case's formal receipt. */

/**
 * The city bureau's intake desk, for a case no unit of the city has authority for: a complaint is
 * refused on ground 1 (outside duties / no authority here: Order 121 Art. 16(1), Order 20 Art.
 * 15(1)) and the complainant told where to file; a report is not opened for want of jurisdiction, the
 * reporter told where to report (Order 121 Art. 34, Order 20 Art. 29), and closed. The grounds and
 * their citations come from the case's rule set (libs/cases reason codes), never from here.
 */
export function deskDecision(c: CaseToRoute, d: RoutingDecision, today: IsoDate, handlingWorkingDays: number): DeskDecision {
  const ruleSet = c.ruleSet as RuleSetCode;
  const where = whereToFile(d.noAuthority!, c.track);
  const met = c.firstDue
    ? [{ clock: c.track === 'report' ? 'decision' : 'acceptance', dueOn: c.firstDue, metOn: today, onTime: today <= c.firstDue }]
    : [];
  if (c.track === 'complaint') {
    const ground = findReason('refusal', ruleSet, '1');
    return {
      reasonCode: ground ? '1' : null,
      decision: null,
      events: [
        {
          type: 'refuse',
          from: 'assigned',
          to: 'refused',
          reasonCode: ground ? '1' : null,
          note: where,
          data: {
            ...(ground ? { reason: { kind: 'refusal', ...ground } } : {}),
            noAuthority: d.noAuthority,
            met,
            handlingWorkingDays,
          },
        },
      ],
    };
  }
  const ground = findReason('no-case', ruleSet, '3');
  return {
    reasonCode: ground ? '3' : null,
    decision: 'not-opened',
    events: [
      {
        type: 'decline-enforcement',
        from: 'assigned',
        to: 'not-opened',
        reasonCode: ground ? '3' : null,
        note: where,
        data: {
          ...(ground ? { reason: { kind: 'no-case', ...ground } } : {}),
          noAuthority: d.noAuthority,
          outcome: { decision: 'not-opened' },
          met,
          handlingWorkingDays,
        },
      },
      { type: 'close', from: 'not-opened', to: 'closed', reasonCode: null, note: null, data: {} },
    ],
  };
}

/**
 * When the department receives a settlement case that no station can take: on the filing day when it
 * is first routed (the consumer filed with the department then), else today (a station handed it
 * back: an escalation), with the rule set in force that day. Its acceptance clock counts from then.
 */
export function formalReceipt(c: CaseToRoute, today: IsoDate, cal: CalendarOverrides): FormalReceipt {
  const escalated = c.round > 0;
  const countsFrom = escalated ? today : c.receivedOn;
  const rules = escalated ? ruleSetOn(today) : rulesOf(c.ruleSet as RuleSetCode);
  const due = addWorkingDays(countsFrom, rules.acceptance.days, cal);
  return { countsFrom, ruleSet: rules.code, acceptanceDue: due.date, provisional: due.provisional, escalated };
}
