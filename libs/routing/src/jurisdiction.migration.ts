import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What routing needs to keep a case from looping (docs/RULES.md "Jurisdiction and routing"):
 * - `intake_unit_code`: the unit whose staff entered the case (phone, letter, counter); a counter
 *   filing stays with the station that took it;
 * - `designation_due`: the city bureau is to designate the handler by this day (a disputed
 *   jurisdiction, or no eligible unit left);
 * - `designated_at`: the city bureau designated the handler; final, the case is not handed back again.
 * Cases made `transferred` before keep that status (old data).
 */
export class RoutingJurisdiction1763700001530 implements MigrationInterface {
  name = 'RoutingJurisdiction1763700001530';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table cases
        add column intake_unit_code  text,
        add column designation_due   date,
        add column designated_at     timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table cases drop column intake_unit_code, drop column designation_due, drop column designated_at`);
  }
}
