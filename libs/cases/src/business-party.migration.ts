import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The business as a party (docs/RULES.md "Jurisdiction and routing", rule 1): an enrolled business
 * holds the settlement cases against it (`assignee_type` business, its credit code as the unit), and
 * has a place in `unit_load` like any unit. `consent_business_contact`: the consumer agreed that the
 * business may see their phone and address to contact them (otherwise it sees the masked name only).
 * `business_party`: the business held the case in the settlement stage (it keeps seeing it after an
 * escalation, as a party to the formal complaint).
 */
export class BusinessParty1763700001820 implements MigrationInterface {
  name = 'BusinessParty1763700001820';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table cases
        drop constraint cases_assignee_type_check,
        add constraint cases_assignee_type_check check (assignee_type in ('station', 'regulator', 'business')),
        add column consent_business_contact boolean not null default false,
        add column business_party boolean not null default false`);
    await q.query(`
      alter table unit_load
        drop constraint unit_load_unit_type_check,
        add constraint unit_load_unit_type_check check (unit_type in ('station', 'regulator', 'business'))`);
    // The business portal and the public record read a business's complaints by its credit code.
    await q.query(`create index cases_respondent_credit_idx on cases (respondent_credit_code, id desc)
                     where respondent_credit_code is not null and track = 'complaint'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index cases_respondent_credit_idx`);
    await q.query(`delete from unit_load where unit_type = 'business'`);
    await q.query(`alter table unit_load drop constraint unit_load_unit_type_check,
                     add constraint unit_load_unit_type_check check (unit_type in ('station', 'regulator'))`);
    await q.query(`alter table cases drop column consent_business_contact, drop column business_party, drop constraint cases_assignee_type_check,
                     add constraint cases_assignee_type_check check (assignee_type in ('station', 'regulator'))`);
  }
}
