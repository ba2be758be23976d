/**
 * The sweep's alerts as each unit receives them (one console line per unit): the unit holding a case
 * is reminded of its deadlines and told of those it missed; the unit overseeing it (the county bureau
 * of a station, the city bureau of a department) is told of each one missed, which the sweep escalates
 * to it. Pure.
 */
export interface AlertForUnit {
  caseId: string;
  assigneeCode: string | null;
  oversight: string | null;
}

export interface UnitAlerts {
  unit: string;
  /** Its cases due soon. */
  reminders: string[];
  /** Its cases past their deadline. */
  overdue: string[];
  /** Cases of the units it oversees that are past their deadline. */
  escalated: string[];
}

export function alertsByUnit(reminders: readonly AlertForUnit[], overdue: readonly AlertForUnit[]): UnitAlerts[] {
  const units = new Map<string, UnitAlerts>();
  const of = (unit: string) => {
    let u = units.get(unit);
    if (!u) units.set(unit, (u = { unit, reminders: [], overdue: [], escalated: [] }));
    return u;
  };
  for (const a of reminders) if (a.assigneeCode) of(a.assigneeCode).reminders.push(a.caseId);
  for (const a of overdue) {
    if (a.assigneeCode) of(a.assigneeCode).overdue.push(a.caseId);
    // A designation pending at the city bureau is its own to make: not escalated to itself.
    if (a.oversight && a.oversight !== a.assigneeCode) of(a.oversight).escalated.push(a.caseId);
  }
  return [...units.values()].sort((a, b) => a.unit.localeCompare(b.unit));
}
