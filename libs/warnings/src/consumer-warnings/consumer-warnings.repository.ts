import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import type { ListScope } from './consumer-warning.rules';

/** A warning as the bureau's list shows it (dates as YYYY-MM-DD, China days). */
export interface WarningRow {
  id: string;
  title: string;
  body: string;
  categoryCode: string | null;
  categoryName: string | null;
  areaCode: string | null;
  areaName: string | null;
  businessName: string | null;
  creditCode: string | null;
  startsOn: string;
  endsOn: string;
  unitCode: string;
  unitName: string;
  publishedById: string;
  publishedByName: string;
  publishedAt: Date;
  alertId: string | null;
  withdrawnAt: Date | null;
  withdrawnByName: string | null;
  withdrawReason: string | null;
}

/** A warning as the public sees it: the publishing unit's name, never who in it published or withdrew it. */
export type PublicWarningRow = Pick<
  WarningRow,
  | 'id'
  | 'title'
  | 'body'
  | 'categoryCode'
  | 'categoryName'
  | 'areaCode'
  | 'areaName'
  | 'businessName'
  | 'creditCode'
  | 'startsOn'
  | 'endsOn'
> & { publishedBy: string };

export interface NewWarning {
  title: string;
  body: string;
  categoryCode: string | null;
  areaCode: string | null;
  businessName: string | null;
  creditCode: string | null;
  startsOn: string;
  endsOn: string;
  unitCode: string;
  publishedBy: string;
  alertId: string | null;
}

const PUBLIC_COLUMNS = `w.id::text as id, w.title, w.body, w.category_code as "categoryCode", c.name as "categoryName",
  w.area_code as "areaCode", a.name as "areaName", w.business_name as "businessName", w.credit_code as "creditCode",
  w.starts_on::text as "startsOn", w.ends_on::text as "endsOn", r.name as "publishedBy"`;

const STAFF_COLUMNS = `w.id::text as id, w.title, w.body, w.category_code as "categoryCode", c.name as "categoryName",
  w.area_code as "areaCode", a.name as "areaName", w.business_name as "businessName", w.credit_code as "creditCode",
  w.starts_on::text as "startsOn", w.ends_on::text as "endsOn", w.unit_code as "unitCode", r.name as "unitName",
  w.published_by::text as "publishedById", p.display_name as "publishedByName", w.published_at as "publishedAt",
  w.alert_id::text as "alertId", w.withdrawn_at as "withdrawnAt", x.display_name as "withdrawnByName",
  w.withdraw_reason as "withdrawReason"`;

const FROM = `from consumer_warning w
  join regulator r on r.code = w.unit_code
  left join category c on c.code = w.category_code
  left join area a on a.code = w.area_code`;

const STAFF_FROM = `${FROM}
  join staff_user p on p.id = w.published_by
  left join staff_user x on x.id = w.withdrawn_by`;

/** The bureau's list is every warning of the scope; it grows by a few a month, so this bound is never met in practice. */
const LIST_LIMIT = 500;

/**
 * Every query of the consumer warnings. The writes take the caller's `sql` (a transaction: the alert
 * module publishes inside its own) and are written as CTEs, so that they answer rows whichever kind
 * of Sql runs them (TypeORM answers a bare UPDATE with a count).
 */
@Injectable()
export class ConsumerWarningsRepository {
  private readonly db: Sql;

  constructor(@InjectDataSource() db: DataSource) {
    this.db = db;
  }

  /** Whether the codes name an area and a category of the directory (null: nothing to check). */
  async known(sql: Sql, areaCode: string | null, categoryCode: string | null): Promise<{ area: boolean; category: boolean }> {
    const [row] = await sql.query<{ area: boolean; category: boolean }>(
      `select ($1::text is null or exists (select 1 from area where code = $1)) as area,
              ($2::text is null or exists (select 1 from category where code = $2)) as category`,
      [areaCode, categoryCode],
    );
    return row;
  }

  /** A new warning; answers its id. */
  async insert(sql: Sql, w: NewWarning): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `with i as (
         insert into consumer_warning (title, body, category_code, area_code, business_name, credit_code, starts_on, ends_on,
                                       unit_code, published_by, alert_id)
         values ($1, $2, $3, $4, $5, $6, $7::date, $8::date, $9, $10::bigint, $11::bigint)
         returning id)
       select id::text as id from i`,
      [
        w.title,
        w.body,
        w.categoryCode,
        w.areaCode,
        w.businessName,
        w.creditCode,
        w.startsOn,
        w.endsOn,
        w.unitCode,
        w.publishedBy,
        w.alertId,
      ],
    );
    return row.id;
  }

  /** One warning; `lock` holds it for a withdrawal in the same transaction. */
  async find(sql: Sql, id: string, lock = false): Promise<WarningRow | null> {
    const [row] = await sql.query<WarningRow>(
      `select ${STAFF_COLUMNS} ${STAFF_FROM} where w.id = $1::bigint ${lock ? 'for update of w' : ''}`,
      [id],
    );
    return row ?? null;
  }

  /** The bureau's list: every warning of the scope (an area's own and the city-wide ones), newest first. */
  list(scope: ListScope): Promise<WarningRow[]> {
    const params: unknown[] = [LIST_LIMIT];
    const where = scope.kind === 'area' ? `where (w.area_code is null or w.area_code = $${params.push(scope.areaCode)})` : '';
    return this.db.query<WarningRow>(
      `select ${STAFF_COLUMNS} ${STAFF_FROM} ${where} order by w.published_at desc, w.id desc limit $1`,
      params,
    );
  }

  async withdraw(sql: Sql, id: string, by: string, reason: string): Promise<void> {
    await sql.query<{ id: string }>(
      `with u as (
         update consumer_warning set withdrawn_at = now(), withdrawn_by = $2::bigint, withdraw_reason = $3
         where id = $1::bigint and withdrawn_at is null
         returning id)
       select id::text as id from u`,
      [id, by, reason],
    );
  }

  /**
   * The warnings in force on `today` (not withdrawn, today within their days), newest first. An
   * area's are its own and the city-wide ones; a category's, its own and those about no category;
   * a credit code's, only those naming that business.
   */
  active(today: string, q: { areaCode?: string; categoryCode?: string; creditCode?: string }): Promise<PublicWarningRow[]> {
    const params: unknown[] = [today];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where = ['w.withdrawn_at is null', 'w.ends_on >= $1::date', 'w.starts_on <= $1::date'];
    if (q.areaCode) where.push(`(w.area_code is null or w.area_code = ${p(q.areaCode)})`);
    if (q.categoryCode) where.push(`(w.category_code is null or w.category_code = ${p(q.categoryCode)})`);
    if (q.creditCode) where.push(`w.credit_code = ${p(q.creditCode)}`);
    return this.db.query<PublicWarningRow>(
      `select ${PUBLIC_COLUMNS} ${FROM} where ${where.join(' and ')} order by w.published_at desc, w.id desc limit 100`,
      params,
    );
  }
}
