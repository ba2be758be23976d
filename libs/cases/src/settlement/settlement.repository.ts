import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import type { CaseStatus } from '../case-status';
import { SETTLEMENT_OPEN } from '../case-status';
import { addLoads, releaseLoad } from '../lifecycle/unit-load.sql';
import type { EscalationCause } from '../settlement.rules';

/** A settlement case whose city deadline has passed. */
export interface LapsedRow {
  id: string;
  status: CaseStatus;
  holder: 'station' | 'business';
  takeUpDue: string | null;
  settlementDue: string | null;
}

/** The formal stage's start: the department receives it on `on`, its acceptance clock counts from there. */
export interface FormalStart {
  on: string;
  ruleSet: string;
  acceptanceDue: string;
  provisional: boolean;
}

/** The station helping with a case, from the directory, for the consumer's notices. */
export interface StationContact {
  name: string;
  phone: string | null;
  address: string;
}

/** The writes of the settlement stage that are not a staff transition: escalation, and the sweep's reads. */
@Injectable()
export class SettlementRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() db: DataSource) {
    this.sql = db;
  }

  /** Open settlement cases whose deadline passed before `today`, oldest deadline first (the partial index on clock_due). */
  lapsed(today: string, limit: number): Promise<LapsedRow[]> {
    return this.sql.query<LapsedRow>(
      `select id::text as id, status, assignee_type as holder, take_up_due::text as "takeUpDue", settlement_due::text as "settlementDue"
         from cases where status = any($1::text[]) and clock_due < $2::date
        order by clock_due, id limit $3`,
      [SETTLEMENT_OPEN, today, limit],
    );
  }

  /**
   * Leaves the settlement stage: the case becomes a formal complaint received by the department on
   * `start.on`, back to routing in a new round (the worker routes it by jurisdiction, stations never
   * take a formal complaint), the station's place released, the event and the routing work written,
   * in the caller's transaction. Guarded by the status it was in: false if it moved meanwhile.
   */
  async escalate(
    sql: Sql,
    c: { id: string; from: CaseStatus },
    cause: EscalationCause,
    start: FormalStart,
    actor: { type: 'consumer' | 'staff' | 'system'; userId: string | null },
    note: string | null,
    extra: Record<string, unknown> = {},
  ): Promise<boolean> {
    // A settled case the consumer reopens (the offer was not delivered) holds no place any more, and
    // its settlement is undone: it is no longer concluded, closed or money recovered.
    const rows = await sql.query<{ id: string }>(
      `with o as (select id, assignee_code, assignee_type, offer from cases where id = $1 and status = $2 and stage = 'settlement' for update),
       u as (
         update cases c set stage = 'formal', status = 'received', routing_round = c.routing_round + 1,
                assignee_type = null, assignee_code = null, take_up_due = null, clock_due = null,
                escalated_on = $4::date, escalation_cause = $3, rule_set = $5,
                acceptance_due = $6::date, acceptance_due_provisional = $7, first_clock_counts_from = $4::date,
                first_clock_days = null, first_clock_met_on = null, first_clock_paused_on = null, updated_at = now(),
                business_party = c.business_party or o.assignee_type = 'business',
                concluded_at = case when $2 = 'settled' then null else c.concluded_at end,
                closed_at = case when $2 = 'settled' then null else c.closed_at end,
                amount_recovered_fen = case when $2 = 'settled' then null else c.amount_recovered_fen end
           from o where c.id = o.id
         returning c.id, c.routing_round, o.assignee_code as station, o.assignee_type as holder, o.offer
       ),
       l as (${releaseLoad('(select station from u)', `$2 <> 'settled'`)}),
       e as (
         insert into case_event (case_id, type, actor_type, actor_id, unit_code, from_status, to_status, action, reason_code, note, public, data)
         select id, 'escalated', $8, $9, station, $2, 'received', 'escalate', $3, $10, true,
                jsonb_build_object('cause', $3::text, 'stage', 'formal', 'from', station, 'fromType', holder, 'acceptanceDue', $6::text)
                || case when offer is null then '{}'::jsonb else jsonb_build_object('offer', offer) end || $11::jsonb
           from u
       ),
       r as (insert into outbox (topic, payload) select 'case.received', jsonb_build_object('caseId', id::text, 'round', routing_round) from u)
       select id::text as id from u`,
      [
        c.id,
        c.from,
        cause,
        start.on,
        start.ruleSet,
        start.acceptanceDue,
        start.provisional,
        actor.type,
        actor.userId,
        note,
        JSON.stringify(extra),
      ],
    );
    return rows.length === 1;
  }

  /**
   * The station of the venue steps in on a settlement case its tenant business holds: the case is
   * the station's from now (taken up, the same outcome day), the places move, the event is written.
   * Guarded by the holder and the status: false when the case moved meanwhile.
   */
  async stepIn(
    sql: Sql,
    c: { id: string; from: CaseStatus; to: CaseStatus },
    station: { code: string; name: string; venueCode: string },
    actorId: string,
  ): Promise<boolean> {
    const rows = await sql.query<{ id: string }>(
      `with o as (
         select c.id, c.assignee_code as business from cases c
           join business b on b.credit_code = c.assignee_code and b.venue_code = $4
          where c.id = $1 and c.status = $2 and c.stage = 'settlement' and c.assignee_type = 'business'
          for update of c
       ),
       u as (
         update cases c set assignee_type = 'station', assignee_code = $5, assigned_at = now(), status = $3,
                settlement_taken_up_at = coalesce(c.settlement_taken_up_at, now()), take_up_due = null,
                clock_due = c.settlement_due, updated_at = now()
           from o where c.id = o.id
         returning c.id, o.business
       ),
       l as (${releaseLoad('(select business from u)')}),
       a as (${addLoads(`select $5, 'station', 1 from u`)})
       insert into case_event (case_id, type, actor_type, actor_id, unit_code, from_status, to_status, action, public, data)
       select id, 'stepped-in', 'staff', $6, $5, $2, $3, 'step-in', true,
              jsonb_build_object('assignee', jsonb_build_object('type', 'station', 'code', $5::text, 'name', $7::text), 'from', business)
         from u
       returning case_id::text as id`,
      [c.id, c.from, c.to, station.venueCode, station.code, actorId, station.name],
    );
    return rows.length === 1;
  }

  /**
   * A business's statement on a formal complaint against it, for the department: an internal history
   * event, only while the complaint is in the status it was checked in.
   */
  async statement(sql: Sql, c: { id: string; status: CaseStatus }, business: string, actorId: string, note: string): Promise<boolean> {
    const rows = await sql.query<{ id: string }>(
      `insert into case_event (case_id, type, actor_type, actor_id, unit_code, from_status, to_status, action, note, public, data)
       select id, 'statement', 'staff', $3, $2, status, status, 'statement', $4, false, jsonb_build_object('party', 'business')
         from cases where id = $1 and status = $5 and stage = 'formal' and respondent_credit_code = $2
       returning case_id::text as id`,
      [c.id, business, actorId, note, c.status],
    );
    return rows.length === 1;
  }

  /** The directory entry of a station, for the consumer's notices (phone and address). */
  async station(code: string, sql: Sql = this.sql): Promise<StationContact | null> {
    const [row] = await sql.query<StationContact>(`select name, phone, address from station where code = $1`, [code]);
    return row ?? null;
  }
}
