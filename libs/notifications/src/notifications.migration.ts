import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consumer notifications: one row per message and channel, written in the transaction of the step
 * that causes it, sent by the worker exactly once (sent_at set in the transaction that sent it).
 */
export class Notifications1763700000800 implements MigrationInterface {
  name = 'Notifications1763700000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table notification (
        id          bigint generated always as identity primary key,
        case_id     bigint not null references cases (id),
        kind        text not null,
        channel     text not null check (channel in ('sms', 'email')),
        dedupe_key  text not null default '',
        text        text not null,
        created_at  timestamptz not null default now(),
        sent_at     timestamptz,
        attempts    integer not null default 0,
        last_error  text,
        unique (case_id, kind, channel, dedupe_key)
      )`);
    // The reconciler reads only what is still unsent, oldest first.
    await q.query(`create index notification_unsent_idx on notification (created_at, id) where sent_at is null`);
    // Optional at intake; encrypted like the phone (PersonalDataCipher), read only to send.
    await q.query(`alter table cases add column consumer_email_enc bytea`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table cases drop column consumer_email_enc`);
    await q.query(`drop table notification`);
  }
}

/**
 * SMS through a provider's templates: a notification keeps the parameters it was composed from, so
 * the template's variables can be made when it is sent; the filing receipt keeps the access code,
 * encrypted, until it is settled, when the code is erased.
 */
export class NotificationTemplates1763700002100 implements MigrationInterface {
  name = 'NotificationTemplates1763700002100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table notification add column params jsonb not null default '{}'::jsonb, add column secret_enc bytea`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table notification drop column params, drop column secret_enc`);
  }
}

/**
 * A unit's email (the clock sweep's daily digest of its alerts) rides the same rows, outbox and
 * sender as the consumer's: such a row names a unit instead of a case, carries its own subject, and
 * is sent to the unit's alert email. At most one per unit, kind and dedupe key (the day).
 */
export class UnitNotifications1763700002310 implements MigrationInterface {
  name = 'UnitNotifications1763700002310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table notification
        alter column case_id drop not null,
        add column unit_code varchar(32),
        add column subject text,
        add constraint notification_case_or_unit check ((case_id is null) <> (unit_code is null))`);
    await q.query(`create unique index notification_unit_uq on notification (unit_code, kind, dedupe_key) where unit_code is not null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`delete from notification where unit_code is not null`);
    await q.query(`drop index notification_unit_uq`);
    await q.query(`
      alter table notification
        drop constraint notification_case_or_unit,
        drop column subject,
        drop column unit_code,
        alter column case_id set not null`);
  }
}
