import type { StaffPrincipal } from '@weiquan/identity';

/**
 * Which cases a member of staff may read, and on which they may act (docs/ARCHITECTURE.md, invariant 7). The
 * repository turns this into its WHERE clause, so a case outside it does not exist for them (404).
 *  - station staff and admins, sector regulators, the city bureau: their own unit's cases;
 *  - a county market-regulation bureau: its own, and (read-only oversight) those of the stations in
 *    its area;
 *  - city analysts and administrators: every case, read-only.
 */
export type ReadScope =
  { kind: 'all' } | { kind: 'unit'; unitCode: string } | { kind: 'unit-and-area-stations'; unitCode: string; areaCode: string };

export function readScope(p: StaffPrincipal): ReadScope {
  if (p.role === 'city-analyst' || p.role === 'admin' || !p.unit) return { kind: 'all' };
  const u = p.unit;
  if (u.type === 'regulator' && u.kind === 'market' && u.level === 'county' && u.areaCode) {
    return { kind: 'unit-and-area-stations', unitCode: u.code, areaCode: u.areaCode };
  }
  return { kind: 'unit', unitCode: u.code };
}

/** The unit whose cases this person handles, or null for read-only roles. */
export function actingUnit(p: StaffPrincipal): string | null {
  if (p.role === 'station-staff' || p.role === 'station-admin' || p.role === 'regulator-staff') return p.unit?.code ?? null;
  return null;
}

/** A SQL condition on `c` (cases) for a read scope, with its parameters numbered from `first`. */
export function scopeCondition(scope: ReadScope, first: number): { sql: string; params: string[] } {
  switch (scope.kind) {
    case 'all':
      return { sql: 'true', params: [] };
    case 'unit':
      return { sql: `c.assignee_code = $${first}`, params: [scope.unitCode] };
    case 'unit-and-area-stations':
      return {
        sql: `(c.assignee_code = $${first} or (c.assignee_type = 'station' and c.assignee_code in (select code from station where area_code = $${first + 1})))`,
        params: [scope.unitCode, scope.areaCode],
      };
  }
}
