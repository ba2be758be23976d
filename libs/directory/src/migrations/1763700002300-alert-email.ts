import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a unit is told of its clock alerts by email (the sweep's daily digest): optional, given by
 * the station list's `alertEmail` column or `cli directory:alert-email`. Not public: the directory
 * endpoints never show it.
 */
export class DirectoryAlertEmail1763700002300 implements MigrationInterface {
  name = 'DirectoryAlertEmail1763700002300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table station add column alert_email text check (length(alert_email) <= 254)`);
    await q.query(`alter table regulator add column alert_email text check (length(alert_email) <= 254)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table regulator drop column alert_email`);
    await q.query(`alter table station drop column alert_email`);
  }
}
