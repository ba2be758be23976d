import { ALL } from './stat-event';

/**
 * Open and overdue cases now (stat_open): counted per unit and slice, not per due date, so a read
 * touches rows in proportion to units and slices, never to cases.
 *
 * "Overdue" moves with the calendar, not only with events: a case becomes overdue when the day after
 * its due date begins. Stored counts are overdue as of a day (`asOf`, kept beside the watermark):
 * the aggregator moves it forward each day, counting the cases whose due date it passed; a reader
 * whose day differs adds the few cases due in between (stat_open_case, indexed by due date).
 */

/** Where an open case is counted: the case's unit (or '' while unassigned) and its slice. */
interface OpenKey {
  unit_code: string;
  area_code: string;
  category_code: string;
  track: string;
  channel: string;
  prepaid: boolean;
}

/** What one open case contributes: its key and its running deadline ('infinity' when none runs). */
export interface OpenContribution extends OpenKey {
  due_on: string;
}

/** A change to one row of stat_open. */
export interface OpenDelta extends OpenKey {
  open: number;
  overdue: number;
}

/** The columns that have grouping rows ('*'); track, channel and prepaid are summed from at most 16 rows. */
export type OpenGrouped = 'unit_code' | 'area_code' | 'category_code';
export const OPEN_GROUPED: readonly OpenGrouped[] = ['unit_code', 'area_code', 'category_code'];

/** A case whose contribution has not changed leaves stat_open and its stat_open_case row alone. */
export function sameContribution(a: OpenContribution, b: OpenContribution): boolean {
  return (
    a.unit_code === b.unit_code &&
    a.area_code === b.area_code &&
    a.category_code === b.category_code &&
    a.track === b.track &&
    a.channel === b.channel &&
    a.prepaid === b.prepaid &&
    a.due_on === b.due_on
  );
}

/**
 * The rows each case is counted in, by the columns kept (the others hold '*'): its own row, and
 * the rows that city-wide, per-area, per-category and per-unit reads take whole.
 */
export const OPEN_GROUPINGS: readonly (readonly OpenGrouped[])[] = [
  ['unit_code', 'area_code', 'category_code'],
  [],
  ['area_code'],
  ['category_code'],
  ['unit_code'],
];

/** Whether a deadline has passed on `day`: due on the 3rd, overdue from the 4th. No deadline never is. */
export function isOverdue(dueOn: string, day: string): boolean {
  return dueOn !== 'infinity' && dueOn < day;
}

/**
 * The changes to stat_open when cases' contributions go from `before` to `now` (undefined: not
 * open), with overdue as of `asOf`: one delta per row touched, grouping rows included, zero changes
 * left out, sorted by key so that concurrent writers lock rows in one order.
 */
export function openDeltas(changes: { before?: OpenContribution; now?: OpenContribution }[], asOf: string): OpenDelta[] {
  const rows = new Map<string, OpenDelta>();
  const add = (c: OpenContribution, sign: 1 | -1) => {
    const overdue = isOverdue(c.due_on, asOf) ? sign : 0;
    for (const kept of OPEN_GROUPINGS) {
      const key: OpenKey = {
        unit_code: kept.includes('unit_code') ? c.unit_code : ALL,
        area_code: kept.includes('area_code') ? c.area_code : ALL,
        category_code: kept.includes('category_code') ? c.category_code : ALL,
        track: c.track,
        channel: c.channel,
        prepaid: c.prepaid,
      };
      const id = keyId(key);
      const row = rows.get(id) ?? { ...key, open: 0, overdue: 0 };
      row.open += sign;
      row.overdue += overdue;
      rows.set(id, row);
    }
  };
  for (const { before, now } of changes) {
    if (before) add(before, -1);
    if (now) add(now, 1);
  }
  return [...rows.entries()]
    .filter(([, r]) => r.open !== 0 || r.overdue !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => r);
}

function keyId(k: OpenKey): string {
  return `${k.unit_code}\u0001${k.area_code}\u0001${k.category_code}\u0001${k.track}\u0001${k.channel}\u0001${k.prepaid}`;
}

/** Which rows of a grouped column a read takes: one value ('*' included), the listed ones, or every real one. */
export type OpenColumnRead = { eq: string } | { any: string[] } | { each: true; assignedOnly?: boolean };

/**
 * The rows of stat_open that answer a read: the grouping rows when the filter allows (city-wide,
 * one area, one category, per unit), the detail rows otherwise (one area and one category, or a
 * unit cut with a category). Every answer is a grouping of OPEN_GROUPINGS (tested).
 */
export function openRead(f: {
  units: string[] | null;
  area: string | null;
  category: string | null;
  byUnit: boolean;
}): Record<OpenGrouped, OpenColumnRead> {
  const perUnit = f.units !== null || f.byUnit;
  const detail = perUnit ? f.area !== null || f.category !== null : f.area !== null && f.category !== null;
  // The league table leaves out cases not yet assigned to any unit (unit '').
  const unit: OpenColumnRead = f.units
    ? { any: f.units }
    : perUnit
      ? { each: true, assignedOnly: true }
      : detail
        ? { each: true }
        : { eq: ALL };
  const column = (value: string | null): OpenColumnRead => (value !== null ? { eq: value } : detail ? { each: true } : { eq: ALL });
  return { unit_code: unit, area_code: column(f.area), category_code: column(f.category) };
}

/** The grouping a read takes its rows from: the columns it reads other than '*'. */
export function groupingOf(read: Record<OpenGrouped, OpenColumnRead>): OpenGrouped[] {
  return OPEN_GROUPED.filter((c) => {
    const r = read[c];
    return !('eq' in r && r.eq === ALL);
  });
}
