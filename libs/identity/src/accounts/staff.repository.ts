import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import type { StaffPrincipal, StaffRole, UnitType } from '../roles';

/** A staff account as the admin API shows it: never the password hash. */
export interface StaffUserView {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  unit: { type: UnitType; code: string; name: string } | null;
  disabled: boolean;
  /** Set while the account is locked after failed logins. */
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What login needs about an account. */
export interface LoginRow {
  id: string;
  passwordHash: string;
  username: string;
  disabled: boolean;
  tokenVersion: number;
}

/** The row behind a principal, checked against a token's claims on every request. */
export interface PrincipalRow {
  principal: StaffPrincipal;
  disabled: boolean;
  tokenVersion: number;
}

/** What principal() selects: unit type and code are both set or both null (a check constraint). */
type PrincipalSelect = {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  disabled: boolean;
  tokenVersion: number;
  unitName: string | null;
  areaCode: string | null;
  venueCode: string | null;
  kind: 'market' | 'sector' | null;
  level: 'city' | 'county' | 'province' | null;
} & ({ unitType: null; unitCode: null } | { unitType: UnitType; unitCode: string });

export interface UnitRow {
  type: UnitType;
  code: string;
  name: string;
  active: boolean;
}

export interface UserFilter {
  role?: StaffRole;
  unitCode?: string;
  /** Only these roles (a station admin sees only station staff). */
  roles?: StaffRole[];
  afterId?: string;
  limit: number;
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: StaffRole;
  unitType: UnitType | null;
  unitCode: string | null;
}

export interface UserChange {
  displayName?: string;
  role?: StaffRole;
  unitType?: UnitType | null;
  unitCode?: string | null;
  disabled?: boolean;
  /** Revoke every token issued so far. */
  revokeTokens: boolean;
}

const VIEW_COLUMNS = `
  u.id::text as id, u.username, u.display_name as "displayName", u.role,
  case when u.unit_type is null then null
       else json_build_object('type', u.unit_type, 'code', u.unit_code, 'name', coalesce(s.name, r.name, b.name, u.unit_code)) end as unit,
  u.disabled, null::timestamptz as "lockedUntil",
  u.last_login_at as "lastLoginAt", u.created_at as "createdAt", u.updated_at as "updatedAt"`;

const UNIT_JOINS = `
  left join station s on u.unit_type = 'station' and s.code = u.unit_code
  left join regulator r on u.unit_type = 'regulator' and r.code = u.unit_code
  left join business b on u.unit_type = 'business' and b.credit_code = u.unit_code`;

/** Every query on staff accounts. */
@Injectable()
export class StaffRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.sql = db;
  }

  /** One primary-key lookup per authenticated request: the principal with its unit. */
  async principal(id: string): Promise<PrincipalRow | null> {
    const [row] = await this.sql.query<PrincipalSelect>(
      `select u.id::text as id, u.username, u.display_name as "displayName", u.role, u.unit_type as "unitType", u.unit_code as "unitCode",
              u.disabled, u.token_version as "tokenVersion",
              coalesce(s.name, r.name, b.name) as "unitName", coalesce(s.area_code, r.area_code, b.area_code) as "areaCode",
              coalesce(s.venue_code, b.venue_code) as "venueCode", r.kind, r.level
         from staff_user u ${UNIT_JOINS}
        where u.id = $1`,
      [id],
    );
    if (!row) return null;
    return {
      disabled: row.disabled,
      tokenVersion: row.tokenVersion,
      principal: {
        userId: row.id,
        username: row.username,
        displayName: row.displayName,
        role: row.role,
        unit: row.unitType
          ? {
              type: row.unitType,
              code: row.unitCode,
              name: row.unitName ?? row.unitCode,
              areaCode: row.areaCode ?? null,
              venueCode: row.venueCode ?? null,
              kind: row.kind ?? null,
              level: row.level ?? null,
            }
          : null,
      },
    };
  }

  async loginRow(username: string): Promise<LoginRow | null> {
    const [row] = await this.sql.query<LoginRow>(
      `select id::text as id, username, password_hash as "passwordHash", disabled, token_version as "tokenVersion"
         from staff_user where username = $1`,
      [username],
    );
    return row ?? null;
  }

  async loginRowById(id: string): Promise<LoginRow | null> {
    const [row] = await this.sql.query<LoginRow>(
      `select id::text as id, username, password_hash as "passwordHash", disabled, token_version as "tokenVersion"
         from staff_user where id = $1`,
      [id],
    );
    return row ?? null;
  }

  async recordLogin(id: string): Promise<void> {
    await this.sql.query(`update staff_user set last_login_at = now() where id = $1`, [id]);
  }

  /** The holder's own new password: the caller revokes the other sessions; this session stays valid. */
  async changeOwnPassword(id: string, passwordHash: string): Promise<void> {
    await this.sql.query(`update staff_user set password_hash = $2, updated_at = now() where id = $1`, [id, passwordHash]);
  }

  async view(id: string): Promise<StaffUserView | null> {
    const [row] = await this.sql.query<StaffUserView>(`select ${VIEW_COLUMNS} from staff_user u ${UNIT_JOINS} where u.id = $1`, [id]);
    return row ?? null;
  }

  async viewByUsername(username: string): Promise<StaffUserView | null> {
    const [row] = await this.sql.query<StaffUserView>(`select ${VIEW_COLUMNS} from staff_user u ${UNIT_JOINS} where u.username = $1`, [
      username,
    ]);
    return row ?? null;
  }

  /** Keyset pages by id. */
  list(filter: UserFilter): Promise<StaffUserView[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (filter.role) add((p) => `u.role = ${p}`, filter.role);
    if (filter.roles) add((p) => `u.role = any(${p}::text[])`, filter.roles);
    if (filter.unitCode) add((p) => `u.unit_code = ${p}`, filter.unitCode);
    if (filter.afterId) add((p) => `u.id > ${p}::bigint`, filter.afterId);
    params.push(filter.limit);
    return this.sql.query<StaffUserView>(
      `select ${VIEW_COLUMNS} from staff_user u ${UNIT_JOINS}
        ${where.length ? `where ${where.join(' and ')}` : ''}
        order by u.id limit $${params.length}`,
      params,
    );
  }

  /** The station, regulator or enrolled business with this code, wherever it is (their codes do not overlap: a business's is its 18-character credit code). */
  async unit(code: string): Promise<UnitRow | null> {
    const [row] = await this.sql.query<UnitRow>(
      `select 'station' as type, code, name, active from station where code = $1
       union all
       select 'regulator', code, name, active from regulator where code = $1
       union all
       select 'business', credit_code, name, true from business where credit_code = $1
       limit 1`,
      [code],
    );
    return row ?? null;
  }

  /** The new account's id, or null when the username is taken. */
  async insert(user: NewUser): Promise<string | null> {
    const [row] = await this.sql.query<{ id: string }>(
      `insert into staff_user (username, display_name, password_hash, role, unit_type, unit_code)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (username) do nothing
       returning id::text as id`,
      [user.username, user.displayName, user.passwordHash, user.role, user.unitType, user.unitCode],
    );
    return row?.id ?? null;
  }

  async update(id: string, change: UserChange): Promise<void> {
    const sets: string[] = ['updated_at = now()'];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (change.displayName !== undefined) set('display_name', change.displayName);
    if (change.role !== undefined) set('role', change.role);
    if (change.unitType !== undefined) set('unit_type', change.unitType);
    if (change.unitCode !== undefined) set('unit_code', change.unitCode);
    if (change.disabled !== undefined) set('disabled', change.disabled);
    if (change.revokeTokens) sets.push('token_version = token_version + 1');
    await this.sql.query(`update staff_user set ${sets.join(', ')} where id = $1`, params);
  }

  /** A new password revokes every token (the login delays are LoginThrottle's). */
  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.sql.query(
      `update staff_user set password_hash = $2, token_version = token_version + 1, updated_at = now()
        where id = $1`,
      [id, passwordHash],
    );
  }

  async existingUsernames(usernames: string[]): Promise<Set<string>> {
    const rows = await this.sql.query<{ username: string }>(`select username from staff_user where username = any($1::text[])`, [
      usernames,
    ]);
    return new Set(rows.map((r) => r.username));
  }

  /**
   * The units the demo accounts belong to, read from the directory: the first active station (by
   * code) in 东昌府区 (371502) that sits at a venue, that area's market-regulation bureau, and the
   * first active sector regulator.
   */
  async demoUnits(): Promise<{ station: UnitRow | null; county: UnitRow | null; sector: UnitRow | null; business: UnitRow | null }> {
    const [station] = await this.sql.query<UnitRow>(
      `select 'station' as type, code, name, active from station
        where active and area_code = '371502'
        order by (venue_code is null), code limit 1`,
    );
    const [county] = await this.sql.query<UnitRow>(
      `select 'regulator' as type, code, name, active from regulator
        where active and kind = 'market' and area_code = '371502' order by code limit 1`,
    );
    const [sector] = await this.sql.query<UnitRow>(
      `select 'regulator' as type, code, name, active from regulator where active and kind = 'sector' order by code limit 1`,
    );
    // The demo business (enrolled by the setup before the accounts): a tenant of the demo station's venue.
    const [business] = await this.sql.query<UnitRow>(
      `select 'business' as type, b.credit_code as code, b.name, true as active from business b
        where b.enrolled_by = 'demo' order by b.enrolled_at, b.credit_code limit 1`,
    );
    return { station: station ?? null, county: county ?? null, sector: sector ?? null, business: business ?? null };
  }
}
