import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The queue's cut by respondent, which an early-warning alert opens (its business's complaints of
 * the alert's window): one range of this index instead of a walk of the period's cases.
 */
export class RespondentCases1763700002455 implements MigrationInterface {
  name = 'RespondentCases1763700002455';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create index cases_respondent_received_idx on cases (respondent_key, received_at desc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index cases_respondent_received_idx`);
  }
}
