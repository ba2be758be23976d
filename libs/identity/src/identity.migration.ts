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

/**
 * Sign-in hardening. `login_throttle`: failed-login counts and progressive delays per account name
 * (known or not) and per client address, keyed by an HMAC of the name or address so the database
 * never holds attempted usernames or addresses in clear (libs/identity/src/lockout.rules.ts).
 * `staff_session`: one row per sign-in; a token names its session and generation, a refresh moves
 * the generation on (the old token stops working), logout and a password change revoke it, and it
 * ends SESSION_MAX_HOURS after the sign-in whatever happens.
 */
export class AuthHardening1763700002000 implements MigrationInterface {
  name = 'AuthHardening1763700002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table login_throttle (
        key              bytea primary key,
        failures         integer not null default 0 check (failures >= 0),
        blocked_until    timestamptz,
        last_failure_at  timestamptz
      )`);
    await q.query(`
      create table staff_session (
        id          uuid primary key default gen_random_uuid(),
        user_id     bigint not null references staff_user (id) on delete cascade,
        started_at  timestamptz not null default now(),
        generation  integer not null default 0 check (generation >= 0),
        revoked_at  timestamptz
      )`);
    await q.query(`create index staff_session_user_idx on staff_session (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table staff_session`);
    await q.query(`drop table login_throttle`);
  }
}

/**
 * Failed sign-ins are counted in `login_throttle` (progressive delays per account name and client),
 * not on the account: the account's own counters were never read again.
 */
export class StaffLockColumns1763700002110 implements MigrationInterface {
  name = 'StaffLockColumns1763700002110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table staff_user drop column failed_logins, drop column locked_until`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `alter table staff_user add column failed_logins integer not null default 0 check (failed_logins >= 0), add column locked_until timestamptz`,
    );
  }
}
