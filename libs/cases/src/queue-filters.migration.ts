import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The queue's cut by the respondent's area, which the dashboard's area figures open (always with a
 * period): the cases of one area received in a period are one range of this index. Without it the
 * city-wide reader's list walked every case of the period, or the whole table newest first, and kept
 * the area's (EXPLAIN in docs/PERFORMANCE.md, "The queue's dashboard filters"). The period alone uses
 * cases_received_idx; a unit, cases_unit_list_idx.
 */
export class QueueFilters1763700002400 implements MigrationInterface {
  name = 'QueueFilters1763700002400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create index cases_area_received_idx on cases (respondent_area_code, received_at desc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index cases_area_received_idx`);
  }
}
