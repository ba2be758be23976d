import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Joint complaints (共同投诉, Order 121 Art. 12): complaints of two or more consumers about the same
 * dispute with the same business, handled together by a market regulator with their consent. The
 * member cases keep their own clocks and history; the group records who consented, how, and who
 * represents them. A case is in at most one joint case (the unique case_id).
 */
export class JointCases1763700002510 implements MigrationInterface {
  name = 'JointCases1763700002510';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table joint_case (
        id               bigserial primary key,
        joint_no         text not null unique,
        respondent_key   text not null,
        respondent_name  text not null,
        unit_code        text not null,
        -- The early-warning alert it was grouped from, if any (no FK: alerts are another library's).
        alert_id         bigint,
        note             text,
        created_by       text not null,
        created_at       timestamptz not null default now()
      )`);
    await q.query(`
      create table joint_case_member (
        joint_case_id        bigint not null references joint_case (id),
        case_id              bigint not null unique references cases (id),
        consent_method       text not null check (consent_method in ('written', 'phone', 'in-person', 'online')),
        consent_note         text,
        consent_recorded_by  text not null,
        consent_at           timestamptz not null,
        representative       boolean not null default false,
        primary key (joint_case_id, case_id)
      )`);
    await q.query(`create index joint_case_respondent_idx on joint_case (respondent_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table joint_case_member`);
    await q.query(`drop table joint_case`);
  }
}
