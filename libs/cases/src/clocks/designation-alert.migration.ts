import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The designation deadline is swept like the others (docs/RULES.md "Jurisdiction and routing";
 * Order 121 Art. 33): `clock_alert.clock` tells which deadline an alert was raised for, `'due'`
 * (the case's running deadline, `cases.due_on`) or `'designation'` (`cases.designation_due`, the
 * city bureau to designate the handler). Both can fall on the same day in the same state, so the
 * clock is part of the key.
 */
export class DesignationAlert1763700001540 implements MigrationInterface {
  name = 'DesignationAlert1763700001540';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table clock_alert add column clock text not null default 'due' check (clock in ('due', 'designation'))`);
    await q.query(`alter table clock_alert drop constraint clock_alert_pkey, add primary key (case_id, clock, status, due_on, kind)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`delete from clock_alert where clock <> 'due'`);
    await q.query(`alter table clock_alert drop constraint clock_alert_pkey, add primary key (case_id, status, due_on, kind)`);
    await q.query(`alter table clock_alert drop column clock`);
  }
}
