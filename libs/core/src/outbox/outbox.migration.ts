import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The transactional outbox: rows the worker relays to the queues, then marks relayed. */
export class Outbox1763700000100 implements MigrationInterface {
  name = 'Outbox1763700000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table outbox (
        id          bigint generated always as identity primary key,
        topic       text not null,
        payload     jsonb not null,
        created_at  timestamptz not null default now(),
        relayed_at  timestamptz,
        attempts    integer not null default 0
      )`);
    // The relay reads only what is still pending, oldest first.
    await q.query(`create index outbox_pending_idx on outbox (id) where relayed_at is null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table outbox`);
  }
}
