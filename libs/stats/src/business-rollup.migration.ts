import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The counters as they were when this migration was written (a later change adds its own migration). */
const BUSINESS_COUNTERS = [
  'received',
  'stepped_in',
  'answer_d0',
  'answer_d1',
  'answer_d2',
  'answer_d3',
  'answer_d4',
  'answer_d5',
  'answer_d6',
  'answer_d7',
  'answer_d8',
  'answer_d9',
  'answer_d10',
  'answer_late',
  'settled',
  'settled_fen',
  'settle_days',
  'escalated_declined',
  'escalated_no_answer',
  'escalated_consumer',
  'escalated_not_delivered',
  'escalated_other',
  'mediation_concluded',
  'mediation_resolved',
];
const columns = BUSINESS_COUNTERS.map((c) => `${c} bigint not null default 0`).join(',\n        ');

/**
 * The business as a party (docs/METRICS.md "Businesses"): counters per enrolled business (its unified
 * social credit code) by day and by month, maintained from the case history like the other rollups
 * (business-rollup.rules.ts), so the league table of businesses and their public record never read
 * the cases table. A period is read as whole months plus edge days, as elsewhere.
 *
 * No foreign key to `business`: rows are keyed by what the history says (formal-stage mediation
 * counts for any respondent named by its credit code, enrolled or not); reads join the enrolled
 * businesses. Nothing to backfill: businesses are parties only from this release, and the mediation
 * counters of earlier histories come with `npm run cli -- stats:rebuild`.
 */
export class BusinessRollup1763700001900 implements MigrationInterface {
  name = 'BusinessRollup1763700001900';

  async up(q: QueryRunner): Promise<void> {
    for (const grain of ['day', 'month']) {
      await q.query(`
      create table stat_business_${grain} (
        credit_code  text not null,
        ${grain}     date not null,
        ${columns},
        primary key (credit_code, ${grain})
      )`);
      // The league table reads every business over a period.
      await q.query(`create index stat_business_${grain}_period_idx on stat_business_${grain} (${grain})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table stat_business_month, stat_business_day`);
  }
}
