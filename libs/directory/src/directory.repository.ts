import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import type { AreaKind, CategoryGroup, RegulatorKind, RegulatorLevel, StationType } from './directory.types';
import type { DirectoryReference, NewVenue, StationRecord } from './import/station-import.types';

export interface AreaRow {
  code: string;
  name: string;
  kind: AreaKind;
  lat: number | null;
  lng: number | null;
}
export interface CategoryRow {
  code: string;
  name: string;
  group: CategoryGroup;
  regulatorCode: string | null;
}
export interface RegulatorRow {
  code: string;
  name: string;
  kind: RegulatorKind;
  level: RegulatorLevel;
  areaCode: string | null;
  address: string | null;
  phone: string | null;
  categories: string[];
}
export interface StationRow {
  code: string;
  name: string;
  type: StationType;
  areaCode: string;
  venue: { code: string; name: string } | null;
  address: string;
  lat: number | null;
  lng: number | null;
  categories: string[];
  capacity: number;
  active: boolean;
  phone: string | null;
}
export interface StationFilter {
  areaCode?: string;
  type?: StationType;
  categoryCode?: string;
  active?: boolean;
}

export interface SeedArea extends AreaRow {
  sortOrder: number;
}
export type SeedRegulator = Omit<RegulatorRow, 'categories'>;
export interface SeedCategory extends CategoryRow {
  sortOrder: number;
}
export interface SeedVenue extends NewVenue {
  named: boolean;
}

