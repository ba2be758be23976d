import { SettlementService } from '@weiquan/cases';
import { CaseHandlingService } from '@weiquan/cases/handling/case-handling.service';
import { ConsumerCaseService } from '@weiquan/complaints/consumer/consumer-case.service';
import type { CreateComplaintDto } from '@weiquan/complaints';
import { IntakeService } from '@weiquan/complaints';
import type { StaffPrincipal } from '@weiquan/identity';
import { RoutingService } from '@weiquan/routing';
import type { AreaSlice } from '@weiquan/stats';
import { OpenRepository, ROLLUP_TABLES, RollupService } from '@weiquan/stats';
import { NestFactory } from '@nestjs/core';
import { JobQueue } from '@weiquan/core';
import { Client } from 'pg';
import { runCommand } from '../apps/cli/src/commands';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { deleteRedisKeys } from './support/test-env';
import { shanghaiDay, uscc } from './support/fixtures';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';

/**
 * The rollups maintained incrementally, batch by batch while cases change (and with an event that
 * commits late, below the watermark), equal the rollups rebuilt from the history, row for row.
 */
const TABLES = ROLLUP_TABLES;
const AREAS = ['371502', '371503', '371521', '371522', '371524', '371525', '371526', '371581', '371571', '371572', '371573'];
const CATEGORIES = [
  'catering',
  'accommodation',
  'beauty',
  'digital',
  'food',
  'appliances',
  'clothing',
  'sports-fitness',
  'education-training',
  'telecom',
  'household',
  'auto-repair',
];
const SEED = Number(process.env.STATS_SEED ?? 20260520);

/** mulberry32: a small seeded generator, so a failing run can be repeated (STATS_SEED). */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)], chance: (p: number) => next() < p };
}

