import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Closed complaints whose follow-up visit is still due are open work (handling/open-work.ts): the
 * queue's counts and the header read them by unit from this small index instead of every case with
 * a date (at 1M cases, 280 ms city-wide through `cases_due_idx`).
 */
export class FollowUpWork1763700002520 implements MigrationInterface {
  name = 'FollowUpWork1763700002520';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create index cases_follow_up_due_idx on cases (assignee_code, due_on) where status = 'closed' and due_on is not null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index cases_follow_up_due_idx`);
  }
}
