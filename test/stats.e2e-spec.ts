import ExcelJS from 'exceljs';
import { CalendarService, workingDaysBetween } from '@weiquan/calendar';
import { RollupService } from '@weiquan/stats';
import { parse } from 'csv-parse/sync';
import type { Routed, Staff } from './support/case-kit';
import { at, CaseKit, daysAgo, shanghaiDay } from './support/case-kit';
import { uscc } from './support/fixtures';

/**
 * A hand-computed fixture of cases through every outcome, then the figures through the HTTP
 * endpoints, exactly. Station A (ST-371502-001) and station B (ST-371502-002) get their cases by
 * venue (routing rule 3); reports go to the 东昌府区 bureau (MR-371502).
 */
const A = 'ST-371502-001';
const B = 'ST-371502-002';
const BUREAU = 'MR-371502';

const CHAIN = {
  name: '聊城市老街坊餐饮有限公司',
  creditCode: uscc('91371502MA3C5LJ0X'),
  address: '东昌府区东昌路 1 号',
  areaCode: '371502',
  venueCode: 'V-371502-001',
};

describe('statistics over HTTP: exact figures from a hand-computed fixture', () => {
  let kit: CaseKit;
  let analyst: Staff;
  let staffA: Staff;
  let staffB: Staff;
  let bureau: Staff;
  /** Working days from today to 20 days on: the only handling time that is not 0 in the fixture. */
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

    const atA = (over: Record<string, unknown> = {}) =>
      kit.assigned({
        ...over,
        respondent: {
          name: `A站测试餐饮店${Math.random()}`,
          address: '东昌府区东昌路 9 号',
          areaCode: '371502',
          venueCode: 'V-371502-001',
          ...(over.respondent as object),
        },
      });
    const expectAt = (c: Routed, unit: string) =>
      expect({ trackingNo: c.trackingNo, unit: c.assigneeCode }).toEqual({ trackingNo: c.trackingNo, unit });
    const rate = async (c: { trackingNo: string; accessCode: string }, rating: string) => {
      const res = await kit.http.post(`/api/v1/complaints/${c.trackingNo}/rating`).set('X-Access-Code', c.accessCode).send({ rating });
      expect(res.status).toBe(201);
    };

    // Station A: the chain (one credit code) four times, a name-matched restaurant three times.
    const a1 = await atA({ respondent: CHAIN });
    const a2 = await atA({ respondent: CHAIN });
    const a3 = await atA({ respondent: CHAIN });
    const a7 = await atA({ respondent: CHAIN });
    const a4 = await atA({ respondent: { name: '聊城市东关老味道火锅店' } });
    const a5body = kit.body({
      respondent: { name: '聊城市东关 老味道火锅店', address: '东关街 3 号', areaCode: '371502', venueCode: 'V-371502-001' },
    });
    const a5filed = await kit.http.post('/api/v1/complaints').send(a5body);
    expect(a5filed.status).toBe(201);
    const a5 = await kit.route(a5filed.body.trackingNo, a5filed.body.accessCode);
    const a6 = await atA({ respondent: { name: '聊城市东关老味道火锅店' } });
    const a8 = await atA();
    for (const c of [a1, a2, a3, a4, a5, a6, a7, a8]) expectAt(c, A);

    await staffA.do(a1.id, { action: 'accept' });
    await staffA.do(a1.id, { action: 'start-mediation' });
    await staffA.do(a1.id, { action: 'resolve', amountRecovered: 1280.5, agreement: true });
    await staffA.do(a1.id, { action: 'close' });
    await staffA.do(a1.id, { action: 'record-follow-up', note: '回访：满意' });
    await rate(a1, 'satisfied');

    await staffA.do(a2.id, { action: 'accept' });
    await staffA.do(a2.id, { action: 'resolve', amountRecovered: 300, agreement: false });
    await staffA.do(a2.id, { action: 'close' });
    await rate(a2, 'basically');

    await staffA.do(a3.id, { action: 'accept' });
    await staffA.do(a3.id, { action: 'terminate', reasonCode: '3' });
    await staffA.do(a3.id, { action: 'close' });
    await rate(a3, 'dissatisfied');

    await staffA.do(a4.id, { action: 'refuse', reasonCode: '3' });
    await staffA.do(a5.id, { action: 'accept' });
    const withdrawn = await kit.http
      .post(`/api/v1/complaints/${a6.trackingNo}/withdraw`)
      .set('X-Access-Code', a6.accessCode)
      .send({ reason: '已与商家和解' });
    expect(withdrawn.status).toBe(200);

    // Accepted late (20 days on) and resolved then: the one handling time that is not 0 working days.
    await at(later(20), async () => {
      await staffA.do(a7.id, { action: 'accept' });
      await staffA.do(a7.id, { action: 'resolve', amountRecovered: 100, agreement: true });
    });

    // A violation lead found in mediation opens a report (a referral: no reporter to tell).
    await staffA.do(a8.id, { action: 'accept' });
    await staffA.do(a8.id, { action: 'start-mediation' });
    const lead = (await staffA.do(a8.id, { action: 'report-violation', note: '发现使用过期食材' })).linkedReport as { trackingNo: string };
    const l1 = await kit.route(lead.trackingNo);
    expectAt(l1, BUREAU);
    await bureau.do(l1.id, { action: 'open-enforcement', note: '立案调查' });
    await bureau.do(l1.id, { action: 'close' });

    // The same consumer files A5's matter again: a duplicate, not a case received.
    const dup = await kit.http.post('/api/v1/complaints').send(a5body);
    expect(dup.body.status).toBe('duplicate');

    // Station B: online, prepaid; one resolved, one received by phone 20 days ago and never acted on (overdue).
    const atB = {
      channel: 'online',
      prepaid: true,
      respondent: { name: 'B站测试健身餐厅', address: '东昌府区柳园路 2 号', areaCode: '371502', venueCode: 'V-371502-002' },
    };
    const b1 = await kit.assigned(atB);
    expectAt(b1, B);
    await staffB.do(b1.id, { action: 'accept' });
    await staffB.do(b1.id, { action: 'resolve', amountRecovered: 50, agreement: false });
    await staffB.do(b1.id, { action: 'close' });
    await staffB.do(b1.id, { action: 'record-follow-up', note: '回访完成' });
    const phoned = await kit.http
      .post('/api/v1/cases/intake')
      .set('Authorization', `Bearer ${await staffB.auth()}`)
      .send({
        ...kit.body({ ...atB, incidentDate: daysAgo(25) }),
        intakeChannel: 'phone',
        receivedAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
      });
    expect(phoned.status).toBe(201);
    expectAt(await kit.route(phoned.body.trackingNo), B);

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

    // "Both": a complaint at station A and a report at the bureau, both waiting.
    const both = await kit.file({
      kind: 'both',
      respondent: { name: '两用测试店', address: '东昌府区 5 号', areaCode: '371502', venueCode: 'V-371502-001' },
    });
    expectAt(await kit.route(both.trackingNo), A);
    expectAt(await kit.route(both.linkedTrackingNo!), BUREAU);

    // A sector regulator's category (sports-fitness → ES-371500), prepaid.
    const e1 = await kit.assigned({ categoryCode: 'sports-fitness', prepaid: true });
    expectAt(e1, 'ES-371500');
    const sector = await kit.handlerOf(e1);
    await sector.do(e1.id, { action: 'accept' });
    await sector.do(e1.id, { action: 'resolve', amountRecovered: 2000, agreement: true });
    await sector.do(e1.id, { action: 'close' });

    // Another area (茌平区), refused; and a business outside the city, refused at once by the city bureau's desk (ground 1).
    const x1 = await kit.assigned({ respondent: { name: '茌平测试饭店', address: '茌平区 1 号', areaCode: '371503' } });
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
      received: 20,
      accepted: 8,
      refused: 3,
      resolved: 5,
      terminated: 1,
      closed: 9,
      withdrawn: 1,
      // 10 of 11 on time: the desk's refusal of the business outside the city decided on the day, in 0 working days.
      onTimeAcceptanceRate: 0.9091,
      mediationSuccessRate: 0.8333,
      recovered: '3730.50',
      averageHandlingWorkingDays: Math.round((W * 10) / 13) / 10,
      satisfactionRate: 0.6667,
      followUpRate: 0.4,
      reportsOpened: 2,
      reportsNotOpened: 2,
      reporterNotifiedOnTimeRate: 0.6667,
      open: 7,
      overdue: 1,
      asOf: today,
    });
    // The default period is this year up to today.
    const year = await ok(analyst, '/stats/summary');
    expect(year.period).toEqual({ from: `${today.slice(0, 4)}-01-01`, to: today });
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
      open: 2,
      overdue: 0,
    });
    expect(await s('categoryCode=sports-fitness')).toMatchObject({
      received: 1,
      accepted: 1,
      resolved: 1,
      recovered: '2000.00',
      closed: 1,
      mediationSuccessRate: 1,
      followUpRate: 0,
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
      received: 2,
      accepted: 1,
      resolved: 1,
      recovered: '50.00',
      followUpRate: 1,
      open: 1,
      overdue: 1,
    });
    expect(await s('prepaid=true')).toMatchObject({
      received: 3,
      accepted: 2,
      resolved: 2,
      recovered: '2050.00',
      closed: 2,
      open: 1,
      overdue: 1,
    });
    expect(await s('prepaid=true&categoryCode=catering&areaCode=371502')).toMatchObject({ received: 2, recovered: '50.00' });
  });

  it("a station sees its own figures only; a county bureau its own and its area's stations", async () => {
    const mine = await ok(staffA, `/stats/summary?from=${from}&to=${today}`);
    expect(mine).toEqual({
      period: { from, to: today },
      cut: 'unit',
      received: 9,
      accepted: 6,
      refused: 1,
      resolved: 3,
      terminated: 1,
      closed: 3,
      withdrawn: 1,
      onTimeAcceptanceRate: 0.8571,
      mediationSuccessRate: 0.75,
      recovered: '1680.50',
      averageHandlingWorkingDays: Math.round((W * 10) / 5) / 10,
      satisfactionRate: 0.6667,
      followUpRate: 0.3333,
      reportsOpened: 0,
      reportsNotOpened: 0,
      reporterNotifiedOnTimeRate: null,
      open: 4,
      overdue: 0,
      asOf: today,
    });
    // Asking for its own unit is the same; another unit's is refused; filters by unit cut are named.
    expect(await ok(staffA, `/stats/summary?from=${from}&to=${today}&unit=${A}`)).toEqual(mine);
    expect((await staffA.get(`/stats/summary?unit=${B}`)).status).toBe(403);
    const cut = await staffA.get(`/stats/summary?areaCode=371502&channel=online`);
    expect(cut.status).toBe(400);
    expect(cut.body.details.map((d: { field: string }) => d.field)).toEqual(['areaCode', 'channel']);

    expect(await ok(staffB, `/stats/summary?from=${from}&to=${today}`)).toMatchObject({
      received: 2,
      accepted: 1,
      resolved: 1,
      recovered: '50.00',
      closed: 1,
      followUpRate: 1,
      open: 1,
      overdue: 1,
    });
    expect(await ok(bureau, `/stats/summary?from=${from}&to=${today}`)).toMatchObject({
      cut: 'unit',
      received: 17,
      accepted: 7,
      refused: 1,
      resolved: 4,
      terminated: 1,
      closed: 8,
      withdrawn: 1,
      recovered: '1730.50',
      reportsOpened: 2,
      reportsNotOpened: 2,
      reporterNotifiedOnTimeRate: 0.6667,
      open: 7,
      overdue: 1,
    });
    expect(await ok(bureau, `/stats/summary?from=${from}&to=${today}&unit=${B}`)).toMatchObject({ received: 2, open: 1 });
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
      { period: today, value: 19 },
    ]);
    const weeks = await ok(analyst, `/stats/timeseries?metric=received&interval=week&from=${from}&to=${today}`);
    expect(weeks.points.reduce((n: number, p: { value: number }) => n + p.value, 0)).toBe(20);
    expect(weeks.points[0].period).toBe(from);
    const months = await ok(analyst, `/stats/timeseries?metric=recovered&from=${from}&to=${today}`);
    expect(months.interval).toBe('month');
    expect(months.points.at(-1)).toEqual({ period: `${today.slice(0, 8)}01` < from ? from : `${today.slice(0, 8)}01`, value: '3730.50' });
    const sat = await ok(staffA, `/stats/timeseries?metric=satisfactionRate&interval=day&from=${today}&to=${today}`);
    expect(sat).toEqual({
      metric: 'satisfactionRate',
      interval: 'day',
      period: { from: today, to: today },
      cut: 'unit',
      points: [{ period: today, value: 0.6667 }],
    });
  });

  it('hotspots: respondents (by credit code, else normalised name), categories, areas', async () => {
    const resp = await ok(analyst, `/stats/hotspots?by=respondent&limit=2&from=${from}&to=${today}`);
    expect(resp.items).toEqual([
      {
        respondent: { key: `uscc:${CHAIN.creditCode}`, creditCode: CHAIN.creditCode, name: CHAIN.name, areaCode: '371502' },
        received: 4,
        complaints: 4,
        reports: 0,
        accepted: 4,
        refused: 0,
        resolved: 3,
        terminated: 1,
        withdrawn: 0,
        recovered: '1680.50',
        reportsOpened: 0,
        mediationSuccessRate: 0.75,
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
        mediationSuccessRate: null,
      },
    ]);
    expect(
      (await ok(staffB, `/stats/hotspots?by=respondent&from=${from}&to=${today}`)).items.map((i: { received: number }) => i.received),
    ).toEqual([2]);

    const cats = await ok(analyst, `/stats/hotspots?by=category&from=${from}&to=${today}`);
    expect(cats.items.map((i: { code: string; name: string; received: number }) => [i.code, i.name, i.received])).toEqual([
      ['catering', expect.any(String), 19],
      ['sports-fitness', expect.any(String), 1],
    ]);
    const areas = await ok(analyst, `/stats/hotspots?by=area&from=${from}&to=${today}`);
    expect(areas.items.map((i: { code: string; name: string | null; received: number }) => [i.code, i.name, i.received])).toEqual([
      ['371502', '东昌府区', 18],
      ['110101', null, 1],
      ['371503', '茌平区', 1],
    ]);
    expect((await staffA.get('/stats/hotspots?by=area')).status).toBe(400);
  });

  it('the unit league table: on-time rate, success rate, satisfaction, recovered, load', async () => {
    const { items } = await ok(analyst, `/stats/units?from=${from}&to=${today}`);
    expect(items.slice(0, 3).map((u: { unit: { code: string } }) => u.unit.code)).toEqual([A, BUREAU, B]);
    expect(items[0]).toMatchObject({
      unit: { code: A, type: 'station', areaCode: '371502', name: expect.any(String) },
      received: 9,
      onTimeAcceptanceRate: 0.8571,
      mediationSuccessRate: 0.75,
      satisfactionRate: 0.6667,
      recovered: '1680.50',
      load: 4,
      overdue: 0,
    });
    expect(items[1]).toMatchObject({
      unit: { code: BUREAU, type: 'regulator' },
      received: 6,
      accepted: 0,
      closed: 4,
      reportsOpened: 2,
      onTimeAcceptanceRate: null,
      load: 2,
      overdue: 0,
    });
    expect(items[2]).toMatchObject({ received: 2, load: 1, overdue: 1, followUpRate: 1 });
    // A station's table has one row: its own.
    expect((await ok(staffA, `/stats/units?from=${from}&to=${today}`)).items.map((u: { unit: { code: string } }) => u.unit.code)).toEqual([
      A,
    ]);
  });

  it('exports CSV (UTF-8 BOM, Chinese headers) that parses back to the same rows', async () => {
    const res = await analyst.get(`/stats/export?format=csv&by=category&from=${from}&to=${today}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="stats-category-/);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const rows: Record<string, string>[] = parse(res.text, { bom: true, columns: true });
    expect(Object.keys(rows[0])).toEqual([
      '起始日',
      '截止日',
      '类别代码',
      '名称',
      '收到',
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
    ]);
    const json = (await ok(analyst, `/stats/hotspots?by=category&from=${from}&to=${today}`)).items;
    const cell = (v: string | number | null) => (v === null ? '' : String(v));
    expect(rows).toEqual(
      json.map((i: Record<string, string | number | null>) => ({
        起始日: from,
        截止日: today,
        类别代码: i.code,
        名称: i.name,
        收到: cell(i.received),
        受理: cell(i.accepted),
        不予受理: cell(i.refused),
        调解成功: cell(i.resolved),
        终止调解: cell(i.terminated),
        办结: cell(i.closed),
        撤回: cell(i.withdrawn),
        按时受理率: cell(i.onTimeAcceptanceRate),
        调解成功率: cell(i.mediationSuccessRate),
        '挽回经济损失（元）': cell(i.recovered),
        平均办理工作日: cell(i.averageHandlingWorkingDays),
        满意率: cell(i.satisfactionRate),
        回访率: cell(i.followUpRate),
        举报立案: cell(i.reportsOpened),
        举报不予立案: cell(i.reportsNotOpened),
        举报人按时告知率: cell(i.reporterNotifiedOnTimeRate),
      })),
    );

    // By month, the months' rows add up to the summary; by unit, a station gets its own row.
    const months: Record<string, string>[] = parse((await analyst.get(`/stats/export?from=${from}&to=${today}`)).text, {
      bom: true,
      columns: true,
    });
    expect(months.reduce((n, r) => n + Number(r['收到']), 0)).toBe(20);
    const units: Record<string, string>[] = parse((await staffA.get(`/stats/export?by=unit&from=${from}&to=${today}`)).text, {
      bom: true,
      columns: true,
    });
    expect(units).toEqual([expect.objectContaining({ 单位代码: A, 收到: '9', '挽回经济损失（元）': '1680.50', 按时受理率: '0.8571' })]);
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
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as never);
    const sheet = book.getWorksheet('统计')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(expect.arrayContaining(['类别代码', '收到', '挽回经济损失（元）', '满意率']));
    const json = (await ok(analyst, `/stats/hotspots?by=category&from=${from}&to=${today}`)).items;
    expect(sheet.rowCount).toBe(json.length + 1);
    const header = values(1) as string[];
    const col = (name: string) => header.indexOf(name);
    json.forEach((i: Record<string, unknown>, k: number) => {
      const row = values(k + 2);
      expect(row[col('类别代码')]).toBe(i.code);
      expect(row[col('收到')]).toBe(i.received);
      expect(row[col('挽回经济损失（元）')]).toBe(Number(i.recovered));
      expect(row[col('满意率')] ?? null).toBe(i.satisfactionRate);
    });
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
  });
});
