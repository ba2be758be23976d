import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';

/** An enrolled business as the public record shows it: what it publishes, nothing private (no phone, address or users). */
export interface PublicBusinessRow {
  creditCode: string;
  name: string;
  areaName: string;
  venueName: string | null;
  odrActive: boolean;
  statement: string | null;
  statementAt: Date | null;
}

const COLUMNS = `b.credit_code as "creditCode", b.name, a.name as "areaName", v.name as "venueName",
  b.odr_suspended_at is null as "odrActive", b.statement, b.statement_at as "statementAt"`;
const FROM = `from business b join area a on a.code = b.area_code left join venue v on v.code = b.venue_code`;

/** The public record's reads of the enrolled businesses (消费投诉信息公示): public columns only. */
@Injectable()
export class BusinessDisclosureRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() db: DataSource) {
    this.sql = db;
  }

  /**
   * Enrolled businesses whose name contains `text`, or whose credit code is exactly `text`
   * (upper-cased), in credit-code order after `after` (keyset pages).
   */
  search(q: { text?: string; after?: string; limit: number }): Promise<PublicBusinessRow[]> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where: string[] = [];
    if (q.text)
      where.push(`(b.credit_code = ${p(q.text.toUpperCase())} or b.name ilike ${p(`%${q.text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)})`);
    if (q.after) where.push(`b.credit_code > ${p(q.after)}`);
    return this.sql.query<PublicBusinessRow>(
      `select ${COLUMNS} ${FROM} ${where.length ? `where ${where.join(' and ')}` : ''} order by b.credit_code limit ${p(q.limit)}`,
      params,
    );
  }

  async find(creditCode: string): Promise<PublicBusinessRow | null> {
    const [row] = await this.sql.query<PublicBusinessRow>(`select ${COLUMNS} ${FROM} where b.credit_code = $1`, [creditCode]);
    return row ?? null;
  }
}
