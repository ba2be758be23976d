import type { Bilingual } from '@weiquan/core';
import type { CaseStatus } from './case-status';
import { findReason, reasonsUnder } from './reason-codes';
import type { ActionInput, CaseFacts, ClockName, ClockOp, Decision, FieldProblem, Rule, Transition } from './case-state.types';
import { offerProblems } from './offer.rules';

export { REMEDIES } from './offer.rules';
export type { Offer, Remedy } from './offer.rules';
export type { ActionInput, CaseFacts, ClockName, ClockOp, Decision, Transition } from './case-state.types';

/**
 * The case state machine of both tracks, as a pure function: what a handler may do to a case now,
 * and what doing it changes (status, clocks, the consumer's notification, follow-up effects).
 * Nothing here reads the clock or the database; the caller passes the facts and applies the result.
 */

export const CASE_ACTIONS = [
  'take-up',
  'record-offer',
  'settlement-failed',
  'accept',
  'refuse',
  'hand-back',
  'start-mediation',
  'pause-clock',
  'resume-clock',
  'resolve',
  'terminate',
  'open-enforcement',
  'decline-enforcement',
  'extend-decision',
  'merge-into',
  'report-violation',
  'close',
  'record-follow-up',
  'note',
  'step-in',
  'refer-to-business',
  'statement',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * What a station (or a business) may do: help the parties negotiate (Order 121 Art. 6, Art. 18
 * para. 2). Everything else (受理, 不予受理, mediation, termination, 立案, pauses…) is a decision of
 * the department with jurisdiction, and anyone else asking gets 403.
 */
const SETTLEMENT_ACTIONS: readonly CaseAction[] = ['take-up', 'record-offer', 'settlement-failed', 'hand-back', 'note'];

/**
 * What each kind of unit may do. A station also steps in on a settlement case of a business in its
 * venue, and passes a case to the enrolled business it names; a business answers the complaints
 * against it (its refusal is `settlement-failed`) and, in the formal stage, submits a statement.
 */
const MAY_TAKE: Record<'station' | 'business', readonly CaseAction[]> = {
  station: [...SETTLEMENT_ACTIONS, 'step-in', 'refer-to-business'],
  business: ['take-up', 'record-offer', 'settlement-failed', 'hand-back', 'statement'],
};
const NOT_A_DEPARTMENTS: readonly CaseAction[] = [
  'take-up',
  'record-offer',
  'settlement-failed',
  'step-in',
  'refer-to-business',
  'statement',
];

/** Whether a unit of this type may take this action at all (before asking whether the case's state allows it). */
export function unitMayTake(unitType: 'station' | 'regulator' | 'business', action: CaseAction): boolean {
  return unitType === 'regulator' ? !NOT_A_DEPARTMENTS.includes(action) : MAY_TAKE[unitType].includes(action);
}

const note: Rule = { to: 'same', needsNote: true };

/** Terminating mediation meets its clock and starts the notice to both parties (Order 121 Art. 23, last para.). */
export const terminationClocks = (f: CaseFacts): ClockOp[] => [
  { op: 'meet', clock: 'mediation' },
  { op: 'start', clock: 'termination-notice', days: f.ruleSet.terminationNotice.days, count: f.ruleSet.terminationNotice.count },
];

/** Complaint mediation may end in these ways from any of its running states. */
const endMediation: Record<'resolve' | 'terminate' | 'report-violation' | 'note', Rule> = {
  resolve: { to: 'resolved', needsOutcome: true, clocks: () => [{ op: 'meet', clock: 'mediation' }], notify: () => 'mediation-resolved' },
  terminate: { to: 'terminated', reason: 'termination', clocks: terminationClocks, notify: () => 'mediation-terminated' },
  'report-violation': { to: 'same', needsNote: true, effect: 'open-linked-report' },
  note,
};

/** The follow-up visit, where the city's policy sets one (Order 121 Art. 26 makes it optional). */
const followUpClock = (f: CaseFacts): ClockOp[] =>
  f.ruleSet.followUp ? [{ op: 'start', clock: 'follow-up', days: f.ruleSet.followUp.days, count: f.ruleSet.followUp.count }] : [];

/** Meets a clock if it runs (a referral, or a policy period turned off, started none). */
const meetIfRunning =
  (clock: ClockName) =>
  (f: CaseFacts): ClockOp[] =>
    f.running.includes(clock) ? [{ op: 'meet', clock }] : [];

/**
 * Deciding on a report meets its decision clock and starts the reporter's, where the law or the
 * city's policy sets one (a referral has no reporter to tell).
 */
const decisionMade = (f: CaseFacts): ClockOp[] => {
  const notice = f.ruleSet.reporterNotice;
  return [
    { op: 'meet', clock: 'decision' },
    ...(f.referral || !notice ? [] : [{ op: 'start', clock: 'reporter-notice', days: notice.days, count: notice.count } as const]),
  ];
};

const decide: Partial<Record<CaseAction, Rule>> = {
  'open-enforcement': { to: 'case-opened', clocks: decisionMade },
  'decline-enforcement': { to: 'not-opened', reason: 'no-case', clocks: decisionMade },
  'extend-decision': {
    to: 'same',
    needsNote: true,
    when: (f) => !f.decisionExtended,
    clocks: (f) => [{ op: 'extend', clock: 'decision', days: f.ruleSet.decisionExtension.days }],
  },
};

/**
 * Merging a report that adds new facts into the same reporter's earlier report on the same respondent
 * (Order 121 Art. 35; Order 20 has no such article): this one stops as a duplicate of the earlier one,
 * whose decision period counts again from this one's receipt (`mergeRefusal` checks the target).
 */
const merge: Rule = { to: 'duplicate', needsNote: true, needsTarget: true, effect: 'merge', when: (f) => f.ruleSet.code === 'order121' };

/** The lead is checked: testing, inspection and appraisal time is not counted (处罚程序规定 Art. 18). */
const checking: Partial<Record<CaseAction, Rule>> = {
  'pause-clock': { to: 'same', needsNote: true, when: (f) => !f.decisionPaused, clocks: () => [{ op: 'pause', clock: 'decision' }] },
  'resume-clock': { to: 'same', when: (f) => f.decisionPaused, clocks: () => [{ op: 'resume', clock: 'decision' }] },
};

/**
 * The settlement stage (协商和解), handled by a station: take it up, record what the business offers,
 * or give up (escalation to the formal complaint); a station that cannot help hands it back (another
 * station, else the formal stage). No statutory clock runs: the city's take-up and outcome periods
 * are on the case row, not clocks (`SETTLEMENT_OPEN`).
 */
const handBackSettlement: Rule = { to: 'received', needsNote: true, effect: 'hand-back' };
const settlementFailed: Rule = { to: 'received', needsNote: true, effect: 'escalate' };
const recordOffer: Rule = { to: 'offered', needsNote: true, needsOffer: true, notify: () => 'offer' };
/** The venue's station takes over a case its tenant business holds (it is then the station's, taken up). */
const stepIn: Rule = { to: 'negotiating', effect: 'step-in' };
/** A station confirms the respondent it was given by name is an enrolled business, and passes the case to it. */
const refer: Rule = { to: 'settling', effect: 'refer' };
const SETTLEMENT: Partial<Record<CaseStatus, Partial<Record<CaseAction, Rule>>>> = {
  settling: {
    'take-up': { to: 'negotiating' },
    'settlement-failed': settlementFailed,
    'hand-back': handBackSettlement,
    note,
    'step-in': stepIn,
    'refer-to-business': refer,
  },
  negotiating: {
    'record-offer': recordOffer,
    'settlement-failed': settlementFailed,
    'hand-back': handBackSettlement,
    note,
    'step-in': stepIn,
    'refer-to-business': refer,
  },
  offered: { 'record-offer': recordOffer, 'settlement-failed': settlementFailed, note, 'step-in': stepIn },
};

/** The business's statement to the department, while its complaint is before one (a party's say, no state change). */
const statement: Rule = { to: 'same', needsNote: true, effect: 'statement' };

const RULES: Record<'complaint' | 'report', Partial<Record<CaseStatus, Partial<Record<CaseAction, Rule>>>>> = {
  complaint: {
    ...SETTLEMENT,
    assigned: {
      accept: {
        to: 'accepted',
        clocks: (f) => [
          { op: 'meet', clock: 'acceptance' },
          { op: 'start', clock: 'mediation', days: f.ruleSet.mediation.days, count: f.ruleSet.mediation.count },
        ],
        notify: () => 'accepted',
      },
      refuse: { to: 'refused', reason: 'refusal', clocks: () => [{ op: 'meet', clock: 'acceptance' }], notify: () => 'refused' },
      'hand-back': { to: 'received', needsNote: true, effect: 'hand-back' },
      note,
      statement,
    },
    accepted: { 'start-mediation': { to: 'mediating' }, ...endMediation, statement },
    mediating: {
      'pause-clock': { to: 'paused', needsNote: true, clocks: () => [{ op: 'pause', clock: 'mediation' }] },
      ...endMediation,
      statement,
    },
    paused: {
      'resume-clock': { to: 'mediating', clocks: () => [{ op: 'resume', clock: 'mediation' }] },
      terminate: endMediation.terminate,
      'report-violation': endMediation['report-violation'],
      note,
      statement,
    },
    resolved: { close: { to: 'closed', clocks: followUpClock, notify: () => 'closed' }, note },
    terminated: {
      close: { to: 'closed', clocks: (f) => [...meetIfRunning('termination-notice')(f), ...followUpClock(f)], notify: () => 'closed' },
      note,
    },
    closed: {
      'record-follow-up': {
        to: 'same',
        needsNote: true,
        when: (f) => !f.followUpDone,
        clocks: meetIfRunning('follow-up'),
        notify: () => 'follow-up',
      },
      note,
    },
  },
  report: {
    assigned: {
      accept: { to: 'deciding' },
      'hand-back': { to: 'received', needsNote: true, effect: 'hand-back' },
      ...decide,
      'merge-into': merge,
      note,
    },
    deciding: { ...decide, ...checking, 'merge-into': merge, note },
    'case-opened': {
      close: {
        to: 'closed',
        clocks: meetIfRunning('reporter-notice'),
        notify: (f) => (f.referral ? undefined : 'report-decision'),
      },
      note,
    },
    'not-opened': {
      close: {
        to: 'closed',
        clocks: meetIfRunning('reporter-notice'),
        notify: (f) => (f.referral ? undefined : 'report-decision'),
      },
      note,
    },
  },
};

/** Every state not listed above still takes a note from its handler. */
function rulesFor(f: CaseFacts): Partial<Record<CaseAction, Rule>> {
  return RULES[f.track][f.status] ?? { note };
}

/** The actions a handler may take on the case now, in the contract's order. */
export function allowedActions(f: CaseFacts): CaseAction[] {
  const rules = rulesFor(f);
  return CASE_ACTIONS.filter((a) => {
    const rule = rules[a];
    return rule && (rule.when?.(f) ?? true);
  });
}

const NOTE_MAX = 2000;
const USED_BY: Record<'reasonCode' | 'amountRecoveredFen' | 'agreement', Bilingual> = {
  reasonCode: { zh: '此操作不需要理由代码', en: 'not used by this action' },
  amountRecoveredFen: { zh: '只有"调解成功"需要挽回金额', en: 'only "resolve" takes an amount recovered' },
  agreement: { zh: '只有"调解成功"需要填写是否达成书面协议', en: 'only "resolve" takes agreement' },
};

const MERGE_INTO_USED_BY: Bilingual = { zh: '只有"合并处理"需要填写被并入的举报的查询编号', en: 'only "merge-into" takes mergeInto' };

/** Decides an action on a case: the transition, or why not (409 with what is allowed, or 400 per field). */
export function decideAction(f: CaseFacts, input: ActionInput): Decision {
  const rule = rulesFor(f)[input.action];
  if (!rule || !(rule.when?.(f) ?? true)) return { ok: false, kind: 'not-allowed', allowed: allowedActions(f) };

  const problems: FieldProblem[] = [];
  const text = input.note?.trim() ?? '';
  let reason: Transition['reason'];
  if (rule.reason) {
    const options = reasonsUnder(rule.reason, f.ruleSet.code);
    const found = input.reasonCode ? findReason(rule.reason, f.ruleSet.code, input.reasonCode) : undefined;
    if (!found) {
      const list = options.map((o) => o.code).join('、');
      problems.push({
        field: 'reasonCode',
        message: input.reasonCode
          ? {
              zh: `"${input.reasonCode}" 不是${f.ruleSet.name}下的有效理由代码，可选：${list}`,
              en: `"${input.reasonCode}" is not a reason code under ${f.ruleSet.code}; choose one of ${options.map((o) => o.code).join(', ')}`,
            }
          : { zh: `必须选择理由代码（可选：${list}）`, en: `a reason code is required (one of ${options.map((o) => o.code).join(', ')})` },
      });
    } else reason = { kind: rule.reason, ...found };
  } else if (input.reasonCode !== undefined) problems.push({ field: 'reasonCode', message: USED_BY.reasonCode });

  if (rule.needsNote && text.length < 2)
    problems.push({ field: 'note', message: { zh: '必须填写说明（至少 2 个字）', en: 'a note of at least 2 characters is required' } });
  if (text.length > NOTE_MAX)
    problems.push({ field: 'note', message: { zh: `说明不能超过 ${NOTE_MAX} 字`, en: `at most ${NOTE_MAX} characters` } });

  if (rule.needsOutcome) {
    if (input.amountRecoveredFen === undefined)
      problems.push({
        field: 'amountRecovered',
        message: {
          zh: '必须填写为消费者挽回的经济损失（元，可为 0）',
          en: 'the amount recovered for the consumer is required (yuan, may be 0)',
        },
      });
    if (input.agreement === undefined)
      problems.push({
        field: 'agreement',
        message: { zh: '必须说明是否达成书面调解协议', en: 'say whether a written agreement was made (true or false)' },
      });
  } else {
    if (input.amountRecoveredFen !== undefined) problems.push({ field: 'amountRecovered', message: USED_BY.amountRecoveredFen });
    if (input.agreement !== undefined) problems.push({ field: 'agreement', message: USED_BY.agreement });
  }
  if (rule.needsTarget && !input.mergeInto)
    problems.push({
      field: 'mergeInto',
      message: { zh: '必须填写被并入的在先举报的查询编号', en: 'the tracking number of the earlier report to merge into is required' },
    });
  if (!rule.needsTarget && input.mergeInto !== undefined) problems.push({ field: 'mergeInto', message: MERGE_INTO_USED_BY });
  problems.push(...offerProblems(input, !!rule.needsOffer));
  if (problems.length) return { ok: false, kind: 'invalid', problems };

  const to = rule.to === 'same' ? f.status : rule.to;
  const outcome: Transition['outcome'] = rule.needsOutcome
    ? { amountRecoveredFen: input.amountRecoveredFen, agreement: input.agreement }
    : input.action === 'open-enforcement'
      ? { decision: 'opened' }
      : input.action === 'decline-enforcement'
        ? { decision: 'not-opened' }
        : undefined;
  return {
    ok: true,
    transition: {
      action: input.action,
      from: f.status,
      to,
      reason,
      clocks: rule.clocks?.(f) ?? [],
      notify: rule.notify?.(f),
      effect: rule.effect,
      outcome,
      ...(rule.needsTarget ? { mergeInto: input.mergeInto } : {}),
      ...(rule.needsOffer
        ? {
            offer: {
              remedy: input.remedy!,
              amountFen: input.amountOfferedFen ?? null,
              message: text,
              ...(input.response ? { response: input.response } : {}),
            },
          }
        : {}),
    },
  };
}
