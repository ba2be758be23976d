import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1763700000700 implements MigrationInterface {
  name = 'Identity1763700000700';

  async up(q: QueryRunner): Promise<void> {
    // Staff accounts. A role fixes the kind of unit the account belongs to: station roles a station,
    // regulator staff a regulator, city-level roles none. The unit code is checked against the
    // directory by the service (station and regulator codes live in two tables).
    await q.query(`
      create table staff_user (
        id             bigint generated always as identity primary key,
        username       text not null unique check (username = lower(username) and username ~ '^[a-z0-9][a-z0-9._-]{2,31}$'),
        display_name   text not null,
        password_hash  text not null,
        role           text not null check (role in ('station-staff', 'station-admin', 'regulator-staff', 'city-analyst', 'admin')),
        unit_type      text check (unit_type in ('station', 'regulator')),
        unit_code      text,
        disabled       boolean not null default false,
        token_version  integer not null default 0,
        failed_logins  integer not null default 0 check (failed_logins >= 0),
        locked_until   timestamptz,
        last_login_at  timestamptz,
        created_at     timestamptz not null default now(),
        updated_at     timestamptz not null default now(),
        check ((unit_type is null) = (unit_code is null)),
        check (unit_type is not distinct from (case role when 'station-staff' then 'station' when 'station-admin' then 'station'
                                                          when 'regulator-staff' then 'regulator' end))
      )`);
    await q.query(`create index staff_user_unit_idx on staff_user (unit_code, role)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table staff_user`);
  }
}

/**
 * Business users (role `business`): the people of an enrolled business who answer the complaints
 * against it in the business portal. Their unit is the business (`unit_type` business, `unit_code` its
 * unified social credit code).
 */
export class BusinessUsers1763700001810 implements MigrationInterface {
  name = 'BusinessUsers1763700001810';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table staff_user
        drop constraint staff_user_role_check,
        drop constraint staff_user_unit_type_check,
        drop constraint staff_user_check1,
        add constraint staff_user_role_check
          check (role in ('station-staff', 'station-admin', 'regulator-staff', 'city-analyst', 'admin', 'business')),
        add constraint staff_user_unit_type_check check (unit_type in ('station', 'regulator', 'business')),
        add constraint staff_user_role_unit_check
          check (unit_type is not distinct from (case role when 'station-staff' then 'station' when 'station-admin' then 'station'
                                                           when 'regulator-staff' then 'regulator' when 'business' then 'business' end))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`delete from staff_user where role = 'business'`);
    await q.query(`
      alter table staff_user
        drop constraint staff_user_role_check,
        drop constraint staff_user_unit_type_check,
        drop constraint staff_user_role_unit_check,
        add constraint staff_user_role_check check (role in ('station-staff', 'station-admin', 'regulator-staff', 'city-analyst', 'admin')),
        add constraint staff_user_unit_type_check check (unit_type in ('station', 'regulator')),
        add constraint staff_user_check1
          check (unit_type is not distinct from (case role when 'station-staff' then 'station' when 'station-admin' then 'station'
                                                           when 'regulator-staff' then 'regulator' end))`);
  }
}
