import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import { receivedRange } from './queue-filter.rules';

/** Which units hold a set of complaints now, and how many each: an early-warning alert's "units involved". */
export interface CaseHolderRow {
  type: 'station' | 'regulator' | 'business' | null;
  code: string | null;
  name: string | null;
  complaints: number;
}

/** The complaints of a respondent, or of a category in an area, received over China days (both included). */
export interface ComplaintSet {
  respondentKey?: string;
  areaCode?: string;
  categoryCode?: string;
  receivedFrom: string;
  receivedTo: string;
}

/**
 * Who holds a set of complaints: units and counts only, nothing about the consumers, so any reader of
 * the alert may see it (the complaints themselves are read through the queue, in the reader's scope).
 * One range of cases_respondent_received_idx or cases_area_received_idx.
 */
@Injectable()
export class CaseHoldersRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() db: DataSource) {
    this.sql = db;
  }

  holders(set: ComplaintSet): Promise<CaseHolderRow[]> {
    const { since, before } = receivedRange(set.receivedFrom, set.receivedTo);
    const params: unknown[] = [since, before];
    const p = (v: unknown) => `$${params.push(v)}`;
    const conds = [`c.track = 'complaint'`, `c.received_at >= $1::timestamptz`, `c.received_at < $2::timestamptz`];
    if (set.respondentKey) conds.push(`c.respondent_key = ${p(set.respondentKey)}`);
    if (set.areaCode) conds.push(`c.respondent_area_code = ${p(set.areaCode)}`);
    if (set.categoryCode) conds.push(`c.category_code = ${p(set.categoryCode)}`);
    return this.sql.query<CaseHolderRow>(
      `select c.assignee_type as type, c.assignee_code as code, coalesce(s.name, r.name, b.name) as name, count(*)::int as complaints
         from cases c
         left join station s on c.assignee_type = 'station' and s.code = c.assignee_code
         left join regulator r on c.assignee_type = 'regulator' and r.code = c.assignee_code
         left join business b on c.assignee_type = 'business' and b.credit_code = c.assignee_code
        where ${conds.join(' and ')}
        group by 1, 2, 3 order by 4 desc, 2`,
      params,
    );
  }
}
