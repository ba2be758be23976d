import { CASE_STATUSES } from '@weiquan/cases';
import { isOpenWork } from '@weiquan/cases/handling/open-work';
import { OPEN_WORK } from '@weiquan/cases/handling/case-queue.repository';
import type { TestEnv } from './support/test-env';
import { createTestEnv } from './support/test-env';

/**
 * The queue's open work in SQL (OPEN_WORK) is the rule (open-work.ts isOpenWork) on every status,
 * with and without a due date; and its queries can be served by the partial indexes of the open work
 * (OpenWorkIndexes1763700002530), which needs the condition to imply the indexes' predicate: if one
 * is edited without the other, the planner can no longer use them and the queue reads every case.
 */
describe('the open work in SQL and its indexes (PostgreSQL)', () => {
  let t: TestEnv;

  beforeAll(async () => {
    t = await createTestEnv();
  });

  afterAll(async () => {
    await t?.dispose();
  });

  it('selects exactly the cases the rule calls open work, for every status with a due date and without', async () => {
    const rows = CASE_STATUSES.flatMap((status) => [
      { status, dueOn: null },
      { status, dueOn: '2026-12-18' },
    ]);
    const got = await t.dataSource.query<{ status: string; due: boolean; open: boolean }[]>(
      `select c.status, c.due_on is not null as due, ${OPEN_WORK} as open
         from jsonb_to_recordset($1::jsonb) as c(status text, due_on date)`,
      [JSON.stringify(rows.map((r) => ({ status: r.status, due_on: r.dueOn })))],
    );
    expect(got).toEqual(rows.map((r) => ({ status: r.status, due: r.dueOn !== null, open: isOpenWork(r.status, r.dueOn) })));
  });

  /**
   * The indexes the plan of `sql` reads, with table scans forbidden and, for the time of the
   * question, the `without` indexes gone (rolled back after).
   */
  const indexesOf = async (sql: string, without: string[] = []): Promise<string[]> => {
    const qr = t.dataSource.createQueryRunner();
    await qr.startTransaction();
    try {
      await qr.query('set local enable_seqscan = off');
      for (const index of without) await qr.query(`drop index ${index}`);
      const [{ 'QUERY PLAN': plan }] = (await qr.query(`explain (format json) ${sql}`)) as { 'QUERY PLAN': unknown }[];
      return [...JSON.stringify(plan).matchAll(/"Index Name":"([^"]+)"/g)].map((m) => m[1]);
    } finally {
      await qr.rollbackTransaction();
      await qr.release();
    }
  };

  // On an empty table the planner takes whichever index is at hand: each is asked for alone (at 1M
  // cases these plans are the ones it chose: docs/PERFORMANCE.md).
  it('the city’s open work by deadline and its header counts can read the open-work index', async () => {
    const list = `select c.id from cases c where ${OPEN_WORK} order by c.due_on asc nulls last, c.id asc limit 20`;
    expect(await indexesOf(list, ['cases_unit_open_work_idx'])).toEqual(['cases_open_work_idx']);
    const counts = `select count(*) filter (where c.due_on < current_date) from cases c where ${OPEN_WORK}`;
    expect(await indexesOf(counts, ['cases_unit_open_work_idx'])).toEqual(['cases_open_work_idx']);
  });

  it('a county bureau’s open work (its units’ cases) can read the units’ open-work index', async () => {
    const plan = await indexesOf(
      `select c.id from cases c where c.assignee_code = any('{MR-371502,ST-371502-001}'::text[]) and ${OPEN_WORK}
        order by c.due_on asc nulls last, c.id asc limit 20`,
      ['cases_unit_due_idx', 'cases_unit_list_idx', 'cases_follow_up_due_idx', 'cases_open_work_idx'],
    );
    expect(plan).toContain('cases_unit_open_work_idx');
  });
});
