import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CalendarService } from '@weiquan/calendar';
import { HOLDING_STATUSES, ruleSetOn, SettlementService } from '@weiquan/cases';
import { CliModule } from '../apps/cli/src/cli.module';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { ComplaintsApiModule, CreateComplaintDto, IntakeService } from '@weiquan/complaints';
import { AppConfig, ConfigModule, CryptoModule, DatabaseModule, QueueModule, RedisModule } from '@weiquan/core';
import { DirectorySeeder } from '@weiquan/directory';
import { CasesHeldError, HandBackRefusedError, RoutingService } from '@weiquan/routing';
import { Client } from 'pg';
import { SCHEMA } from '@weiquan/schema';
import { createTestEnv, deleteRedisKeys, TestEnv } from './support/test-env';

/** Intake without HTTP: the same services the API uses. */
@Module({})
class IntakeContext {
  static forRoot(config: AppConfig) {
    return {
      module: IntakeContext,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(SCHEMA, 'test-intake'),
        RedisModule,
        CryptoModule,
        QueueModule,
        ComplaintsApiModule,
      ],
    };
  }
}

const daysAgo = (n: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - n * 86_400_000));
let seq = 0;
/** A complaint about a restaurant in 东昌府区, filed online; on the settlement path unless `path: 'formal'` is given. */
function complaint(
  over: { kind?: string; path?: 'settlement' | 'formal'; categoryCode?: string; respondent?: Record<string, unknown> } = {},
): CreateComplaintDto {
  const n = ++seq;
  return {
    kind: 'complaint',
    categoryCode: 'catering',
    consumer: { name: '测试', phone: `1370635${String(n).padStart(4, '0')}` },
    incidentDate: daysAgo(3),
    description: '测试投诉内容，菜品与宣传不符。',
    demand: '退款',
    ...over,
    respondent: { name: `测试经营者${n}`, address: '某路 1 号', areaCode: '371502', ...over.respondent },
  } as unknown as CreateComplaintDto;
}

