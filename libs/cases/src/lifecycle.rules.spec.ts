import type { CaseAction, CaseFacts } from './case-state';
import { CASE_ACTIONS, decideAction, unitMayTake } from './case-state';
import type { CaseStatus } from './case-status';
import { CASE_STATUSES } from './case-status';
import { movesFrom } from './lifecycle.rules';
import { casePeriods, ruleSet } from './rule-set';
import { decideAcceptOffer, lapsed, mayEscalate, mayReopen, reopenUntil } from './settlement.rules';

const facts = (track: CaseFacts['track'], status: CaseStatus): CaseFacts => ({
  track,
  status,
  ruleSet: casePeriods(ruleSet('order121')),
  referral: false,
  decisionExtended: false,
  decisionPaused: false,
  followUpDone: false,
  running: [],
});

/**
 * The whole lifecycle of both tracks and both stages: each state, and every move out of it (the
 * worker's routing, the consumer's and the sweep's moves, then the handler's actions). A state
 * missing here, or a move added or lost, fails the table.
 */
const MATRIX: Record<'complaint' | 'report', Record<CaseStatus, string>> = {
  complaint: {
    received: 'route withdraw note',
    // The venue's station steps in on a business's case; a station passes a name-only respondent to the enrolled business.
    settling: 'escalate withdraw take-up settlement-failed hand-back note step-in refer-to-business',
    negotiating: 'escalate withdraw record-offer settlement-failed hand-back note step-in refer-to-business',
    offered: 'accept-offer escalate withdraw record-offer settlement-failed note step-in',
    settled: 'note',
    duplicate: 'note',
    // The business states its side to the department while the department handles the complaint.
    assigned: 'withdraw accept refuse hand-back note statement',
    accepted: 'withdraw start-mediation resolve terminate report-violation note statement',
    mediating: 'withdraw pause-clock resolve terminate report-violation note statement',
    paused: 'withdraw resume-clock terminate report-violation note statement',
    resolved: 'close note',
    terminated: 'close note',
    refused: 'note',
    transferred: 'note',
    deciding: 'withdraw note',
    'case-opened': 'note',
    'not-opened': 'note',
    closed: 'record-follow-up note',
    withdrawn: 'note',
  },
  report: {
    received: 'route withdraw note',
    // Reports never enter the settlement stage: its states offer them nothing but a note.
    settling: 'withdraw note',
    negotiating: 'withdraw note',
    offered: 'withdraw note',
    settled: 'note',
    duplicate: 'note',
    assigned: 'withdraw accept hand-back open-enforcement decline-enforcement extend-decision merge-into note',
    accepted: 'withdraw note',
    mediating: 'withdraw note',
    paused: 'withdraw note',
    resolved: 'note',
    terminated: 'note',
    refused: 'note',
    transferred: 'note',
    deciding: 'withdraw pause-clock open-enforcement decline-enforcement extend-decision merge-into note',
    'case-opened': 'close note',
    'not-opened': 'close note',
    closed: 'note',
    withdrawn: 'note',
  },
};

describe('the lifecycle as a state × move table', () => {
  const rows = (['complaint', 'report'] as const).flatMap((track) => CASE_STATUSES.map((status) => [track, status] as const));
  it.each(rows)('%s %s', (track, status) => {
    expect(movesFrom(facts(track, status)).join(' ')).toBe(MATRIX[track][status]);
  });
});

describe('who may take an action: a station helps negotiate, a business answers, a department decides (403 otherwise)', () => {
  const STATION = ['take-up', 'record-offer', 'settlement-failed', 'hand-back', 'note', 'step-in', 'refer-to-business'];
  const BUSINESS = ['take-up', 'record-offer', 'settlement-failed', 'hand-back', 'statement'];
  const NOT_A_DEPARTMENTS = ['take-up', 'record-offer', 'settlement-failed', 'step-in', 'refer-to-business', 'statement'];
  it.each(CASE_ACTIONS.map((a) => [a] as const))('%s', (action: CaseAction) => {
    expect(unitMayTake('station', action)).toBe(STATION.includes(action));
    expect(unitMayTake('business', action)).toBe(BUSINESS.includes(action));
    expect(unitMayTake('regulator', action)).toBe(!NOT_A_DEPARTMENTS.includes(action));
  });
});

