import { MigrationInterface, QueryRunner } from 'typeorm';

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
