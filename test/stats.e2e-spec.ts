import ExcelJS from 'exceljs';
import { CalendarService, workingDaysBetween } from '@weiquan/calendar';
import { SettlementService } from '@weiquan/cases';
import { comparisonPeriods, RollupService } from '@weiquan/stats';
import { parse } from 'csv-parse/sync';
import type { Routed, Staff } from './support/case-kit';
import { at, CaseKit, daysAgo, shanghaiDay } from './support/case-kit';
import { uscc } from './support/fixtures';

/**
 * A hand-computed fixture of cases through every outcome, then the figures through the HTTP
 * endpoints, exactly. Complaints filed for settlement (`path: 'settlement'`) go to station A
 * (ST-371502-001) or station B (ST-371502-002) by venue (routing rule 5): settled at the source when
 * the consumer accepts the business's offer, or escalated to the formal complaint, which the
 * 东昌府区 bureau (MR-371502) then decides and mediates. Complaints filed formally and reports go to
 * the bureau (or a sector regulator) straight away.
 */
const A = 'ST-371502-001';
const B = 'ST-371502-002';
const BUREAU = 'MR-371502';
const VENUE_A = 'V-371502-001';
const VENUE_B = 'V-371502-002';

const CHAIN = {
  name: '聊城市老街坊餐饮有限公司',
  creditCode: uscc('91371502MA3C5LJ0X'),
  address: '东昌府区东昌路 1 号',
  areaCode: '371502',
  venueCode: VENUE_A,
};

