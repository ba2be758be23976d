import { alertsByUnit } from './unit-alerts';
import type { AlertForUnit, UnitAlerts } from './unit-alerts';

/** Each unit's share by case id. */
const ids = (units: UnitAlerts[]) =>
  units.map(({ unit, reminders, overdue, escalated }) => {
    const of = (alerts: AlertForUnit[]) => alerts.map((a) => a.caseId);
    return { unit, reminders: of(reminders), overdue: of(overdue), escalated: of(escalated) };
  });

describe('the sweep’s alerts, unit by unit', () => {
  it('reminds the holder, tells it what it missed, and escalates each miss to the unit overseeing it', () => {
    const station = 'ST-371502-001';
    const county = 'MR-371502';
    const city = 'MR-371500';
    expect(
      ids(
        alertsByUnit(
          [
            { caseId: '1', assigneeCode: station, oversight: county },
            { caseId: '2', assigneeCode: county, oversight: city },
          ],
          [
            { caseId: '3', assigneeCode: station, oversight: county },
            { caseId: '4', assigneeCode: station, oversight: county },
            // A designation overdue at the city bureau: its own to make.
            { caseId: '5', assigneeCode: city, oversight: city },
            // No unit holds it (handed back, being routed): only its overseer hears of it.
            { caseId: '6', assigneeCode: null, oversight: city },
          ],
        ),
      ),
    ).toEqual([
      { unit: city, reminders: [], overdue: ['5'], escalated: ['6'] },
      { unit: county, reminders: ['2'], overdue: [], escalated: ['3', '4'] },
      { unit: station, reminders: ['1'], overdue: ['3', '4'], escalated: [] },
    ]);
  });

  it('no alerts, no lines', () => expect(alertsByUnit([], [])).toEqual([]));
});
