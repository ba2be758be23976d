import { BUSINESS_COUNTERS } from './business-rollup.rules';
import type { Grain } from './period';
import type { Increment } from './rollup.rules';
import { COUNTERS, RESPONDENT_COUNTERS } from './stat-event';
import type { RollupRow } from './rollup.repository';
import { WATCH_COUNTERS } from './watch-rollup.rules';

/** Whether event id `a` comes after `b` (decimal strings of bigints: longer is larger). */
function laterId(a: string, b: string): boolean {
  return a.length !== b.length ? a.length > b.length : a > b;
}

/** A summed row while it is held: its key columns, and where its counters start in the pool. */
interface Held {
  row: RollupRow;
  at: number;
}
const indexOf = (names: readonly string[]) => new Map(names.map((n, i) => [n, i]));
const AREA_UNIT = { names: COUNTERS as readonly string[], index: indexOf(COUNTERS) };
const RESPONDENT = { names: RESPONDENT_COUNTERS as readonly string[], index: indexOf(RESPONDENT_COUNTERS) };
const BUSINESS = { names: BUSINESS_COUNTERS as readonly string[], index: indexOf(BUSINESS_COUNTERS) };
const WATCH = { names: WATCH_COUNTERS as readonly string[], index: indexOf(WATCH_COUNTERS) };
/** The counters of a table. */
const countersOf = (table: string) =>
  table === 'respondent'
    ? RESPONDENT
    : table.startsWith('business_')
      ? BUSINESS
      : table === 'watch_day' || table === 'slice_day'
        ? WATCH
        : AREA_UNIT;

/**
 * Increments summed per rollup table and key, as rows ready to write: day and month tables from the
 * same increments (or only the grains asked for). The aggregator sums one batch; the rebuild keeps
 * summing across chunks of the history and writes when `size` passes its bound, so that a key hit by
 * many events (a busy area's day) is written once per flush instead of once per chunk. Hot in the
 * rebuild (every event of the history passes here), hence string keys and rows built once, without
 * object spread.
 */
export class RollupSums {
  private readonly tables = new Map<string, Map<string, Held>>();
  private readonly days: boolean;
  private readonly months: boolean;
  private held = 0;
  /** Every held row's counters, side by side: one typed array, not an object per row (grows by doubling). */
  private pool = new Float64Array(1 << 12);
  private used = 0;

  constructor(grains: readonly Grain[] = ['day', 'month']) {
    this.days = grains.includes('day');
    this.months = grains.includes('month');
  }

  /** Rows held, all tables together. */
  get size(): number {
    return this.held;
  }

