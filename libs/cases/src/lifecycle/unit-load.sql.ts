/**
 * How a unit's load (open cases, `unit_load`) moves, in one place: every statement of the lifecycle
 * that takes a case out of a unit's queue releases its place with this, and every assignment adds
 * with `ADD_LOADS`. Loads never go below zero; the routing drill checks they equal a recount.
 */

/** Releases one place of the unit `unit` (a SQL expression), where `when` holds (a SQL condition). */
export function releaseLoad(unit: string, when = 'true'): string {
  return `update unit_load set open_cases = greatest(open_cases - 1, 0) where unit_code = ${unit} and (${when})`;
}

/**
 * Adds places from a set of rows `(unit_code, unit_type, n)` selected by `rows` (a SQL query),
 * creating the unit's row on its first case.
 */
export function addLoads(rows: string): string {
  return `insert into unit_load (unit_code, unit_type, open_cases) ${rows}
          on conflict (unit_code) do update set open_cases = unit_load.open_cases + excluded.open_cases`;
}
