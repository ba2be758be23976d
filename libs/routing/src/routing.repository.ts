import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { pgTransaction } from '@weiquan/core';
import type { Sql } from '@weiquan/core';
import type { Candidate, RoutableCase, RoutingDecision } from './routing.rules';

type Respondent = RoutableCase['respondent'];

/** The respondent's columns, as every routing read selects them. */
const RESPONDENT = `c.respondent_area_code as "areaCode", c.respondent_venue_code as "venueCode", c.respondent_online as online,
  c.respondent_platform_name as "platformName", c.respondent_lat::float8 as lat, c.respondent_lng::float8 as lng`;

/** The units that handed the case back, one per hand-back, in order (from its history). */
const HANDED_BACK_BY = `coalesce((select array_agg(e.unit_code order by e.id) from case_event e
  where e.case_id = c.id and e.type = 'handed-back' and e.unit_code is not null), '{}') as "handedBackBy"`;

function withRespondent<T extends Respondent>(row: T) {
  const { areaCode, venueCode, online, platformName, lat, lng, ...rest } = row;
  return { ...rest, respondent: { areaCode, venueCode, online, platformName, lat, lng } };
}

export interface CaseToRoute extends RoutableCase {
  id: string;
  status: string;
  round: number;
  excluded: string[];
  handedBackBy: string[];
  counterUnit: string | null;
  ruleSet: string;
  receivedOn: string;
  /** The first statutory clock's due date (acceptance for a complaint, the 立案 decision for a report). */
  firstDue: string | null;
  /** A report opened by staff from a mediation lead: no reporter to tell. */
  referral: boolean;
  /** Why it left the settlement stage, if it did (the consumer is told where it went once routed). */
  escalationCause: string | null;
}

/** A settlement case that becomes formal when routed (no station can take it): when the department receives it. */
export interface FormalReceipt {
  /** The day its clocks count from: the filing day on first routing, else today (an escalation). */
  countsFrom: string;
  acceptanceDue: string;
  provisional: boolean;
  escalated: boolean;
}

/** What casesToRoute selects: the case with its respondent's columns side by side. */
type CaseToRouteRow = Omit<CaseToRoute, 'respondent'> & Respondent;

interface StationRow {
  code: string;
  name: string;
  phone: string | null;
  address: string;
  type: string;
  areaCode: string;
  venueCode: string | null;
  categories: string[];
  capacity: number;
  lat: number | null;
  lng: number | null;
}

interface RegulatorRow {
  code: string;
  name: string;
  kind: 'market' | 'sector';
  level: 'city' | 'county' | 'province';
  areaCode: string | null;
}

export interface DirectoryRows {
  areas: { code: string }[];
  stations: StationRow[];
  regulators: RegulatorRow[];
  categories: { code: string; regulatorCode: string | null }[];
  platforms: { code: string; name: string; areaCode: string }[];
}

/** A case as the city bureau designates its handler. */
export interface CaseToDesignate extends RoutableCase {
  id: string;
  status: string;
  round: number;
  excluded: string[];
  assigneeCode: string | null;
  designationDue: string | null;
  designated: boolean;
}

type CaseToDesignateRow = Omit<CaseToDesignate, 'respondent'> & Respondent;

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

export interface RoutedCase {
  c: CaseToRoute;
  d: RoutingDecision;
  /** The status the case ends in: at a station to settle, assigned, or decided at once by the desk (refused, closed). */
  status: 'settling' | 'assigned' | 'refused' | 'closed';
  /** A settlement case: the station's take-up and outcome deadlines (city policy). */
  settlement: { takeUpDue: string; due: string } | null;
  /** A settlement case no station can take: it becomes formal now. */
  formal: FormalReceipt | null;
  designationDue: string | null;
  desk: DeskDecision | null;
}

export type HandBackResult = { state: 'handed-back'; round: number } | { state: 'refused'; why: 'designated' | 'city-bureau' } | null;