describe('statistics: rebuild from the history equals what was maintained incrementally', () => {
  let api: TestApi;
  const rnd = random(SEED);

  beforeAll(async () => {
    api = await startTestApi({ INTAKE_RATE_LIMIT: '100000' });
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => api.t.dataSource.query(sql, params);

  it(`after a randomised workload (seed ${SEED})`, async () => {
    const intake = api.app.get(IntakeService);
    const routing = api.app.get(RoutingService);
    const handling = api.app.get(CaseHandlingService);
    const consumer = api.app.get(ConsumerCaseService);
    const rollups = api.app.get(RollupService);
    const settlement = api.app.get(SettlementService);
    const regulators = new Map<string, { kind: 'market' | 'sector'; level: 'city' | 'county' | 'province'; areaCode: string | null }>(
      (
        await q<{ code: string; kind: 'market' | 'sector'; level: 'city' | 'county' | 'province'; area_code: string | null }>(
          `select code, kind, level, area_code from regulator`,
        )
      ).map((r) => [r.code, { kind: r.kind, level: r.level, areaCode: r.area_code }]),
    );
    // Two enrolled businesses: the complaints naming them are theirs to answer (their own rollups).
    const BUSINESSES = [uscc('91371502MA3C5LJ01'), uscc('91371521MA3C5LJ02')];
    await q(
      `insert into business (credit_code, name, name_key, area_code, enrolled_by)
       values ($1, '统计测试企业甲', 'name:统计测试企业甲', '371502', 'test'), ($2, '统计测试企业乙', 'name:统计测试企业乙', '371521', 'test')`,
      BUSINESSES,
    );
    const principal = (type: string, code: string): StaffPrincipal => {
      const r = regulators.get(code);
      return {
        userId: `u-${code}`,
        username: `u-${code}`,
        displayName: code,
        role: type === 'station' ? 'station-staff' : type === 'business' ? 'business' : 'regulator-staff',
        unit: {
          type: type as 'station' | 'regulator' | 'business',
          code,
          name: code,
          areaCode: r?.areaCode ?? null,
          kind: r?.kind ?? null,
          level: r?.level ?? null,
        },
      };
    };

    const filed: { trackingNo: string; accessCode: string }[] = [];
    let last: CreateComplaintDto | undefined;
    const fileSome = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const k = filed.length + 1;
        // Now and then the same consumer files the same matter again, today: a duplicate of the first.
        const repeat = !!last && (i === 10 || rnd.chance(0.03));
        const daysBack = !repeat && i !== 9 && rnd.chance(0.4) ? Math.floor(rnd.next() * 70) : 0;
        const receivedAt = new Date(Date.now() - daysBack * 86_400_000 - 60_000);
        const outside = rnd.chance(0.03);
        const kind = rnd.pick(['complaint', 'complaint', 'complaint', 'complaint', 'complaint', 'complaint', 'report', 'both']);
        const dto = repeat
          ? last!
          : ({
              kind,
              // Most complaints go to a station to settle first; some are filed formally straight away.
              ...(kind === 'report' ? {} : { path: rnd.chance(0.7) ? 'settlement' : 'formal' }),
              categoryCode: rnd.pick(CATEGORIES),
              ...(rnd.chance(0.8) ? { channel: rnd.pick(['offline', 'online', 'livestream']) } : {}),
              ...(rnd.chance(0.15) ? { prepaid: true } : {}),
              consumer: { name: '测试', phone: `1380635${String(k).padStart(4, '0')}` },
              respondent: {
                name: `统计测试经营者${k % 60}`,
                ...(!outside && rnd.chance(0.2) ? { creditCode: rnd.pick(BUSINESSES) } : {}),
                address: '某路 1 号',
                areaCode: outside ? '110101' : rnd.pick(AREAS),
              },
              incidentDate: shanghaiDay(new Date(receivedAt.getTime() - 2 * 86_400_000)),
              amount: Math.floor(rnd.next() * 5000),
              description: '随机工作负载：商品与宣传不符，商家拒绝处理。',
              demand: '退款',
            } as unknown as CreateComplaintDto);
        last = dto;
        const a = await intake.submit(dto, daysBack ? { channel: 'phone', receivedAt } : { channel: 'web' });
        filed.push({ trackingNo: a.trackingNo, accessCode: a.accessCode });
        if (a.linkedTrackingNo) filed.push({ trackingNo: a.linkedTrackingNo, accessCode: a.accessCode });
      }
    };
    const routeWaiting = async () => {
      const waiting = await q<{ caseId: string; round: number }>(
        `select id::text as "caseId", routing_round as round from cases where status = 'received' order by id`,
      );
      if (waiting.length) await routing.routeMany(waiting);
    };
    /** One random step on every open case, as its handler or its consumer would take it. */
    const actOnSome = async () => {
      const open = await q<{
        id: string;
        tracking_no: string;
        track: 'complaint' | 'report';
        status: string;
        assignee_type: string;
        assignee_code: string;
      }>(
        `select id::text as id, tracking_no, track, status, assignee_type, assignee_code from cases
          where status not in ('withdrawn', 'refused', 'transferred', 'duplicate', 'received') order by id`,
      );
      for (const c of open) {
        if (!rnd.chance(0.6)) continue;
        // A report opened from a mediation lead has no consumer holding an access code.
        const access = filed.find((f) => f.trackingNo === c.tracking_no)?.accessCode;
        if (access && c.status !== 'closed' && c.status !== 'settled' && rnd.chance(0.04)) {
          await consumer.withdraw(c.tracking_no, access, '不想投诉了').catch(() => undefined);
          continue;
        }
        const p = principal(c.assignee_type, c.assignee_code);
        const act = (input: Parameters<CaseHandlingService['act']>[2]) =>
          handling.act(p, c.id, input).catch((err: { status?: number }) => {
            if (![403, 409].includes(err.status ?? 0)) throw err;
          });
        /** The consumer's settlement moves: a refusal (409: it moved meanwhile) is no failure. */
        const asConsumer = (move: () => Promise<unknown>) =>
          access
            ? move().catch((err: { status?: number }) => {
                if (err.status !== 409) throw err;
              })
            : Promise.resolve();
        const complaintSteps: Record<string, () => Promise<unknown>> = {
          settling: () => {
            const r = rnd.next();
            if (r < 0.7) return act({ action: 'take-up' });
            if (r < 0.8) return asConsumer(() => consumer.escalate(c.tracking_no, access, '直接投诉'));
            if (r < 0.9) return act({ action: 'settlement-failed', note: '商家拒绝协商' });
            return act({ action: 'hand-back', note: '不属于本站服务范围' });
          },
          negotiating: () => {
            const r = rnd.next();
            if (r < 0.45)
              return act({
                action: 'record-offer',
                response: 'full',
                remedy: 'refund',
                amountOfferedFen: Math.floor(rnd.next() * 200_000),
                note: '退款',
              });
            if (r < 0.6) return act({ action: 'record-offer', response: 'partial', remedy: 'apology', note: '书面道歉' });
            if (r < 0.75) return act({ action: 'settlement-failed', note: '未能达成一致' });
            if (r < 0.9) return asConsumer(() => consumer.escalate(c.tracking_no, access, '不想等了'));
            return act({ action: 'hand-back', note: '不属于本站服务范围' });
          },
          offered: () => {
            const r = rnd.next();
            if (r < 0.6) return asConsumer(() => consumer.acceptOffer(c.tracking_no, access));
            if (r < 0.85) return asConsumer(() => consumer.escalate(c.tracking_no, access, '不接受方案'));
            return act({
              action: 'record-offer',
              response: 'partial',
              remedy: 'compensation',
              amountOfferedFen: Math.floor(rnd.next() * 100_000),
              note: '提高赔偿',
            });
          },
          settled: async () => {
            // The business did not deliver: the settlement is taken back and the case goes formal.
            if (access && rnd.chance(0.15)) return asConsumer(() => consumer.notDelivered(c.tracking_no, access, '商家没有履行和解方案'));
            if (access && rnd.chance(0.5))
              await consumer
                .rate(c.tracking_no, access, rnd.pick(['satisfied', 'basically', 'dissatisfied']), undefined)
                .catch(() => undefined);
          },
          assigned: () =>
            rnd.chance(0.75)
              ? act({ action: 'accept' })
              : rnd.chance(0.7)
                ? act({ action: 'refuse', reasonCode: rnd.pick(['1', '3', '5']) })
                : act({ action: 'hand-back', note: '不属于本单位管辖' }),
          accepted: () =>
            rnd.chance(0.6)
              ? act({ action: 'start-mediation' })
              : act({ action: 'resolve', amountRecoveredFen: Math.floor(rnd.next() * 200_000), agreement: rnd.chance(0.5) }),
          mediating: () => {
            const r = rnd.next();
            if (r < 0.5)
              return act({ action: 'resolve', amountRecoveredFen: Math.floor(rnd.next() * 200_000), agreement: rnd.chance(0.5) });
            if (r < 0.75) return act({ action: 'terminate', reasonCode: rnd.pick(['3', '4', '5']) });
            if (r < 0.9) return act({ action: 'pause-clock', note: '送检' });
            return act({ action: 'report-violation', note: '发现违法线索' });
          },
          paused: () => (rnd.chance(0.7) ? act({ action: 'resume-clock' }) : act({ action: 'terminate', reasonCode: '2' })),
          resolved: () => act({ action: 'close' }),
          terminated: () => act({ action: 'close' }),
          closed: async () => {
            if (rnd.chance(0.5)) await act({ action: 'record-follow-up', note: '回访完成' });
            if (access && rnd.chance(0.5))
              await consumer
                .rate(c.tracking_no, access, rnd.pick(['satisfied', 'basically', 'dissatisfied']), undefined)
                .catch(() => undefined);
          },
        };
        const reportSteps: Record<string, () => Promise<unknown>> = {
          assigned: () =>
            rnd.chance(0.5)
              ? act({ action: 'accept' })
              : rnd.chance(0.5)
                ? act({ action: 'open-enforcement' })
                : act({ action: 'decline-enforcement', reasonCode: '1' }),
          deciding: () =>
            rnd.chance(0.2)
              ? act({ action: 'extend-decision', note: '案情复杂' })
              : rnd.chance(0.5)
                ? act({ action: 'open-enforcement' })
                : act({ action: 'decline-enforcement', reasonCode: '1' }),
          'case-opened': () => act({ action: 'close' }),
          'not-opened': () => act({ action: 'close' }),
        };
        await (c.track === 'complaint' ? complaintSteps : reportSteps)[c.status]?.();
      }
    };

    // Rounds of filing, routing and handling, with the aggregator running in small batches between
    // them and at the same time as them (so events commit around its watermark).
    let applied = 0;
    for (let round = 0; round < 8; round++) {
      await fileSome(40);
      const during = rollups.applyPending(3, 40);
      await routeWaiting();
      await actOnSome();
      applied += (await during).events;
      if (round === 1) {
        // Histories from before the settlement stage: a late station's case moved to the area bureau
        // (an escalation without a cause: an arrival at the bureau), and the migration's internal event.
        const [held] = await q<{ id: string; assignee_code: string }>(
          `select id::text as id, assignee_code from cases where status = 'assigned' and assignee_type = 'regulator' order by id limit 1`,
        );
        await q(
          `insert into case_event (case_id, type, actor_type, from_status, to_status, reason_code, public, data)
           values ($1, 'escalated', 'system', 'assigned', 'assigned', 'station-sla', true,
                   jsonb_build_object('from', 'ST-371502-001', 'rule', 'escalation',
                                      'assignee', jsonb_build_object('type', 'regulator', 'code', $2::text, 'name', '区局')))`,
          [held.id, held.assignee_code],
        );
        const [settling] = await q<{ id: string; assignee_code: string }>(
          `select id::text as id, assignee_code from cases where status = 'settling' order by id limit 1`,
        );
        await q(
          `insert into case_event (case_id, type, actor_type, unit_code, from_status, to_status, public, data)
           values ($1, 'stage-migrated', 'system', $2, 'assigned', 'settling', false, '{"stage": "settlement"}')`,
          [settling.id, settling.assignee_code],
        );
      }
      if (round === 3) {
        // Stations late: nobody took these up, or no settlement in time; they become formal complaints.
        await q(
          `update cases set take_up_due = current_date - 3, clock_due = current_date - 3
            where id in (select id from cases where status = 'settling' order by id limit 5)`,
        );
        await q(
          `update cases set settlement_due = current_date - 3, clock_due = current_date - 3
            where id in (select id from cases where status in ('negotiating', 'offered') order by id limit 3)`,
        );
        expect(await settlement.escalateLapsed()).toBeGreaterThan(0);
      }
      await routeWaiting();
      applied += (await rollups.applyPending(2, 75)).events;
    }

    // A transaction that takes an event id now and commits after later events have been applied.
    const [closed] = await q(
      `select id::text as id, assignee_code from cases where status = 'closed' and track = 'complaint' order by id limit 1`,
    );
    expect(closed).toBeDefined();
    const late = new Client({ connectionString: api.t.databaseUrl });
    await late.connect();
    await late.query('begin');
    const [{ id: lateId }] = (
      await late.query(
        `insert into case_event (case_id, type, actor_type, unit_code, action, note, public, data) values ($1, 'record-follow-up', 'staff', $2, 'record-follow-up', '迟提交的回访', false, '{}') returning id::text as id`,
        [closed.id, closed.assignee_code],
      )
    ).rows;
    await fileSome(3);
    await rollups.applyPending(100, 1000);
    const [wm] = await q<{ id: string }>(`select last_event_id::text as id from stat_watermark`);
    expect(BigInt(wm.id)).toBeGreaterThan(BigInt(lateId));
    expect((await q(`select event_id::text as id from stat_gap`)).map((g) => g.id)).toContain(lateId);
    const followUps = async () =>
      Number(
        (
          await q<{ n: number }>(
            `select coalesce(sum(follow_ups), 0)::int as n from stat_area_month where area_code = '*' and category_code = '*'`,
          )
        )[0].n,
      );
    const before = await followUps();
    await late.query('commit');
    await late.end();
    // And one that rolls back: its id never appears.
    const gone = new Client({ connectionString: api.t.databaseUrl });
    await gone.connect();
    await gone.query('begin');
    await gone.query(
      `insert into case_event (case_id, type, actor_type, unit_code, data) values ($1, 'record-follow-up', 'staff', $2, '{}')`,
      [closed.id, closed.assignee_code],
    );
    await gone.query('rollback');
    await gone.end();
    await fileSome(2);
    while ((await rollups.applyPending(100, 1000)).events > 0);
    expect(await followUps()).toBe(before + 1);
    expect((await q(`select event_id::text as id from stat_gap`)).map((g) => g.id)).not.toContain(lateId);

    // Something of every kind happened (new cases are never 'transferred': a business outside the
    // city is refused by the city bureau's desk, a 'refuse' event).
    const types = new Set((await q(`select distinct type from case_event`)).map((r) => r.type));
    for (const t of [
      'received',
      'duplicate',
      'assigned',
      'escalated',
      'handed-back',
      'withdrawn',
      'accept',
      'refuse',
      'resolve',
      'terminate',
      'close',
      'record-follow-up',
      'rated',
      'open-enforcement',
      'decline-enforcement',
      'pause-clock',
      'take-up',
      'record-offer',
      'accept-offer',
      'stage-migrated',
    ]) {
      expect({ type: t, seen: types.has(t) }).toEqual({ type: t, seen: true });
    }
    const [{ n: events }] = await q(`select count(*)::int as n from case_event`);
    expect(applied).toBeGreaterThan(0);
    expect(events).toBeGreaterThan(1000);

    // The incremental figures agree with a plain count over the cases and the history.
    const [city] = await q(`select sum(received)::int as received, sum(resolved)::int as resolved, sum(recovered_fen)::text as recovered
                              from stat_area_month where area_code = '*' and category_code = '*'`);
    const [truth] =
      await q(`select count(*) filter (where type = 'received')::int as received, count(*) filter (where type = 'resolve')::int as resolved,
                                    coalesce(sum((data->'outcome'->>'amountRecoveredFen')::bigint) filter (where type = 'resolve'), 0)::text as recovered from case_event`);
    expect(city).toEqual(truth);
    // Settlement at the source: settled (and the money) from the consumers' acceptances; escalations
    // from the events with a cause, and the settlement cases handed back that went formal.
    const [settledCity] = await q(`select sum(settled)::int as settled, sum(settled_fen)::text as fen, sum(escalated)::int as escalated,
                                          sum(settlement_assigned)::int as assigned
                                     from stat_area_month where area_code = '*' and category_code = '*'`);
    // A settlement the consumer later said was not delivered is taken back (its acceptance no longer counts).
    const kept = `type = 'accept-offer' and not exists (select 1 from case_event x where x.case_id = e.case_id and x.id > e.id
                                                          and x.type = 'escalated' and x.data->>'cause' = 'not-delivered')`;
    const [settledTruth] = await q(`select count(*) filter (where ${kept})::int as settled,
                                           coalesce(sum((data->'outcome'->>'amountRecoveredFen')::bigint) filter (where ${kept}), 0)::text as fen,
                                           count(*) filter (where (type = 'escalated' and data ? 'cause')
                                                               or (type = 'assigned' and (data->'formal'->>'escalated')::boolean))::int as escalated,
                                           count(*) filter (where type = 'assigned' and data->>'stage' = 'settlement')::int as assigned
                                      from case_event e`);
    expect(settledCity).toEqual(settledTruth);
    expect(settledTruth.settled).toBeGreaterThan(0);
    expect(settledTruth.escalated).toBeGreaterThan(0);
    const [byStation] = await q(`select sum(escalated)::int as escalated from stat_unit_month where category_code = '*'`);
    const [byStationTruth] = await q(
      // (A business is no unit: its escalations count in its own rollups, not the units'.)
      `select count(*)::int as escalated from case_event where type = 'escalated' and data ? 'cause' and unit_code is not null
          and data->>'fromType' is distinct from 'business'`,
    );
    expect(byStation).toEqual(byStationTruth);
    const [open] = await q(`select sum(open)::int as n from stat_open where unit_code = '*' and area_code = '*' and category_code = '*'`);
    const [openTruth] = await q(
      `select count(*)::int as n from cases where status not in ('closed', 'settled', 'withdrawn', 'refused', 'transferred', 'duplicate')`,
    );
    expect(open.n).toBe(openTruth.n);

    // Keep what was maintained, rebuild from the history, compare every table row for row.
    for (const t of TABLES) await q(`create table cmp_${t} as table ${t}`);
    // Small chunks and a small flush bound: a key is summed in memory across chunks and staged by
    // several flushes, which the fold must add up.
    const rebuilt = await rollups.rebuild(500, new Date(), 300);
    expect(rebuilt.events).toBe(events);
    for (const t of TABLES) {
      const [{ n }] = await q<{ n: number }>(`select count(*)::int as n from ${t}`);
      const [{ d }] = await q<{ d: number }>(
        `select count(*)::int as d from ((table ${t} except all table cmp_${t}) union all (table cmp_${t} except all table ${t})) x`,
      );
      expect({ table: t, rows: n > 0, differences: d }).toEqual({ table: t, rows: true, differences: 0 });
    }
    const [after] = await q<{ id: string }>(`select last_event_id::text as id from stat_watermark`);
    const [{ max }] = await q<{ max: string }>(`select max(id)::text as max from case_event`);
    expect(after.id).toBe(max);

    // Overdue moves with the calendar. On later days the counts read agree with the cases, before
    // the aggregator has moved them to that day (the reader adds the cases due in between) and after.
    const stats = api.app.get(OpenRepository);
    const OPEN = `status not in ('closed', 'settled', 'withdrawn', 'refused', 'transferred', 'duplicate')`;
    type OpenFilter = AreaSlice & { units: string[] | null; byUnit: boolean };
    const cityWide: OpenFilter = { units: null, area: null, category: null, track: null, channel: null, prepaid: null, byUnit: false };
    const [busiest] = await q<{ area: string; category: string }>(
      `select respondent_area_code as area, category_code as category from cases where ${OPEN} group by 1, 2 order by count(*) desc limit 1`,
    );
    const someUnits = (
      await q<{ code: string }>(
        `select distinct assignee_code as code from cases where ${OPEN} and assignee_code is not null order by 1 limit 3`,
      )
    ).map((r) => r.code);
    const reads: [string, OpenFilter, string][] = [
      ['city', cityWide, 'true'],
      ['one area', { ...cityWide, area: busiest.area }, `respondent_area_code = '${busiest.area}'`],
      [
        'one area and category, complaints',
        { ...cityWide, area: busiest.area, category: busiest.category, track: 'complaint' },
        `respondent_area_code = '${busiest.area}' and category_code = '${busiest.category}' and track = 'complaint'`,
      ],
      [
        'three units, one category',
        { ...cityWide, units: someUnits, category: busiest.category, byUnit: true },
        `assignee_code = any('{${someUnits.join(',')}}') and category_code = '${busiest.category}'`,
      ],
    ];
    const expectOpenAgrees = async (day: string) => {
      for (const [name, filter, where] of reads) {
        const [truth] = await q(
          `select count(*)::text as open, (count(*) filter (where due_on < $1::date))::text as overdue from cases where ${OPEN} and ${where}`,
          [day],
        );
        const [read = { open: '0', overdue: '0' }] = await stats.openCounts(filter, day, false);
        expect({ name, day, open: read.open, overdue: read.overdue }).toEqual({ name, day, ...truth });
      }
      const truthByUnit = await q(
        `select assignee_code as key, count(*)::text as open, (count(*) filter (where due_on < $1::date))::text as overdue
                                     from cases where ${OPEN} and assignee_code is not null group by 1 order by 1`,
        [day],
      );
      const byUnit = (await stats.openCounts({ ...cityWide, byUnit: true }, day, true)).sort((a, b) => (a.key! < b.key! ? -1 : 1));
      expect({ day, byUnit }).toEqual({ day, byUnit: truthByUnit });
    };
    const later = (days: number) => new Date(Date.now() + days * 86_400_000);
    const [{ overdueNow }] = await q(`select count(*)::int as "overdueNow" from cases where ${OPEN} and due_on < $1::date`, [
      shanghaiDay(later(40)),
    ]);
    expect(overdueNow).toBeGreaterThan(0);
    await expectOpenAgrees(shanghaiDay(new Date()));
    await expectOpenAgrees(shanghaiDay(later(40)));
    await rollups.applyPending(1, 1000, later(40));
    const [{ asOf }] = await q(`select open_as_of::text as "asOf" from stat_watermark`);
    expect(asOf).toBe(shanghaiDay(later(40)));
    // Moved: the stored city-wide count alone is the answer now.
    const [stored] = await q(
      `select sum(overdue)::int as n from stat_open where unit_code = '*' and area_code = '*' and category_code = '*'`,
    );
    expect(stored.n).toBe(overdueNow);
    await expectOpenAgrees(shanghaiDay(later(40)));
    await expectOpenAgrees(shanghaiDay(later(12)));
    await expectOpenAgrees(shanghaiDay(new Date()));
  }, 300_000);

  it('the worker applies new events on its schedule, also after Redis was flushed', async () => {
    const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(api.t.config), { logger: false });
    await worker.init();
    const caughtUp = async () => {
      for (let i = 0; i < 100; i++) {
        const [{ behind }] = await q(`select (select max(id) from case_event) > last_event_id as behind from stat_watermark`);
        if (!behind) return true;
        await new Promise((r) => setTimeout(r, 200));
      }
      return false;
    };
    const file = () =>
      api.app.get(IntakeService).submit(
        {
          kind: 'complaint',
          categoryCode: 'catering',
          consumer: { name: '测试', phone: `1390635${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}` },
          respondent: { name: `调度测试店${Math.random()}`, address: '某路 1 号', areaCode: '371502' },
          incidentDate: shanghaiDay(new Date()),
          description: '调度测试：商品与宣传不符。',
          demand: '退款',
        } as unknown as CreateComplaintDto,
        { channel: 'web' },
      );
    try {
      expect((await worker.get(JobQueue).queue('stats').getJobSchedulers()).map((x) => x.key)).toContain('stats.apply-events');
      await file();
      expect(await caughtUp()).toBe(true);
      // The schedule lives in Redis, the watermark in PostgreSQL: a flush loses no event.
      await deleteRedisKeys(api.t.redisUrl, api.t.queuePrefix);
      await file();
      await worker.get(JobQueue).schedule('stats.apply-events', 'stats.apply-events', 5_000); // what the worker re-asserts every minute
      expect(await caughtUp()).toBe(true);
    } finally {
      await worker.close();
    }
  }, 60_000);

  it('npm run cli -- stats:rebuild does the same from the command line', async () => {
    const before = await q(`select * from stat_area_month order by area_code, category_code, month, track, channel, prepaid, issue_type`);
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await runCommand(api.t.config, 'stats:rebuild', [], {})).toBe(0);
      expect(out.mock.calls.map((c) => String(c[0])).join('')).toMatch(
        /^statistics rebuilt: \d+ history events replayed, \d+ open cases\n$/,
      );
    } finally {
      out.mockRestore();
    }
    expect(await q(`select * from stat_area_month order by area_code, category_code, month, track, channel, prepaid, issue_type`)).toEqual(
      before,
    );
  }, 60_000);
});
