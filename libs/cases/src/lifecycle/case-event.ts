import type { EscalationCause } from '../settlement.rules';
import type { Offer } from '../case-state';

/**
 * What the history's events carry in `case_event.data`, by event type: the contract between the
 * lifecycle's writers (this library) and the readers that replay the history (the statistics'
 * rollups, the timeline). Fields are only ever added, never renamed: old histories keep their shape.
 */

/** A unit named in an event: a business's code is its unified social credit code. */
interface EventUnit {
  type: 'station' | 'regulator' | 'business';
  code: string;
  name: string;
}

/** A clock met by the step (statistics count on-time acceptance and notices from it). */
export interface MetClock {
  clock: string;
  dueOn: string;
  metOn: string;
  onTime: boolean;
}

/** `assigned`: routing (or the city bureau's designation) gave the case to a unit. */
export interface AssignedData {
  assignee: EventUnit;
  /** The stage after the assignment; absent in histories from before the settlement stage. */
  stage?: 'settlement' | 'formal';
  /** A settlement case that no station could take became formal here. */
  formal?: { countsFrom: string; ruleSet: string; acceptanceDue: string; provisional: boolean; escalated: boolean };
  designated?: boolean;
}

/**
 * `escalated`: the case left the settlement stage for the formal complaint (with `cause`), or, in
 * histories from before the settlement stage, a late station's case moved to a department (with
 * `assignee`, and no `cause`).
 */
export type EscalatedData =
  | {
      cause: EscalationCause;
      stage: 'formal';
      /** The unit that held the settlement case, and its type (absent before businesses were parties). */
      from: string | null;
      fromType?: 'station' | 'business' | null;
      acceptanceDue: string;
      offer?: Offer & { at: string };
      /** A business's refusal (`business-declined`): its answer, counted like any answer. */
      answer?: BusinessAnswer;
    }
  | { assignee: EventUnit; from: string; rule: string; cause?: undefined };

/**
 * A business's answer to a complaint it holds (an offer, or its refusal): the working days from the
 * day it received the case to the answer. The first answer is what the response-time figures count.
 */
export interface BusinessAnswer {
  workingDays: number;
  first: boolean;
}

/** `referred-to-business`: a station confirmed that a name-only respondent is an enrolled business and passed the case to it. */
export interface ReferredData {
  assignee: EventUnit;
  from: string;
  settlementDue: string;
}

/** `stepped-in`: the station of the business's venue took over a settlement case the business held. */
export interface SteppedInData {
  assignee: EventUnit;
  from: string;
}

/** A handler's step or the consumer's acceptance of an offer (transition-write.ts). */
export interface StepData {
  reason?: { kind: string; code: string; text: { zh: string; en: string }; basis: string };
  outcome?: { amountRecoveredFen?: number; agreement?: boolean; decision?: 'opened' | 'not-opened' };
  offer?: Offer;
  met?: MetClock[];
  /** Concluding steps: working days from the department's receipt (or the filing, for a settlement). */
  handlingWorkingDays?: number;
  /** `accept-offer`: settled at the source, not in the department's mediation. */
  settledAtSource?: boolean;
  withdrawnByConsumer?: boolean;
  /** A business's own offer (`record-offer` by a business user). */
  answer?: BusinessAnswer;
}

/** `joined-joint-case`: the case is handled in a joint complaint (Order 121 Art. 12); public. */
export interface JoinedJointCaseData {
  jointCaseId: string;
  jointNo: string;
  /** How many other complaints are in the joint complaint. */
  others: number;
  consentMethod: 'written' | 'phone' | 'in-person' | 'online';
  representative: boolean;
  /** The early-warning alert it was grouped from. */
  alertId?: string;
}

/** The data of each event type the statistics read. */
export interface CaseEventData {
  assigned: AssignedData;
  escalated: EscalatedData;
  'referred-to-business': ReferredData;
  'stepped-in': SteppedInData;
  'take-up': StepData;
  'record-offer': StepData & { offer: Offer };
  'accept-offer': StepData & { outcome: { amountRecoveredFen: number }; settledAtSource: true };
  resolve: StepData;
  refuse: StepData;
  terminate: StepData;
  'joined-joint-case': JoinedJointCaseData;
}

/** Whether an `escalated` event is a settlement case becoming formal (rather than an old late-station move). */
export function isSettlementEscalation(d: EscalatedData): d is Extract<EscalatedData, { stage: 'formal' }> {
  return typeof d.cause === 'string';
}
