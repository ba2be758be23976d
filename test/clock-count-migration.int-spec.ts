import { ClockCount1763700001470 } from '@weiquan/cases';
import type { Staff } from './support/case-kit';
import { at, CaseKit } from './support/case-kit';

/**
 * The migration that made Order 121 mediation 60 calendar days converts the clocks that were already
 * running as 45 working days, from each case's own history: 60 days from 受理, less what ran before a
 * pause, counted from the last start.
 */
describe('ClockCount migration: running Order 121 mediation clocks become 60 calendar days', () => {
  let kit: CaseKit;

  beforeAll(async () => {
    kit = await CaseKit.start();
  });

  afterAll(async () => {
    await kit?.close();
  });

  const mediation = async (id: string) =>
    (
      await kit.q<{ counts_from: string; days: number; count: string; due_on: string }>(
        `select counts_from::text, days, count, due_on::text from case_clock where case_id = $1 and clock = 'mediation'`,
        [id],
      )
    )[0];

  it('converts a clock never paused, and one paused and resumed, to what the law gives them', async () => {
    const plain = await kit.assigned();
    const plainStaff: Staff = await kit.handlerOf(plain);
    await at('2026-09-30T02:00:00Z', () => plainStaff.do(plain.id, { action: 'accept' }));

    const tested = await kit.assigned();
    const testedStaff: Staff = await kit.handlerOf(tested);
    await at('2026-09-01T02:00:00Z', async () => {
      await testedStaff.do(tested.id, { action: 'accept' });
      await testedStaff.do(tested.id, { action: 'start-mediation' });
    });
    await at('2026-09-08T02:00:00Z', () => testedStaff.do(tested.id, { action: 'pause-clock', note: '委托鉴定' }));
    await at('2026-09-15T02:00:00Z', () => testedStaff.do(tested.id, { action: 'resume-clock' }));

    const correct = { plain: await mediation(plain.id), tested: await mediation(tested.id) };
    expect(correct.plain).toEqual({ counts_from: '2026-09-30', days: 60, count: 'calendar', due_on: '2026-11-30' });
    expect(correct.tested).toEqual({ counts_from: '2026-09-15', days: 53, count: 'calendar', due_on: '2026-11-09' });

    // The history's times are the database's clock (at() moves only the application's): put each
    // event on the day it was done, as it would be in a real history. case_event is append-only, so
    // its trigger is bypassed for this set-up only (session_replication_role, on a connection of its own).
    const when = (id: string, action: string, date: string) =>
      `update case_event set at = timestamp '${date} 10:00' at time zone 'Asia/Shanghai' where case_id = ${Number(id)} and action = '${action}';`;
    await kit.raw(
      [
        'set session_replication_role = replica;',
        when(tested.id, 'accept', '2026-09-01'),
        when(tested.id, 'pause-clock', '2026-09-08'),
        when(tested.id, 'resume-clock', '2026-09-15'),
        when(plain.id, 'accept', '2026-09-30'),
      ].join('\n'),
    );

    // As the clocks stood before the migration: working days, 45 from 受理 (40 left after the pause).
    const migration = new ClockCount1763700001470();
    const runner = kit.api.t.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await kit.q(`update case_clock set days = 45, due_on = '2026-12-03' where case_id = $1 and clock = 'mediation'`, [plain.id]);
      await kit.q(`update case_clock set days = 40, due_on = '2026-11-11' where case_id = $1 and clock = 'mediation'`, [tested.id]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }

    expect(await mediation(plain.id)).toEqual(correct.plain);
    expect(await mediation(tested.id)).toEqual(correct.tested);
    const [row] = await kit.q<{ due_on: string }>(`select due_on::text from cases where id = $1`, [plain.id]);
    expect(row.due_on).toBe('2026-11-30');
  });
});