describe('the settlement stage (a station helps both sides agree)', () => {
  it('taking up moves to negotiating; no statutory clock starts', () => {
    const d = decideAction(facts('complaint', 'settling'), { action: 'take-up' });
    expect(d).toMatchObject({ ok: true, transition: { to: 'negotiating', clocks: [] } });
  });

  it.each([
    ['refund without an amount', { remedy: 'refund' as const }, 'amountOffered'],
    ['compensation without an amount', { remedy: 'compensation' as const }, 'amountOffered'],
    ['no remedy', { amountOfferedFen: 26850 }, 'remedy'],
  ])('an offer needs its remedy, and the amount of a money remedy: %s', (_name, input, field) => {
    const d = decideAction(facts('complaint', 'negotiating'), { action: 'record-offer', note: '商家同意', ...input });
    expect(d).toMatchObject({ ok: false, kind: 'invalid', problems: expect.arrayContaining([expect.objectContaining({ field })]) });
  });

  it('a recorded offer is shown to the consumer with the business’s message, and tells them', () => {
    const d = decideAction(facts('complaint', 'negotiating'), {
      action: 'record-offer',
      remedy: 'refund',
      amountOfferedFen: 26850,
      note: '商家同意全额退款',
    });
    expect(d).toMatchObject({
      ok: true,
      transition: { to: 'offered', notify: 'offer', offer: { remedy: 'refund', amountFen: 26850, message: '商家同意全额退款' } },
    });
  });

  it('an apology needs no amount; a revised offer replaces the first', () => {
    const d = decideAction(facts('complaint', 'offered'), { action: 'record-offer', remedy: 'apology', note: '书面道歉' });
    expect(d).toMatchObject({ ok: true, transition: { to: 'offered', offer: { remedy: 'apology', amountFen: null } } });
  });

  it('an amount or remedy on another action is refused by name', () => {
    const d = decideAction(facts('complaint', 'settling'), { action: 'take-up', remedy: 'refund' });
    expect(d).toMatchObject({ ok: false, kind: 'invalid', problems: [{ field: 'remedy' }] });
  });

  it('giving up needs a note and escalates to the formal stage', () => {
    expect(decideAction(facts('complaint', 'negotiating'), { action: 'settlement-failed' })).toMatchObject({
      ok: false,
      problems: [{ field: 'note' }],
    });
    const d = decideAction(facts('complaint', 'negotiating'), { action: 'settlement-failed', note: '商家拒绝任何方案' });
    expect(d).toMatchObject({ ok: true, transition: { to: 'received', effect: 'escalate' } });
  });

  it('accepting the offer settles the case at the source, the offered amount recovered', () => {
    const offer = { remedy: 'refund' as const, amountFen: 26850, message: '退款' };
    expect(decideAcceptOffer('offered', offer)).toMatchObject({
      action: 'accept-offer',
      to: 'settled',
      notify: 'settled',
      outcome: { amountRecoveredFen: 26850 },
    });
    expect(decideAcceptOffer('offered', { ...offer, remedy: 'apology', amountFen: null })?.outcome).toEqual({ amountRecoveredFen: 0 });
    expect(decideAcceptOffer('negotiating', null)).toBeNull();
    expect(decideAcceptOffer('settled', offer)).toBeNull();
  });

  it.each<[CaseStatus, boolean]>([
    ['settling', true],
    ['negotiating', true],
    ['offered', true],
    ['received', false],
    ['assigned', false],
    ['settled', false],
    ['closed', false],
  ])('the consumer may leave for a formal complaint while the stage is open: %s → %s', (status, may) => {
    expect(mayEscalate(status)).toBe(may);
  });

  it.each<[string, CaseStatus, string | null, string | null, string | null]>([
    ['nobody took it up by the take-up day', 'settling', '2026-12-02', '2026-12-14', 'take-up-lapsed'],
    ['the take-up day is today: not yet', 'settling', '2026-12-03', '2026-12-14', null],
    ['taken up, the outcome day passed', 'negotiating', '2026-12-01', '2026-12-02', 'deadline-lapsed'],
    ['an offer waits, the outcome day passed', 'offered', null, '2026-12-02', 'deadline-lapsed'],
    ['taken up, within the outcome period (the take-up day no longer matters)', 'negotiating', '2026-12-01', '2026-12-10', null],
    ['settled: nothing lapses', 'settled', null, '2026-12-01', null],
    ['a formal complaint: not this rule', 'assigned', null, null, null],
  ])('lapse: %s', (_name, status, takeUpDue, settlementDue, cause) => {
    expect(lapsed({ status, takeUpDue, settlementDue }, '2026-12-03')).toBe(cause);
  });
});

describe('a business in the settlement stage: silence escalates, a delivered settlement may be reopened for 7 days', () => {
  it.each([
    ['a business that never answered, past the outcome day', 'settling', 'business', '2026-11-16', '2026-11-17', 'no-answer'],
    ['a business that took it up but made no offer', 'negotiating', 'business', '2026-11-16', '2026-11-17', 'no-answer'],
    ['a business’s offer the consumer left unanswered', 'offered', 'business', '2026-11-16', '2026-11-17', 'deadline-lapsed'],
    ['on the outcome day itself: not yet', 'settling', 'business', '2026-11-16', '2026-11-16', null],
    ['a station past the outcome day', 'negotiating', 'station', '2026-11-16', '2026-11-17', 'deadline-lapsed'],
  ] as const)('%s', (_name, status, holder, due, today, cause) => {
    expect(lapsed({ status, holder, takeUpDue: null, settlementDue: due }, today)).toBe(cause);
  });

  it.each([
    ['the day it was settled', 'settled', '2026-11-10', '2026-11-10', 7, true],
    ['the 7th day after', 'settled', '2026-11-10', '2026-11-17', 7, true],
    ['the 8th day after', 'settled', '2026-11-10', '2026-11-18', 7, false],
    ['the city turned it off', 'settled', '2026-11-10', '2026-11-10', 0, false],
    ['not settled at the source', 'closed', '2026-11-10', '2026-11-10', 7, false],
  ] as const)('saying the offer was not delivered: %s', (_name, status, settledOn, today, days, may) => {
    expect(mayReopen(status, settledOn, today, days)).toBe(may);
  });

  it('counts the reopening period in calendar days across a month end', () => {
    expect(reopenUntil('2026-11-28', 7)).toBe('2026-12-05');
  });
});
