import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Breakdowns read one fixed column and every value of another over a period: by category (area
 * '*', every category), by area (category '*', every area), the unit table (category '*', every
 * unit). The primary keys put the varying column before the period, so such a read walked that
 * column's whole history and filtered the days (46 ms for ten days at a million cases); with the
 * period next to the fixed column it reads just the period's rows (4.5 ms).
 */
export class StatsPeriodIndexes1763700001300 implements MigrationInterface {
  name = 'StatsPeriodIndexes1763700001300';

  async up(q: QueryRunner): Promise<void> {
    for (const grain of ['day', 'month']) {
      await q.query(`drop index stat_area_${grain}_category_idx`);
      await q.query(`create index stat_area_${grain}_area_period_idx on stat_area_${grain} (area_code, ${grain})`);
      await q.query(`create index stat_area_${grain}_category_period_idx on stat_area_${grain} (category_code, ${grain})`);
      await q.query(`create index stat_unit_${grain}_category_period_idx on stat_unit_${grain} (category_code, ${grain})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const grain of ['day', 'month']) {
      await q.query(
        `drop index stat_area_${grain}_area_period_idx, stat_area_${grain}_category_period_idx, stat_unit_${grain}_category_period_idx`,
      );
      await q.query(`create index stat_area_${grain}_category_idx on stat_area_${grain} (category_code, area_code, ${grain})`);
    }
  }
}
