import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Cases1763700000300 implements MigrationInterface {
  name = 'Cases1763700000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create sequence tracking_no_seq start 1000`);
    await q.query(`
      create table cases (
        id                        bigint generated always as identity primary key,
        tracking_no               varchar(24) not null unique,
        access_code_hash          bytea not null,
        track                     text not null check (track in ('complaint', 'report')),
        status                    text not null,
        rule_set                  text not null,
        category_code             varchar(40) not null references category (code),
        issue_type                text,
        purchase_channel          text check (purchase_channel in ('offline', 'online', 'livestream')),
        prepaid                   boolean not null default false,
        intake_channel            text not null check (intake_channel in ('web', 'phone', 'letter', 'counter')),
        consumer_name             text not null,
        consumer_phone_enc        bytea not null,
        consumer_phone_hash       bytea not null,
        consumer_phone_tail       varchar(4) not null,
        consumer_address_enc      bytea,
        consumer_id_number_enc    bytea,
        respondent_name           text not null,
        respondent_key            text not null,
        respondent_credit_code    varchar(18),
        respondent_address        text not null,
        respondent_area_code      varchar(12) not null,
        respondent_venue_code     varchar(32) references venue (code),
        respondent_online         boolean not null default false,
        respondent_platform_name  text,
        respondent_lat            numeric(9, 6),
        respondent_lng            numeric(9, 6),
        incident_date             date not null,
        amount_fen                bigint check (amount_fen >= 0),
        description               text not null,
        demand                    text not null,
        consent_to_publish        boolean not null default false,
        flags                     text[] not null default '{}',
        received_at               timestamptz not null,
        received_on               date not null,
        acceptance_due            date,
        acceptance_due_provisional boolean not null default false,
        linked_case_id            bigint references cases (id),
        duplicate_of_id           bigint references cases (id),
        rating                    text check (rating in ('satisfied', 'basically', 'dissatisfied')),
        rating_comment            text,
        rated_at                  timestamptz,
        created_at                timestamptz not null default now(),
        updated_at                timestamptz not null default now()
      )`);
    // Duplicate detection: the same phone against the same respondent within 30 days.
    await q.query(`create index cases_duplicate_idx on cases (consumer_phone_hash, respondent_key, received_at desc)`);
    await q.query(`create index cases_received_idx on cases (received_at desc, id desc)`);

    // The audit trail: append-only, enforced by the database itself.
    await q.query(`
      create table case_event (
        id           bigint generated always as identity primary key,
        case_id      bigint not null references cases (id),
        at           timestamptz not null default now(),
        type         text not null,
        actor_type   text not null check (actor_type in ('consumer', 'staff', 'system')),
        actor_id     text,
        unit_code    text,
        from_status  text,
        to_status    text,
        action       text,
        reason_code  text,
        note         text,
        public       boolean not null default false,
        data         jsonb not null default '{}'
      )`);
    await q.query(`create index case_event_case_idx on case_event (case_id, id)`);
    await q.query(`
      create function case_event_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'case_event is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
      end $$`);
    await q.query(`
      create trigger case_event_no_change before update or delete on case_event
      for each row execute function case_event_append_only()`);
    await q.query(`
      create trigger case_event_no_truncate before truncate on case_event
      for each statement execute function case_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table case_event`);
    await q.query(`drop function case_event_append_only`);
    await q.query(`drop table cases`);
    await q.query(`drop sequence tracking_no_seq`);
  }
}