async function until(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The routing worker on real PostgreSQL and Redis: every complaint reaches one unit, exactly once. */
describe('routing worker', () => {
  let t: TestEnv;
  let intakeApp: INestApplicationContext;
  let intake: IntakeService;
  const workers: INestApplicationContext[] = [];

  const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const submit = (dto: CreateComplaintDto) => intake.submit(dto, { channel: 'web' });
  const caseOf = async (trackingNo: string) =>
    (
      await q(
        `select id::text as id, status, stage, assignee_type, assignee_code, routing_round, excluded_units, acceptance_due::text,
                first_clock_counts_from::text, take_up_due::text, settlement_due::text, clock_due::text, escalated_on::text, escalation_cause
           from cases where tracking_no = $1`,
        [trackingNo],
      )
    )[0];
  const startWorker = async () => {
    const w = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config), { logger: false });
    await w.init();
    workers.push(w);
    return w;
  };
  const allRouted = async () => (await q(`select count(*)::int as n from cases where status = 'received'`))[0].n === 0;

  beforeAll(async () => {
    t = await createTestEnv({ ROUTING_RECONCILE_AFTER_SECONDS: '0', INTAKE_RATE_LIMIT: '100000' });
    const cli = await NestFactory.createApplicationContext(CliModule.forRoot(t.config), { logger: false });
    await cli.get(DirectorySeeder).seed();
    await cli.close();
    intakeApp = await NestFactory.createApplicationContext(IntakeContext.forRoot(t.config), { logger: false });
    intake = intakeApp.get(IntakeService, { strict: false });
  });

  afterAll(async () => {
    for (const w of workers) await w.close();
    await intakeApp?.close();
    await t?.dispose();
  });

  it('two workers on one backlog route every case exactly once, and unit loads equal a recount', async () => {
    const areas = ['371502', '371503', '371521', '371522', '371524', '371525', '371526', '371581', '371571', '371572', '371573'];
    const categories = [
      'catering',
      'clothing',
      'appliances',
      'beauty',
      'household',
      'elderly-care',
      'tourism',
      'food',
      'daily-goods',
      'telecom',
    ];
    const submitted = [];
    for (let i = 0; i < 300; i++) {
      const report = i % 7 === 0;
      submitted.push(
        await submit(
          complaint({
            kind: report ? 'report' : 'complaint',
            // Complaints on both paths: a station's help first, or straight to the department.
            ...(report ? {} : { path: i % 3 === 0 ? 'formal' : 'settlement' }),
            categoryCode: categories[i % categories.length],
            respondent: { areaCode: areas[i % areas.length] },
          }),
        ),
      );
    }
    await Promise.all([startWorker(), startWorker()]);
    await until(allRouted);

    const [{ cases, decisions, events }] = await q(
      `select (select count(*)::int from cases) as cases,
              (select count(*)::int from routing_decision) as decisions,
              (select count(*)::int from case_event where type in ('assigned', 'transferred')) as events`,
    );
    expect(cases).toBe(300);
    expect(decisions).toBe(300);
    expect(events).toBe(300);
    const twice = await q(`select case_id from case_event where type in ('assigned', 'transferred') group by case_id having count(*) > 1`);
    expect(twice).toEqual([]);
    // Every load equals a recount of the cases holding a place (waiting at a station to settle, or at a department).
    const mismatched = await q(
      `select coalesce(l.unit_code, r.code) as unit, l.open_cases, r.n
         from unit_load l full join (select assignee_code as code, count(*)::int as n from cases where status = any($1) group by 1) r
           on r.code = l.unit_code
        where coalesce(l.open_cases, 0) <> coalesce(r.n, 0)`,
      [HOLDING_STATUSES],
    );
    expect(mismatched).toEqual([]);
    // Both stages were routed: a station holds only settlement cases, a department only formal ones.
    const byStage = await q(`select stage, status, assignee_type, count(*)::int as n from cases group by 1, 2, 3 order by 1, 2, 3`);
    const kinds = byStage.map((r: { stage: string; status: string; assignee_type: string }) => `${r.stage}/${r.status}/${r.assignee_type}`);
    expect(kinds).toEqual(expect.arrayContaining(['settlement/settling/station', 'formal/assigned/regulator']));
    for (const k of kinds)
      expect(['settlement/settling/station', 'formal/assigned/regulator', 'formal/refused/regulator', 'formal/closed/regulator']).toContain(
        k,
      );
    // No case that is formal (filed so, or no station could take it) was ever routed to a station.
    const formalAtStation = await q(`select count(*)::int as n from routing_decision where assignee_type = 'station' and
      case_id in (select id from cases where stage = 'formal')`);
    expect(formalAtStation[0].n).toBe(0);
    // No station holds more open cases than its capacity, whatever the concurrency.
    const over = await q(`select l.unit_code from unit_load l join station s on s.code = l.unit_code where l.open_cases > s.capacity`);
    expect(over).toEqual([]);
    // Every case tells the consumer who has it.
    const unassigned = await q(`select count(*)::int as n from cases where assignee_code is null`);
    expect(unassigned[0].n).toBe(0);
    expect(submitted).toHaveLength(300);
  });

  it('routes by the rules: venue station to settle, sector regulator when formal, reports, no authority in the city', async () => {
    const venue = await submit(complaint({ categoryCode: 'catering', respondent: { areaCode: '371502', venueCode: 'V-371502-001' } }));
    const venueFormal = await submit(
      complaint({ path: 'formal', categoryCode: 'catering', respondent: { areaCode: '371502', venueCode: 'V-371502-001' } }),
    );
    const elderly = await submit(complaint({ path: 'formal', categoryCode: 'elderly-care', respondent: { areaCode: '371521' } }));
    const elderlySettle = await submit(complaint({ categoryCode: 'elderly-care', respondent: { areaCode: '371521' } }));
    const report = await submit(complaint({ kind: 'report', categoryCode: 'tourism', respondent: { areaCode: '371524' } }));
    const reportNoOwner = await submit(complaint({ kind: 'report', categoryCode: 'food', respondent: { areaCode: '371525' } }));
    const telecom = await submit(complaint({ categoryCode: 'telecom' }));
    const beijing = await submit(complaint({ respondent: { areaCode: '110101' } }));
    await until(allRouted);
    expect(await caseOf(venue.trackingNo)).toMatchObject({
      status: 'settling',
      stage: 'settlement',
      assignee_type: 'station',
      assignee_code: 'ST-371502-001',
    });
    expect(await caseOf(venueFormal.trackingNo)).toMatchObject({
      status: 'assigned',
      stage: 'formal',
      assignee_type: 'regulator',
      assignee_code: 'MR-371502',
    });
    expect(await caseOf(elderly.trackingNo)).toMatchObject({ status: 'assigned', stage: 'formal', assignee_code: 'CA-371500' });
    expect(await caseOf(elderlySettle.trackingNo)).toMatchObject({ status: 'settling', stage: 'settlement', assignee_type: 'station' });
    expect((await caseOf(elderlySettle.trackingNo)).assignee_code).toMatch(/^ST-371521-/);
    expect(await caseOf(report.trackingNo)).toMatchObject({ status: 'assigned', stage: 'formal', assignee_code: 'CT-371500' });
    expect(await caseOf(reportNoOwner.trackingNo)).toMatchObject({ status: 'assigned', assignee_code: 'MR-371525' });
    // No unit of the city has authority: the city bureau's intake desk refuses them at once (ground 1), settlement path or not.
    expect(await caseOf(telecom.trackingNo)).toMatchObject({ status: 'refused', stage: 'formal', assignee_code: 'MR-371500' });
    expect(await caseOf(beijing.trackingNo)).toMatchObject({ status: 'refused', stage: 'formal', assignee_code: 'MR-371500' });
    const [decision] = await q(
      `select rule, reason, candidates from routing_decision d join cases c on c.id = d.case_id where c.tracking_no = $1`,
      [venue.trackingNo],
    );
    expect(decision.rule).toBe('venue-station');
    expect(decision.reason).toContain('金鼎购物中心');
    expect(decision.candidates[0]).toMatchObject({ code: 'ST-371502-001', eligible: true });
    // A settlement case carries the station's take-up and outcome deadlines, and runs against the first; no acceptance clock yet.
    const settling = await caseOf(venue.trackingNo);
    expect(settling.take_up_due).not.toBeNull();
    expect(settling.settlement_due >= settling.take_up_due).toBe(true);
    expect(settling).toMatchObject({ clock_due: settling.take_up_due, acceptance_due: null });
    // A formal one has the department's acceptance deadline and no station deadline.
    expect(await caseOf(venueFormal.trackingNo)).toMatchObject({ take_up_due: null, settlement_due: null });
    expect((await caseOf(venueFormal.trackingNo)).acceptance_due).not.toBeNull();
  });

  it('a routed case is not routed again (idempotent job)', async () => {
    const a = await submit(complaint());
    await until(allRouted);
    const c = await caseOf(a.trackingNo);
    expect(c.status).toBe('settling');
    const again = await workers[0].get(RoutingService).route(c.id, 0);
    expect(again.state).toBe('skipped');
    expect((await q(`select count(*)::int as n from routing_decision where case_id = $1`, [c.id]))[0].n).toBe(1);
  });

  it('a case another transaction holds is not left behind: the job fails, is retried, and routes it', async () => {
    const routing = workers[0].get(RoutingService);
    const holder = new Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      // Hold a case before a worker routes it (they are fast: try a few submissions).
      let held: { id: string } | undefined;
      for (let i = 0; i < 20 && !held; i++) {
        const a = await submit(complaint());
        await holder.query('begin');
        const rows = await holder.query(`select id::text as id from cases where tracking_no = $1 and status = 'received' for update`, [
          a.trackingNo,
        ]);
        if (rows.rows.length) held = rows.rows[0];
        else await holder.query('rollback');
      }
      expect(held).toBeDefined();
      await expect(routing.route(held!.id, 0)).rejects.toBeInstanceOf(CasesHeldError);
      await holder.query('commit');
      // The worker's own job failed on the lock the same way and is retried with backoff.
      await until(async () => (await q(`select status from cases where id = $1`, [held!.id]))[0].status === 'settling', 20_000);
      expect((await q(`select count(*)::int as n from routing_decision where case_id = $1`, [held!.id]))[0].n).toBe(1);
    } finally {
      await holder.end();
    }
  });

  it('a hand-back routes the case again without that unit, never in a loop: every station, then the county bureau, then the city bureau', async () => {
    const routing = workers[0].get(RoutingService);
    const stations = (
      await q(
        `select s.code from station s join station_category sc on sc.station_code = s.code
          where s.active and s.area_code = '371522' and sc.category_code = 'clothing' order by s.code`,
      )
    ).map((r: { code: string }) => r.code);
    expect(stations.length).toBeGreaterThanOrEqual(2);
    const a = await submit(complaint({ categoryCode: 'clothing', respondent: { areaCode: '371522' } }));
    await until(allRouted);
    const seen: string[] = [];
    let c = await caseOf(a.trackingNo);
    for (let i = 0; i < 40 && c.assignee_code !== 'MR-371500'; i++) {
      seen.push(c.assignee_code);
      expect(await routing.handBack(c.id, c.assignee_code, '本单位无管辖权')).toBe(c.routing_round + 1);
      await until(allRouted);
      c = await caseOf(a.trackingNo);
    }
    // Each station of the area once, then formal at the county bureau (no station left), then no unit left: the city bureau designates.
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, -1).sort()).toEqual(stations);
    expect(seen[seen.length - 1]).toBe('MR-371522');
    expect(c).toMatchObject({ status: 'assigned', stage: 'formal', assignee_code: 'MR-371500', escalation_cause: 'no-station' });
    const rules = (await q(`select rule from routing_decision where case_id = $1 order by round`, [c.id])).map(
      (r: { rule: string }) => r.rule,
    );
    expect(rules).toEqual([...stations.map(() => 'area-station'), 'area-bureau', 'city-bureau']);
    expect((await q(`select designation_due from cases where id = $1`, [c.id]))[0].designation_due).not.toBeNull();
    // The stations' loads are back where they were: nothing holds a place it left.
    const loads = await q(`select unit_code, open_cases from unit_load where unit_code = any($1)`, [stations]);
    const recount = await q(
      `select assignee_code, count(*)::int as n from cases where status = any($2) and assignee_code = any($1) group by 1`,
      [stations, HOLDING_STATUSES],
    );
    for (const l of loads)
      expect(l.open_cases).toBe(recount.find((r: { assignee_code: string }) => r.assignee_code === l.unit_code)?.n ?? 0);
    // Handing back from a unit the case is not with does nothing; the city bureau cannot hand it back.
    expect(await routing.handBack(c.id, 'MR-371522', 'late')).toBeNull();
    expect(await routing.handBack(c.id, stations[0], 'late')).toBeNull();
    await expect(routing.handBack(c.id, 'MR-371500', '无管辖权')).rejects.toBeInstanceOf(HandBackRefusedError);
  });

  it('two departments handing a formal complaint back is a disputed jurisdiction: the city bureau designates', async () => {
    const routing = workers[0].get(RoutingService);
    const a = await submit(complaint({ path: 'formal', categoryCode: 'tourism', respondent: { areaCode: '371524' } }));
    await until(allRouted);
    const seen: string[] = [];
    let c = await caseOf(a.trackingNo);
    for (let i = 0; i < 10 && c.assignee_code !== 'MR-371500'; i++) {
      seen.push(c.assignee_code);
      expect(await routing.handBack(c.id, c.assignee_code, '本单位无管辖权')).toBe(c.routing_round + 1);
      await until(allRouted);
      c = await caseOf(a.trackingNo);
    }
    expect(seen).toEqual(['CT-371500', 'MR-371524']);
    expect(c).toMatchObject({ status: 'assigned', stage: 'formal', assignee_code: 'MR-371500', escalation_cause: null });
    const [last] = await q(`select rule from routing_decision where case_id = $1 order by round desc limit 1`, [c.id]);
    expect(last.rule).toBe('disputed-jurisdiction');
    await expect(routing.handBack(c.id, 'MR-371500', '无管辖权')).rejects.toBeInstanceOf(HandBackRefusedError);
  });

  it('escalates a settlement case past its take-up deadline once, formal from that day, to the county bureau, never to a station; the consumer told once', async () => {
    const settlement = workers[0].get(SettlementService, { strict: false });
    const a = await submit(complaint({ categoryCode: 'catering', respondent: { areaCode: '371502', venueCode: 'V-371502-001' } }));
    await until(allRouted);
    const before = await caseOf(a.trackingNo);
    expect(before).toMatchObject({ status: 'settling', assignee_type: 'station', assignee_code: 'ST-371502-001', acceptance_due: null });
    const station = before.assignee_code;
    const [{ open: stationBefore }] = await q(`select open_cases as open from unit_load where unit_code = $1`, [station]);
    await q(`update cases set take_up_due = $2::date, clock_due = $2::date where id = $1`, [before.id, daysAgo(1)]);
    // Both workers' sweeps at once, then again: one escalation.
    const runs = await Promise.all([settlement.escalateLapsed(), workers[1].get(SettlementService, { strict: false }).escalateLapsed()]);
    runs.push(await settlement.escalateLapsed());
    expect(runs.reduce((x, y) => x + y, 0)).toBe(1);
    const today = daysAgo(0);
    const acceptanceDue = (await workers[0].get(CalendarService, { strict: false }).due(today, ruleSetOn(today).acceptance.days)).date;
    const [{ open: stationAfter }] = await q(`select open_cases as open from unit_load where unit_code = $1`, [station]);
    expect(stationAfter).toBe(stationBefore - 1);

    // The worker routes it by jurisdiction: a department, not the station, not any station.
    await until(allRouted);
    const after = await caseOf(a.trackingNo);
    expect(after).toMatchObject({
      status: 'assigned',
      stage: 'formal',
      assignee_type: 'regulator',
      assignee_code: 'MR-371502',
      routing_round: 1,
      escalated_on: today,
      escalation_cause: 'take-up-lapsed',
      first_clock_counts_from: today,
      acceptance_due: acceptanceDue,
      take_up_due: null,
      settlement_due: null,
    });
    // (The sender's 'notified' events come and go with delivery: the case's own history is what counts here.)
    const events = await q(`select type, data from case_event where case_id = $1 and type <> 'notified' order by id`, [before.id]);
    expect(events.map((e: { type: string }) => e.type)).toEqual(['received', 'assigned', 'escalated', 'assigned']);
    expect(events[2].data).toMatchObject({ cause: 'take-up-lapsed', stage: 'formal', from: station, acceptanceDue });
    const rounds = await q(`select round, rule, assignee_code, candidates from routing_decision where case_id = $1 order by round`, [
      before.id,
    ]);
    expect(rounds.map((r: { rule: string; assignee_code: string }) => [r.rule, r.assignee_code])).toEqual([
      ['venue-station', station],
      ['area-bureau', 'MR-371502'],
    ]);
    expect(rounds[1].candidates.filter((x: { type: string }) => x.type === 'station')).toEqual([]);
    // The consumer is told once where the complaint went and by when the department decides on acceptance.
    const told = await q(`select text from notification where case_id = $1 and kind = 'escalated' and channel = 'sms'`, [before.id]);
    expect(told).toHaveLength(1);
    const [y, m, d] = acceptanceDue.split('-');
    expect(told[0].text).toContain('聊城市东昌府区市场监督管理局');
    expect(told[0].text).toContain(`${y}年${Number(m)}月${Number(d)}日`);
    // Swept again: a formal case is left alone.
    expect(await settlement.escalateLapsed()).toBe(0);
    expect(await caseOf(a.trackingNo)).toMatchObject({ status: 'assigned', routing_round: 1, assignee_code: 'MR-371502' });
  });

  it('after Redis loses the jobs, the reconciler finds the unrouted cases in PostgreSQL and routes them', async () => {
    for (const w of workers.splice(0)) await w.close();
    const lost = [];
    for (let i = 0; i < 20; i++) lost.push(await submit(complaint(i % 2 ? { path: 'formal' } : {})));
    // The relay had moved them to Redis (their outbox rows are marked relayed), then Redis was flushed.
    await q(`update outbox set relayed_at = now() where relayed_at is null`);
    await deleteRedisKeys(t.redisUrl, t.queuePrefix);
    const w = await startWorker();
    expect(await w.get(RoutingService).reconcile()).toBeGreaterThanOrEqual(20);
    await until(allRouted);
    for (const [i, s] of lost.entries())
      expect(await caseOf(s.trackingNo)).toMatchObject(
        i % 2
          ? { status: 'assigned', stage: 'formal', assignee_type: 'regulator' }
          : { status: 'settling', stage: 'settlement', assignee_type: 'station' },
      );
    expect(
      (
        await q(`select count(*)::int as n from routing_decision where case_id = any($1::bigint[])`, [
          await Promise.all(lost.map(async (s) => (await caseOf(s.trackingNo)).id)),
        ])
      )[0].n,
    ).toBe(20);
  });
});
