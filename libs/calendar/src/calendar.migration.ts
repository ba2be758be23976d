import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Calendar1763700000200 implements MigrationInterface {
  name = 'Calendar1763700000200';

  async up(q: QueryRunner): Promise<void> {
    // Corrections and additions to the official schedule, entered by an administrator.
    await q.query(`
      create table calendar_override (
        day         date primary key,
        workday     boolean not null,
        name        text,
        created_at  timestamptz not null default now()
      )`);
    // Years whose whole schedule has been entered: their deadlines are no longer provisional.
    await q.query(`
      create table calendar_year (
        year        integer primary key check (year between 2000 and 2100),
        entered_at  timestamptz not null default now(),
        entered_by  text
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table calendar_year, calendar_override`);
  }
}
