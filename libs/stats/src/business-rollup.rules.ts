import { isSettlementEscalation } from '@weiquan/cases/lifecycle/case-event';
import type { EscalatedData } from '@weiquan/cases/lifecycle/case-event';
import type { EscalationCause } from '@weiquan/cases/settlement.rules';
import type { CaseAttributes, StatEvent } from './stat-event';
import type { Increment } from './rollup.rules';

/**
 * What one history event adds to the rollup of an enrolled business (the business as a party,
 * docs/METRICS.md "Businesses"): a pure function of the event and its case, like `deltas`, which
 * calls it, so the aggregator and the rebuild give the same rows. Keyed by the business's unified
 * social credit code and the China day of the event (`stat_business_day`, `stat_business_month`).
 */

/** Working days a first answer may take and still be "in time"; each day up to it has its own bucket. */
export const ANSWER_DAYS_IN_TIME = 10;

/** The answer-time buckets: answered on working day 0, 1, … 10 after receipt, and later. */
export const ANSWER_BUCKETS = [
  'answer_d0',
  'answer_d1',
  'answer_d2',
  'answer_d3',
  'answer_d4',
  'answer_d5',
  'answer_d6',
  'answer_d7',
  'answer_d8',
  'answer_d9',
  'answer_d10',
  'answer_late',
] as const;

/** The counters of the business rollup (one bigint column each; money in fen). */
export const BUSINESS_COUNTERS = [
  // The business received a settlement case: routed to it, or passed to it by a station.
  'received',
  // The venue's station took a case over from the business (neither settled nor escalated by it).
  'stepped_in',
  // The first answer (an offer, or a refusal), by working days from receipt.
  ...ANSWER_BUCKETS,
  // Settled at the source while the business held the case: count, amount (fen), working days.
  'settled',
  'settled_fen',
  'settle_days',
  // Left the settlement stage for the formal complaint, by cause group. `escalated_no_answer` is
  // also the response histogram's "not answered" bucket.
  'escalated_declined',
  'escalated_no_answer',
  'escalated_consumer',
  'escalated_not_delivered',
  'escalated_other',
  // Formal-stage mediation of complaints against the credit code (resolve + terminate; resolve).
  'mediation_concluded',
  'mediation_resolved',
] as const;
export type BusinessCounter = (typeof BUSINESS_COUNTERS)[number];
export type BusinessCounters = Record<BusinessCounter, number>;

/**
 * The cause groups of a business's escalations. The consumer's group: the consumer rejected the
 * offer, chose the formal complaint, or let the settlement period pass with an offer on the table
 * (with a business holding the case, the sweep says `deadline-lapsed` only when an offer stood).
 * Causes that name a station's doing (settlement-failed, take-up-lapsed) never come from a business;
 * should one appear it is counted, as `other`.
 */
const ESCALATION_GROUP: Record<EscalationCause, BusinessCounter> = {
  'business-declined': 'escalated_declined',
  'no-answer': 'escalated_no_answer',
  'offer-rejected': 'escalated_consumer',
  consumer: 'escalated_consumer',
  'deadline-lapsed': 'escalated_consumer',
  'not-delivered': 'escalated_not_delivered',
  'settlement-failed': 'escalated_other',
  'take-up-lapsed': 'escalated_other',
};
/** The respondent key of a credit code (intake's `respondentKey`: `uscc:<code>`). */
const USCC_KEY = 'uscc:';

/** The increments of one event in the business rollup (none for most events). */
export function businessDeltas(e: StatEvent, c: CaseAttributes): Increment[] {
  const out: Increment[] = [];
  const add = (creditCode: string | null, counters: Partial<BusinessCounters>) => {
    if (creditCode && Object.keys(counters).length) out.push({ rollup: 'business', key: { day: e.day, creditCode }, counters });
  };
  switch (e.type) {
    // Routing gave the settlement case to the business, or a station passed it on: received.
    case 'assigned':
    case 'referred-to-business': {
      const to = obj(e.data.assignee);
      if (to.type === 'business') add(str(to.code), { received: 1 });
      break;
    }
    case 'stepped-in':
      add(str(e.data.from), { stepped_in: 1 });
      break;
    // The business's own offer: its answer, if it is the first.
    case 'record-offer':
      add(e.unitCode, answerCounters(e.data.answer));
      break;
    case 'accept-offer':
      if (e.holderType === 'business') add(e.unitCode, settledCounters(e.data));
      break;
    case 'escalated': {
      const d = e.data as unknown as EscalatedData;
      if (!isSettlementEscalation(d) || d.fromType !== 'business') break;
      const group = ESCALATION_GROUP[d.cause] ?? 'escalated_other';
      // A refusal is an answer too, timed like an offer.
      add(str(d.from) ?? e.unitCode, { ...answerCounters(d.answer), [group]: 1 });
      break;
    }
    // Mediation in the formal stage, for the respondent named by its credit code.
    case 'resolve':
    case 'terminate':
      if (c.track === 'complaint' && c.respondentKey.startsWith(USCC_KEY))
        add(
          c.respondentKey.slice(USCC_KEY.length),
          e.type === 'resolve' ? { mediation_concluded: 1, mediation_resolved: 1 } : { mediation_concluded: 1 },
        );
      break;
  }
  return out;
}

/** The bucket of a first answer (`data.answer`): nothing for a later answer or a malformed one. */
export function answerBucket(answer: unknown): BusinessCounter | null {
  const a = obj(answer);
  const days = a.workingDays;
  if (a.first !== true || typeof days !== 'number' || !Number.isInteger(days) || days < 0) return null;
  return days <= ANSWER_DAYS_IN_TIME ? ANSWER_BUCKETS[days] : 'answer_late';
}

function answerCounters(answer: unknown): Partial<BusinessCounters> {
  const bucket = answerBucket(answer);
  return bucket ? { [bucket]: 1 } : {};
}

/** A settlement's counters: as the area and unit rollups count it (settled, settled_fen, settle_days). */
function settledCounters(data: Record<string, unknown>): Partial<BusinessCounters> {
  const out: Partial<BusinessCounters> = { settled: 1 };
  const fen = obj(data.outcome).amountRecoveredFen;
  const n = typeof fen === 'string' ? Number(fen) : fen;
  if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) out.settled_fen = n;
  const days = data.handlingWorkingDays;
  if (typeof days === 'number' && Number.isInteger(days) && days > 0) out.settle_days = days;
  return out;
}

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v ? v : null;
}
