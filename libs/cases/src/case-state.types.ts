import type { Bilingual } from '@weiquan/core';
import type { CaseAction } from './case-state';
import type { CaseStatus } from './case-status';
import type { ReasonKind } from './reason-codes';
import type { CasePeriods, DayCount } from './rule-set';
import type { Offer, OfferResponse, Remedy } from './offer.rules';

/** The shapes the state machine (case-state.ts) decides with: the facts of a case, an action, and what follows. */

/** Statutory clocks. `acceptance` (complaints) and `decision` (reports) start at receipt. */
export type ClockName = 'acceptance' | 'decision' | 'mediation' | 'termination-notice' | 'reporter-notice' | 'follow-up';

export type ClockOp =
  | { op: 'start'; clock: ClockName; days: number; count?: DayCount }
  | { op: 'meet'; clock: ClockName }
  | { op: 'pause'; clock: ClockName }
  | { op: 'resume'; clock: ClockName }
  | { op: 'extend'; clock: ClockName; days: number };

type ConsumerNotice =
  'offer' | 'settled' | 'accepted' | 'refused' | 'mediation-resolved' | 'mediation-terminated' | 'closed' | 'follow-up' | 'report-decision';

export interface CaseFacts {
  track: 'complaint' | 'report';
  status: CaseStatus;
  /** The case's rule set with the periods it runs (statutory, and the city's where the law sets none). */
  ruleSet: CasePeriods;
  /** A report opened by staff from a violation lead has no reporter to tell. */
  referral: boolean;
  decisionExtended: boolean;
  /** The report's decision clock is stopped for testing, inspection or appraisal. */
  decisionPaused: boolean;
  followUpDone: boolean;
  /** Workflow clocks started and not yet met (a clock is met only if it runs). */
  running: readonly ClockName[];
}

export interface ActionInput {
  action: CaseAction;
  reasonCode?: string;
  note?: string;
  /** Money recovered for the consumer, in fen. */
  amountRecoveredFen?: number;
  agreement?: boolean;
  /** `merge-into`: the tracking number of the earlier report this one is merged into (Order 121 Art. 35). */
  mergeInto?: string;
  /** `record-offer`: what the business offers, and the amount in fen (required for a refund or compensation). */
  remedy?: Remedy;
  amountOfferedFen?: number;
  /** `record-offer` by a business: agrees to the demand in full or in part (its refusal is `settlement-failed`). */
  response?: OfferResponse;
  /** `refer-to-business`: the credit code of the enrolled business the station confirmed. */
  targetUnit?: string;
}

export interface Transition {
  /** A handler's action, or the consumer's acceptance of a settlement offer. */
  action: CaseAction | 'accept-offer';
  from: CaseStatus;
  to: CaseStatus;
  reason?: { kind: ReasonKind; code: string; text: Bilingual; basis: string };
  clocks: ClockOp[];
  notify?: ConsumerNotice;
  /**
   * Work beyond the case row: return it to routing, open a linked report, merge into an earlier
   * report, or leave the settlement stage for the formal complaint (escalation).
   */
  effect?: 'hand-back' | 'open-linked-report' | 'merge' | 'escalate' | 'step-in' | 'refer' | 'statement';
  /** `record-offer`: the offer, shown to the consumer to accept or reject. */
  offer?: Offer;
  /** `merge-into`: the earlier report's tracking number, as given. */
  mergeInto?: string;
  outcome?: { amountRecoveredFen?: number; agreement?: boolean; decision?: 'opened' | 'not-opened' };
}

export interface FieldProblem {
  field: string;
  message: Bilingual;
}

export type Decision =
  | { ok: true; transition: Transition }
  | { ok: false; kind: 'not-allowed'; allowed: CaseAction[] }
  | { ok: false; kind: 'invalid'; problems: FieldProblem[] };

/** One row of the state machine's tables (case-state.ts): where an action leads and what it needs. */
export interface Rule {
  to: CaseStatus | 'same';
  reason?: ReasonKind;
  needsNote?: boolean;
  needsOutcome?: boolean;
  /** Needs `mergeInto`, the earlier report's tracking number. */
  needsTarget?: boolean;
  /** Needs `remedy` (and `amountOfferedFen` for money): a settlement offer. */
  needsOffer?: boolean;
  clocks?: (f: CaseFacts) => ClockOp[];
  notify?: (f: CaseFacts) => ConsumerNotice | undefined;
  effect?: Transition['effect'];
  when?: (f: CaseFacts) => boolean;
}
