import type { Bilingual } from '@weiquan/core';
import type { StaffPrincipal } from '@weiquan/identity';

/**
 * Who may enrol which business for online dispute resolution, and manage it afterwards (its users,
 * its suspension): pure rules on the caller and the business's place.
 *  - administrators: any business;
 *  - a county market-regulation bureau: businesses of its area;
 *  - a station administrator of a venue (mall, market, scenic spot, platform…): that venue's tenants.
 */
export type EnrolScope = { kind: 'all' } | { kind: 'area'; areaCode: string } | { kind: 'venue'; venueCode: string };

export function enrolScope(p: StaffPrincipal): EnrolScope | null {
  if (p.role === 'admin') return { kind: 'all' };
  const u = p.unit;
  if (p.role === 'regulator-staff' && u?.type === 'regulator' && u.kind === 'market' && u.level === 'county' && u.areaCode)
    return { kind: 'area', areaCode: u.areaCode };
  if (p.role === 'station-admin' && u?.type === 'station' && u.venueCode) return { kind: 'venue', venueCode: u.venueCode };
  return null;
}

/** Whether the scope covers a business in this place. */
export function covers(scope: EnrolScope, place: { areaCode: string; venueCode: string | null }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'area':
      return place.areaCode === scope.areaCode;
    case 'venue':
      return place.venueCode === scope.venueCode;
  }
}

/** Why the scope does not cover that place: the field to name and the words. */
export function outsideScope(scope: EnrolScope): { field: 'areaCode' | 'venueCode'; message: Bilingual } {
  return scope.kind === 'venue'
    ? {
        field: 'venueCode',
        message: {
          zh: `服务站管理员只能登记本场所（${scope.venueCode}）内的经营者`,
          en: `a station administrator enrols only the tenants of its own venue (${scope.venueCode})`,
        },
      }
    : {
        field: 'areaCode',
        message: {
          zh: `区县市场监管局只能登记本辖区（${scope.kind === 'area' ? scope.areaCode : ''}）的经营者`,
          en: `a county bureau enrols only businesses of its own area (${scope.kind === 'area' ? scope.areaCode : ''})`,
        },
      };
}

export const NOT_ALLOWED: Bilingual = {
  zh: '无权登记经营者：需要系统管理员、区县市场监管局工作人员或场所服务站管理员',
  en: 'not allowed to enrol businesses: requires an administrator, a county bureau, or the station administrator of a venue',
};
