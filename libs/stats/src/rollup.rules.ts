import { isSettlementEscalation as settlementEscalation } from '@weiquan/cases/lifecycle/case-event';
import type { EscalatedData } from '@weiquan/cases/lifecycle/case-event';
import type { BusinessCounters } from './business-rollup.rules';
import { businessDeltas } from './business-rollup.rules';
import type { WatchCounter } from './watch-rollup.rules';
import { watchDeltas } from './watch-rollup.rules';
/**
 * What one history event adds to the statistics, as a pure function of the event and the case's
 * immutable attributes (docs/ARCHITECTURE.md, invariant 6). The aggregator job applies it to every new event; the
 * rebuild command replays the whole history through it, so both give the same rollups.
 *
 * Every increment is positive and counts are integers (money in fen): rates and averages are
 * computed when read (metrics.ts), never stored.
 */

/** The counters of the area and unit rollups (one bigint column each). */
export const COUNTERS = [
  'received',
  'duplicates',
  'assigned',
  'transferred',
  'handed_back',
  'withdrawn',
  'accepted',
  'refused',
  'acceptance_decided',
  'acceptance_on_time',
  'resolved',
  'agreements',
  'recovered_fen',
  'terminated',
  'concluded',
  'handling_days',
  'complaints_closed',
  'reports_closed',
  'follow_ups',
  'rated',
  'rated_satisfied',
  'rated_basically',
  'reports_opened',
  'reports_not_opened',
  'reporter_notice_due',
  'reporter_notice_on_time',
  // The settlement stage (协商和解, docs/METRICS.md "Settlement at the source").
  'settlement_assigned',
  'settled',
  'settled_fen',
  'settle_days',
  'escalated',
] as const;
type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;

/** The counters of the respondent rollup (hotspots). */
export const RESPONDENT_COUNTERS = [
  'complaints',
  'reports',
  'accepted',
  'refused',
  'resolved',
  'terminated',
  'withdrawn',
  'recovered_fen',
  'reports_opened',
  'settled',
] as const;
type RespondentCounter = (typeof RESPONDENT_COUNTERS)[number];

/** The value that stands for "all" in a rollup key column (the grouping rows). */
export const ALL = '*';
/** A case whose consumer gave no purchase channel. */
export const NO_CHANNEL = 'unknown';
export const CHANNELS = ['offline', 'online', 'livestream', NO_CHANNEL] as const;
/** A case whose consumer named no issue type (and the history before the area rollup kept it: StatsIssueType1763700002200). */
export const NO_ISSUE = 'unknown';

/** Events that carry no unit of their own: they count for the unit holding the case when they happened. */
const HOLDER_EVENTS: readonly string[] = ['withdrawn', 'rated'];
/**
 * Events read with the holder's unit and its type (station, regulator, business): the holder events,
 * and the consumer's acceptance of an offer, which counts for a business's rollup when a business
 * held the case and for the station's unit otherwise.
 */
export const HOLDER_TYPED_EVENTS: readonly string[] = [...HOLDER_EVENTS, 'accept-offer'];
/** Statuses in which a case no longer counts as open. */
export const FINISHED_STATUSES: readonly string[] = ['closed', 'settled', 'withdrawn', 'refused', 'transferred', 'duplicate'];

export interface StatEvent {
  id: string;
  /** The China-time calendar day the event happened on (YYYY-MM-DD). */
  day: string;
  type: string;
  /** The acting unit (staff actions, hand-backs). */
  unitCode: string | null;
  data: Record<string, unknown>;
  /** For HOLDER_EVENTS: the unit the case was assigned to at the time, from the history (null if none). */
  holderUnit?: string | null;
  /** For HOLDER_TYPED_EVENTS: the type of that unit ('station', 'regulator', 'business'; null if none). */
  holderType?: string | null;
  /**
   * For an escalation with cause `not-delivered`: the `accept-offer` event it reopens (the latest
   * before it in the case's history), whose settlement it takes back. Null if there is none.
   */
  settledBefore?: { id: string; day: string; unitCode: string | null; data: Record<string, unknown> } | null;
}

export interface CaseAttributes {
  track: 'complaint' | 'report';
  categoryCode: string;
  areaCode: string;
  channel: string | null;
  prepaid: boolean;
  /** What the complaint is about (intake's issue types), null when not given. */
  issueType: string | null;
  /** `uscc:<code>` when the credit code is known, else `name:<normalised name>` (intake's respondentKey). */
  respondentKey: string;
  respondentName: string;
}

interface AreaKey {
  day: string;
  areaCode: string;
  categoryCode: string;
  track: string;
  channel: string;
  prepaid: boolean;
  issueType: string;
}
interface UnitKey {
  day: string;
  unitCode: string;
  categoryCode: string;
  track: string;
}
interface RespondentKey {
  month: string;
  unitCode: string;
  respondentKey: string;
}

interface BusinessKey {
  day: string;
  /** The business's unified social credit code. */
  creditCode: string;
}

export type Increment =
  | { rollup: 'area'; key: AreaKey; counters: Partial<Counters> }
  | { rollup: 'unit'; key: UnitKey; counters: Partial<Counters> }
  | { rollup: 'business'; key: BusinessKey; counters: Partial<BusinessCounters> }
  | { rollup: 'watch'; key: { day: string; respondentKey: string }; counters: Partial<Record<WatchCounter, number>> }
  | { rollup: 'slice'; key: { day: string; areaCode: string; categoryCode: string }; counters: Partial<Record<WatchCounter, number>> }
  | {
      rollup: 'respondent';
      key: RespondentKey;
      counters: Partial<Record<RespondentCounter, number>>;
      name: { text: string; areaCode: string; eventId: string };
    };

