import { readScope } from '@weiquan/cases/handling/case-scope';
import type { Bilingual } from '@weiquan/core';
import type { StaffPrincipal } from '@weiquan/identity';

/**
 * Whose business figures a member of staff may see (GET /stats/businesses), following the statistics'
 * scope (docs/ARCHITECTURE.md, invariant 7):
 *  - city analysts and administrators: every enrolled business;
 *  - a county market-regulation bureau: the businesses of its area;
 *  - a station at a venue (mall, market, scenic spot, platform…): that venue's tenants;
 *  - anyone else (a station at no venue, a sector regulator, the city bureau's own desk, whose
 *    statistics are its unit's): none.
 */
export type BusinessStatsScope = { kind: 'all' } | { kind: 'area'; areaCode: string } | { kind: 'venue'; venueCode: string };

export function businessStatsScope(p: StaffPrincipal): BusinessStatsScope | null {
  if (p.role === 'business') return null;
  const scope = readScope(p);
  if (scope.kind === 'all') return { kind: 'all' };
  if (scope.kind === 'unit-and-area-stations') return { kind: 'area', areaCode: scope.areaCode };
  if ((p.role === 'station-staff' || p.role === 'station-admin') && p.unit?.type === 'station' && p.unit.venueCode)
    return { kind: 'venue', venueCode: p.unit.venueCode };
  return null;
}

/**
 * The area and venue a request reads within its scope: the filters asked for, narrowed to the
 * scope; a filter outside the scope is refused (the field and why).
 */
export function scopedBusinessFilter(
  scope: BusinessStatsScope,
  q: { areaCode?: string; venueCode?: string },
): { area: string | null; venue: string | null } | { field: 'areaCode' | 'venueCode'; message: Bilingual } {
  const area = q.areaCode ?? null;
  const venue = q.venueCode ?? null;
  switch (scope.kind) {
    case 'all':
      return { area, venue };
    case 'area':
      if (area !== null && area !== scope.areaCode)
        return {
          field: 'areaCode',
          message: {
            zh: `区县市场监管局只能查看本辖区（${scope.areaCode}）的经营者`,
            en: `a county bureau sees the businesses of its own area (${scope.areaCode}) only`,
          },
        };
      return { area: scope.areaCode, venue };
    case 'venue':
      if (venue !== null && venue !== scope.venueCode)
        return {
          field: 'venueCode',
          message: {
            zh: `服务站只能查看本场所（${scope.venueCode}）内的经营者`,
            en: `a station sees the tenants of its own venue (${scope.venueCode}) only`,
          },
        };
      return { area, venue: scope.venueCode };
  }
}

export const NO_BUSINESS_SCOPE: Bilingual = {
  zh: '无权查看经营者统计：需要市级统计分析人员、系统管理员、区县市场监管局，或场所内服务站的工作人员',
  en: 'no business figures for this account: they are for city analysts, administrators, county bureaus and the stations of a venue',
};
