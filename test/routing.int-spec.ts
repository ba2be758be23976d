import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
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
function complaint(over: { kind?: string; categoryCode?: string; respondent?: Record<string, unknown> } = {}): CreateComplaintDto {
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
        `select id::text as id, status, assignee_type, assignee_code, routing_round, acceptance_due::text, station_sla_due::text from cases where tracking_no = $1`,
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

  it('two workers on one backlog assign every case exactly once, and unit loads equal a recount', async () => {
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
      submitted.push(
        await submit(
          complaint({
            kind: i % 7 === 0 ? 'report' : 'complaint',
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
    const mismatched = await q(
      `select coalesce(l.unit_code, r.code) as unit, l.open_cases, r.n
         from unit_load l full join (select assignee_code as code, count(*)::int as n from cases where status = 'assigned' group by 1) r on r.code = l.unit_code
        where coalesce(l.open_cases, 0) <> coalesce(r.n, 0)`,
    );
    expect(mismatched).toEqual([]);
    // No station holds more open cases than its capacity, whatever the concurrency.
    const over = await q(`select l.unit_code from unit_load l join station s on s.code = l.unit_code where l.open_cases > s.capacity`);
    expect(over).toEqual([]);
    // Every case tells the consumer who has it.
    const unassigned = await q(`select count(*)::int as n from cases where assignee_code is null`);
    expect(unassigned[0].n).toBe(0);
    expect(submitted).toHaveLength(300);
  });

  it('routes by the rules: venue station, sector regulator, reports, no authority in the city', async () => {
    const venue = await submit(complaint({ categoryCode: 'catering', respondent: { areaCode: '371502', venueCode: 'V-371502-001' } }));
    const elderly = await submit(complaint({ categoryCode: 'elderly-care', respondent: { areaCode: '371521' } }));
    const report = await submit(complaint({ kind: 'report', categoryCode: 'tourism', respondent: { areaCode: '371524' } }));
    const reportNoOwner = await submit(complaint({ kind: 'report', categoryCode: 'food', respondent: { areaCode: '371525' } }));
    const telecom = await submit(complaint({ categoryCode: 'telecom' }));
    const beijing = await submit(complaint({ respondent: { areaCode: '110101' } }));
    await until(allRouted);
    expect(await caseOf(venue.trackingNo)).toMatchObject({ status: 'assigned', assignee_type: 'station', assignee_code: 'ST-371502-001' });
    expect(await caseOf(elderly.trackingNo)).toMatchObject({ status: 'assigned', assignee_code: 'CA-371500' });
    expect(await caseOf(report.trackingNo)).toMatchObject({ status: 'assigned', assignee_code: 'CT-371500' });
    expect(await caseOf(reportNoOwner.trackingNo)).toMatchObject({ status: 'assigned', assignee_code: 'MR-371525' });
    // No unit of the city has authority: the city bureau's intake desk refuses them at once (ground 1).
    expect(await caseOf(telecom.trackingNo)).toMatchObject({ status: 'refused', assignee_code: 'MR-371500' });
    expect(await caseOf(beijing.trackingNo)).toMatchObject({ status: 'refused', assignee_code: 'MR-371500' });
    const [decision] = await q(
      `select rule, reason, candidates from routing_decision d join cases c on c.id = d.case_id where c.tracking_no = $1`,
      [venue.trackingNo],
    );
    expect(decision.rule).toBe('venue-station');
    expect(decision.reason).toContain('金鼎购物中心');
    expect(decision.candidates[0]).toMatchObject({ code: 'ST-371502-001', eligible: true });
    // A station assignment carries the station's service-level day.
    expect((await caseOf(venue.trackingNo)).station_sla_due).not.toBeNull();
  });

  it('a routed case is not routed again (idempotent job)', async () => {
    const a = await submit(complaint());
    await until(allRouted);
    const c = await caseOf(a.trackingNo);
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
      await until(async () => (await q(`select status from cases where id = $1`, [held!.id]))[0].status === 'assigned', 20_000);
    } finally {
      await holder.end();
    }
  });

  it('a hand-back routes the case again without that unit, never in a loop', async () => {
    const routing = workers[0].get(RoutingService);
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
    // Two units handed it back (a disputed jurisdiction): the city bureau designates, within 7 working days.
    expect(seen).toHaveLength(2);
    expect(new Set(seen).size).toBe(seen.length);
    expect(c).toMatchObject({ status: 'assigned', assignee_code: 'MR-371500' });
    const [last] = await q(`select rule from routing_decision where case_id = $1 order by round desc limit 1`, [c.id]);
    expect(last.rule).toBe('disputed-jurisdiction');
    // Handing back from a unit the case is not with does nothing; the city bureau cannot hand it back.
    expect(await routing.handBack(c.id, 'MR-371522', 'late')).toBeNull();
    await expect(routing.handBack(c.id, 'MR-371500', '无管辖权')).rejects.toBeInstanceOf(HandBackRefusedError);
  });

  it('escalates a station assignment past its service-level day to the area bureau; the statutory clock is untouched', async () => {
    const a = await submit(complaint({ categoryCode: 'catering', respondent: { areaCode: '371502', venueCode: 'V-371502-001' } }));
    await until(allRouted);
    const before = await caseOf(a.trackingNo);
    expect(before.assignee_type).toBe('station');
    const [{ open: stationBefore }] = await q(`select open_cases as open from unit_load where unit_code = $1`, [before.assignee_code]);
    await q(`update cases set station_sla_due = current_date - 1 where id = $1`, [before.id]);
    expect(await workers[0].get(RoutingService).escalateLateStations()).toBeGreaterThanOrEqual(1);
    const after = await caseOf(a.trackingNo);
    expect(after).toMatchObject({
      status: 'assigned',
      assignee_type: 'regulator',
      assignee_code: 'MR-371502',
      acceptance_due: before.acceptance_due,
    });
    const [{ open: stationAfter }] = await q(`select open_cases as open from unit_load where unit_code = $1`, [before.assignee_code]);
    expect(stationAfter).toBe(stationBefore - 1);
    const events = await q(`select type from case_event where case_id = $1 order by id`, [before.id]);
    expect(events.map((e: { type: string }) => e.type)).toEqual(['received', 'assigned', 'escalated']);
    // The late station does not get the case again.
    expect((await q(`select excluded_units from cases where id = $1`, [before.id]))[0].excluded_units).toEqual([before.assignee_code]);
  });

  it('after Redis loses the jobs, the reconciler finds the unrouted cases in PostgreSQL and routes them', async () => {
    for (const w of workers.splice(0)) await w.close();
    const lost = [];
    for (let i = 0; i < 20; i++) lost.push(await submit(complaint()));
    // The relay had moved them to Redis (their outbox rows are marked relayed), then Redis was flushed.
    await q(`update outbox set relayed_at = now() where relayed_at is null`);
    await deleteRedisKeys(t.redisUrl, t.queuePrefix);
    const w = await startWorker();
    expect(await w.get(RoutingService).reconcile()).toBeGreaterThanOrEqual(20);
    await until(allRouted);
    for (const s of lost) expect((await caseOf(s.trackingNo)).status).toMatch(/assigned|transferred/);
  });
});
