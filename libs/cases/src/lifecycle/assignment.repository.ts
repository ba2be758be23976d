import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import { addLoads, releaseLoad } from './unit-load.sql';

/**
 * The case lifecycle's writes for routing (docs/ARCHITECTURE.md "One owner"): assigning routed
 * cases (with the intake desk's decisions), a unit handing a case back, the city bureau's
 * designation, and the unit that took a filing at its counter. Routing decides (routing.rules.ts);
 * this module alone writes `cases`, `case_event` and `unit_load`.
 */

/** A settlement case that becomes formal when routed (no station can take it): when the department receives it. */
export interface FormalReceipt {
  /** The day its clocks count from: the filing day on first routing, else today (an escalation). */
  countsFrom: string;
  /** The rule set in force on that day. */
  ruleSet: string;
  acceptanceDue: string;
  provisional: boolean;
  escalated: boolean;
}

/**
 * What the city bureau's intake desk decides at once for a case no unit of the city has authority
 * for: the history events after its assignment (a refusal; for a report, no 立案 and closing), and
 * the columns they set.
 */
export interface DeskDecision {
  reasonCode: string | null;
  decision: 'not-opened' | null;
  events: {
    type: string;
    from: string;
    to: string;
    reasonCode: string | null;
    note: string | null;
    data: Record<string, unknown>;
  }[];
}

/** What a routing decision says, as assigning the case needs it (routing.types.ts RoutingDecision). */
interface AssignmentDecision {
  rule: string;
  reason: string;
  stage: 'settlement' | 'formal';
  assignee: { type: 'station' | 'regulator' | 'business'; code: string; name: string };
  candidates: unknown[];
}

export interface RoutedCase<
  C extends { id: string; round: number } = { id: string; round: number },
  D extends AssignmentDecision = AssignmentDecision,
> {
  c: C;
  d: D;
  /** The status the case ends in: at a station to settle, assigned, or decided at once by the desk (refused, closed). */
  status: 'settling' | 'assigned' | 'refused' | 'closed';
  /** A settlement case: the station's take-up and outcome deadlines (city policy); a business has the outcome day only. */
  settlement: { takeUpDue: string | null; due: string } | null;
  /** A settlement case no station can take: it becomes formal now. */
  formal: FormalReceipt | null;
  designationDue: string | null;
  desk: DeskDecision | null;
}

export type HandBackResult = { state: 'handed-back'; round: number } | { state: 'refused'; why: 'designated' | 'city-bureau' } | null;

