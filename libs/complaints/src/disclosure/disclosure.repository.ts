import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';

export interface PublishedComplaint {
  id: string;
  respondentName: string;
  respondentCreditCode: string | null;
  categoryCode: string;
  categoryName: string;
  issueType: string | null;
  receivedOn: string;
  concludedAt: Date | null;
  outcome: 'resolved' | 'terminated';
  outcomeReasonCode: string | null;
}

/**
 * Published complaint information (消费投诉信息公示): complaints whose consumer consented to
 * publication, that were accepted, and whose handling has concluded. Selects business-side columns
 * only: nothing about the consumer ever leaves this query.
 */
const PUBLISHED = `c.track = 'complaint' and c.consent_to_publish and c.accepted_at is not null and c.status in ('resolved', 'terminated', 'closed')`;

@Injectable()
export class DisclosureRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() db: DataSource) {
    this.sql = db;
  }

  /**
   * `creditCode` matches exactly (indexed); `name` is a substring of the business name, searched
   * within the published complaints only (a small part of all cases, on their partial index).
   */
  list(f: { creditCode?: string; name?: string; categoryCode?: string; before?: string; limit: number }): Promise<PublishedComplaint[]> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const conds = [PUBLISHED];
    if (f.creditCode) conds.push(`c.respondent_key = ${p(`uscc:${f.creditCode}`)}`);
    if (f.name) conds.push(`c.respondent_name ilike ${p(`%${f.name.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)}`);
    if (f.categoryCode) conds.push(`c.category_code = ${p(f.categoryCode)}`);
    if (f.before) conds.push(`c.id < ${p(f.before)}::bigint`);
    return this.sql.query<PublishedComplaint>(
      `select c.id::text as id, c.respondent_name as "respondentName", c.respondent_credit_code as "respondentCreditCode",
              c.category_code as "categoryCode", cat.name as "categoryName", c.issue_type as "issueType", c.received_on as "receivedOn",
              c.concluded_at as "concludedAt", case when c.amount_recovered_fen is not null then 'resolved' else 'terminated' end as outcome,
              c.outcome_reason_code as "outcomeReasonCode"
         from cases c join category cat on cat.code = c.category_code
        where ${conds.join(' and ')}
        order by c.id desc limit ${p(f.limit)}`,
      params,
    );
  }
}
