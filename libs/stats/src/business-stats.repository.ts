import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import { BUSINESS_COUNTERS } from './business-rollup.rules';
import type { Grain } from './period';

/** Summed business counters of one business (as text, from SQL), keyed by its credit code. */
export type BusinessSumRow = { creditCode: string } & Record<string, string>;

/** An enrolled business as the statistics name it. */
export interface BusinessInfoRow {
  creditCode: string;
  name: string;
  areaCode: string;
  venue: { code: string; name: string; areaCode: string } | null;
  odrActive: boolean;
}

const SUMS = BUSINESS_COUNTERS.map((c) => `sum(s.${c})::text as ${c}`).join(', ');

/**
 * The reads of the business rollup (stat_business_day, stat_business_month) and the enrolled
 * businesses they are joined to: never the cases table (docs/ARCHITECTURE.md, invariant 6). Rows of
 * credit codes that are not enrolled (formal-stage mediation of any respondent with a credit code)
 * are left out by the join.
 */
@Injectable()
export class BusinessStatsRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() db: DataSource) {
    this.sql = db;
  }

  /**
   * Counters summed per enrolled business over [from, to] of one grain: businesses of an area
   * (their own area) and/or a venue (its tenants, by the business's current venue), or all.
   */
  sumPerBusiness(grain: Grain, from: string, to: string, f: { area: string | null; venue: string | null }): Promise<BusinessSumRow[]> {
    const params: unknown[] = [from, to];
    const p = (v: unknown) => `$${params.push(v)}`;
    const conds = [`s.${grain} between $1 and $2`];
    if (f.area !== null) conds.push(`b.area_code = ${p(f.area)}`);
    if (f.venue !== null) conds.push(`b.venue_code = ${p(f.venue)}`);
    return this.sql.query<BusinessSumRow>(
      `select s.credit_code as "creditCode", ${SUMS}
         from stat_business_${grain} s join business b on b.credit_code = s.credit_code
        where ${conds.join(' and ')}
        group by s.credit_code`,
      params,
    );
  }

  /** Everything counted for one business, from its monthly rows (a month is the sum of its days). */
  async allTime(creditCode: string): Promise<Record<string, string | null>> {
    const [row] = await this.sql.query<Record<string, string | null>>(
      `select ${SUMS} from stat_business_month s where s.credit_code = $1`,
      [creditCode],
    );
    return row ?? {};
  }

  /** Enrolled businesses by credit code, with their venue. */
  businesses(codes: string[]): Promise<BusinessInfoRow[]> {
    return this.sql.query<BusinessInfoRow>(
      `select b.credit_code as "creditCode", b.name, b.area_code as "areaCode",
              case when v.code is null then null else jsonb_build_object('code', v.code, 'name', v.name, 'areaCode', v.area_code) end as venue,
              b.odr_suspended_at is null as "odrActive"
         from business b left join venue v on v.code = b.venue_code
        where b.credit_code = any($1::text[])`,
      [codes],
    );
  }

  async venueExists(code: string): Promise<boolean> {
    return (await this.sql.query(`select 1 from venue where code = $1`, [code])).length > 0;
  }
}
