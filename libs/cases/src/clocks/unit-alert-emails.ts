import { Injectable } from '@nestjs/common';
import type { Sql } from '@weiquan/core';
import { NotificationWriter } from '@weiquan/notifications';
import type { RaisedAlert } from './clocks.repository';
import { unitAlertDedupeKey, unitAlertEmail } from './unit-alert-email';
import type { UnitEmailOutcome } from './unit-alert-email';
import type { PendingUnitAlert, UnitAlertRow } from './unit-alert-emails.repository';
import { UnitAlertEmailsRepository } from './unit-alert-emails.repository';
import type { UnitAlerts } from './unit-alerts';

const GROUP_KIND = { reminders: 'reminder', overdue: 'overdue', escalated: 'escalated' } as const;

/**
 * Units' alert emails: what the sweep tells a unit also reaches its alert email, in one email a day
 * sent by the worker through the notification outbox like a consumer's email. Only with SMTP_URL.
 */
@Injectable()
export class UnitAlertEmails {
  constructor(
    private readonly repo: UnitAlertEmailsRepository,
    private readonly writer: NotificationWriter,
  ) {}

  get enabled(): boolean {
    return this.writer.unitEmailsEnabled;
  }

  /**
   * In the sweep's transaction, so an alert and what it owes commit together: records what the
   * units told now are owed, then writes the day's email of each unit owed anything (once a day,
   * the dedupe key), with what earlier sweeps owed it too.
   */
  async write(sql: Sql, units: readonly UnitAlerts<RaisedAlert>[], now: Date): Promise<UnitEmailOutcome> {
    const rows: UnitAlertRow[] = units.flatMap((u) =>
      (['reminders', 'overdue', 'escalated'] as const).flatMap((group) =>
        u[group].map((a) => ({
          unit: u.unit,
          caseId: a.caseId,
          clock: a.clock,
          status: a.status,
          dueOn: a.dueOn,
          kind: GROUP_KIND[group],
        })),
      ),
    );
    const withEmail = new Set(await this.repo.owe(sql, rows));
    const day = unitAlertDedupeKey(now);
    const byUnit = new Map<string, PendingUnitAlert[]>();
    for (const p of await this.repo.pending(sql, day)) {
      const owed = byUnit.get(p.unitCode);
      if (owed) owed.push(p);
      else byUnit.set(p.unitCode, [p]);
    }
    const emails = [...byUnit.values()].map((owed) => ({
      unitCode: owed[0].unitCode,
      dedupeKey: day,
      ...unitAlertEmail(owed[0].unitName, day, owed, this.writer.link('/staff')),
    }));
    const written = await this.writer.writeUnitEmails(sql, emails);
    await this.repo.told(sql, written);
    return { withEmail, emailed: new Set(written.map((w) => w.unitCode)) };
  }
}
