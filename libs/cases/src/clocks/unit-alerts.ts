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

export interface UnitAlerts<T extends AlertForUnit = AlertForUnit> {
  unit: string;
  /** Its cases due soon. */
  reminders: T[];
  /** Its cases past their deadline. */
  overdue: T[];
  /** Cases of the units it oversees that are past their deadline. */
  escalated: T[];
}

export function alertsByUnit<T extends AlertForUnit>(reminders: readonly T[], overdue: readonly T[]): UnitAlerts<T>[] {
  const units = new Map<string, UnitAlerts<T>>();
  const of = (unit: string) => {
    let u = units.get(unit);
    if (!u) units.set(unit, (u = { unit, reminders: [], overdue: [], escalated: [] }));
    return u;
  };
  for (const a of reminders) if (a.assigneeCode) of(a.assigneeCode).reminders.push(a);
  for (const a of overdue) {
    if (a.assigneeCode) of(a.assigneeCode).overdue.push(a);
    // A designation pending at the city bureau is its own to make: not escalated to itself.
    if (a.oversight && a.oversight !== a.assigneeCode) of(a.oversight).escalated.push(a);
  }
  return [...units.values()].sort((a, b) => a.unit.localeCompare(b.unit));
}
