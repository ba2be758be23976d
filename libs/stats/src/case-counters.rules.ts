import { isSettlementEscalation as settlementEscalation } from '@weiquan/cases/lifecycle/case-event';
import type { EscalatedData } from '@weiquan/cases/lifecycle/case-event';
import type { CaseAttributes, Counter, Counters, RespondentCounter, StatEvent } from './stat-event';
import { RESPONDENT_COUNTERS } from './stat-event';

/**
 * What one history event counts in the area and unit rollups, and for which unit: pure functions of
 * the event and the case's immutable attributes. rollup.rules.ts turns them into rollup rows.
 */

/** Events that carry no unit of their own: they count for the unit holding the case when they happened. */
const HOLDER_EVENTS: readonly string[] = ['withdrawn', 'rated'];
/**
 * Events read with the holder's unit and its type (station, regulator, business): the holder events,
 * and the consumer's acceptance of an offer, which counts for a business's rollup when a business
 * held the case and for the station's unit otherwise.
 */
export const HOLDER_TYPED_EVENTS: readonly string[] = [...HOLDER_EVENTS, 'accept-offer'];

/**
 * A case leaving the settlement stage for the formal complaint: an `escalated` event with a cause
 * (the consumer, the offer rejected, the station giving up, a city deadline passed). Older histories
 * hold `escalated` events without a cause and with an assignee: a station late to accept, its case
 * moved to the area bureau, which count as an arrival at that bureau (assigned), as they always did.
 */
export function isSettlementEscalation(e: StatEvent): boolean {
  return e.type === 'escalated' && settlementEscalation(e.data as unknown as EscalatedData);
}

/**
 * A settlement case that a station handed back and no other station could take: routing gives it to
 * a regulator as a formal complaint (`assigned` with `data.formal.escalated`). It left the settlement
 * stage without settling, so the area counts it as an escalation; no station's unit does (the hand-back
 * is the station's event, and the assignment counts for the regulator).
 */
function isFormalAfterHandBack(e: StatEvent): boolean {
  return e.type === 'assigned' && obj(e.data.formal).escalated === true;
}

/**
 * The unit an event counts for: the acting unit, the new assignee of a routing event, or the holder.
 * Never a business: the area and unit rollups count stations and regulators; a business's own
 * figures are its rollup's (business-rollup.rules.ts), and a station passing a case to a business
 * (`referred-to-business`) counts for no unit.
 */
export function unitOf(e: StatEvent): string | null {
  switch (e.type) {
    case 'escalated':
      // The settlement stage's escalation counts for the station it left (null if none held it).
      if (isSettlementEscalation(e)) return e.data.fromType === 'business' ? null : e.unitCode;
      return cityUnit(e.data.assignee);
    // A routing event's assignee; for `stepped-in`, the venue's station taking a case over from a business.
    case 'assigned':
    case 'transferred':
    case 'stepped-in':
      return cityUnit(e.data.assignee);
    case 'received':
    case 'duplicate':
    case 'referred-to-business':
      return null;
    case 'accept-offer':
      return e.holderType === 'business' ? null : e.unitCode;
    // A business's own offer carries its answer.
    case 'record-offer':
      return e.data.answer ? null : e.unitCode;
    default:
      if (HOLDER_EVENTS.includes(e.type)) return e.holderType === 'business' ? null : (e.holderUnit ?? null);
      return e.unitCode;
  }
}

/** A routing event's assignee as a unit of the area and unit rollups: none for a business. */
function cityUnit(assignee: unknown): string | null {
  const a = obj(assignee);
  return a.type === 'business' ? null : str(a.code);
}

