import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RoutableCase, RoutingDecision } from './routing.rules';

export interface CaseToRoute extends RoutableCase {
  id: string;
  status: string;
  round: number;
  excluded: string[];
}

export interface DirectoryRows {
  areas: { code: string }[];
  stations: { code: string; name: string; type: string; areaCode: string; venueCode: string | null; categories: string[]; capacity: number; lat: number | null; lng: number | null }[];
  regulators: { code: string; name: string; kind: 'market' | 'sector'; level: 'city' | 'county' | 'province'; areaCode: string | null }[];
  categories: { code: string; regulatorCode: string | null }[];
  platforms: { name: string; areaCode: string }[];
}

/** Every query of routing. */
@Injectable()
export class RoutingRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async caseToRoute(caseId: string): Promise<CaseToRoute | null> {
    const [row] = await this.db.query(
      `select id::text as id, status, track, category_code as "categoryCode", routing_round as round, excluded_units as excluded,
              respondent_area_code as "areaCode", respondent_venue_code as "venueCode", respondent_online as online,
              respondent_platform_name as "platformName", respondent_lat::float8 as lat, respondent_lng::float8 as lng
         from cases where id = $1`,
      [caseId],
    );
    if (!row) return null;
    const { areaCode, venueCode, online, platformName, lat, lng, ...rest } = row;
    return { ...rest, respondent: { areaCode, venueCode, online, platformName, lat, lng } };
  }

  async directory(): Promise<DirectoryRows> {
    const areas = await this.db.query(`select code from area`);
    const stations = await this.db.query(
      `select s.code, s.name, s.type, s.area_code as "areaCode", s.venue_code as "venueCode", s.capacity,
              s.lat::float8 as lat, s.lng::float8 as lng,
              coalesce(array_agg(sc.category_code) filter (where sc.category_code is not null), '{}') as categories
         from station s left join station_category sc on sc.station_code = s.code
        where s.active group by s.code`,
    );
    const regulators = await this.db.query(`select code, name, kind, level, area_code as "areaCode" from regulator where active`);
    const categories = await this.db.query(`select code, regulator_code as "regulatorCode" from category`);
    const platforms = await this.db.query(`select name, area_code as "areaCode" from venue where type = 'platform'`);
    return { areas, stations, regulators, categories, platforms };
  }

  /** Current open-case counts of the given units. */
  async loads(unitCodes: string[]): Promise<Map<string, number>> {
    if (!unitCodes.length) return new Map();
    const rows: { code: string; open: number }[] = await this.db.query(
      `select unit_code as code, open_cases as open from unit_load where unit_code = any($1)`,
      [unitCodes],
    );
    return new Map(rows.map((r) => [r.code, r.open]));
  }

  /**
   * Records the decision and assigns the case in one statement, only if the case is still waiting in
   * the same routing round: the unique (case, round) decision and the conditional update together
   * make a second worker's attempt a no-op. Returns whether this call assigned it.
   */
  async apply(c: CaseToRoute, d: RoutingDecision, stationSlaDue: string | null): Promise<boolean> {
    const status = d.transfer ? 'transferred' : 'assigned';
    const [{ n }] = await this.db.query(
      `with d as (
         insert into routing_decision (case_id, round, rule, reason, assignee_type, assignee_code, transfer, candidates)
         select $1, $2, $3, $4, $5, $6, $7, $8
          where exists (select 1 from cases where id = $1 and status = 'received' and routing_round = $2)
         on conflict (case_id, round) do nothing
         returning case_id
       ),
       u as (
         update cases set status = $9, assignee_type = $5, assignee_code = $6, assigned_at = now(),
                station_sla_due = $10::date, updated_at = now()
          where id = (select case_id from d) and status = 'received' and routing_round = $2
         returning id
       ),
       l as (
         insert into unit_load (unit_code, unit_type, open_cases)
         select $6, $5, 1 from u where $9 = 'assigned'
         on conflict (unit_code) do update set open_cases = unit_load.open_cases + 1
       ),
       e as (
         insert into case_event (case_id, type, actor_type, from_status, to_status, reason_code, note, public, data)
         select id, $11, 'system', 'received', $9, $3, $4, true, jsonb_build_object('assignee', jsonb_build_object('type', $5::text, 'code', $6::text, 'name', $12::text))
           from u
       )
       select count(*)::int as n from u`,
      [c.id, c.round, d.rule, d.reason, d.assignee.type, d.assignee.code, d.transfer, JSON.stringify(d.candidates), status, stationSlaDue,
        d.transfer ? 'transferred' : 'assigned', d.assignee.name],
    );
    return n === 1;
  }

  /** Cases received more than `olderThanSeconds` ago and still not routed: work Redis may have lost. */
  async unrouted(olderThanSeconds: number, limit: number): Promise<{ caseId: string; round: number }[]> {
    return this.db.query(
      `select id::text as "caseId", routing_round as round from cases
        where status = 'received' and coalesce(assigned_at, received_at) < now() - make_interval(secs => $1)
        order by received_at limit $2`,
      [olderThanSeconds, limit],
    );
  }

  /** Station assignments whose service-level day has passed without acceptance. */
  async lateAtStation(today: string, limit: number): Promise<{ id: string; station: string; areaCode: string; round: number }[]> {
    return this.db.query(
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
  async escalate(c: { id: string; station: string; round: number }, bureau: { code: string; name: string }, reason: string): Promise<boolean> {
    const [{ n }] = await this.db.query(
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
    const [row] = await this.db.query(
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
