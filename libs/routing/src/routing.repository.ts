import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { pgTransaction } from '@weiquan/core';
import type { Sql } from '@weiquan/core';
import type { BusinessSnapshot, RoutableCase } from './routing.types';

type Respondent = RoutableCase['respondent'];

/** The respondent's columns, as every routing read selects them. */
const RESPONDENT = `c.respondent_credit_code as "creditCode", c.respondent_area_code as "areaCode", c.respondent_venue_code as "venueCode", c.respondent_online as online,
  c.respondent_platform_name as "platformName", c.respondent_lat::float8 as lat, c.respondent_lng::float8 as lng`;

/** The units that handed the case back, one per hand-back, in order (from its history). */
const HANDED_BACK_BY = `coalesce((select array_agg(e.unit_code order by e.id) from case_event e
  where e.case_id = c.id and e.type = 'handed-back' and e.unit_code is not null), '{}') as "handedBackBy"`;

function withRespondent<T extends Respondent>(row: T) {
  const { creditCode, areaCode, venueCode, online, platformName, lat, lng, ...rest } = row;
  return { ...rest, respondent: { creditCode, areaCode, venueCode, online, platformName, lat, lng } };
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

/** Routing's reads: the cases to route, the directory, the loads. What routing decides is written by the case lifecycle (libs/cases/src/lifecycle). */
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

  /** Current open-case counts of the given stations, unlocked (an estimate for the filing page). */
  /** The enrolled businesses among these credit codes (routing matches a respondent by its code). */
  async businesses(codes: (string | null | undefined)[], sql: Sql = this.sql): Promise<Map<string, BusinessSnapshot>> {
    const wanted = [...new Set(codes.filter((x): x is string => !!x))];
    if (!wanted.length) return new Map();
    const rows = await sql.query<BusinessSnapshot>(
      `select credit_code as code, name, odr_suspended_at is not null as suspended from business where credit_code = any($1::text[])`,
      [wanted],
    );
    return new Map(rows.map((b) => [b.code, b]));
  }

  async loads(stationCodes: string[]): Promise<Map<string, number>> {
    if (!stationCodes.length) return new Map();
    const rows = await this.sql.query<{ code: string; open: number }>(
      `select unit_code as code, open_cases as open from unit_load where unit_code = any($1)`,
      [stationCodes],
    );
    return new Map(rows.map((r) => [r.code, r.open]));
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
}
