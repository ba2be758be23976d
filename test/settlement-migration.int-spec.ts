import { SettlementStage1763700001600 } from '@weiquan/cases';
import { CaseKit } from './support/case-kit';

/**
 * The migration that introduced the two stages moves the complaints stations held (which a station
 * never had the power to accept or refuse) into the settlement stage, keeping their history; the
 * department's cases stay formal.
 */
describe('SettlementStage migration: station-held complaints move to the settlement stage', () => {
  let kit: CaseKit;

  beforeAll(async () => {
    kit = await CaseKit.start();
  });

  afterAll(async () => {
    await kit?.close();
  });

  it('waiting → settling, taken up → negotiating, mediated → settled, terminated → formal at the department; the rest untouched', async () => {
    const STATION = 'ST-371502-001';
    const filed = {
      waiting: await kit.assigned(),
      accepted: await kit.assigned(),
      resolved: await kit.assigned(),
      terminated: await kit.assigned(),
      closed: await kit.assigned(),
      department: await kit.assigned(),
    };
    const bureau = await kit.handlerOf(filed.department);
    await bureau.do(filed.department.id, { action: 'accept' });
    const historyBefore = await kit.q<{ n: number }>(`select count(*)::int as n from case_event where case_id = $1`, [filed.accepted.id]);

    // As a station held them before the settlement stage existed.
    const migration = new SettlementStage1763700001600();
    const runner = kit.api.t.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      const asStation = async (id: string, status: string) =>
        kit.q(
          `update cases set assignee_type = 'station', assignee_code = $2, status = $3, station_sla_due = '2026-12-08',
                  accepted_at = case when $3 <> 'assigned' then now() end
            where id = $1`,
          [id, STATION, status],
        );
      await asStation(filed.waiting.id, 'assigned');
      await asStation(filed.accepted.id, 'mediating');
      await kit.q(
        `insert into case_clock (case_id, clock, counts_from, days, count, due_on, provisional) values ($1, 'mediation', '2026-12-01', 60, 'calendar', '2027-01-30', false)`,
        [filed.accepted.id],
      );
      await asStation(filed.resolved.id, 'resolved');
      await kit.q(`update cases set amount_recovered_fen = 12050 where id = $1`, [filed.resolved.id]);
      await asStation(filed.terminated.id, 'terminated');
      await asStation(filed.closed.id, 'closed');
      await kit.q(`delete from unit_load where unit_code = $1`, [STATION]);
      await kit.q(`insert into unit_load (unit_code, unit_type, open_cases) values ($1, 'station', 3)`, [STATION]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }

    const row = async (id: string) =>
      (
        await kit.q<Record<string, unknown>>(
          `select status, stage, assignee_code, acceptance_due is null as no_acceptance, settlement_due is not null as has_due,
                  take_up_due::text as take_up_due, escalation_cause, routing_round, amount_recovered_fen::int as recovered
             from cases where id = $1`,
          [id],
        )
      )[0];
    expect(await row(filed.waiting.id)).toMatchObject({
      status: 'settling',
      stage: 'settlement',
      assignee_code: STATION,
      no_acceptance: true,
      has_due: true,
      take_up_due: '2026-12-08',
    });
    expect(await row(filed.accepted.id)).toMatchObject({ status: 'negotiating', stage: 'settlement', has_due: true });
    // No statutory clock runs in the settlement stage.
    expect(await kit.q(`select clock from case_clock where case_id = $1 and met_on is null`, [filed.accepted.id])).toEqual([]);
    expect(await row(filed.resolved.id)).toMatchObject({ status: 'settled', stage: 'settlement', recovered: 12050 });
    expect(await row(filed.terminated.id)).toMatchObject({
      status: 'received',
      stage: 'formal',
      assignee_code: null,
      no_acceptance: false,
      escalation_cause: 'settlement-failed',
    });
    expect(
      await kit.q(`select topic from outbox where payload->>'caseId' = $1 and (payload->>'round')::int = $2`, [
        filed.terminated.id,
        (await row(filed.terminated.id)).routing_round,
      ]),
    ).toEqual([{ topic: 'case.received' }]);
    expect(await row(filed.closed.id)).toMatchObject({ status: 'closed', stage: 'formal' });
    expect(await row(filed.department.id)).toMatchObject({ status: 'accepted', stage: 'formal', assignee_code: 'MR-371502' });

    // The history is kept, with one internal event per moved case saying what moved and why.
    const events = await kit.q<{ case_id: string; from_status: string; to_status: string; public: boolean }>(
      `select case_id::text, from_status, to_status, public from case_event where type = 'stage-migrated' order by case_id`,
    );
    expect(events).toEqual(
      [
        { case_id: filed.waiting.id, from_status: 'assigned', to_status: 'settling', public: false },
        { case_id: filed.accepted.id, from_status: 'mediating', to_status: 'negotiating', public: false },
        { case_id: filed.resolved.id, from_status: 'resolved', to_status: 'settled', public: false },
        { case_id: filed.terminated.id, from_status: 'terminated', to_status: 'received', public: false },
      ].sort((a, b) => Number(a.case_id) - Number(b.case_id)),
    );
    const historyAfter = await kit.q<{ n: number }>(`select count(*)::int as n from case_event where case_id = $1`, [filed.accepted.id]);
    expect(historyAfter[0].n).toBe(historyBefore[0].n + 1);
    // The station keeps the places of the cases still open with it (waiting, negotiating); the
    // terminated one left it.
    expect(await kit.q(`select open_cases from unit_load where unit_code = $1`, [STATION])).toEqual([{ open_cases: 2 }]);
    // The migrated case is the station's to take up now, and a department's action is refused.
    const station = await kit.staff('station-staff', STATION);
    expect((await station.act(filed.waiting.id, { action: 'accept' })).status).toBe(403);
    await station.do(filed.waiting.id, { action: 'take-up' });
  });
});