  add(increments: Increment[]): this {
    for (const inc of increments) {
      if (inc.rollup === 'respondent') {
        const k = inc.key;
        const row = this.sum(
          'respondent',
          `${k.unitCode}\u0001${k.respondentKey}\u0001${k.month}`,
          () => ({ unit_code: k.unitCode, respondent_key: k.respondentKey, month: k.month }),
          inc.counters,
        );
        const name = inc.name;
        if (row.name_event_id === undefined || laterId(name.eventId, row.name_event_id as string)) {
          row.respondent_name = name.text;
          row.area_code = name.areaCode;
          row.name_event_id = name.eventId;
        }
        continue;
      }
      if (inc.rollup === 'watch') {
        // Days only: the detector reads a window and a baseline of days, never months.
        const k = inc.key;
        if (this.days)
          this.sum('watch_day', `${k.respondentKey}\u0001${k.day}`, () => ({ respondent_key: k.respondentKey, day: k.day }), inc.counters);
        continue;
      }
      if (inc.rollup === 'slice') {
        const k = inc.key;
        if (this.days)
          this.sum(
            'slice_day',
            `${k.areaCode}\u0001${k.categoryCode}\u0001${k.day}`,
            () => ({ area_code: k.areaCode, category_code: k.categoryCode, day: k.day }),
            inc.counters,
          );
        continue;
      }
      const month = this.months ? `${inc.key.day.slice(0, 7)}-01` : '';
      if (inc.rollup === 'business') {
        const k = inc.key;
        if (this.days)
          this.sum('business_day', `${k.creditCode}\u0001${k.day}`, () => ({ credit_code: k.creditCode, day: k.day }), inc.counters);
        if (this.months)
          this.sum('business_month', `${k.creditCode}\u0001${month}`, () => ({ credit_code: k.creditCode, month }), inc.counters);
      } else if (inc.rollup === 'area') {
        const k = inc.key;
        const id = `${k.areaCode}\u0001${k.categoryCode}\u0001${k.track}\u0001${k.channel}\u0001${k.prepaid}\u0001${k.issueType}`;
        if (this.days)
          this.sum(
            'area_day',
            `${id}\u0001${k.day}`,
            () => ({
              area_code: k.areaCode,
              category_code: k.categoryCode,
              track: k.track,
              channel: k.channel,
              prepaid: k.prepaid,
              issue_type: k.issueType,
              day: k.day,
            }),
            inc.counters,
          );
        if (this.months)
          this.sum(
            'area_month',
            `${id}\u0001${month}`,
            () => ({
              area_code: k.areaCode,
              category_code: k.categoryCode,
              track: k.track,
              channel: k.channel,
              prepaid: k.prepaid,
              issue_type: k.issueType,
              month,
            }),
            inc.counters,
          );
      } else {
        const k = inc.key;
        const id = `${k.categoryCode}\u0001${k.unitCode}\u0001${k.track}`;
        if (this.days)
          this.sum(
            'unit_day',
            `${id}\u0001${k.day}`,
            () => ({ category_code: k.categoryCode, unit_code: k.unitCode, track: k.track, day: k.day }),
            inc.counters,
          );
        if (this.months)
          this.sum(
            'unit_month',
            `${id}\u0001${month}`,
            () => ({ category_code: k.categoryCode, unit_code: k.unitCode, track: k.track, month }),
            inc.counters,
          );
      }
    }
    return this;
  }

  /**
   * The rows per table (`area_day`, `area_month`, `unit_day`, `unit_month`, `business_day`,
   * `business_month`, `watch_day`, `respondent`), and empties
   * the sums. Sorted by key unless told not to: every aggregator batch then writes rows in the same
   * order, so concurrent upserts never deadlock (the rebuild's staging needs no order).
   */
  take(sorted = true): Map<string, RollupRow[]> {
    const out = new Map<string, RollupRow[]>();
    for (const [table, held] of this.tables) {
      const { names } = countersOf(table);
      const entries = [...held.entries()];
      if (sorted) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      out.set(
        table,
        entries.map(([, { row, at }]) => {
          // A counter no increment touched stays absent from the row, as the writers expect.
          for (let i = 0; i < names.length; i++) if (this.pool[at + i]) row[names[i]] = this.pool[at + i];
          return row;
        }),
      );
    }
    this.tables.clear();
    this.held = 0;
    this.pool.fill(0, 0, this.used);
    this.used = 0;
    return out;
  }

  private sum(table: string, id: string, make: () => RollupRow, counters: Record<string, number | undefined>): RollupRow {
    const { names, index } = countersOf(table);
    let held = this.tables.get(table);
    if (!held) this.tables.set(table, (held = new Map<string, Held>()));
    let h = held.get(id);
    if (!h) {
      if (this.used + names.length > this.pool.length) {
        const grown = new Float64Array(this.pool.length * 2);
        grown.set(this.pool);
        this.pool = grown;
      }
      held.set(id, (h = { row: make(), at: this.used }));
      this.used += names.length;
      this.held++;
    }
    for (const c in counters) {
      const v = counters[c];
      if (!v) continue;
      const i = index.get(c);
      if (i === undefined) throw new Error(`${table}: no counter ${c}`);
      this.pool[h.at + i] += v;
    }
    return h.row;
  }
}

/** One batch's increments summed per table and key, sorted (the aggregator's write). */
export function collect(increments: Increment[], grains: readonly Grain[] = ['day', 'month']): Map<string, RollupRow[]> {
  return new RollupSums(grains).add(increments).take();
}
