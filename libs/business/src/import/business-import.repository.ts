import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import type { BusinessImportReference, BusinessRecord, ExistingBusiness } from './business-import.rules';

/** The business import's queries: its reads and its one write, all inside the import's transaction. */
@Injectable()
export class BusinessImportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A TypeORM transaction (see Sql for what a bare UPDATE answers through it). */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * One business import at a time, and none while a station import rewrites the directory's venues
   * (that import holds 'weiquan:directory' exclusively: DirectoryRepository.lockDirectory).
   */
  async lock(tx: Sql): Promise<void> {
    await tx.query(
      `select pg_advisory_xact_lock(hashtext('weiquan:business-import')), pg_advisory_xact_lock_shared(hashtext('weiquan:directory'))`,
    );
  }

  /** What the rules check the file against; the enrolled businesses it names are locked until the commit. */
  async reference(tx: Sql, creditCodes: string[]): Promise<BusinessImportReference> {
    // One connection, so one query at a time.
    const areas = await tx.query<{ code: string }>(`select code from area`);
    const venues = await tx.query<{ code: string; areaCode: string }>(`select code, area_code as "areaCode" from venue`);
    const existing = await tx.query<ExistingBusiness>(
      `select credit_code as "creditCode", name, area_code as "areaCode", venue_code as "venueCode", platform, phone, address
         from business where credit_code = any($1::text[]) order by credit_code for update`,
      [creditCodes],
    );
    return { areas: areas.map((a) => a.code), venues, existing };
  }

  /**
   * Enrols the new businesses and updates the enrolled ones (never their suspension, statement or
   * who enrolled them). Answers what it did, counted by the rows it wrote.
   */
  async merge(tx: Sql, records: BusinessRecord[], enrolledBy: string): Promise<{ added: number; updated: number }> {
    if (records.length === 0) return { added: 0, updated: 0 };
    const written = await tx.query<{ inserted: boolean }>(
      `insert into business (credit_code, name, name_key, area_code, venue_code, platform, phone, address, enrolled_by)
       select "creditCode", name, "nameKey", "areaCode", "venueCode", platform, phone, address, $2
         from jsonb_to_recordset($1::jsonb) as x("creditCode" text, name text, "nameKey" text, "areaCode" text, "venueCode" text,
              platform boolean, phone text, address text)
       on conflict (credit_code) do update set
         name = excluded.name, name_key = excluded.name_key, area_code = excluded.area_code, venue_code = excluded.venue_code,
         platform = excluded.platform, phone = excluded.phone, address = excluded.address, updated_at = now()
       where (business.name, business.name_key, business.area_code, business.venue_code, business.platform, business.phone,
              business.address)
             is distinct from
             (excluded.name, excluded.name_key, excluded.area_code, excluded.venue_code, excluded.platform, excluded.phone,
              excluded.address)
       returning (xmax = 0) as inserted`,
      [JSON.stringify(records), enrolledBy],
    );
    const added = written.filter((w) => w.inserted).length;
    return { added, updated: written.length - added };
  }
}
