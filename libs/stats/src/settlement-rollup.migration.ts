import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The counters this migration adds (as they were when it was written; a later change adds its own migration). */
const SETTLEMENT_COUNTERS = ['settlement_assigned', 'settled', 'settled_fen', 'settle_days', 'escalated'];
const ROLLUPS = ['stat_area_day', 'stat_area_month', 'stat_unit_day', 'stat_unit_month'];

/**
 * Settlement at the source (源头化解, docs/METRICS.md "Settlement at the source"): counters of the
 * settlement stage in the area and unit rollups (a station got a case to settle, settled, the amount
 * and the working days of the settlements, escalations to the formal complaint), and settlements in
 * the respondent rollup. Columns with a default of 0 are added without rewriting the tables.
 *
 * Nothing to backfill: the history before the settlement stage (SettlementStage1763700001600) holds
 * none of these events, and the cases that migration moved are counted as their history happened
 * (its `stage-migrated` events count nothing). Rollups the aggregator applied under the earlier rules
 * to settlement events (a deployment running the settlement stage without this migration) are put
 * right by `npm run cli -- stats:rebuild`.
 */
export class SettlementRollup1763700001700 implements MigrationInterface {
  name = 'SettlementRollup1763700001700';

  async up(q: QueryRunner): Promise<void> {
    const add = SETTLEMENT_COUNTERS.map((c) => `add column ${c} bigint not null default 0`).join(', ');
    for (const t of ROLLUPS) await q.query(`alter table ${t} ${add}`);
    await q.query(`alter table stat_respondent_month add column settled bigint not null default 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    const drop = SETTLEMENT_COUNTERS.map((c) => `drop column ${c}`).join(', ');
    for (const t of ROLLUPS) await q.query(`alter table ${t} ${drop}`);
    await q.query(`alter table stat_respondent_month drop column settled`);
  }
}
