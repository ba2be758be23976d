import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import type { EnrolScope } from './enrolment.rules';

/** An enrolled business as staff and the business itself see it. */
export interface BusinessRow {
  creditCode: string;
  name: string;
  areaCode: string;
  areaName: string;
  venueCode: string | null;
  venueName: string | null;
  platform: boolean;
  phone: string | null;
  address: string | null;
  suspendedAt: Date | null;
  suspendedReason: string | null;
  statement: string | null;
  statementAt: Date | null;
  enrolledBy: string;
  enrolledAt: Date;
  users: number;
}

export interface NewBusiness {
  creditCode: string;
  name: string;
  nameKey: string;
  areaCode: string;
  venueCode: string | null;
  platform: boolean;
  phone: string | null;
  address: string | null;
  enrolledBy: string;
}

export interface BusinessChange {
  name?: string;
  nameKey?: string;
  venueCode?: string | null;
  platform?: boolean;
  phone?: string | null;
  address?: string | null;
  /** null resumes online dispute resolution; a reason suspends it. */
  suspendedReason?: string | null;
}

const COLUMNS = `
  b.credit_code as "creditCode", b.name, b.area_code as "areaCode", a.name as "areaName", b.venue_code as "venueCode",
  v.name as "venueName", b.platform, b.phone, b.address, b.odr_suspended_at as "suspendedAt",
  b.odr_suspended_reason as "suspendedReason", b.statement, b.statement_at as "statementAt", b.enrolled_by as "enrolledBy",
  b.enrolled_at as "enrolledAt",
  (select count(*)::int from staff_user u where u.unit_type = 'business' and u.unit_code = b.credit_code and not u.disabled) as users`;
const FROM = `from business b join area a on a.code = b.area_code left join venue v on v.code = b.venue_code`;

/** Every query on the `business` table (this library owns it). */
@Injectable()
export class BusinessRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() db: DataSource) {
    this.sql = db;
  }

  /** False when the credit code is enrolled already. */
  async insert(b: NewBusiness): Promise<boolean> {
    const rows = await this.sql.query<{ creditCode: string }>(
      `insert into business (credit_code, name, name_key, area_code, venue_code, platform, phone, address, enrolled_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (credit_code) do nothing returning credit_code as "creditCode"`,
      [b.creditCode, b.name, b.nameKey, b.areaCode, b.venueCode, b.platform, b.phone, b.address, b.enrolledBy],
    );
    return rows.length === 1;
  }

  async find(creditCode: string): Promise<BusinessRow | null> {
    const [row] = await this.sql.query<BusinessRow>(`select ${COLUMNS} ${FROM} where b.credit_code = $1`, [creditCode]);
    return row ?? null;
  }

  /** The businesses a scope covers, by name or credit code, in credit-code order (keyset pages). */
  list(scope: EnrolScope, q: { text?: string; after?: string; limit: number }): Promise<BusinessRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (scope.kind === 'area') where.push(`b.area_code = $${params.push(scope.areaCode)}`);
    if (scope.kind === 'venue') where.push(`b.venue_code = $${params.push(scope.venueCode)}`);
    if (q.text) {
      const i = params.push(q.text.toUpperCase(), `%${q.text.replace(/[\\%_]/g, '\\$&')}%`);
      where.push(`(b.credit_code = $${i - 1} or b.name ilike $${i})`);
    }
    if (q.after) where.push(`b.credit_code > $${params.push(q.after)}`);
    params.push(q.limit);
    return this.sql.query<BusinessRow>(
      `select ${COLUMNS} ${FROM} ${where.length ? `where ${where.join(' and ')}` : ''} order by b.credit_code limit $${params.length}`,
      params,
    );
  }

  async update(creditCode: string, change: BusinessChange): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [creditCode];
    const set = (column: string, value: unknown) => sets.push(`${column} = $${params.push(value)}`);
    if (change.name !== undefined) set('name', change.name);
    if (change.nameKey !== undefined) set('name_key', change.nameKey);
    if (change.venueCode !== undefined) set('venue_code', change.venueCode);
    if (change.platform !== undefined) set('platform', change.platform);
    if (change.phone !== undefined) set('phone', change.phone);
    if (change.address !== undefined) set('address', change.address);
    if (change.suspendedReason !== undefined) {
      set('odr_suspended_reason', change.suspendedReason);
      // Suspending again keeps the first day it was suspended.
      sets.push(change.suspendedReason === null ? 'odr_suspended_at = null' : 'odr_suspended_at = coalesce(odr_suspended_at, now())');
    }
    if (!sets.length) return;
    await this.sql.query(`update business set ${sets.join(', ')}, updated_at = now() where credit_code = $1`, params);
  }

  /** The business's public statement (消费投诉信息公示 shows it beside its record); null removes it. */
  async setStatement(creditCode: string, statement: string | null): Promise<void> {
    await this.sql.query(
      `update business set statement = $2, statement_at = case when $2::text is null then null else now() end, updated_at = now()
        where credit_code = $1`,
      [creditCode, statement],
    );
  }

  /** The area of a venue, or null when there is no such venue. */
  async venueArea(venueCode: string): Promise<string | null> {
    const [row] = await this.sql.query<{ areaCode: string }>(`select area_code as "areaCode" from venue where code = $1`, [venueCode]);
    return row?.areaCode ?? null;
  }

  /** Where the demo business trades: the venue of the demo station (the first active station of 东昌府区 in a venue). */
  async demoPlace(): Promise<{ areaCode: string; venueCode: string } | null> {
    const [row] = await this.sql.query<{ areaCode: string; venueCode: string }>(
      `select area_code as "areaCode", venue_code as "venueCode" from station
        where active and area_code = '371502' and venue_code is not null order by code limit 1`,
    );
    return row ?? null;
  }

  async areaExists(areaCode: string): Promise<boolean> {
    const rows = await this.sql.query(`select 1 from area where code = $1`, [areaCode]);
    return rows.length > 0;
  }
}