/**
 * The rollup increments of one event: nothing for events statistics do not count. With `rows`
 * 'detail', the area and unit rollups' grouping rows ('*' area, '*' category) are left out: each is
 * the sum of detail rows (they get the same counters), so a set-based writer (the rebuild's GROUPING
 * SETS) can compute them. Respondent and business rows are not such sums and always come whole.
 *
 * Increments are positive, but for one case: an escalation `not-delivered` (the consumer accepted
 * an offer, then said it was not delivered) takes its settlement back, as the exact negation of the
 * accepted offer's own increments, on the day that offer was accepted. The settlement never counted,
 * so no period shows a negative count.
 */
export function deltas(e: StatEvent, c: CaseAttributes, rows: 'all' | 'detail' = 'all'): Increment[] {
  const counters = countersOf(e, c);
  const unit = unitOf(e);
  const atUnit = unit ? unitCounters(e, counters) : {};
  const out: Increment[] = [];
  const { day } = e;
  const { track, prepaid } = c;
  const channel = c.channel ?? NO_CHANNEL;
  const issueType = c.issueType ?? NO_ISSUE;
  // Keys are written out rather than spread from a common base: object spread is ~50× slower in V8
  // here, and the rebuild calls this for every event of the history.
  // The area rollup holds the detail row and its three grouping rows, so any slice reads few rows.
  const categories = rows === 'all' ? [c.categoryCode, ALL] : [c.categoryCode];
  if (Object.keys(counters).length) {
    const areas = rows === 'all' ? [c.areaCode, ALL] : [c.areaCode];
    for (const areaCode of areas) {
      for (const categoryCode of categories) {
        out.push({ rollup: 'area', key: { day, track, areaCode, categoryCode, channel, prepaid, issueType }, counters });
      }
    }
  }
  if (unit && Object.keys(atUnit).length)
    for (const categoryCode of categories)
      out.push({ rollup: 'unit', key: { day, track, unitCode: unit, categoryCode }, counters: atUnit });
  // City-wide rows count cases received; a unit's rows count cases that reached the unit.
  const cityWide = e.type === 'assigned' || e.type === 'escalated' ? {} : respondentCounters(c, counters);
  const atUnitRespondent = unit && e.type !== 'received' ? respondentCounters(c, atUnit) : {};
  if (Object.keys(cityWide).length || Object.keys(atUnitRespondent).length) {
    const month = `${e.day.slice(0, 7)}-01`;
    const name = { text: c.respondentName, areaCode: c.areaCode, eventId: e.id };
    if (Object.keys(cityWide).length)
      out.push({ rollup: 'respondent', key: { month, unitCode: ALL, respondentKey: c.respondentKey }, counters: cityWide, name });
    if (unit && Object.keys(atUnitRespondent).length)
      out.push({ rollup: 'respondent', key: { month, unitCode: unit, respondentKey: c.respondentKey }, counters: atUnitRespondent, name });
  }
  for (const b of businessDeltas(e, c)) out.push(b);
  for (const w of watchDeltas(e, c)) out.push(w);
  const reopened = reopenedSettlement(e);
  if (reopened) for (const i of deltas(reopened, c, rows)) out.push(negated(i));
  return out;
}

/**
 * The accepted offer a `not-delivered` escalation reopens, as the event it was (the holder's type
 * is the escalation's `fromType`: the case went from that holder to the formal complaint).
 */
function reopenedSettlement(e: StatEvent): StatEvent | null {
  const s = e.settledBefore;
  if (e.type !== 'escalated' || e.data.cause !== 'not-delivered' || !s) return null;
  return {
    id: s.id,
    day: s.day,
    type: 'accept-offer',
    unitCode: s.unitCode,
    data: s.data,
    holderType: e.data.fromType === 'business' ? 'business' : 'station',
  };
}

function negated(i: Increment): Increment {
  const minus = <K extends string>(k: Partial<Record<K, number>>) => {
    const out: Partial<Record<K, number>> = {};
    for (const name of Object.keys(k) as K[]) out[name] = -(k[name] ?? 0);
    return out;
  };
  switch (i.rollup) {
    case 'area':
      return { ...i, counters: minus(i.counters) };
    case 'unit':
      return { ...i, counters: minus(i.counters) };
    case 'business':
      return { ...i, counters: minus(i.counters) };
    case 'respondent':
      return { ...i, counters: minus(i.counters) };
    case 'watch':
      return { ...i, counters: minus(i.counters) };
    case 'slice':
      return { ...i, counters: minus(i.counters) };
  }
}

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
function unitCounters(e: StatEvent, k: Partial<Counters>): Partial<Counters> {
  if (e.type === 'stepped-in') return { assigned: 1, settlement_assigned: 1 };
  if (!isFormalAfterHandBack(e)) return k;
  const out: Partial<Counters> = {};
  for (const name of Object.keys(k) as Counter[]) if (name !== 'escalated') out[name] = k[name];
  return out;
}

function respondentCounters(c: CaseAttributes, k: Partial<Counters>): Partial<Record<RespondentCounter, number>> {
  const r: Partial<Record<RespondentCounter, number>> = {};
  if (k.received || k.assigned) r[c.track === 'complaint' ? 'complaints' : 'reports'] = 1;
  for (const name of [
    'accepted',
    'refused',
    'resolved',
    'terminated',
    'withdrawn',
    'recovered_fen',
    'reports_opened',
    'settled',
  ] as const) {
    if (k[name]) r[name] = k[name];
  }
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