/** The area and unit counters of one event. */
export function countersOf(e: StatEvent, c: CaseAttributes): Partial<Counters> {
  const n: Partial<Counters> = {};
  const add = (k: Counter, v = 1) => {
    if (v > 0) n[k] = (n[k] ?? 0) + v;
  };
  switch (e.type) {
    case 'received':
      add('received');
      break;
    case 'duplicate':
      add('duplicates');
      break;
    case 'assigned':
      add('assigned');
      // A station got the case to help settle it (routing's data.stage; a formal assignment says 'formal').
      if (e.data.stage === 'settlement') add('settlement_assigned');
      if (isFormalAfterHandBack(e)) add('escalated');
      break;
    case 'escalated':
      add(isSettlementEscalation(e) ? 'escalated' : 'assigned');
      break;
    // Settled at the source: the consumer accepted the business's offer (the case is finished). The
    // amount and the working days are the settlement stage's own, kept apart from mediation's
    // (recovered_fen, concluded, handling_days): money at source and in mediation stay separable.
    case 'accept-offer': {
      add('settled');
      add('settled_fen', fen(obj(e.data.outcome).amountRecoveredFen));
      const days = e.data.handlingWorkingDays;
      if (typeof days === 'number' && Number.isInteger(days) && days >= 0) add('settle_days', days);
      break;
    }
    case 'transferred':
      add('transferred');
      break;
    case 'handed-back':
      add('handed_back');
      break;
    case 'withdrawn':
      add('withdrawn');
      break;
    // A report taken up for review is not 受理 (acceptance of a complaint); it has its own outcomes.
    case 'accept':
      if (c.track === 'complaint') add('accepted');
      break;
    case 'refuse':
      add('refused');
      break;
    case 'resolve': {
      const outcome = obj(e.data.outcome);
      add('resolved');
      add('recovered_fen', fen(outcome.amountRecoveredFen));
      if (outcome.agreement === true) add('agreements');
      break;
    }
    case 'terminate':
      add('terminated');
      break;
    case 'open-enforcement':
      add('reports_opened');
      break;
    case 'decline-enforcement':
      add('reports_not_opened');
      break;
    case 'close':
      add(c.track === 'complaint' ? 'complaints_closed' : 'reports_closed');
      break;
    case 'record-follow-up':
      add('follow_ups');
      break;
    case 'rated': {
      const rating = e.data.rating;
      if (rating === 'satisfied' || rating === 'basically' || rating === 'dissatisfied') {
        add('rated');
        if (rating === 'satisfied') add('rated_satisfied');
        if (rating === 'basically') add('rated_basically');
      }
      break;
    }
  }
  // Clocks met, as fixed in the event when it happened.
  for (const m of Array.isArray(e.data.met) ? e.data.met : []) {
    const met = obj(m);
    if (met.clock === 'acceptance') {
      add('acceptance_decided');
      if (met.onTime === true) add('acceptance_on_time');
    } else if (met.clock === 'reporter-notice') {
      add('reporter_notice_due');
      if (met.onTime === true) add('reporter_notice_on_time');
    }
  }
  // Concluding actions record how many working days handling took (a settlement's count as settle_days).
  const days = e.data.handlingWorkingDays;
  if (e.type !== 'accept-offer' && typeof days === 'number' && Number.isInteger(days) && days >= 0) {
    add('concluded');
    add('handling_days', days);
  }
  return n;
}

/**
 * The counters of an event at its unit: all of them, but an escalation that is the area's alone;
 * and a station stepping in for a business: an arrival at the station (a settlement case it got),
 * though the city received nothing new.
 */
export function unitCounters(e: StatEvent, k: Partial<Counters>): Partial<Counters> {
  if (e.type === 'stepped-in') return { assigned: 1, settlement_assigned: 1 };
  if (!isFormalAfterHandBack(e)) return k;
  const out: Partial<Counters> = {};
  for (const name of Object.keys(k) as Counter[]) if (name !== 'escalated') out[name] = k[name];
  return out;
}

/** The respondent counters that are area and unit counters of the same name (all but complaints and reports). */
const SAME_NAMED = RESPONDENT_COUNTERS.filter(
  (n): n is Exclude<RespondentCounter, 'complaints' | 'reports'> => n !== 'complaints' && n !== 'reports',
);

/** The respondent rollup's counters of an event's area or unit counters. */
export function respondentCounters(c: CaseAttributes, k: Partial<Counters>): Partial<Record<RespondentCounter, number>> {
  const r: Partial<Record<RespondentCounter, number>> = {};
  if (k.received || k.assigned) r[c.track === 'complaint' ? 'complaints' : 'reports'] = 1;
  for (const name of SAME_NAMED) if (k[name]) r[name] = k[name];
  return r;
}

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v ? v : null;
}

/** Money in fen from an event: a non-negative integer, else nothing. */
function fen(v: unknown): number {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : 0;
}
