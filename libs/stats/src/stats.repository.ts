import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import type { Grain } from './period';
import { ALL, COUNTERS, RESPONDENT_COUNTERS } from './stat-event';

/** A slice of the area rollups: null means every value (the '*' grouping rows). */
export interface AreaSlice {
  area: string | null;
  category: string | null;
  track: string | null;
  channel: string | null;
  prepaid: boolean | null;
}
/** A slice of the unit rollups: `units` null means every unit. */
export interface UnitSlice {
  units: string[] | null;
  category: string | null;
  track: string | null;
}
export type GroupBy = 'none' | 'bucket' | 'area' | 'category' | 'unit' | AreaDetail;
/** Detail columns of the area rollup only (the unit rollup has none of them). */
export type AreaDetail = 'channel' | 'prepaid' | 'issueType';
/** Summed counters of one group and one track (`track`): callers keep complaints and reports apart. */
export type SumRow = { key: string | null; track: string } & Record<string, string | null>;
export interface StatsUnitRow {
  code: string;
  name: string;
  type: 'station' | 'regulator';
  areaCode: string | null;
  /** The venue a station is at (mall, scenic spot, market…): per-venue figures sum its stations. */
  venue: { code: string; name: string; areaCode: string } | null;
}

const SUMS = COUNTERS.map((c) => `sum(${c})::text as ${c}`).join(', ');

/** The /stats reads: rollups and the directory only, never `cases` (the aggregator writes the rollups: RollupRepository). */
@Injectable()
export class StatsRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() db: DataSource) {
    this.sql = db;
  }

  /** Summed counters of the area rollup over [from, to] of one grain, for a slice, grouped as asked. */
  sumArea(grain: Grain, from: string, to: string, s: AreaSlice, groupBy: Exclude<GroupBy, 'unit'>): Promise<SumRow[]> {
    const params: unknown[] = [from, to];
    const p = (v: unknown) => `$${params.push(v)}`;
    const conds = [`${grain} between $1 and $2`];
    conds.push(groupBy === 'area' && s.area === null ? `area_code <> '${ALL}'` : `area_code = ${p(s.area ?? ALL)}`);
    conds.push(groupBy === 'category' && s.category === null ? `category_code <> '${ALL}'` : `category_code = ${p(s.category ?? ALL)}`);
    if (s.track) conds.push(`track = ${p(s.track)}`);
    if (s.channel) conds.push(`channel = ${p(s.channel)}`);
    if (s.prepaid !== null) conds.push(`prepaid = ${p(s.prepaid)}`);
    const key = {
      none: 'null',
      bucket: `${grain}::text`,
      area: 'area_code',
      category: 'category_code',
      channel: 'channel',
      prepaid: 'prepaid::text',
      issueType: 'issue_type',
    }[groupBy];
    return this.sql.query<SumRow>(
      `select ${key} as key, track, ${SUMS} from stat_area_${grain} where ${conds.join(' and ')} group by 1, 2`,
      params,
    );
  }

  /** Summed counters of the unit rollup over [from, to] of one grain. */
  sumUnit(grain: Grain, from: string, to: string, s: UnitSlice, groupBy: Exclude<GroupBy, 'area' | AreaDetail>): Promise<SumRow[]> {
    const params: unknown[] = [from, to];
    const p = (v: unknown) => `$${params.push(v)}`;
    const conds = [`${grain} between $1 and $2`];
    conds.push(groupBy === 'category' && s.category === null ? `category_code <> '${ALL}'` : `category_code = ${p(s.category ?? ALL)}`);
    if (s.units) conds.push(`unit_code = any(${p(s.units)}::text[])`);
    if (s.track) conds.push(`track = ${p(s.track)}`);
    const key = { none: 'null', bucket: `${grain}::text`, unit: 'unit_code', category: 'category_code' }[groupBy];
    return this.sql.query<SumRow>(
      `select ${key} as key, track, ${SUMS} from stat_unit_${grain} where ${conds.join(' and ')} group by 1, 2`,
      params,
    );
  }

  /**
   * The most complained-about respondents over whole months: candidates are each month's top
   * `candidates` (read from the rank index), then their exact sums over the period are ranked.
   */
  respondentHotspots(q: {
    units: string[];
    from: string;
    to: string;
    measure: 'complaints' | 'reports' | 'received';
    candidates: number;
    limit: number;
  }): Promise<Record<string, string>[]> {
    const measure = q.measure === 'received' ? 'sum(r.complaints) + sum(r.reports)' : `sum(r.${q.measure})`;
    const sums = RESPONDENT_COUNTERS.map((c) => `sum(r.${c})::text as ${c}`).join(', ');
    return this.sql.query<Record<string, string>>(
      `with cand as (
         select distinct t.respondent_key
           from unnest($1::text[]) u(code)
           cross join generate_series($2::date, $3::date, interval '1 month') m(month)
           cross join lateral (
             select respondent_key from stat_respondent_month r
              where r.unit_code = u.code and r.month = m.month::date
              order by (r.complaints + r.reports) desc limit $4
           ) t
       ),
       s as (
         select r.respondent_key, ${sums}, (array_agg(r.respondent_name order by r.name_event_id desc))[1] as name,
                (array_agg(r.area_code order by r.name_event_id desc))[1] as area_code, ${measure} as measure
           from stat_respondent_month r join cand using (respondent_key)
          where r.unit_code = any($1::text[]) and r.month between $2 and $3
          group by r.respondent_key
       )
       select * from s where measure > 0 order by measure desc, respondent_key limit $5`,
      [q.units, q.from, q.to, q.candidates, q.limit],
    );
  }

  /** The stations of an area: what a county bureau oversees besides its own cases. */
  async stationsIn(areaCode: string): Promise<string[]> {
    const rows = await this.sql.query<{ code: string }>(`select code from station where area_code = $1 order by code`, [areaCode]);
    return rows.map((r) => r.code);
  }

  async categoryExists(code: string): Promise<boolean> {
    return (await this.sql.query(`select 1 from category where code = $1`, [code])).length > 0;
  }

  /** Units by code (null: all), a station with its venue (the directory only). */
  async units(codes: string[] | null): Promise<StatsUnitRow[]> {
    return this.sql.query<StatsUnitRow>(
      `select code, name, type, "areaCode", venue from (
         select s.code, s.name, 'station' as type, s.area_code as "areaCode",
                case when v.code is null then null else jsonb_build_object('code', v.code, 'name', v.name, 'areaCode', v.area_code) end as venue
           from station s left join venue v on v.code = s.venue_code
         union all
         select code, name, 'regulator', area_code, null from regulator
       ) u where $1::text[] is null or code = any($1::text[])`,
      [codes],
    );
  }

  /** Which of these codes are enrolled businesses' credit codes. */
  async enrolledBusinesses(codes: string[]): Promise<Set<string>> {
    const rows = await this.sql.query<{ code: string }>(`select credit_code as code from business where credit_code = any($1::text[])`, [
      codes,
    ]);
    return new Set(rows.map((r) => r.code));
  }

  async names(kind: 'area' | 'category', codes: string[]): Promise<Map<string, string>> {
    const rows = await this.sql.query<{ code: string; name: string }>(`select code, name from ${kind} where code = any($1::text[])`, [
      codes,
    ]);
    return new Map(rows.map((r) => [r.code, r.name]));
  }
}
