import type { StaffUser } from '../api/types';

/**
 * Who the early-warning pages are for (the API decides, libs/warnings alert-access.rules.ts; this only
 * says where the links are shown): the staff of the market-regulation bureaus (MR-, the city's and the
 * counties'), who act on alerts, and the city's analysts and administrators, who read them.
 */
export function mayActOnAlerts(user: StaffUser | null): boolean {
  return !!user && user.role === 'regulator-staff' && !!user.unit && /^MR-\d{6}$/.test(user.unit.code);
}

export function mayReadAlerts(user: StaffUser | null): boolean {
  return !!user && (user.role === 'city-analyst' || user.role === 'admin' || mayActOnAlerts(user));
}