/** Every query of routing. */
@Injectable()
export class RoutingRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.sql = db;
  }

  /** A routing transaction on the pool's own client (the hot path of the worker). */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return pgTransaction(this.db, work);
  }

  /**
   * The cases still waiting in the given rounds, locked for this transaction; cases another worker
   * is routing right now are skipped (SKIP LOCKED), cases already routed are not returned. A counter
   * filing whose station is still being recorded (staff intake records it right after the case is
   * committed) waits for it, for half a minute at most: then it is routed like any other.
   */
  async casesToRoute(sql: Sql, items: { caseId: string; round: number }[]): Promise<CaseToRoute[]> {
    const rows = await sql.query<CaseToRouteRow>(
      `select c.id::text as id, c.status, c.track, c.stage, c.category_code as "categoryCode", c.routing_round as round, c.excluded_units as excluded,
              c.rule_set as "ruleSet", c.received_on::text as "receivedOn", c.acceptance_due::text as "firstDue",
              c.intake_channel = 'referral' as referral, c.escalation_cause as "escalationCause",
              case when c.intake_channel = 'counter' then c.intake_unit_code end as "counterUnit",
              ${HANDED_BACK_BY}, ${RESPONDENT}
         from jsonb_to_recordset($1::jsonb) as w("caseId" bigint, round int)
         join cases c on c.id = w."caseId" and c.routing_round = w.round and c.status = 'received'
        where not (c.intake_channel = 'counter' and c.intake_unit_code is null and c.routing_round = 0
                   and c.created_at > now() - interval '30 seconds')
        order by c.id
          for update of c skip locked`,
      [JSON.stringify(items)],
    );
    return rows.map(withRespondent);
  }

  /** Of these, the cases still waiting for routing in that round (not routed by anyone meanwhile). */
  async stillWaiting(items: { caseId: string; round: number }[]): Promise<string[]> {
    if (!items.length) return [];
    const rows = await this.sql.query<{ id: string }>(
      `select c.id::text as id from jsonb_to_recordset($1::jsonb) as w("caseId" bigint, round int)
         join cases c on c.id = w."caseId" and c.routing_round = w.round and c.status = 'received'`,
      [JSON.stringify(items)],
    );
    return rows.map((r) => r.id);
  }

  async directory(): Promise<DirectoryRows> {
    const areas = await this.sql.query<{ code: string }>(`select code from area`);
    const stations = await this.sql.query<StationRow>(
      `select s.code, s.name, s.phone, s.address, s.type, s.area_code as "areaCode", s.venue_code as "venueCode", s.capacity,
              s.lat::float8 as lat, s.lng::float8 as lng,
              coalesce(array_agg(sc.category_code) filter (where sc.category_code is not null), '{}') as categories
         from station s left join station_category sc on sc.station_code = s.code
        where s.active group by s.code`,
    );
    const regulators = await this.sql.query<RegulatorRow>(
      `select code, name, kind, level, area_code as "areaCode" from regulator where active`,
    );
    const categories = await this.sql.query<{ code: string; regulatorCode: string | null }>(
      `select code, regulator_code as "regulatorCode" from category`,
    );
    const platforms = await this.sql.query<{ code: string; name: string; areaCode: string }>(
      `select code, name, area_code as "areaCode" from venue where type = 'platform'`,
    );
    return { areas, stations, regulators, categories, platforms };
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

  /** Current open-case counts of the given stations, unlocked (an estimate for the filing page). */
  async loads(stationCodes: string[]): Promise<Map<string, number>> {
    if (!stationCodes.length) return new Map();
    const rows = await this.sql.query<{ code: string; open: number }>(
      `select unit_code as code, open_cases as open from unit_load where unit_code = any($1)`,
      [stationCodes],
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
                updated_at = now(),
                acceptance_due = case when v.formal is null then c.acceptance_due else (v.formal->>'acceptanceDue')::date end,
                acceptance_due_provisional = case when v.formal is null then c.acceptance_due_provisional
                                                  else (v.formal->>'provisional')::boolean end,
                first_clock_counts_from = case when v.formal is null then c.first_clock_counts_from else (v.formal->>'countsFrom')::date end,
                escalated_on = case when (v.formal->>'escalated')::boolean then $2::date else c.escalated_on end,
                escalation_cause = case when (v.formal->>'escalated')::boolean then 'no-station' else c.escalation_cause end,
                first_clock_met_on = case when v.desk is null then c.first_clock_met_on else $2::date end,
                outcome_reason_code = case when v.desk is null then c.outcome_reason_code else v.desk->>'reasonCode' end,
                decision = case when v.desk is null then c.decision else v.desk->>'decision' end,
                concluded_at = case when v.desk is null then c.concluded_at else now() end,
                closed_at = case when v.status = 'closed' then now() else c.closed_at end,
                clock_due = case when v.status = 'settling' then v.take_up_due when v.desk is null then c.clock_due end
           from v join d on d.case_id = v.case_id
          where c.id = v.case_id and c.status = 'received' and c.routing_round = v.round
         returning c.id, v.status, v.assignee_type, v.assignee_code, v.assignee_name, v.rule, v.reason, v.desk, v.stage, v.formal
       ),
       l as (
         insert into unit_load (unit_code, unit_type, open_cases)
         select assignee_code, assignee_type, count(*) from u where status in ('assigned', 'settling') group by assignee_code, assignee_type
          order by assignee_code
         on conflict (unit_code) do update set open_cases = unit_load.open_cases + excluded.open_cases
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

  /** Cases received more than `olderThanSeconds` ago and still not routed: work Redis may have lost. */
  async unrouted(olderThanSeconds: number, limit: number): Promise<{ caseId: string; round: number }[]> {
    return this.sql.query<{ caseId: string; round: number }>(
      `select id::text as "caseId", routing_round as round from cases
        where status = 'received' and coalesce(assigned_at, received_at) < now() - make_interval(secs => $1)
        order by received_at limit $2`,
      [olderThanSeconds, limit],
    );
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
       l as (update unit_load set open_cases = greatest(open_cases - 1, 0) where unit_code = $2 and exists (select 1 from u)),
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

  /** The case, locked for the city bureau's designation. */
  async lockForDesignation(sql: Sql, caseId: string): Promise<CaseToDesignate | null> {
    const [row] = await sql.query<CaseToDesignateRow>(
      `select c.id::text as id, c.status, c.track, c.stage, c.category_code as "categoryCode", c.routing_round as round,
              c.excluded_units as excluded, c.assignee_code as "assigneeCode", c.designation_due::text as "designationDue", c.designated_at is not null as designated,
              ${HANDED_BACK_BY}, ${RESPONDENT}
         from cases c where c.id = $1 for update of c`,
      [caseId],
    );
    return row ? withRespondent(row) : null;
  }

  /**
   * The city bureau's designation of the handler, final for the case: the decision, the assignment,
   * the loads and the event, in the caller's transaction.
   */
  async designate(
    sql: Sql,
    c: { id: string; round: number; from: string },
    to: { type: 'station' | 'regulator'; code: string; name: string; reason: string; candidates: Candidate[] },
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
       dec as (update unit_load set open_cases = greatest(open_cases - 1, 0) where unit_code = $7 and $7::text <> $5::text),
       inc as (
         insert into unit_load (unit_code, unit_type, open_cases) select $5, $4, 1 where $7::text <> $5::text
         on conflict (unit_code) do update set open_cases = unit_load.open_cases + 1
       )
       insert into case_event (case_id, type, actor_type, actor_id, unit_code, from_status, to_status, action, reason_code, note, public, data)
       values ($1, 'assigned', 'staff', $8, $7, 'assigned', 'assigned', 'designate', 'designated', $9, true,
               jsonb_build_object('assignee', jsonb_build_object('type', $4::text, 'code', $5::text, 'name', $10::text), 'designated', true))`,
      [c.id, c.round, to.reason, to.type, to.code, JSON.stringify(to.candidates), c.from, actor.userId, actor.note, to.name],
    );
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
