import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open work (handling/open-work.ts: not finished, or closed with its follow-up visit still due)
 * as partial indexes, so the queue as it opens reads only the open cases, however many finished ones
 * the years pile up: the city's open work by deadline and its header counts from the first, a county
 * bureau's (many units) from the second. A plan reads a partial index only when the query's
 * condition implies its predicate: the queue's (case-queue.repository.ts OPEN_WORK) is written with
 * the same literals. At 1M cases these reads went through the whole table.
 */
const OPEN_WORK = `status <> all('{settled,duplicate,refused,transferred,closed,withdrawn}'::text[]) or (status = 'closed' and due_on is not null)`;

export class OpenWorkIndexes1763700002530 implements MigrationInterface {
  name = 'OpenWorkIndexes1763700002530';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create index cases_open_work_idx on cases (due_on, id) where ${OPEN_WORK}`);
    await q.query(`create index cases_unit_open_work_idx on cases (assignee_code, due_on, id) where ${OPEN_WORK}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index cases_open_work_idx, cases_unit_open_work_idx`);
  }
}
