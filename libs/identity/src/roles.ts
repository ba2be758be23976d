import type { Bilingual } from '@weiquan/core';

/** What a staff account may do; the unit it belongs to scopes what it sees (docs/ARCHITECTURE.md, invariant 7). */
export type StaffRole = 'station-staff' | 'station-admin' | 'regulator-staff' | 'city-analyst' | 'admin' | 'business';

export const STAFF_ROLES: readonly StaffRole[] = ['station-staff', 'station-admin', 'regulator-staff', 'city-analyst', 'admin', 'business'];

/** The roles of the people who work cases for the city (everyone but a business's own users). */
export const CITY_ROLES: readonly StaffRole[] = ['station-staff', 'station-admin', 'regulator-staff', 'city-analyst', 'admin'];

/** A station, a regulator, or an enrolled business (its unit code is its unified social credit code). */
export type UnitType = 'station' | 'regulator' | 'business';

/** The signed-in staff member, as the guard puts it on the request (`@CurrentStaff()`). */
export interface StaffPrincipal {
  userId: string;
  username: string;
  displayName: string;
  role: StaffRole;
  unit: {
    type: UnitType;
    code: string;
    name: string;
    areaCode: string | null;
    /** A station's venue (mall, market, platform…), or a business's: stations see their venue's tenants' settlement cases. */
    venueCode?: string | null;
    /** regulators only: 'market' | 'sector', and 'city' | 'county' | 'province' */
    kind: 'market' | 'sector' | null;
    level: 'city' | 'county' | 'province' | null;
  } | null;
}

/** The kind of unit a role belongs to; city-level roles belong to none. */
export function unitTypeOf(role: StaffRole): UnitType | null {
  switch (role) {
    case 'station-staff':
    case 'station-admin':
      return 'station';
    case 'regulator-staff':
      return 'regulator';
    case 'business':
      return 'business';
    case 'city-analyst':
    case 'admin':
      return null;
  }
}

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

const ROLE_NAMES: Record<StaffRole, Bilingual> = {
  'station-staff': { zh: '服务站工作人员', en: 'station staff' },
  'station-admin': { zh: '服务站管理员', en: 'station administrator' },
  'regulator-staff': { zh: '监管部门工作人员', en: 'regulator staff' },
  'city-analyst': { zh: '市级统计分析人员', en: 'city analyst' },
  admin: { zh: '系统管理员', en: 'system administrator' },
  business: { zh: '经营者用户', en: 'business user' },
};

/** "服务站管理员（station-admin）、系统管理员（admin）" / "station administrator (station-admin), ..." */
export function describeRoles(roles: readonly StaffRole[]): Bilingual {
  return {
    zh: roles.map((r) => `${ROLE_NAMES[r].zh}（${r}）`).join('、'),
    en: roles.map((r) => `${ROLE_NAMES[r].en} (${r})`).join(', '),
  };
}
