import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Businesses enrolled for online dispute resolution (在线消费纠纷解决, ODR): a complaint against one of
 * them, in the settlement stage, goes to the business itself (docs/RULES.md "Jurisdiction and routing",
 * rule 1). Keyed by the unified social credit code, which complaints name as `respondent.creditCode`.
 *
 * - `name_key`: the name as intake normalises respondents' names (`respondentKey`), so that a
 *   complaint naming the business without its code can be offered to the station as a possible match;
 * - `odr_suspended_at`: a suspended business keeps its record and its users, but receives no new
 *   settlement cases (they go to a station, or straight to the regulator);
 * - `statement`: the business's public statement, shown on its public record.
 */
export class Businesses1763700001800 implements MigrationInterface {
  name = 'Businesses1763700001800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table business (
        credit_code       varchar(18) primary key check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
        name              text not null check (length(name) between 2 and 100),
        name_key          text not null,
        area_code         varchar(12) not null references area (code),
        venue_code        varchar(32) references venue (code),
        platform          boolean not null default false,
        phone             text,
        address           text,
        odr_suspended_at  timestamptz,
        odr_suspended_reason text,
        statement         text,
        statement_at      timestamptz,
        enrolled_by       text not null,
        enrolled_at       timestamptz not null default now(),
        updated_at        timestamptz not null default now(),
        check ((odr_suspended_at is null) = (odr_suspended_reason is null))
      )`);
    await q.query(`create index business_venue_idx on business (venue_code) where venue_code is not null`);
    await q.query(`create index business_area_idx on business (area_code)`);
    await q.query(`create index business_name_key_idx on business (name_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table business`);
  }
}