/** Writes of routing outcomes: each guarded by the state the decision was taken on, so a second worker's attempt is a no-op. */
@Injectable()
export class AssignmentRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() db: DataSource) {
    this.sql = db;
  }

  /**
   * Current open-case counts of the given stations, locked until commit (always in code order, so
   * two workers never deadlock): a batch decides on loads no one else changes meanwhile, and routing
   * never chooses a station that is full (a counter filing stays where it was taken in person).
   */
  async lockLoads(sql: Sql, stationCodes: string[]): Promise<Map<string, number>> {
    if (!stationCodes.length) return new Map();
    const codes = [...new Set(stationCodes)].sort();
    await sql.query(
      `insert into unit_load (unit_code, unit_type) select unnest($1::text[]), 'station' on conflict (unit_code) do nothing`,
      [codes],
    );
    const rows = await sql.query<{ code: string; open: number }>(
      `select unit_code as code, open_cases as open from unit_load where unit_code = any($1) order by unit_code for update`,
      [codes],
    );
    return new Map(rows.map((r) => [r.code, r.open]));
  }

  /**
   * Records the decisions and assigns the cases in one statement, each only if it is still waiting in
   * the same routing round: the unique (case, round) decision row and the conditional update
   * together make another worker's attempt on the same case a no-op. Unit loads grow by what was
   * really assigned. A case no unit of the city has authority for is assigned to the city bureau's
   * intake desk and decided by it in the same statement (its events follow the assignment).
   * Returns the ids of the cases this call routed.
   */
  async apply(sql: Sql, routed: RoutedCase[], today: string): Promise<Set<string>> {
    if (!routed.length) return new Set();
    const rows = routed.map(({ c, d, status, settlement, formal, designationDue, desk }) => ({
      case_id: c.id,
      round: c.round,
      rule: d.rule,
      reason: d.reason,
      assignee_type: d.assignee.type,
      assignee_code: d.assignee.code,
      assignee_name: d.assignee.name,
      candidates: d.candidates,
      status,
      stage: d.stage,
      take_up_due: settlement?.takeUpDue ?? null,
      settlement_due: settlement?.due ?? null,
      formal,
      designation_due: designationDue,
      desk,
    }));
    const applied = await sql.query<{ id: string }>(
      `with v as materialized (
         select * from jsonb_to_recordset($1::jsonb) as x(case_id bigint, round int, rule text, reason text, assignee_type text,
           assignee_code text, assignee_name text, candidates jsonb, status text, stage text, take_up_due date, settlement_due date,
           formal jsonb, designation_due date, desk jsonb)
       ),
       d as (
         insert into routing_decision (case_id, round, rule, reason, assignee_type, assignee_code, transfer, candidates)
         select v.case_id, v.round, v.rule, v.reason, v.assignee_type, v.assignee_code, false, v.candidates
           from v join cases c on c.id = v.case_id and c.status = 'received' and c.routing_round = v.round
         on conflict (case_id, round) do nothing
         returning case_id
       ),
       u as (
         update cases c set status = v.status, assignee_type = v.assignee_type, assignee_code = v.assignee_code, assigned_at = now(),
                stage = v.stage, take_up_due = v.take_up_due, settlement_due = v.settlement_due, designation_due = v.designation_due,
                updated_at = now(), business_party = c.business_party or v.assignee_type = 'business',
                acceptance_due = case when v.formal is null then c.acceptance_due else (v.formal->>'acceptanceDue')::date end,
                acceptance_due_provisional = case when v.formal is null then c.acceptance_due_provisional
                                                  else (v.formal->>'provisional')::boolean end,
                first_clock_counts_from = case when v.formal is null then c.first_clock_counts_from else (v.formal->>'countsFrom')::date end,
                rule_set = case when v.formal is null then c.rule_set else v.formal->>'ruleSet' end,
                escalated_on = case when (v.formal->>'escalated')::boolean then $2::date else c.escalated_on end,
                escalation_cause = case when (v.formal->>'escalated')::boolean then 'no-station' else c.escalation_cause end,
                first_clock_met_on = case when v.desk is null then c.first_clock_met_on else $2::date end,
                outcome_reason_code = case when v.desk is null then c.outcome_reason_code else v.desk->>'reasonCode' end,
                decision = case when v.desk is null then c.decision else v.desk->>'decision' end,
                concluded_at = case when v.desk is null then c.concluded_at else now() end,
                closed_at = case when v.status = 'closed' then now() else c.closed_at end,
                clock_due = case when v.status = 'settling' then coalesce(v.take_up_due, v.settlement_due) when v.desk is null then c.clock_due end
           from v join d on d.case_id = v.case_id
          where c.id = v.case_id and c.status = 'received' and c.routing_round = v.round
         returning c.id, v.status, v.assignee_type, v.assignee_code, v.assignee_name, v.rule, v.reason, v.desk, v.stage, v.formal
       ),
       l as (
         ${addLoads(`select assignee_code, assignee_type, count(*) from u where status in ('assigned', 'settling')
                      group by assignee_code, assignee_type order by assignee_code`)}
       ),
       e as (
         insert into case_event (case_id, type, actor_type, unit_code, from_status, to_status, action, reason_code, note, public, data)
         select case_id, type, 'system', unit_code, from_status, to_status, action, reason_code, note, true, data
           from (
             select u.id as case_id, 0::bigint as n, 'assigned' as type, null::text as unit_code, 'received' as from_status,
                    case when u.status = 'settling' then 'settling' else 'assigned' end as to_status, null::text as action,
                    u.rule as reason_code, u.reason as note,
                    jsonb_build_object('assignee', jsonb_build_object('type', u.assignee_type, 'code', u.assignee_code, 'name', u.assignee_name),
                                       'stage', u.stage)
                    || case when u.formal is null then '{}'::jsonb else jsonb_build_object('formal', u.formal) end as data
               from u
             union all
             select u.id, t.n, t.ev->>'type', u.assignee_code, t.ev->>'from', t.ev->>'to', t.ev->>'type', t.ev->>'reasonCode',
                    t.ev->>'note', coalesce(t.ev->'data', '{}'::jsonb)
               from u cross join lateral jsonb_array_elements(coalesce(u.desk->'events', '[]'::jsonb)) with ordinality as t(ev, n)
           ) ev
          order by case_id, n
       )
       select id::text as id from u`,
      [JSON.stringify(rows), today],
    );
    return new Set(applied.map((a) => a.id));
  }

  /**
   * A unit without authority hands a case back (it reports back to the city bureau's intake desk):
   * the case returns to routing in a new round with that unit excluded, its load released, the event
   * recorded and the routing work queued, in one statement. Refused when the city bureau designated
   * the handler (final), and for the city bureau itself (the desk every hand-back goes to).
   */
  async handBack(caseId: string, unitCode: string, reason: string, actorId: string | null, cityBureau: string): Promise<HandBackResult> {
    const [row] = await this.sql.query<{ round: number | null; designated: boolean | null }>(
      `with prior as (select id, status from cases where id = $1 for update),
       u as (
         update cases c set status = 'received', routing_round = routing_round + 1,
                excluded_units = array_append(excluded_units, $2::text), assignee_type = null, assignee_code = null,
                take_up_due = null, settlement_due = null, clock_due = null, offer = null, designation_due = null, updated_at = now()
          from prior
          where c.id = prior.id and c.status in ('assigned', 'settling', 'negotiating') and c.assignee_code = $2 and c.designated_at is null
            and $2::text <> $5::text
         returning c.id, c.routing_round, prior.status as from_status
       ),
       l as (${releaseLoad('$2', 'exists (select 1 from u)')}),
       e as (
         insert into case_event (case_id, type, actor_type, actor_id, unit_code, from_status, to_status, action, note, public)
         select id, 'handed-back', 'staff', $4, $2, from_status, 'received', 'hand-back', $3, true from u
       ),
       o as (
         insert into outbox (topic, payload) select 'case.received', jsonb_build_object('caseId', id::text, 'round', routing_round) from u
       )
       select (select routing_round from u) as round,
              (select designated_at is not null from cases
                where id = $1 and status in ('assigned', 'settling', 'negotiating') and assignee_code = $2) as designated`,
      [caseId, unitCode, reason, actorId, cityBureau],
    );
    if (row.round !== null) return { state: 'handed-back', round: row.round };
    if (row.designated === null) return null;
    return { state: 'refused', why: row.designated ? 'designated' : 'city-bureau' };
  }

  /**
   * The city bureau's designation of the handler, final for the case: the decision, the assignment,
   * the loads and the event, in the caller's transaction.
   */
  async designate(
    sql: Sql,
    c: { id: string; round: number; from: string },
    to: { type: 'station' | 'regulator'; code: string; name: string; reason: string; candidates: unknown[] },
    actor: { userId: string; note: string },
  ): Promise<void> {
    await sql.query(
      `with d as (
         insert into routing_decision (case_id, round, rule, reason, assignee_type, assignee_code, candidates)
         values ($1, $2 + 1, 'designated', $3, $4, $5, $6::jsonb)
       ),
       u as (
         update cases set assignee_type = $4, assignee_code = $5, assigned_at = now(), routing_round = routing_round + 1,
                designated_at = now(), designation_due = null, take_up_due = null, updated_at = now()
          where id = $1
         returning id
       ),
       dec as (${releaseLoad('$7', '$7::text <> $5::text')}),
       inc as (${addLoads(`select $5, $4, 1 where $7::text <> $5::text`)})
       insert into case_event (case_id, type, actor_type, actor_id, unit_code, from_status, to_status, action, reason_code, note, public, data)
       values ($1, 'assigned', 'staff', $8, $7, 'assigned', 'assigned', 'designate', 'designated', $9, true,
               jsonb_build_object('assignee', jsonb_build_object('type', $4::text, 'code', $5::text, 'name', $10::text), 'designated', true))`,
      [c.id, c.round, to.reason, to.type, to.code, JSON.stringify(to.candidates), c.from, actor.userId, actor.note, to.name],
    );
  }

  /**
   * A station confirms that the respondent it was given by name is this enrolled business, and
   * passes the settlement case to it: the case records the credit code, waits for the business's
   * answer until `due`, the places move, and the event is written, in the caller's transaction.
   * Only while the station holds it in the settlement stage, with no offer yet, and the business's
   * online dispute resolution is not suspended: false otherwise.
   */
  async referToBusiness(
    sql: Sql,
    c: { id: string; from: string },
    station: string,
    business: { code: string; name: string },
    due: string,
    actorId: string,
  ): Promise<boolean> {
    const rows = await sql.query<{ id: string }>(
      `with o as (
         select c.id from cases c
          where c.id = $1 and c.status = $2 and c.stage = 'settlement' and c.assignee_code = $3 and c.offer is null
            and (c.respondent_credit_code is null or c.respondent_credit_code = $4)
            and exists (select 1 from business b where b.credit_code = $4 and b.odr_suspended_at is null)
          for update of c
       ),
       u as (
         update cases c set respondent_credit_code = $4, assignee_type = 'business', assignee_code = $4, assigned_at = now(),
                status = 'settling', business_party = true, take_up_due = null, settlement_due = $5::date, clock_due = $5::date,
                settlement_taken_up_at = null, updated_at = now()
           from o where c.id = o.id
         returning c.id
       ),
       l as (${releaseLoad('$3', 'exists (select 1 from u)')}),
       a as (${addLoads(`select $4, 'business', 1 from u`)})
       insert into case_event (case_id, type, actor_type, actor_id, unit_code, from_status, to_status, action, public, data)
       select id, 'referred-to-business', 'staff', $6, $3, $2, 'settling', 'refer-to-business', true,
              jsonb_build_object('assignee', jsonb_build_object('type', 'business', 'code', $4::text, 'name', $7::text),
                                 'from', $3::text, 'settlementDue', $5::text)
         from u
       returning case_id::text as id`,
      [c.id, c.from, station, business.code, due, actorId, business.name],
    );
    return rows.length === 1;
  }

  /**
   * Staff entered these cases (phone, letter, counter): records their unit, once. Returns the cases
   * of a counter filing still waiting for their first routing.
   */
  async recordIntakeUnit(trackingNos: string[], unitCode: string): Promise<{ caseId: string; round: number }[]> {
    return this.sql.query<{ caseId: string; round: number }>(
      `with u as (
         update cases set intake_unit_code = $2
          where tracking_no = any($1::text[]) and intake_channel in ('phone', 'letter', 'counter') and intake_unit_code is null
         returning id, routing_round, status, intake_channel
       )
       select id::text as "caseId", routing_round as round from u where status = 'received' and intake_channel = 'counter'`,
      [trackingNos, unitCode],
    );
  }
}
