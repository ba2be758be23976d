import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Intake1763700000400 implements MigrationInterface {
  name = 'Intake1763700000400';

  async up(q: QueryRunner): Promise<void> {
    // A client's Idempotency-Key: the first answer, kept 24 hours.
    await q.query(`
      create table idempotency_key (
        key           text primary key,
        request_hash  bytea not null,
        response      jsonb,
        created_at    timestamptz not null default now()
      )`);
    await q.query(`
      create table attachment (
        id          bigint generated always as identity primary key,
        case_id     bigint not null references cases (id),
        sha256      char(64) not null,
        mime        text not null,
        size        integer not null,
        name        text not null,
        created_at  timestamptz not null default now(),
        unique (case_id, sha256)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table attachment, idempotency_key`);
  }
}

/** Which case holds each matter (phone + respondent + category + track) for 30 days: duplicate detection in one statement. */
export class MatterClaim1763700000500 implements MigrationInterface {
  name = 'MatterClaim1763700000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table matter_claim (
        key          bytea primary key,
        case_id      bigint not null references cases (id),
        received_at  timestamptz not null
      )`);
    await q.query(`create index matter_claim_case_idx on matter_claim (case_id)`);
    // Cases received before this table existed claim their matters too.
    await q.query(`
      insert into matter_claim (key, case_id, received_at)
      select distinct on (k) k, id, received_at
        from (select sha256(consumer_phone_hash || convert_to(respondent_key || '|' || category_code || '|' || track, 'UTF8')) as k, id, received_at
                from cases where duplicate_of_id is null and status <> 'withdrawn' and received_at > now() - interval '30 days') x
       order by k, received_at, id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table matter_claim`);
  }
}

/**
 * Files and the business (the business portal): the consumer chooses which of their files the
 * business may see (`shared_with_business`), and a business answering adds its own
 * (`uploaded_by` business), which the consumer and the handler see.
 */
export class BusinessAttachments1763700001830 implements MigrationInterface {
  name = 'BusinessAttachments1763700001830';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table attachment
        add column shared_with_business boolean not null default false,
        add column uploaded_by text not null default 'consumer' check (uploaded_by in ('consumer', 'business'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table attachment drop column shared_with_business, drop column uploaded_by`);
  }
}
