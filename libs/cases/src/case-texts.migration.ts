import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A complaint's description and demand are the consumer's own words and often hold personal data
 * (names, addresses, account numbers): they are kept encrypted like the phone number. New cases
 * write only the sealed columns; rows written before are sealed by `npm run cli -- data:seal-texts`
 * (run by `setup`), which empties the plain columns. Readers take the sealed value when there is one.
 */
export class CaseTexts1763700002120 implements MigrationInterface {
  name = 'CaseTexts1763700002120';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table cases add column description_enc bytea, add column demand_enc bytea,
                   alter column description drop not null, alter column demand drop not null`);
    // The sealing pass finds what is left to seal without reading the whole table.
    await q.query(`create index cases_texts_unsealed_idx on cases (id) where description is not null or demand is not null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index cases_texts_unsealed_idx`);
    await q.query(`alter table cases drop column description_enc, drop column demand_enc`);
  }
}
