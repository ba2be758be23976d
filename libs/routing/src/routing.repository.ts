import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { pgTransaction } from '@weiquan/core';
import type { Sql } from '@weiquan/core';
import type { RoutableCase, RoutingDecision } from './routing.rules';

export interface CaseToRoute extends RoutableCase {
  id: string;
  status: string;
  round: number;
  excluded: string[];
}

/** What casesToRoute selects: the case with its respondent's columns side by side. */
type CaseToRouteRow = Omit<CaseToRoute, 'respondent'> & CaseToRoute['respondent'];

interface StationRow {
  code: string;
  name: string;
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
  platforms: { name: string; areaCode: string }[];
}

export interface LateStationCase {
  id: string;
  station: string;
  areaCode: string;
  round: number;
}

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
   * is routing right now are skipped (SKIP LOCKED), cases already routed are not returned.
   */
  async casesToRoute(sql: Sql, items: { caseId: string; round: number }[]): Promise<CaseToRoute[]> {
    const rows = await sql.query<CaseToRouteRow>(
      `select c.id::text as id, c.status, c.track, c.category_code as "categoryCode", c.routing_round as round, c.excluded_units as excluded,
              c.respondent_area_code as "areaCode", c.respondent_venue_code as "venueCode", c.respondent_online as online,
              c.respondent_platform_name as "platformName", c.respondent_lat::float8 as lat, c.respondent_lng::float8 as lng
         from jsonb_to_recordset($1::jsonb) as w("caseId" bigint, round int)
         join cases c on c.id = w."caseId" and c.routing_round = w.round and c.status = 'received'
        order by c.id
          for update of c skip locked`,
      [JSON.stringify(items)],
    );
    return rows.map(({ areaCode, venueCode, online, platformName, lat, lng, ...rest }) => ({
      ...rest,
      respondent: { areaCode, venueCode, online, platformName, lat, lng },
    }));
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
      `select s.code, s.name, s.type, s.area_code as "areaCode", s.venue_code as "venueCode", s.capacity,
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
    const platforms = await this.sql.query<{ name: string; areaCode: string }>(
      `select name, area_code as "areaCode" from venue where type = 'platform'`,
    );
    return { areas, stations, regulators, categories, platforms };
  }

  /**
   * Current open-case counts of the given stations, locked until commit (always in code order, so
   * two workers never deadlock): a batch decides on loads no one else changes meanwhile, and a
   * station never receives more than its capacity.
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
   * really assigned. Returns the ids of the cases this call assigned.
   */
  async apply(sql: Sql, decisions: { c: CaseToRoute; d: RoutingDecision; stationSlaDue: string | null }[]): Promise<Set<string>> {
    if (!decisions.length) return new Set();
    const rows = decisions.map(({ c, d, stationSlaDue }) => ({
      case_id: c.id,
      round: c.round,
      rule: d.rule,
      reason: d.reason,
      assignee_type: d.assignee.type,
      assignee_code: d.assignee.code,
      assignee_name: d.assignee.name,
      transfer: d.transfer,
      candidates: d.candidates,
      status: d.transfer ? 'transferred' : 'assigned',
      sla_due: stationSlaDue,
    }));
    const applied = await sql.query<{ id: string }>(
      `with v as materialized (
         select * from jsonb_to_recordset($1::jsonb) as x(case_id bigint, round int, rule text, reason text, assignee_type text,
           assignee_code text, assignee_name text, transfer boolean, candidates jsonb, status text, sla_due date)
       ),
       d as (
         insert into routing_decision (case_id, round, rule, reason, assignee_type, assignee_code, transfer, candidates)
         select v.case_id, v.round, v.rule, v.reason, v.assignee_type, v.assignee_code, v.transfer, v.candidates
           from v join cases c on c.id = v.case_id and c.status = 'received' and c.routing_round = v.round
         on conflict (case_id, round) do nothing
         returning case_id
       ),
       u as (
         update cases c set status = v.status, assignee_type = v.assignee_type, assignee_code = v.assignee_code, assigned_at = now(),
                station_sla_due = v.sla_due, updated_at = now()
           from v join d on d.case_id = v.case_id
          where c.id = v.case_id and c.status = 'received' and c.routing_round = v.round
         returning c.id, v.status, v.assignee_type, v.assignee_code, v.assignee_name, v.rule, v.reason
       ),
       l as (
         insert into unit_load (unit_code, unit_type, open_cases)
         select assignee_code, assignee_type, count(*) from u where status = 'assigned' group by assignee_code, assignee_type
          order by assignee_code
         on conflict (unit_code) do update set open_cases = unit_load.open_cases + excluded.open_cases
       ),
       e as (
         insert into case_event (case_id, type, actor_type, from_status, to_status, reason_code, note, public, data)
         select id, status, 'system', 'received', status, rule, reason, true,
                jsonb_build_object('assignee', jsonb_build_object('type', assignee_type, 'code', assignee_code, 'name', assignee_name))
           from u
       )
       select id::text as id from u`,
      [JSON.stringify(rows)],
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

  /** Station assignments whose service-level day has passed without acceptance. */
  async lateAtStation(today: string, limit: number): Promise<LateStationCase[]> {
    return this.sql.query<LateStationCase>(
      `select c.id::text as id, c.assignee_code as station, s.area_code as "areaCode", c.routing_round as round
         from cases c join station s on s.code = c.assignee_code
        where c.status = 'assigned' and c.assignee_type = 'station' and c.station_sla_due < $1
        order by c.station_sla_due, c.id limit $2`,
      [today, limit],
    );
  }

  /**
   * Moves a case a station has not accepted in time to the area bureau; the statutory clock keeps
   * running from the original receipt (acceptance_due is not touched).
   */
  async escalate(
    c: { id: string; station: string; round: number },
    bureau: { code: string; name: string },
    reason: string,
  ): Promise<boolean> {
    const [{ n }] = await this.sql.query<{ n: number }>(
      `with d as (
         insert into routing_decision (case_id, round, rule, reason, assignee_type, assignee_code, candidates)
         select $1, $2 + 1, 'station-sla-escalation', $5, 'regulator', $4, '[]'::jsonb
          where exists (select 1 from cases where id = $1 and status = 'assigned' and assignee_code = $3 and routing_round = $2)
         on conflict (case_id, round) do nothing
         returning case_id
       ),
       u as (
         update cases set assignee_type = 'regulator', assignee_code = $4, assigned_at = now(), station_sla_due = null,
                routing_round = routing_round + 1, updated_at = now()
          where id = (select case_id from d) and status = 'assigned' and assignee_code = $3 and routing_round = $2
         returning id
       ),
       dec as (update unit_load set open_cases = open_cases - 1 where unit_code = $3 and exists (select 1 from u)),
       inc as (
         insert into unit_load (unit_code, unit_type, open_cases) select $4, 'regulator', 1 from u
         on conflict (unit_code) do update set open_cases = unit_load.open_cases + 1
       ),
       e as (
         insert into case_event (case_id, type, actor_type, from_status, to_status, reason_code, note, public, data)
         select id, 'escalated', 'system', 'assigned', 'assigned', 'station-sla', $5, true,
                jsonb_build_object('from', $3::text, 'assignee', jsonb_build_object('type', 'regulator', 'code', $4::text, 'name', $6::text))
           from u
       )
       select count(*)::int as n from u`,
      [c.id, c.round, c.station, bureau.code, reason, bureau.name],
    );
    return n === 1;
  }

  /**
   * A unit without authority hands a case back: it returns to routing in a new round with that unit
   * excluded, its load released, the event recorded and the routing work queued, in one statement.
   */
  async handBack(caseId: string, unitCode: string, reason: string, actorId: string | null): Promise<number | null> {
    const [row] = await this.sql.query<{ round: number }>(
      `with u as (
         update cases set status = 'received', routing_round = routing_round + 1,
                excluded_units = array_append(excluded_units, $2::text), assignee_type = null, assignee_code = null,
                station_sla_due = null, updated_at = now()
          where id = $1 and status = 'assigned' and assignee_code = $2
         returning id, routing_round
       ),
       l as (update unit_load set open_cases = open_cases - 1 where unit_code = $2 and exists (select 1 from u)),
       e as (
         insert into case_event (case_id, type, actor_type, actor_id, unit_code, from_status, to_status, action, note, public)
         select id, 'handed-back', 'staff', $4, $2, 'assigned', 'received', 'hand-back', $3, true from u
       ),
       o as (
         insert into outbox (topic, payload) select 'case.received', jsonb_build_object('caseId', id::text, 'round', routing_round) from u
       )
       select routing_round as round from u`,
      [caseId, unitCode, reason, actorId],
    );
    return row ? row.round : null;
  }
}
