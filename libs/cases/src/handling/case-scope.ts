import { LocalizedException } from '@weiquan/core';
import type { StaffPrincipal } from '@weiquan/identity';

/**
 * Which cases a member of staff may read, and on which they may act (docs/ARCHITECTURE.md, invariant 7). The
 * repository turns this into its WHERE clause, so a case outside it does not exist for them (404).
 *  - station staff and admins, sector regulators, the city bureau: their own unit's cases; a station in
 *    a venue also the settlement cases its tenants (enrolled businesses of the venue) hold, to step in;
 *  - a county market-regulation bureau: its own, and (read-only oversight) those of the stations and
 *    the enrolled businesses of its area;
 *  - city analysts and administrators: every case, read-only;
 *  - a business: the complaints (never reports) against it that it holds or held in the settlement
 *    stage, or that a regulator mediates. It reads them through the business portal's own view.
 * Anyone else without a unit (an account whose unit was removed or never set) reads nothing: 403.
 */
export type ReadScope =
  | { kind: 'all' }
  | { kind: 'unit'; unitCode: string; venueCode?: string | null }
  | { kind: 'unit-and-area-stations'; unitCode: string; areaCode: string }
  | { kind: 'business'; creditCode: string };

export function readScope(p: StaffPrincipal): ReadScope {
  if (p.role === 'city-analyst' || p.role === 'admin') return { kind: 'all' };
  const u = p.unit;
  if (!u) {
    throw new LocalizedException(403, {
      zh: '该账号未关联任何单位，无法查看案件；请管理员为其指定单位',
      en: 'this account belongs to no unit and may read no cases; ask an administrator to assign one',
    });
  }
  if (u.type === 'business') return { kind: 'business', creditCode: u.code };
  if (u.type === 'regulator' && u.kind === 'market' && u.level === 'county' && u.areaCode) {
    return { kind: 'unit-and-area-stations', unitCode: u.code, areaCode: u.areaCode };
  }
  const venueCode = u.type === 'station' ? u.venueCode : null;
  return venueCode ? { kind: 'unit', unitCode: u.code, venueCode } : { kind: 'unit', unitCode: u.code };
}

/** The unit whose cases this person handles, or null for read-only roles. */
export function actingUnit(p: StaffPrincipal): string | null {
  if (p.role === 'station-staff' || p.role === 'station-admin' || p.role === 'regulator-staff' || p.role === 'business')
    return p.unit?.code ?? null;
  return null;
}

/**
 * The complaints a business may see: against it, and either its own settlement case (now or before)
 * or one a regulator mediates (it is a party to the mediation). `$n` is its credit code.
 */
export function businessCondition(n: number): string {
  return `(c.track = 'complaint' and c.respondent_credit_code = $${n} and c.duplicate_of_id is null
           and (c.assignee_code = $${n} or c.business_party
                or exists (select 1 from case_event m where m.case_id = c.id and m.type = 'start-mediation')))`;
}

/**
 * A SQL condition on `c` (cases) for a read scope, with its parameters numbered from `first`.
 *
 * A scope of several units is written as one `assignee_code = any(array)`: the unit's code and the
 * codes of the stations or businesses it may read, which never collide (ST-…, MR-…, credit codes), so
 * a county bureau's needs no check of the holder's type and its counts by status read only the index
 * (assignee_code, status). As an OR of subqueries the planner could use no index: a unit's counts and
 * its open work by deadline read the whole table (about 400 ms at 1M cases, `npm run bench:stats`).
 */
export function scopeCondition(scope: ReadScope, first: number): { sql: string; params: string[] } {
  const [unit, other] = [`$${first}`, `$${first + 1}`];
  switch (scope.kind) {
    case 'all':
      return { sql: 'true', params: [] };
    case 'unit':
      if (scope.venueCode)
        return {
          sql: `(c.assignee_code = any(array[${unit}::text] || array(select credit_code::text from business where venue_code = ${other}))
                 and (c.assignee_code = ${unit} or (c.stage = 'settlement' and c.assignee_type = 'business')))`,
          params: [scope.unitCode, scope.venueCode],
        };
      return { sql: `c.assignee_code = ${unit}`, params: [scope.unitCode] };
    case 'unit-and-area-stations':
      return {
        sql: `(c.assignee_code = any(array[${unit}::text]
                 || array(select code::text from station where area_code = ${other})
                 || array(select credit_code::text from business where area_code = ${other})))`,
        params: [scope.unitCode, scope.areaCode],
      };
    case 'business':
      return { sql: businessCondition(first), params: [scope.creditCode] };
  }
}
