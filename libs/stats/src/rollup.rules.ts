import type { BusinessCounters } from './business-rollup.rules';
import { businessDeltas } from './business-rollup.rules';
import { countersOf, respondentCounters, unitCounters, unitOf } from './case-counters.rules';
import type { CaseAttributes, Counters, RespondentCounter, StatEvent } from './stat-event';
import { ALL, NO_CHANNEL, NO_ISSUE } from './stat-event';
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
