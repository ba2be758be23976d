import { Injectable } from '@nestjs/common';
import type { IsoDate } from '@weiquan/calendar';
import type { Sql } from '@weiquan/core';
import { UNIT_ALERTS_KIND } from '@weiquan/notifications';
import type { UnitAlertKind, UnitAlertLine } from './unit-alert-email';

/** An alert as one unit is told of it. */
export interface UnitAlertRow {
  unit: string;
  caseId: string;
  clock: 'due' | 'designation';
  status: string;
  dueOn: IsoDate;
  kind: UnitAlertKind;
}

/** A case a unit is owed an email about, as its email lists it. */
export interface PendingUnitAlert extends UnitAlertLine {
  unitCode: string;
  unitName: string;
}

/** The queries of units' alert emails (`unit_alert`); each runs in the sweep's transaction. */
@Injectable()
export class UnitAlertEmailsRepository {
  /** Records the alerts owed to the units that have an alert email; answers those units, of the ones given. */
  async owe(sql: Sql, rows: readonly UnitAlertRow[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const units = await sql.query<{ code: string }>(
      `with x as (
         select * from jsonb_to_recordset($1::jsonb) as x(unit text, "caseId" bigint, clock text, status text, "dueOn" date, kind text)
       ),
       u as (
         select code from station where alert_email is not null and code in (select unit from x)
         union
         select code from regulator where alert_email is not null and code in (select unit from x)
       ),
       i as (
         insert into unit_alert (unit_code, case_id, clock, status, due_on, kind)
         select x.unit, x."caseId", x.clock, x.status, x."dueOn", x.kind from x join u on u.code = x.unit
         on conflict do nothing
       )
       select code from u`,
      [JSON.stringify(rows)],
    );
    return units.map((u) => u.code);
  }

  /**
   * What units with an alert email are owed and have not had the email of `day` yet, as long as it
   * is still so: the case in the state and on the deadline the alert was raised for, and a unit's
   * own alert still its case. The holder of an escalated case is named (a unit, never a person).
   */
  pending(sql: Sql, day: IsoDate): Promise<PendingUnitAlert[]> {
    return sql.query<PendingUnitAlert>(
      `select a.unit_code as "unitCode", coalesce(us.name, ur.name, a.unit_code) as "unitName", a.kind, a.clock,
              c.tracking_no as "trackingNo", c.status, a.due_on as "dueOn",
              case when a.kind = 'escalated' then coalesce(hs.name, hr.name, hb.name, c.assignee_code) end as holder
         from unit_alert a
         join cases c on c.id = a.case_id
         left join station us on us.code = a.unit_code
         left join regulator ur on ur.code = a.unit_code
         left join station hs on c.assignee_type = 'station' and hs.code = c.assignee_code
         left join regulator hr on c.assignee_type = 'regulator' and hr.code = c.assignee_code
         left join business hb on c.assignee_type = 'business' and hb.credit_code = c.assignee_code
        where a.notification_id is null
          and coalesce(us.alert_email, ur.alert_email) is not null
          and not exists (select 1 from notification n where n.unit_code = a.unit_code and n.kind = $2 and n.dedupe_key = $1)
          and c.status = a.status
          and a.due_on = case a.clock when 'designation' then c.designation_due else c.due_on end
          and (a.kind = 'escalated' or c.assignee_code = a.unit_code)
        order by a.unit_code`,
      [day, UNIT_ALERTS_KIND],
    );
  }

  /** Everything each unit was owed counts as told by the email just written (what no longer holds too). */
  async told(sql: Sql, written: readonly { id: string; unitCode: string }[]): Promise<void> {
    if (written.length === 0) return;
    await sql.query(
      `update unit_alert a set notification_id = x.id
         from jsonb_to_recordset($1::jsonb) as x(id bigint, "unitCode" text)
        where a.unit_code = x."unitCode" and a.notification_id is null`,
      [JSON.stringify(written)],
    );
  }
}
