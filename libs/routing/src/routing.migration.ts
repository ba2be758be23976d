import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Routing1763700000600 implements MigrationInterface {
  name = 'Routing1763700000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table cases
        add column assignee_type    text check (assignee_type in ('station', 'regulator')),
        add column assignee_code    text,
        add column assigned_at      timestamptz,
        add column routing_round    integer not null default 0,
        add column excluded_units   text[] not null default '{}',
        add column station_sla_due  date`);
    // Work the worker finds in PostgreSQL, whatever Redis holds: cases still to route, stations late.
    await q.query(`create index cases_unrouted_idx on cases (received_at) where status = 'received'`);
    await q.query(`create index cases_station_sla_idx on cases (station_sla_due) where status = 'assigned' and assignee_type = 'station'`);
    await q.query(`create index cases_assignee_idx on cases (assignee_code, status)`);
    // One decision per case and routing round: two workers routing the same case make one assignment.
    await q.query(`
      create table routing_decision (
        id             bigint generated always as identity primary key,
        case_id        bigint not null references cases (id),
        round          integer not null,
        rule           text not null,
        reason         text not null,
        assignee_type  text not null,
        assignee_code  text not null,
        transfer       boolean not null default false,
        candidates     jsonb not null,
        decided_at     timestamptz not null default now(),
        unique (case_id, round)
      )`);
    // Open cases per unit, maintained as cases are assigned and leave it (routing reads it for load).
    await q.query(`
      create table unit_load (
        unit_code   text primary key,
        unit_type   text not null check (unit_type in ('station', 'regulator')),
        open_cases  integer not null default 0 check (open_cases >= 0)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table unit_load, routing_decision`);
    await q.query(`drop index cases_unrouted_idx, cases_station_sla_idx, cases_assignee_idx`);
    await q.query(`alter table cases drop column assignee_type, drop column assignee_code, drop column assigned_at,
                   drop column routing_round, drop column excluded_units, drop column station_sla_due`);
  }
}