describe('statistics over HTTP: exact figures from a hand-computed fixture', () => {
  let kit: CaseKit;
  let analyst: Staff;
  let staffA: Staff;
  let staffB: Staff;
  let bureau: Staff;
  /** Working days from today to 20 days on: the only handling (and settling) time that is not 0 in the fixture. */
  let W: number;
  const today = shanghaiDay(new Date());
  const from = daysAgo(40);
  const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

  beforeAll(async () => {
    kit = await CaseKit.start();
    analyst = await kit.staff('city-analyst');
    staffA = await kit.staff('station-staff', A);
    staffB = await kit.staff('station-staff', B);
    bureau = await kit.staff('regulator-staff', BUREAU);
    const cal = await kit.api.app.get(CalendarService).overrides();
    W = workingDaysBetween(today, shanghaiDay(new Date(later(20))), cal);

    /** A complaint filed for settlement at station A's venue. */
    const atA = (over: Record<string, unknown> = {}) =>
      kit.assigned({
        path: 'settlement',
        ...over,
        respondent: {
          name: `A站测试餐饮店${Math.random()}`,
          address: '东昌府区东昌路 9 号',
          areaCode: '371502',
          venueCode: VENUE_A,
          ...(over.respondent as object),
        },
      });
    const expectAt = (c: Routed, unit: string) =>
      expect({ trackingNo: c.trackingNo, unit: c.assigneeCode }).toEqual({ trackingNo: c.trackingNo, unit });
    const consumer = async (c: { trackingNo: string; accessCode: string }, step: string, body: object = {}, status = 200) => {
      const res = await kit.http.post(`/api/v1/complaints/${c.trackingNo}/${step}`).set('X-Access-Code', c.accessCode).send(body);
      expect({ step, status: res.status }).toEqual({ step, status });
    };
    const rate = (c: { trackingNo: string; accessCode: string }, rating: string) => consumer(c, 'rating', { rating }, 201);
    /** Left the settlement stage: routed again (round 1), to the bureau. */
    const formally = async (c: Routed) => {
      const routed = await kit.route(c.trackingNo, c.accessCode, 1);
      expectAt(routed, BUREAU);
      return routed;
    };

    // Station A: the chain (one credit code) four times, a name-matched restaurant three times.
    const s1 = await atA({ respondent: CHAIN });
    const s2 = await atA({ respondent: CHAIN });
    const s3 = await atA({ respondent: CHAIN });
    const s4 = await atA({ respondent: CHAIN });
    const s5 = await atA({ respondent: { name: '聊城市东关老味道火锅店' } });
    const s6body = kit.body({
      path: 'settlement',
      respondent: { name: '聊城市东关 老味道火锅店', address: '东关街 3 号', areaCode: '371502', venueCode: VENUE_A },
    });
    const s6filed = await kit.http.post('/api/v1/complaints').send(s6body);
    expect(s6filed.status).toBe(201);
    const s6 = await kit.route(s6filed.body.trackingNo, s6filed.body.accessCode);
    const s7 = await atA({ respondent: { name: '聊城市东关老味道火锅店' } });
    const s8 = await atA();
    const s9 = await atA();
    for (const c of [s1, s2, s3, s4, s5, s6, s7, s8, s9]) expectAt(c, A);

    // Settled at the source: a refund of ¥1,280.50, and an apology (nothing recovered).
    await staffA.do(s1.id, { action: 'take-up' });
    await staffA.do(s1.id, { action: 'record-offer', remedy: 'refund', amountOffered: 1280.5, note: '全额退还餐费' });
    await consumer(s1, 'settlement/accept');
    await rate(s1, 'satisfied');
    await staffA.do(s2.id, { action: 'take-up' });
    await staffA.do(s2.id, { action: 'record-offer', remedy: 'apology', note: '店家书面道歉' });
    await consumer(s2, 'settlement/accept');
    await rate(s2, 'basically');

    // The consumer rejects the offer: escalated; the bureau accepts, mediates it to ¥300, closes, follows up.
    await staffA.do(s3.id, { action: 'take-up' });
    await staffA.do(s3.id, { action: 'record-offer', remedy: 'refund', amountOffered: 100, note: '退一部分' });
    await consumer(s3, 'escalate', { reason: '只退一部分，不接受' });
    const f3 = await formally(s3);
    await bureau.do(f3.id, { action: 'accept' });
    await bureau.do(f3.id, { action: 'resolve', amountRecovered: 300, agreement: true });
    await bureau.do(f3.id, { action: 'close' });
    await bureau.do(f3.id, { action: 'record-follow-up', note: '回访：知悉' });
    await rate(s3, 'dissatisfied');

    // Taken up now, settled 20 days on: the one settling time that is not 0 working days.
    await staffA.do(s4.id, { action: 'take-up' });
    await at(later(20), async () => {
      await staffA.do(s4.id, { action: 'record-offer', remedy: 'compensation', amountOffered: 100, note: '赔偿 100 元' });
      await consumer(s4, 'settlement/accept');
    });

    // The station gives up (the business refuses): escalated; the bureau refuses it (ground 3).
    await staffA.do(s5.id, { action: 'settlement-failed', note: '商家拒绝协商' });
    await bureau.do((await formally(s5)).id, { action: 'refuse', reasonCode: '3' });

    // The consumer complains formally at once; the bureau accepts it.
    await consumer(s6, 'escalate', { reason: '直接投诉' });
    await bureau.do((await formally(s6)).id, { action: 'accept' });

    // Withdrawn while waiting for the station; taken up and still negotiating.
    await consumer(s7, 'withdraw', { reason: '已与商家自行和解' });
    await staffA.do(s8.id, { action: 'take-up' });

    // Nobody took s9 up in time: the sweep escalates it; it waits at the bureau.
    await kit.q(`update cases set take_up_due = $2, clock_due = $2 where id = $1`, [s9.id, daysAgo(5)]);
    expect(await kit.api.app.get(SettlementService).escalateLapsed()).toBe(1);
    await formally(s9);

    // The same consumer files s6's matter again while it is open: a duplicate, not a case received.
    const dup = await kit.http.post('/api/v1/complaints').send(s6body);
    expect(dup.body.status).toBe('duplicate');

    // Station B: online, prepaid; two settled, one received by phone 20 days ago and routed then,
    // never taken up (overdue on its take-up day).
    const atB = {
      path: 'settlement',
      channel: 'online',
      prepaid: true,
      issueType: 'refund',
      respondent: { name: 'B站测试健身餐厅', address: '东昌府区柳园路 2 号', areaCode: '371502', venueCode: VENUE_B },
    };
    for (const amountOffered of [50, 80]) {
      const b = await kit.assigned(atB);
      expectAt(b, B);
      await staffB.do(b.id, { action: 'take-up' });
      await staffB.do(b.id, { action: 'record-offer', remedy: 'refund', amountOffered, note: '退款' });
      await consumer(b, 'settlement/accept');
    }
    const phoned = await kit.http
      .post('/api/v1/cases/intake')
      .set('Authorization', `Bearer ${await staffB.auth()}`)
      .send({
        ...kit.body({ ...atB, incidentDate: daysAgo(25) }),
        intakeChannel: 'phone',
        receivedAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
      });
    expect(phoned.status).toBe(201);
    expectAt(await at(later(-20), () => kit.route(phoned.body.trackingNo)), B);

    // Complaints filed formally, at the bureau: one accepted and resolved 20 days on (late, ¥100), one terminated.
    const f1 = await kit.assigned();
    const f2 = await kit.assigned();
    for (const c of [f1, f2]) expectAt(c, BUREAU);
    await at(later(20), async () => {
      await bureau.do(f1.id, { action: 'accept' });
      await bureau.do(f1.id, { action: 'resolve', amountRecovered: 100, agreement: true });
    });
    // In f2's mediation a violation lead opens a report (a referral: no reporter to tell); then it is terminated.
    await bureau.do(f2.id, { action: 'accept' });
    await bureau.do(f2.id, { action: 'start-mediation' });
    const lead = (await bureau.do(f2.id, { action: 'report-violation', note: '发现使用过期食材' })).linkedReport as { trackingNo: string };
    const l1 = await kit.route(lead.trackingNo);
    expectAt(l1, BUREAU);
    await bureau.do(l1.id, { action: 'open-enforcement', note: '立案调查' });
    await bureau.do(l1.id, { action: 'close' });
    await bureau.do(f2.id, { action: 'terminate', reasonCode: '3' });
    await bureau.do(f2.id, { action: 'close' });

    // Reports at the 东昌府区 bureau.
    const r1 = await kit.assigned({ kind: 'report' });
    const r2 = await kit.assigned({ kind: 'report' });
    const r3 = await kit.assigned({ kind: 'report' });
    const r4 = await kit.assigned({ kind: 'report' });
    for (const r of [r1, r2, r3, r4]) expectAt(r, BUREAU);
    await bureau.do(r1.id, { action: 'accept' });
    await bureau.do(r1.id, { action: 'open-enforcement' });
    await bureau.do(r1.id, { action: 'close' });
    await bureau.do(r2.id, { action: 'decline-enforcement', reasonCode: '1' });
    await bureau.do(r2.id, { action: 'close' });
    await bureau.do(r3.id, { action: 'decline-enforcement', reasonCode: '1' });
    // The reporter is told 15 days on: late (5 working days).
    await at(later(15), () => bureau.do(r3.id, { action: 'close' }));

    // "Both": the complaint settling at station A, the report at the bureau, both waiting.
    const both = await kit.file({
      kind: 'both',
      path: 'settlement',
      respondent: { name: '两用测试店', address: '东昌府区 5 号', areaCode: '371502', venueCode: VENUE_A },
    });
    expectAt(await kit.route(both.trackingNo), A);
    expectAt(await kit.route(both.linkedTrackingNo!), BUREAU);

    // A sector regulator's category (sports-fitness → ES-371500), prepaid, filed formally.
    const e1 = await kit.assigned({ categoryCode: 'sports-fitness', prepaid: true, issueType: 'contract' });
    expectAt(e1, 'ES-371500');
    const sector = await kit.handlerOf(e1);
    await sector.do(e1.id, { action: 'accept' });
    await sector.do(e1.id, { action: 'resolve', amountRecovered: 2000, agreement: true });
    await sector.do(e1.id, { action: 'close' });

    // Another area (茌平区), refused; and a business outside the city, refused at once by the city bureau's desk (ground 1).
    const x1 = await kit.assigned({ respondent: { name: '茌平测试饭店', address: '茌平区 1 号', areaCode: '371503' } });
    expectAt(x1, 'MR-371503');
    await (await kit.handlerOf(x1)).do(x1.id, { action: 'refuse', reasonCode: '5' });
    // A first aggregator run midway: the rest is applied incrementally on top of it.
    await kit.api.app.get(RollupService).applyPending();
    const t1 = await kit.file({ respondent: { name: '北京某公司', address: '北京市东城区 1 号', areaCode: '110101' } });
    await kit.route(t1.trackingNo);
    const [moved] = await kit.q(`select status, assignee_code from cases where tracking_no = $1`, [t1.trackingNo]);
    expect(moved.status).toBe('refused');
    expect(moved.assignee_code).not.toBe(BUREAU);

    while ((await kit.api.app.get(RollupService).applyPending(100, 7)).events > 0);
  }, 240_000);

  afterAll(async () => {
    await kit?.close();
  });

  const ok = async (staff: Staff, path: string) => {
    const res = await staff.get(path);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };

  it('the city summary: every metric, exactly', async () => {
    expect(W).toBeGreaterThanOrEqual(10);
    expect(await ok(analyst, `/stats/summary?from=${from}&to=${today}`)).toEqual({
      period: { from, to: today },
      cut: 'city',
      received: 24,
      // Counted apart: 13 settlement complaints at the stations, 5 formal ones, 6 reports.
      complaints: 18,
      reports: 6,
      accepted: 5,
      refused: 3,
      resolved: 3,
      terminated: 1,
      // 3 complaints and 4 reports closed, 5 settled at the source.
      closed: 12,
      withdrawn: 1,
      // 7 of 8 on time (f1 accepted 20 days on); an escalated complaint's clock runs from its escalation.
      onTimeAcceptanceRate: 0.875,
      mediationSuccessRate: 0.75,
      // Mediation only (f3 ¥300, f1 ¥100, e1 ¥2,000); the settlements' money is recoveredAtSource.
      recovered: '2400.00',
      // 11 concluding decisions (settlements not among them), one of W working days.
      averageHandlingWorkingDays: Math.round((W * 10) / 11) / 10,
      satisfactionRate: 0.6667,
      followUpRate: 0.3333,
      reportsOpened: 2,
      reportsNotOpened: 2,
      reporterNotifiedOnTimeRate: 0.6667,
      // 10 at station A, 3 at station B.
      settlementAssigned: 13,
      settled: 5,
      // Offer rejected, station gave up, consumer's choice, take-up lapsed.
      escalated: 4,
      settledAtSourceRate: 0.5556,
      escalationRate: 0.4444,
      // ¥1,280.50 + ¥0 (an apology) + ¥100 + ¥50 + ¥80.
      recoveredAtSource: '1510.50',
      averageSettlementWorkingDays: Math.round((W * 10) / 5) / 10,
      open: 8,
      overdue: 1,
      asOf: today,
      comparison: {
        ...comparisonPeriods({ from, to: today }),
        // Nothing was counted before the fixture: no base, so no change (null, never 0%).
        changes: expect.objectContaining({
          complaints: { previous: 0, periodOnPeriod: null, lastYear: 0, yearOnYear: null },
          satisfactionRate: { previous: null, periodOnPeriod: null, lastYear: null, yearOnYear: null },
          recovered: { previous: '0.00', periodOnPeriod: null, lastYear: '0.00', yearOnYear: null },
        }),
      },
    });
    // The default period is this year up to today.
    const year = await ok(analyst, '/stats/summary');
    expect(year.period).toEqual({ from: `${today.slice(0, 4)}-01-01`, to: today });
  });

  it('complaints and reports apart; 环比 and 同比 against the periods before, "no base" as null', async () => {
    // A period starting on no 1st of a month: 环比 is as many days just before, which holds the
    // complaint received by phone 20 days ago (and nothing else).
    const k = daysAgo(10).endsWith('-01') ? 11 : 10;
    const s = await ok(analyst, `/stats/summary?from=${daysAgo(k)}&to=${today}`);
    // k + 1 days, so the k + 1 days before.
    expect(s.comparison.previous).toEqual({ from: daysAgo(2 * k + 1), to: daysAgo(k + 1) });
    expect(s.comparison.lastYear).toEqual(comparisonPeriods({ from: daysAgo(k), to: today }).lastYear);
    expect([s.received, s.complaints, s.reports]).toEqual([23, 17, 6]);
    expect(s.comparison.changes.complaints).toEqual({ previous: 1, periodOnPeriod: 16, lastYear: 0, yearOnYear: null });
    // No report before: no base, so no change, never a made-up 0%.
    expect(s.comparison.changes.reports).toEqual({ previous: 0, periodOnPeriod: null, lastYear: 0, yearOnYear: null });
    expect(s.comparison.changes.satisfactionRate).toEqual({ previous: null, periodOnPeriod: null, lastYear: null, yearOnYear: null });
    // Each track on its own: the other is 0.
    expect(await ok(analyst, `/stats/summary?from=${from}&to=${today}&track=report`)).toMatchObject({
      received: 6,
      complaints: 0,
      reports: 6,
    });
    // A series of each, too.
    const series = await ok(analyst, `/stats/timeseries?metric=reports&interval=day&from=${daysAgo(21)}&to=${today}`);
    expect(series.points.filter((p: { value: number }) => p.value)).toEqual([{ period: today, value: 6 }]);
  });

  it('the period never runs past today: a later end is cut, a later start refused', async () => {
    const future = shanghaiDay(new Date(later(30)));
    const cut = await ok(analyst, `/stats/summary?from=${from}&to=${future}`);
    expect(cut.period).toEqual({ from, to: today });
    expect(cut.received).toBe(24);
    expect((await ok(analyst, `/stats/timeseries?metric=received&interval=day&from=${today}&to=${future}`)).points).toHaveLength(1);
    expect((await ok(analyst, `/stats/businesses?from=${from}&to=${future}`)).period).toEqual({ from, to: today });
    const refused = await analyst.get(`/stats/summary?from=${future}`);
    expect({ status: refused.status, fields: refused.body.details?.map((d: { field: string }) => d.field) }).toEqual({
      status: 400,
      fields: ['from'],
    });
  });

  it('filters: track, category, area, purchase channel, prepaid', async () => {
    const s = (qs: string) => ok(analyst, `/stats/summary?from=${from}&to=${today}&${qs}`);
    expect(await s('track=report')).toMatchObject({
      received: 6,
      accepted: 0,
      closed: 4,
      reportsOpened: 2,
      reportsNotOpened: 2,
      reporterNotifiedOnTimeRate: 0.6667,
      averageHandlingWorkingDays: 0,
      settlementAssigned: 0,
      settled: 0,
      settledAtSourceRate: null,
      open: 2,
      overdue: 0,
    });
    expect(await s('track=complaint')).toMatchObject({ received: 18, settlementAssigned: 13, settled: 5, escalated: 4, open: 6 });
    expect(await s('categoryCode=sports-fitness')).toMatchObject({
      received: 1,
      accepted: 1,
      resolved: 1,
      recovered: '2000.00',
      closed: 1,
      mediationSuccessRate: 1,
      followUpRate: 0,
      settled: 0,
      open: 0,
    });
    expect(await s('areaCode=371503')).toMatchObject({
      received: 1,
      refused: 1,
      onTimeAcceptanceRate: 1,
      averageHandlingWorkingDays: 0,
      open: 0,
    });
    expect(await s('channel=online')).toMatchObject({
      received: 3,
      settlementAssigned: 3,
      settled: 2,
      escalated: 0,
      settledAtSourceRate: 1,
      escalationRate: 0,
      recoveredAtSource: '130.00',
      recovered: '0.00',
      averageSettlementWorkingDays: 0,
      closed: 2,
      open: 1,
      overdue: 1,
    });
    expect(await s('prepaid=true')).toMatchObject({
      received: 4,
      accepted: 1,
      resolved: 1,
      recovered: '2000.00',
      settled: 2,
      recoveredAtSource: '130.00',
      closed: 3,
      open: 1,
      overdue: 1,
    });
    expect(await s('prepaid=true&categoryCode=catering&areaCode=371502')).toMatchObject({
      received: 3,
      recovered: '0.00',
      recoveredAtSource: '130.00',
    });
  });

  it("a station sees its own figures only; a county bureau its own and its area's stations", async () => {
    const mine = await ok(staffA, `/stats/summary?from=${from}&to=${today}`);
    expect(mine).toEqual({
      period: { from, to: today },
      cut: 'unit',
      // Cases that reached station A: 9 settlement complaints and the complaint half of "both".
      received: 10,
      complaints: 10,
      reports: 0,
      accepted: 0,
      refused: 0,
      resolved: 0,
      terminated: 0,
      closed: 3,
      withdrawn: 1,
      onTimeAcceptanceRate: null,
      mediationSuccessRate: null,
      recovered: '0.00',
      averageHandlingWorkingDays: null,
      // s1 and s2, rated while settled at A (s3 was rated at the bureau, which held it then).
      satisfactionRate: 1,
      followUpRate: null,
      reportsOpened: 0,
      reportsNotOpened: 0,
      reporterNotifiedOnTimeRate: null,
      settlementAssigned: 10,
      settled: 3,
      escalated: 4,
      settledAtSourceRate: 0.4286,
      escalationRate: 0.5714,
      recoveredAtSource: '1380.50',
      averageSettlementWorkingDays: Math.round((W * 10) / 3) / 10,
      open: 2,
      overdue: 0,
      asOf: today,
      comparison: expect.objectContaining(comparisonPeriods({ from, to: today })),
    });
    // Asking for its own unit is the same; another unit's is refused; filters by unit cut are named.
    expect(await ok(staffA, `/stats/summary?from=${from}&to=${today}&unit=${A}`)).toEqual(mine);
    expect((await staffA.get(`/stats/summary?unit=${B}`)).status).toBe(403);
    const cut = await staffA.get(`/stats/summary?areaCode=371502&channel=online`);
    expect(cut.status).toBe(400);
    expect(cut.body.details.map((d: { field: string }) => d.field)).toEqual(['areaCode', 'channel']);

    expect(await ok(staffB, `/stats/summary?from=${from}&to=${today}`)).toMatchObject({
      received: 3,
      settlementAssigned: 3,
      settled: 2,
      escalated: 0,
      settledAtSourceRate: 1,
      recoveredAtSource: '130.00',
      closed: 2,
      open: 1,
      overdue: 1,
    });
    expect(await ok(bureau, `/stats/summary?from=${from}&to=${today}`)).toMatchObject({
      cut: 'unit',
      // The bureau's 12 and its area's stations' 10 + 3.
      received: 25,
      accepted: 4,
      refused: 1,
      resolved: 2,
      terminated: 1,
      closed: 11,
      withdrawn: 1,
      onTimeAcceptanceRate: 0.8,
      recovered: '400.00',
      reportsOpened: 2,
      reportsNotOpened: 2,
      reporterNotifiedOnTimeRate: 0.6667,
      settlementAssigned: 13,
      settled: 5,
      escalated: 4,
      recoveredAtSource: '1510.50',
      satisfactionRate: 0.6667,
      open: 8,
      overdue: 1,
    });
    expect(await ok(bureau, `/stats/summary?from=${from}&to=${today}&unit=${B}`)).toMatchObject({ received: 3, settled: 2, open: 1 });
    // An analyst cutting by unit sees what the unit sees.
    expect(await ok(analyst, `/stats/summary?from=${from}&to=${today}&unit=${A}`)).toEqual(mine);
  });

  it('no token is a 401', async () => {
    for (const path of ['summary', 'timeseries?metric=received', 'hotspots?by=area', 'units', 'export']) {
      expect((await kit.http.get(`/api/v1/stats/${path}`)).status).toBe(401);
    }
  });

  it('time series by day, week and month', async () => {
    const days = await ok(analyst, `/stats/timeseries?metric=received&interval=day&from=${daysAgo(21)}&to=${today}`);
    expect(days.points).toHaveLength(22);
    expect(days.points.filter((p: { value: number }) => p.value)).toEqual([
      { period: daysAgo(20), value: 1 },
      { period: today, value: 23 },
    ]);
    const weeks = await ok(analyst, `/stats/timeseries?metric=received&interval=week&from=${from}&to=${today}`);
    expect(weeks.points.reduce((n: number, p: { value: number }) => n + p.value, 0)).toBe(24);
    expect(weeks.points[0].period).toBe(from);
    const thisMonth = `${today.slice(0, 8)}01` < from ? from : `${today.slice(0, 8)}01`;
    const months = await ok(analyst, `/stats/timeseries?metric=recovered&from=${from}&to=${today}`);
    expect(months.interval).toBe('month');
    expect(months.points.at(-1)).toEqual({ period: thisMonth, value: '2400.00' });
    const atSource = await ok(analyst, `/stats/timeseries?metric=recoveredAtSource&from=${from}&to=${today}`);
    expect(atSource.points.at(-1)).toEqual({ period: thisMonth, value: '1510.50' });
    const rate = await ok(staffA, `/stats/timeseries?metric=settledAtSourceRate&interval=day&from=${today}&to=${today}`);
    expect(rate).toEqual({
      metric: 'settledAtSourceRate',
      interval: 'day',
      period: { from: today, to: today },
      cut: 'unit',
      points: [{ period: today, value: 0.4286 }],
    });
    const sat = await ok(staffA, `/stats/timeseries?metric=satisfactionRate&interval=day&from=${today}&to=${today}`);
    expect(sat.points).toEqual([{ period: today, value: 1 }]);
  });

  it('hotspots: respondents (by credit code, else normalised name), categories, areas', async () => {
    const resp = await ok(analyst, `/stats/hotspots?by=respondent&limit=3&from=${from}&to=${today}`);
    expect(resp.items).toEqual([
      {
        respondent: { key: `uscc:${CHAIN.creditCode}`, creditCode: CHAIN.creditCode, name: CHAIN.name, areaCode: '371502' },
        received: 4,
        complaints: 4,
        reports: 0,
        accepted: 1,
        refused: 0,
        resolved: 1,
        terminated: 0,
        withdrawn: 0,
        recovered: '300.00',
        reportsOpened: 0,
        settled: 3,
        mediationSuccessRate: 1,
      },
      // Ties (3 each) by key: B's restaurant, all three settled or settling at station B.
      {
        respondent: { key: 'name:b站测试健身餐厅', creditCode: null, name: 'B站测试健身餐厅', areaCode: '371502' },
        received: 3,
        complaints: 3,
        reports: 0,
        accepted: 0,
        refused: 0,
        resolved: 0,
        terminated: 0,
        withdrawn: 0,
        recovered: '0.00',
        reportsOpened: 0,
        settled: 2,
        mediationSuccessRate: null,
      },
      {
        respondent: {
          key: 'name:聊城市东关老味道火锅店',
          creditCode: null,
          name: expect.stringMatching(/老味道火锅店$/),
          areaCode: '371502',
        },
        received: 3,
        complaints: 3,
        reports: 0,
        accepted: 1,
        refused: 1,
        resolved: 0,
        terminated: 0,
        withdrawn: 1,
        recovered: '0.00',
        reportsOpened: 0,
        settled: 0,
        mediationSuccessRate: null,
      },
    ]);
    // At station A the chain reached it four times; the accepted one was accepted by the bureau.
    const atA = await ok(staffA, `/stats/hotspots?by=respondent&limit=1&from=${from}&to=${today}`);
    expect(atA.items[0]).toMatchObject({ respondent: { key: `uscc:${CHAIN.creditCode}` }, complaints: 4, accepted: 0, settled: 3 });
    expect(
      (await ok(staffB, `/stats/hotspots?by=respondent&from=${from}&to=${today}`)).items.map((i: { received: number; settled: number }) => [
        i.received,
        i.settled,
      ]),
    ).toEqual([[3, 2]]);

    const cats = await ok(analyst, `/stats/hotspots?by=category&from=${from}&to=${today}`);
    expect(
      cats.items.map((i: { code: string; name: string; received: number; settled: number }) => [i.code, i.name, i.received, i.settled]),
    ).toEqual([
      ['catering', expect.any(String), 23, 5],
      ['sports-fitness', expect.any(String), 1, 0],
    ]);
    const areas = await ok(analyst, `/stats/hotspots?by=area&from=${from}&to=${today}`);
    expect(
      areas.items.map((i: { code: string; name: string | null; received: number; settledAtSourceRate: number | null }) => [
        i.code,
        i.name,
        i.received,
        i.settledAtSourceRate,
      ]),
    ).toEqual([
      ['371502', '东昌府区', 22, 0.5556],
      ['110101', null, 1, null],
      ['371503', '茌平区', 1, null],
    ]);
    expect((await staffA.get('/stats/hotspots?by=area')).status).toBe(400);
  });

  it('breakdowns by purchase channel, prepaid cards and issue type (city-wide; not when cut by unit)', async () => {
    const by = async (what: string, qs = '') =>
      (await ok(analyst, `/stats/hotspots?by=${what}&from=${from}&to=${today}${qs}`)).items.map(
        (i: { code: string; name: string | null; received: number; complaints: number; reports: number; settled: number }) => [
          i.code,
          i.name,
          i.received,
          i.complaints,
          i.reports,
          i.settled,
        ],
      );
    expect(await by('channel')).toEqual([
      ['offline', '线下购买', 21, 15, 6, 3],
      ['online', '网络购物', 3, 3, 0, 2],
    ]);
    expect(await by('prepaid')).toEqual([
      ['false', '非预付式消费', 20, 14, 6, 3],
      ['true', '预付式消费', 4, 4, 0, 2],
    ]);
    expect(await by('issueType')).toEqual([
      ['unknown', '未填写', 20, 14, 6, 3],
      ['refund', '退款、退货、退卡', 3, 3, 0, 2],
      ['contract', '合同、格式条款', 1, 1, 0, 0],
    ]);
    // With the other filters: station B's online refunds.
    expect(await by('issueType', '&channel=online')).toEqual([['refund', '退款、退货、退卡', 3, 3, 0, 2]]);
    const cut = await staffA.get(`/stats/hotspots?by=issueType&from=${from}&to=${today}`);
    expect({ status: cut.status, fields: cut.body.details?.map((d: { field: string }) => d.field) }).toEqual({
      status: 400,
      fields: ['by'],
    });
  });

  it('the unit league table and the venues: settlements, rates, recovered, load', async () => {
    const { items, venues } = await ok(analyst, `/stats/units?from=${from}&to=${today}`);
    expect(items.slice(0, 3).map((u: { unit: { code: string } }) => u.unit.code)).toEqual([BUREAU, A, B]);
    expect(items[0]).toMatchObject({
      unit: { code: BUREAU, type: 'regulator', venue: null },
      received: 12,
      accepted: 4,
      refused: 1,
      closed: 6,
      reportsOpened: 2,
      onTimeAcceptanceRate: 0.8,
      recovered: '400.00',
      settlementAssigned: 0,
      settled: 0,
      escalated: 0,
      settledAtSourceRate: null,
      load: 5,
      overdue: 0,
    });
    expect(items[1]).toMatchObject({
      unit: { code: A, type: 'station', areaCode: '371502', name: expect.any(String), venue: { code: VENUE_A, areaCode: '371502' } },
      received: 10,
      settlementAssigned: 10,
      settled: 3,
      escalated: 4,
      settledAtSourceRate: 0.4286,
      escalationRate: 0.5714,
      recoveredAtSource: '1380.50',
      averageSettlementWorkingDays: Math.round((W * 10) / 3) / 10,
      satisfactionRate: 1,
      load: 2,
      overdue: 0,
    });
    expect(items[2]).toMatchObject({ unit: { code: B, venue: { code: VENUE_B } }, received: 3, settled: 2, load: 1, overdue: 1 });
    // Per venue: the sum of its stations' rows.
    expect(venues).toEqual([
      expect.objectContaining({
        venue: { code: VENUE_A, name: expect.any(String), areaCode: '371502' },
        stations: [A],
        received: 10,
        settled: 3,
        escalated: 4,
        settledAtSourceRate: 0.4286,
        recoveredAtSource: '1380.50',
        load: 2,
        overdue: 0,
      }),
      expect.objectContaining({
        venue: expect.objectContaining({ code: VENUE_B }),
        stations: [B],
        received: 3,
        settled: 2,
        load: 1,
        overdue: 1,
      }),
    ]);
    // A station's table has one row: its own, and its venue's.
    const own = await ok(staffA, `/stats/units?from=${from}&to=${today}`);
    expect(own.items.map((u: { unit: { code: string } }) => u.unit.code)).toEqual([A]);
    expect(own.venues.map((v: { venue: { code: string } }) => v.venue.code)).toEqual([VENUE_A]);
  });

  const HEADERS = [
    '收到',
    '其中投诉',
    '其中举报',
    '受理',
    '不予受理',
    '调解成功',
    '终止调解',
    '办结',
    '撤回',
    '按时受理率',
    '调解成功率',
    '挽回经济损失（元）',
    '平均办理工作日',
    '满意率',
    '回访率',
    '举报立案',
    '举报不予立案',
    '举报人按时告知率',
    '分派服务站协商和解',
    '源头化解',
    '转为正式投诉',
    '源头化解率',
    '转为正式投诉率',
    '源头化解挽回金额（元）',
    '平均和解用时（工作日）',
  ];
  const METRIC_KEYS = [
    'received',
    'complaints',
    'reports',
    'accepted',
    'refused',
    'resolved',
    'terminated',
    'closed',
    'withdrawn',
    'onTimeAcceptanceRate',
    'mediationSuccessRate',
    'recovered',
    'averageHandlingWorkingDays',
    'satisfactionRate',
    'followUpRate',
    'reportsOpened',
    'reportsNotOpened',
    'reporterNotifiedOnTimeRate',
    'settlementAssigned',
    'settled',
    'escalated',
    'settledAtSourceRate',
    'escalationRate',
    'recoveredAtSource',
    'averageSettlementWorkingDays',
  ];

  /** An export's CSV: the filter block (label, value lines), a blank line, then the table. */
  const csv = (text: string) => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [head, body] = text.slice(1).split('\r\n\r\n');
    return {
      filters: Object.fromEntries(parse(head).map((line: string[]) => [line[0], line[1]])),
      rows: parse<Record<string, string>>(body, { columns: true }),
    };
  };
  const RATE_KEYS = new Set(METRIC_KEYS.filter((k) => k.endsWith('Rate')));
  /** A figure as the CSV writes it: a rate as a percentage, nothing for null. */
  const cell = (key: string, v: string | number | null) =>
    v === null ? '' : RATE_KEYS.has(key) ? `${+((v as number) * 100).toFixed(2)}%` : String(v);
  const fileName = (disposition: string) => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '');

  it('exports CSV (UTF-8 BOM, Chinese headers, rates as percentages) after the filters it was made with, under a Chinese name', async () => {
    const res = await analyst.get(`/stats/export?format=csv&by=category&from=${from}&to=${today}&track=complaint`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="stats-category-.*\.csv"; filename\*=UTF-8''%E8%81%8A/);
    expect(fileName(res.headers['content-disposition'])).toBe(`聊城市消费投诉统计_${from}至${today}_按类别.csv`);
    const { filters, rows } = csv(res.text);
    expect(filters).toMatchObject({
      统计期间: `${from} 至 ${today}`,
      统计范围: '全市',
      区域: '全部',
      类别: '全部',
      类型: '投诉',
      购买渠道: '全部',
      预付式消费: '全部',
      每行: '类别',
    });
    expect(filters['导出时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）$/);
    expect(Object.keys(rows[0])).toEqual(['起始日', '截止日', '类别代码', '名称', ...HEADERS]);
    const json = (await ok(analyst, `/stats/hotspots?by=category&from=${from}&to=${today}&track=complaint`)).items;
    expect(rows).toEqual(
      json.map((i: Record<string, string | number | null>) => ({
        起始日: from,
        截止日: today,
        类别代码: i.code,
        名称: i.name,
        ...Object.fromEntries(HEADERS.map((h, k) => [h, cell(METRIC_KEYS[k], i[METRIC_KEYS[k]])])),
      })),
    );

    // By month, the months' rows add up to the summary; by unit, a station gets its own row; by venue, the venues' rows.
    const months = csv((await analyst.get(`/stats/export?from=${from}&to=${today}`)).text).rows;
    expect(months.reduce((n, r) => n + Number(r['收到']), 0)).toBe(24);
    expect(months.reduce((n, r) => n + Number(r['其中投诉']), 0)).toBe(18);
    expect(months.reduce((n, r) => n + Number(r['源头化解']), 0)).toBe(5);
    const mine = await staffA.get(`/stats/export?by=unit&from=${from}&to=${today}`);
    const units = csv(mine.text);
    expect(units.filters['统计范围']).toMatch(new RegExp(`（${A}）$`));
    expect(units.rows).toEqual([
      expect.objectContaining({
        单位代码: A,
        收到: '10',
        源头化解: '3',
        源头化解率: '42.86%',
        '源头化解挽回金额（元）': '1380.50',
        '挽回经济损失（元）': '0.00',
      }),
    ]);
    const venues = csv((await analyst.get(`/stats/export?by=venue&from=${from}&to=${today}`)).text).rows;
    expect(venues.map((r) => [r['场所代码'], r['收到'], r['源头化解'], r['转为正式投诉率']])).toEqual([
      [VENUE_A, '10', '3', '57.14%'],
      [VENUE_B, '3', '2', '0%'],
    ]);
    // A whole month is named by the month; the filters set are named with their codes.
    const monthly = await analyst.get(
      `/stats/export?from=${today.slice(0, 8)}01&to=${today}&categoryCode=catering&areaCode=371502&prepaid=true&by=issueType`,
    );
    expect(fileName(monthly.headers['content-disposition'])).toMatch(/^聊城市消费投诉统计_.*_按问题类型\.csv$/);
    expect(csv(monthly.text).filters).toMatchObject({
      区域: '东昌府区（371502）',
      类别: expect.stringMatching(/（catering）$/),
      预付式消费: '是',
    });
    const past = await analyst.get(`/stats/export?from=2025-10-01&to=2025-10-31&format=xlsx`);
    expect(fileName(past.headers['content-disposition'])).toBe('聊城市消费投诉统计_2025-10_按月份.xlsx');
  });

  it('exports a real XLSX workbook with the same rows, read back by a library', async () => {
    const res = await kit.http
      .get(`/api/v1/stats/export?format=xlsx&by=category&from=${from}&to=${today}`)
      .set('Authorization', `Bearer ${await analyst.auth()}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/filename="stats-category-.*\.xlsx"/);
    expect(fileName(res.headers['content-disposition'])).toBe(`聊城市消费投诉统计_${from}至${today}_按类别.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as never);
    const sheet = book.getWorksheet('统计')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['起始日', '截止日', '类别代码', '名称', ...HEADERS]);
    const json = (await ok(analyst, `/stats/hotspots?by=category&from=${from}&to=${today}`)).items;
    expect(sheet.rowCount).toBe(json.length + 1);
    const header = values(1) as string[];
    const col = (name: string) => header.indexOf(name);
    json.forEach((i: Record<string, unknown>, k: number) => {
      const row = values(k + 2);
      expect(row[col('类别代码')]).toBe(i.code);
      expect(row[col('收到')]).toBe(i.received);
      expect(row[col('挽回经济损失（元）')]).toBe(Number(i.recovered));
      expect(row[col('源头化解挽回金额（元）')]).toBe(Number(i.recoveredAtSource));
      expect(row[col('满意率')] ?? null).toBe(i.satisfactionRate);
      expect(row[col('源头化解率')] ?? null).toBe(i.settledAtSourceRate);
      expect(row[col('平均和解用时（工作日）')] ?? null).toBe(i.averageSettlementWorkingDays);
    });
    // Rates are numbers shown as percentages; the filters are on a sheet of their own.
    expect(sheet.getColumn(col('满意率') + 1).numFmt).toBe('0.00%');
    const filters = book.getWorksheet('筛选条件')!;
    const lines = Object.fromEntries(
      filters
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[]).slice(1) as [string, string]),
    );
    expect(lines).toMatchObject({ 统计期间: `${from} 至 ${today}`, 统计范围: '全市', 每行: '类别' });
  });

  it('bad filters are a 400 naming the field', async () => {
    const bad = async (qs: string, fields: string[]) => {
      const res = await analyst.get(`/stats/${qs}`);
      expect({ qs, status: res.status, fields: res.body.details?.map((d: { field: string }) => d.field) }).toEqual({
        qs,
        status: 400,
        fields,
      });
    };
    await bad('summary?from=2026-02-30', ['from']);
    await bad('summary?to=20260101', ['to']);
    await bad('summary?from=2026-03-01&to=2026-02-01', ['from']);
    await bad('summary?from=1990-01-01&to=2026-01-01', ['from']);
    await bad('summary?categoryCode=no-such-thing', ['categoryCode']);
    await bad('summary?unit=NO-SUCH-UNIT', ['unit']);
    await bad('summary?track=both', ['track']);
    await bad('summary?channel=tv', ['channel']);
    await bad('summary?prepaid=maybe', ['prepaid']);
    await bad('summary?areaCode=37', ['areaCode']);
    await bad('summary?colour=red', ['colour']);
    await bad('timeseries', ['metric']);
    await bad('timeseries?metric=open', ['metric']);
    await bad('timeseries?metric=received&interval=year', ['interval']);
    await bad(`timeseries?metric=received&interval=day&from=2025-01-01&to=2026-03-01`, ['from']);
    await bad('hotspots?by=street', ['by']);
    await bad('hotspots?by=respondent&categoryCode=catering', ['categoryCode']);
    await bad('hotspots?by=area&limit=0', ['limit']);
    await bad('units?prepaid=true', ['prepaid']);
    await bad('export?format=pdf', ['format']);
    await bad('export?by=street', ['by']);
    await bad('hotspots?by=channel&unit=ST-371502-001', ['by']);
    await bad('timeseries?metric=settledRate', ['metric']);
  });
});
