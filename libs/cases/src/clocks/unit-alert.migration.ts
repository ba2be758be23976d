import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The clock alerts owed to a unit by email: one row per unit told (the holder its reminder or miss,
 * the overseer the escalation), written with the alert by the sweep when email is configured and the
 * unit has an alert email, until the day's email that lists it (`notification_id`). An alert raised
 * after that day's email waits for the next day's, so none is dropped.
 */
export class UnitAlert1763700002320 implements MigrationInterface {
  name = 'UnitAlert1763700002320';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table unit_alert (
        unit_code        varchar(32) not null,
        case_id          bigint not null references cases (id),
        clock            text not null check (clock in ('due', 'designation')),
        status           text not null,
        due_on           date not null,
        kind             text not null check (kind in ('reminder', 'overdue', 'escalated')),
        notification_id  bigint references notification (id),
        primary key (unit_code, case_id, clock, status, due_on, kind)
      )`);
    await q.query(`create index unit_alert_pending_idx on unit_alert (unit_code) where notification_id is null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table unit_alert`);
  }
}