/** Every directory query. Reads for the public API; writes only inside a caller's transaction. */
@Injectable()
export class DirectoryRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.sql = db;
  }

  /** A TypeORM transaction: a bare UPDATE or DELETE on it answers [rows, count] (see Sql). */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  areas(): Promise<AreaRow[]> {
    return this.sql.query<AreaRow>(`select code, name, kind, lat::float8 as lat, lng::float8 as lng from area order by sort_order, code`);
  }

  categories(): Promise<CategoryRow[]> {
    return this.sql.query<CategoryRow>(
      `select code, name, "group", regulator_code as "regulatorCode" from category order by sort_order, code`,
    );
  }

  regulators(): Promise<RegulatorRow[]> {
    return this.sql.query<RegulatorRow>(`
      select r.code, r.name, r.kind, r.level, r.area_code as "areaCode", r.address, r.phone,
             coalesce(array_agg(c.code order by c.sort_order, c.code) filter (where c.code is not null), '{}') as categories
        from regulator r
        left join category c on c.regulator_code = r.code
       where r.active
       group by r.code
       order by r.kind, r.level = 'city' desc, r.area_code nulls first, r.code`);
  }

  /** Venue code → area code, for checking what a complaint names. */
  async venueAreas(): Promise<Map<string, string>> {
    const rows = await this.sql.query<{ code: string; areaCode: string }>(`select code, area_code as "areaCode" from venue`);
    return new Map(rows.map((r) => [r.code, r.areaCode]));
  }

  stations(filter: StationFilter): Promise<StationRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.active !== undefined) add('s.active = ?', filter.active);
    if (filter.areaCode) add('s.area_code = ?', filter.areaCode);
    if (filter.type) add('s.type = ?', filter.type);
    if (filter.categoryCode)
      add('exists (select 1 from station_category x where x.station_code = s.code and x.category_code = ?)', filter.categoryCode);
    return this.sql.query<StationRow>(
      `select s.code, s.name, s.type, s.area_code as "areaCode",
              case when v.code is null then null else json_build_object('code', v.code, 'name', v.name) end as venue,
              s.address, s.lat::float8 as lat, s.lng::float8 as lng,
              coalesce((select array_agg(sc.category_code order by c.sort_order, c.code)
                          from station_category sc join category c on c.code = sc.category_code
                         where sc.station_code = s.code), '{}') as categories,
              s.capacity, s.active, s.phone
         from station s
         left join venue v on v.code = s.venue_code
        ${where.length ? 'where ' + where.join(' and ') : ''}
        order by s.area_code, s.code`,
      params,
    );
  }

  /** What the import rules check rows against, read inside the import's transaction. */
  async reference(tx: Sql): Promise<DirectoryReference> {
    // One connection, so one query at a time.
    const areas = await tx.query<DirectoryReference['areas'][number]>(
      `select code, name, lat::float8 as lat, lng::float8 as lng from area`,
    );
    const categories = await tx.query<DirectoryReference['categories'][number]>(`select code, name from category`);
    const venues = await tx.query<DirectoryReference['venues'][number]>(`select code, name, area_code as "areaCode" from venue`);
    return { areas, categories, venues };
  }

  /** Serialises directory writers (two imports at once would each plan against a stale list). */
  async lockDirectory(tx: Sql): Promise<void> {
    await tx.query(`select pg_advisory_xact_lock(hashtext('weiquan:directory'))`);
  }

  async insertMissingAreas(tx: Sql, rows: SeedArea[]): Promise<number> {
    const r = await tx.query<{ code: string }>(
      `insert into area (code, name, kind, lat, lng, sort_order)
       select code, name, kind, lat, lng, "sortOrder"
         from jsonb_to_recordset($1::jsonb) as x(code text, name text, kind text, lat numeric, lng numeric, "sortOrder" int)
       on conflict (code) do nothing returning code`,
      [JSON.stringify(rows)],
    );
    return r.length;
  }

  async insertMissingRegulators(tx: Sql, rows: SeedRegulator[]): Promise<number> {
    const r = await tx.query<{ code: string }>(
      `insert into regulator (code, name, kind, level, area_code, address, phone)
       select code, name, kind, level, "areaCode", address, phone
         from jsonb_to_recordset($1::jsonb) as x(code text, name text, kind text, level text, "areaCode" text, address text, phone text)
       on conflict (code) do nothing returning code`,
      [JSON.stringify(rows)],
    );
    return r.length;
  }

  async insertMissingCategories(tx: Sql, rows: SeedCategory[]): Promise<number> {
    const r = await tx.query<{ code: string }>(
      `insert into category (code, name, "group", regulator_code, sort_order)
       select code, name, "group", "regulatorCode", "sortOrder"
         from jsonb_to_recordset($1::jsonb) as x(code text, name text, "group" text, "regulatorCode" text, "sortOrder" int)
       on conflict (code) do nothing returning code`,
      [JSON.stringify(rows)],
    );
    return r.length;
  }

  async insertMissingVenues(tx: Sql, rows: (NewVenue & { named?: boolean })[]): Promise<number> {
    if (rows.length === 0) return 0;
    const r = await tx.query<{ code: string }>(
      `insert into venue (code, name, type, area_code, address, lat, lng, named)
       select code, name, type, "areaCode", address, lat, lng, coalesce(named, false)
         from jsonb_to_recordset($1::jsonb) as x(code text, name text, type text, "areaCode" text, address text, lat numeric, lng numeric, named boolean)
       on conflict (code) do nothing returning code`,
      [JSON.stringify(rows)],
    );
    return r.length;
  }

  /**
   * Writes planned stations. `upsert` updates existing codes (only rows that really changed count
   * as updated); otherwise existing codes are left alone. Categories are replaced for written rows.
   * A station's alert email changes only where its row has the column (a file without it keeps them).
   */
  async writeStations(tx: Sql, stations: StationRecord[], upsert: boolean): Promise<{ created: number; updated: number }> {
    if (stations.length === 0) return { created: 0, updated: 0 };
    const written = await tx.query<{ code: string; inserted: boolean }>(
      `insert into station (code, name, type, area_code, venue_code, address, lat, lng, capacity, active, phone, alert_email)
       select code, name, type, "areaCode", "venueCode", address, lat, lng, capacity, active, phone, "alertEmail"
         from jsonb_to_recordset($1::jsonb) as x(code text, name text, type text, "areaCode" text, "venueCode" text,
              address text, lat numeric, lng numeric, capacity int, active boolean, phone text, "alertEmail" text)
       ${
         upsert
           ? `on conflict (code) do update set
                name = excluded.name, type = excluded.type, area_code = excluded.area_code, venue_code = excluded.venue_code,
                address = excluded.address, lat = excluded.lat, lng = excluded.lng, capacity = excluded.capacity,
                active = excluded.active, phone = excluded.phone, updated_at = now()
              where (station.name, station.type, station.area_code, station.venue_code, station.address, station.lat,
                     station.lng, station.capacity, station.active, station.phone)
                    is distinct from
                    (excluded.name, excluded.type, excluded.area_code, excluded.venue_code, excluded.address, excluded.lat,
                     excluded.lng, excluded.capacity, excluded.active, excluded.phone)`
           : 'on conflict (code) do nothing'
       }
       returning code, (xmax = 0) as inserted`,
      [JSON.stringify(stations)],
    );
    const given = stations.filter((s) => s.alertEmail !== undefined).map((s) => ({ code: s.code, alertEmail: s.alertEmail }));
    // The upsert cannot tell an absent column from a blank one, so addresses change in a statement of their own.
    const emailChanged =
      upsert && given.length
        ? await tx.query<{ code: string }>(
            `with u as (
               update station s set alert_email = x."alertEmail", updated_at = now()
                 from jsonb_to_recordset($1::jsonb) as x(code text, "alertEmail" text)
                where s.code = x.code and s.alert_email is distinct from x."alertEmail"
               returning s.code)
             select code from u`,
            [JSON.stringify(given)],
          )
        : [];
    const categoryOwners = upsert ? stations.map((s) => s.code) : written.map((w) => w.code);
    const owners = new Set(categoryOwners);
    await tx.query(`delete from station_category where station_code = any($1::text[])`, [categoryOwners]);
    await tx.query(
      `insert into station_category (station_code, category_code)
       select s, c from jsonb_to_recordset($1::jsonb) as x(s text, c text)`,
      [JSON.stringify(stations.filter((s) => owners.has(s.code)).flatMap((s) => s.categories.map((c) => ({ s: s.code, c }))))],
    );
    const created = written.filter((w) => w.inserted).length;
    const updated = new Set([...written.filter((w) => !w.inserted).map((w) => w.code), ...emailChanged.map((r) => r.code)]);
    return { created, updated: updated.size };
  }

  /** Sets (or, with null, clears) a station's or regulator's alert email; answers which it was, or null for an unknown code. */
  async setAlertEmail(code: string, email: string | null): Promise<'station' | 'regulator' | null> {
    const [row] = await this.sql.query<{ unit: 'station' | 'regulator' }>(
      `with s as (update station set alert_email = $2, updated_at = now() where code = $1 returning 1),
            r as (update regulator set alert_email = $2 where code = $1 returning 1)
       select 'station' as unit from s union all select 'regulator' from r`,
      [code, email],
    );
    return row?.unit ?? null;
  }

  async deactivateStationsExcept(tx: Sql, keep: string[]): Promise<number> {
    // Counted through a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
    const [{ n }] = await tx.query<{ n: number }>(
      `with off as (update station set active = false, updated_at = now() where active and code <> all($1::text[]) returning 1)
       select count(*)::int as n from off`,
      [keep],
    );
    return n;
  }
}
