import type { EscalationCause } from '../settlement.rules';
import type { Offer } from '../case-state';

/**
 * What the history's events carry in `case_event.data`, by event type: the contract between the
 * lifecycle's writers (this library) and the readers that replay the history (the statistics'
 * rollups, the timeline). Fields are only ever added, never renamed: old histories keep their shape.
 */

/** A unit named in an event. */
interface EventUnit {
  type: 'station' | 'regulator';
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
  | { cause: EscalationCause; stage: 'formal'; from: string | null; acceptanceDue: string; offer?: Offer & { at: string } }
  | { assignee: EventUnit; from: string; rule: string; cause?: undefined };

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
}

/** The data of each event type the statistics read. */
export interface CaseEventData {
  assigned: AssignedData;
  escalated: EscalatedData;
  'take-up': StepData;
  'record-offer': StepData & { offer: Offer };
  'accept-offer': StepData & { outcome: { amountRecoveredFen: number }; settledAtSource: true };
  resolve: StepData;
  refuse: StepData;
  terminate: StepData;
}

/** Whether an `escalated` event is a settlement case becoming formal (rather than an old late-station move). */
export function isSettlementEscalation(d: EscalatedData): d is Extract<EscalatedData, { stage: 'formal' }> {
  return typeof d.cause === 'string';
}
