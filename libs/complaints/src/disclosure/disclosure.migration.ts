import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The published complaints (consented, accepted, concluded) are a small part of all cases: partial indexes. */
export class Disclosure1763700001100 implements MigrationInterface {
  name = 'Disclosure1763700001100';

  async up(q: QueryRunner): Promise<void> {
    const published = `track = 'complaint' and consent_to_publish and accepted_at is not null and status in ('resolved', 'terminated', 'closed')`;
    await q.query(`create index cases_disclosure_respondent_idx on cases (respondent_key, id desc) where ${published}`);
    await q.query(`create index cases_disclosure_recent_idx on cases (id desc) where ${published}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index cases_disclosure_respondent_idx, cases_disclosure_recent_idx`);
  }
}
