import type { StaffPrincipal } from '@weiquan/identity';

/**
 * Who sees and who acts on an early-warning alert. The county market-regulation bureau of the area
 * concerned and the city bureau are told of it and may act (group the complaints, warn consumers,
 * dismiss it); the city's analysts and administrators read every alert; nobody else sees any.
 */
export type AlertScope = { all: true } | { all: false; areaCode: string } | null;

/** The alerts a staff member may read: all, one area's, or none. */
export function alertReadScope(actor: StaffPrincipal): AlertScope {
  if (actor.role === 'city-analyst' || actor.role === 'admin') return { all: true };
  return alertActScope(actor);
}

/** The alerts a staff member may act on: a market bureau's (the city's: all; a county's: its area). */
export function alertActScope(actor: StaffPrincipal): AlertScope {
  const u = actor.unit;
  if (actor.role !== 'regulator-staff' || !u || u.type !== 'regulator' || u.kind !== 'market') return null;
  if (u.level === 'city') return { all: true };
  if (u.level === 'county' && u.areaCode) return { all: false, areaCode: u.areaCode };
  return null;
}

export function inScope(scope: AlertScope, areaCode: string): boolean {
  return scope !== null && (scope.all || scope.areaCode === areaCode);
}
