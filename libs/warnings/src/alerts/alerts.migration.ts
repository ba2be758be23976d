import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The early warning's alerts (early-warning.rules.ts) and their history. At most one open alert per
 * subject (the partial unique index): a detection while one is open updates its figures instead of
 * raising a second alert (and a second notification). Every change of status is an event: who,
 * when, why — the alert's audit trail.
 */
export class EarlyWarningAlerts1763700002460 implements MigrationInterface {
  name = 'EarlyWarningAlerts1763700002460';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table warning_alert (
        id             bigserial primary key,
        subject_kind   text not null check (subject_kind in ('business', 'slice')),
        subject_key    text not null,
        subject_name   text not null,
        area_code      text not null,
        category_code  text,
        credit_code    text,
        status         text not null default 'new' check (status in ('new', 'acknowledged', 'acted', 'dismissed')),
        first_day      date not null,
        last_day       date not null,
        window_from    date not null,
        window_to      date not null,
        evidence       jsonb not null,
        score          numeric(10, 2) not null,
        units          text[] not null,
        closed_on      date,
        created_at     timestamptz not null default now(),
        updated_at     timestamptz not null default now()
      )`);
    await q.query(
      `create unique index warning_alert_open_uq on warning_alert (subject_kind, subject_key) where status in ('new', 'acknowledged')`,
    );
    // The latest alert of a subject (the quiet period after one closes).
    await q.query(`create index warning_alert_subject_idx on warning_alert (subject_kind, subject_key, id desc)`);
    // The list: newest first, by area for a county bureau.
    await q.query(`create index warning_alert_list_idx on warning_alert (area_code, id desc)`);
    await q.query(`
      create table warning_alert_event (
        id          bigserial primary key,
        alert_id    bigint not null references warning_alert (id),
        at          timestamptz not null default now(),
        type        text not null check (type in ('opened', 'updated', 'acknowledged', 'acted', 'dismissed')),
        user_id     bigint,
        unit_code   text,
        note        text,
        data        jsonb not null default '{}'
      )`);
    await q.query(`create index warning_alert_event_alert_idx on warning_alert_event (alert_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table warning_alert_event, warning_alert`);
  }
}
