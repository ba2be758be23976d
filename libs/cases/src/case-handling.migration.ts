import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseHandling1763700000900 implements MigrationInterface {
  name = 'CaseHandling1763700000900';

  async up(q: QueryRunner): Promise<void> {
    // A report opened by staff from a violation lead found during mediation.
    await q.query(`alter table cases drop constraint cases_intake_channel_check`);
    await q.query(
      `alter table cases add constraint cases_intake_channel_check check (intake_channel in ('web', 'phone', 'letter', 'counter', 'referral'))`,
    );
    await q.query(`
      alter table cases
        add column first_clock_met_on   date,
        add column decision_extended    boolean not null default false,
        add column clock_due            date,
        add column outcome_reason_code  text,
        add column amount_recovered_fen bigint check (amount_recovered_fen >= 0),
        add column agreement            boolean,
        add column decision             text check (decision in ('opened', 'not-opened')),
        add column accepted_at          timestamptz,
        add column concluded_at         timestamptz,
        add column closed_at            timestamptz,
        add column follow_up_at         timestamptz`);
    // The deadline running now, whatever the clock: the first one (acceptance, or the report decision)
    // until the case moves on, then the workflow clock. "Overdue" in lists is an indexed comparison.
    await q.query(`
      alter table cases add column due_on date generated always as (
        case when status in ('received', 'assigned', 'deciding') then acceptance_due
             when status in ('accepted', 'mediating', 'terminated', 'closed', 'case-opened', 'not-opened') then clock_due
        end) stored`);
    await q.query(`create index cases_unit_list_idx on cases (assignee_code, id desc)`);
    await q.query(`create index cases_unit_due_idx on cases (assignee_code, due_on) where due_on is not null`);
    await q.query(`create index cases_due_idx on cases (due_on) where due_on is not null`);
    await q.query(`create index cases_linked_idx on cases (linked_case_id) where linked_case_id is not null`);

    // Clocks started by the workflow (the first clock lives on the case row, set at intake).
    await q.query(`
      create table case_clock (
        case_id      bigint not null references cases (id),
        clock        text not null,
        counts_from  date not null,
        days         integer not null check (days >= 0),
        due_on       date not null,
        provisional  boolean not null default false,
        paused_on    date,
        met_on       date,
        primary key (case_id, clock)
      )`);
    await q.query(`create index case_clock_provisional_idx on case_clock (case_id) where provisional and met_on is null`);

    // Every full view of a consumer's personal data: who, when, which case. Append-only.
    await q.query(`
      create table personal_data_access (
        id         bigint generated always as identity primary key,
        case_id    bigint not null references cases (id),
        user_id    text not null,
        username   text not null,
        unit_code  text,
        at         timestamptz not null default now(),
        fields     text[] not null
      )`);
    await q.query(`create index personal_data_access_case_idx on personal_data_access (case_id, id)`);
    // The same guard as case_event's, naming the table it protects, and against TRUNCATE too.
    await q.query(`
      create or replace function case_event_append_only() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: % is not allowed', tg_table_name, tg_op using errcode = 'insufficient_privilege';
      end $$`);
    await q.query(`
      create trigger personal_data_access_no_change before update or delete on personal_data_access
      for each row execute function case_event_append_only()`);
    await q.query(`
      create trigger personal_data_access_no_truncate before truncate on personal_data_access
      for each statement execute function case_event_append_only()`);

    // Reminders and overdue escalations already raised: one per case, state (hence clock), due date and kind.
    await q.query(`
      create table clock_alert (
        case_id  bigint not null references cases (id),
        status   text not null,
        due_on   date not null,
        kind     text not null check (kind in ('reminder', 'overdue')),
        at       timestamptz not null default now(),
        primary key (case_id, status, due_on, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table clock_alert, personal_data_access, case_clock`);
    await q.query(`drop index cases_unit_list_idx, cases_unit_due_idx, cases_due_idx, cases_linked_idx`);
    await q.query(`alter table cases drop column due_on`);
    await q.query(`alter table cases drop column first_clock_met_on, drop column decision_extended, drop column clock_due,
                   drop column outcome_reason_code, drop column amount_recovered_fen, drop column agreement, drop column decision,
                   drop column accepted_at, drop column concluded_at, drop column closed_at, drop column follow_up_at`);
    await q.query(`alter table cases drop constraint cases_intake_channel_check`);
    await q.query(
      `alter table cases add constraint cases_intake_channel_check check (intake_channel in ('web', 'phone', 'letter', 'counter'))`,
    );
  }
}
