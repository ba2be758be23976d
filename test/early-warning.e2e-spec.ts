import { EarlyWarningService } from '@weiquan/warnings';
import { RollupService } from '@weiquan/stats';
import type { Staff } from './support/case-kit';
import { CaseKit, shanghaiDay } from './support/case-kit';
import { uscc } from './support/fixtures';

const COUNTY = 'MR-371502';
const CITY = 'MR-371500';
const OTHER_COUNTY = 'MR-371521';
const GYM = {
  name: '聊城市动力源健身服务有限公司',
  creditCode: uscc('91371502MA3D7QW2X'),
  address: '东昌府区柳园南路 18 号',
  areaCode: '371502',
};

/**
 * The early warning end to end: complaints filed through the API, the rollups applied and the
 * detector run as the worker's jobs do, the alert read and handled through HTTP.
 */
describe('early warning: a prepaid business collapsing (PostgreSQL)', () => {
  let kit: CaseKit;
  let county: Staff;
  let city: Staff;
  let otherCounty: Staff;
  let analyst: Staff;
  let station: Staff;
  /** What the worker does every few seconds: apply the history to the rollups, then run the detector. */
  const cycle = async () => {
    await kit.api.app.get(RollupService).applyPending();
    return kit.api.app.get(EarlyWarningService).evaluatePending();
  };
  const gymComplaint = (n: number) =>
    kit.file({
      categoryCode: 'sports-fitness',
      prepaid: true,
      issueType: n % 2 ? 'closure' : 'refund',
      respondent: GYM,
      description: `在该健身房办理年卡并充值 3000 元，本周门店突然关门，电话无人接听，无法退款。（第 ${n} 位会员）`,
      demand: '退还卡内余额',
    });
  const unitEmails = () =>
    kit.q<{ unit_code: string; dedupe_key: string }>(
      `select unit_code, dedupe_key from notification where kind = 'early-warning' order by unit_code`,
    );

  beforeAll(async () => {
    kit = await CaseKit.start({ SMTP_URL: 'smtp://127.0.0.1:9' });
    await kit.q(`update regulator set alert_email = code || '@example.gov.cn' where code = any($1)`, [[COUNTY, CITY]]);
    county = await kit.staff('regulator-staff', COUNTY);
    city = await kit.staff('regulator-staff', CITY);
    otherCounty = await kit.staff('regulator-staff', OTHER_COUNTY);
    analyst = await kit.staff('city-analyst');
    station = await kit.staff('station-staff', 'ST-371502-001');
  });

  afterAll(async () => {
    await kit?.close();
  });

  it('one complaint is never an alert', async () => {
    await kit.file({
      categoryCode: 'sports-fitness',
      prepaid: true,
      issueType: 'closure',
      respondent: { ...GYM, name: '聊城市另一家健身馆', creditCode: undefined },
    });
    expect((await cycle()).opened).toEqual([]);
  });

  it('8 prepaid complaints against one gym with no history raise one alert, told once to its county bureau and the city bureau', async () => {
    // Two days: four filed yesterday (the history's times are the database's clock, so their events
    // are put on yesterday, on a connection of its own that bypasses the append-only trigger), three today.
    for (let n = 1; n <= 4; n++) await gymComplaint(n);
    await kit.raw(
      `set session_replication_role = replica;
       update case_event set at = at - interval '1 day' where case_id in (select id from cases where respondent_key = 'uscc:${GYM.creditCode}');`,
    );
    for (let n = 5; n <= 7; n++) await gymComplaint(n);
    const first = await cycle();
    expect(first.opened).toHaveLength(1);
    const days = await kit.q(`select day::text, complaints::int from stat_watch_day where respondent_key = $1 order by day`, [
      `uscc:${GYM.creditCode}`,
    ]);
    expect(days.map((d) => d.complaints)).toEqual([4, 3]);
    await gymComplaint(8);
    const second = await cycle();
    expect(second).toMatchObject({ opened: [], updated: 1 });

    const page = await county.get('/warnings/alerts');
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(1);
    const alert = page.body.items[0];
    expect(alert).toMatchObject({
      subjectKind: 'business',
      subjectName: GYM.name,
      creditCode: GYM.creditCode,
      areaCode: '371502',
      areaName: '东昌府区',
      status: 'new',
      canAct: true,
      evidence: { window: { complaints: 8, prepaid: 8, signal: 8, prepaidSignal: 8 }, baseline: { complaints: 0 } },
      cases: { respondent: `uscc:${GYM.creditCode}`, track: 'complaint' },
    });
    expect(alert.units.map((u: { code: string }) => u.code)).toEqual([COUNTY, CITY]);
    expect(alert.windowTo).toBe(shanghaiDay(new Date()));
    expect(alert.evidence.findings[0]).toMatchObject({ measure: 'prepaid', count: 8, signal: 8 });
    // The finding in words, in the reader's language.
    expect(alert.evidence.findings[0].text).toBe(
      '8 prepaid complaints (none before; 8 of them report a closure, a vanished business or no refund)',
    );
    const zh = await county.get(`/warnings/alerts/${alert.id}`, 'zh-CN');
    expect(zh.body.evidence.findings[0].text).toBe('预付式消费投诉 8 件（此前没有记录，其中 8 件反映停业、跑路或无法退款）');
    // Exactly once per alert and bureau, though the detector ran twice and the counts moved.
    expect(await unitEmails()).toEqual([
      { unit_code: CITY, dedupe_key: `alert-${alert.id}` },
      { unit_code: COUNTY, dedupe_key: `alert-${alert.id}` },
    ]);

    // The cases behind it, through the queue, for a reader who may see them.
    const q = new URLSearchParams(alert.cases).toString();
    const cases = await analyst.get(`/cases?${q}&view=all&limit=50`);
    expect(cases.status).toBe(200);
    expect(cases.body.items).toHaveLength(8);
  });

  it('is shown to the city bureau and the analysts, not to another county, a station or a business', async () => {
    expect((await city.get('/warnings/alerts')).body.items).toHaveLength(1);
    expect((await analyst.get('/warnings/alerts')).body.items[0].canAct).toBe(false);
    expect((await otherCounty.get('/warnings/alerts')).body.items).toEqual([]);
    expect((await station.get('/warnings/alerts')).status).toBe(403);
    const [{ id }] = (await county.get('/warnings/alerts')).body.items;
    expect((await otherCounty.get(`/warnings/alerts/${id}`)).status).toBe(404);
    expect((await otherCounty.post(`/warnings/alerts/${id}/acknowledge`)).status).toBe(404);
    expect((await analyst.post(`/warnings/alerts/${id}/acknowledge`)).status).toBe(403);
  });

  it('is acknowledged, then dismissed with a reason, each step in its history; a dismissed alert stays quiet', async () => {
    const [{ id }] = (await county.get('/warnings/alerts')).body.items;
    expect((await county.post(`/warnings/alerts/${id}/dismiss`, { reason: '' })).body.details[0].field).toBe('reason');
    expect((await county.post(`/warnings/alerts/${id}/acknowledge`, { note: '已联系该店，核实中' })).body.status).toBe('acknowledged');
    const dismissed = await city.post(`/warnings/alerts/${id}/dismiss`, { reason: '经核实门店系装修暂停营业，已承诺退款' });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.history.map((e: { type: string }) => e.type)).toEqual(['opened', 'updated', 'acknowledged', 'dismissed']);
    expect(dismissed.body.history[3]).toMatchObject({ note: '经核实门店系装修暂停营业，已承诺退款', unitCode: CITY });
    expect((await county.post(`/warnings/alerts/${id}/acknowledge`)).status).toBe(409);

    await gymComplaint(9);
    expect((await cycle()).opened).toEqual([]);
    expect((await county.get('/warnings/alerts')).body.items).toHaveLength(1);
  });
});

describe('early warning: acting on an alert (PostgreSQL)', () => {
  let kit: CaseKit;
  let county: Staff;
  const cycle = async () => {
    await kit.api.app.get(RollupService).applyPending();
    return kit.api.app.get(EarlyWarningService).evaluatePending();
  };

  beforeAll(async () => {
    kit = await CaseKit.start();
    county = await kit.staff('regulator-staff', COUNTY);
  });

  afterAll(async () => {
    await kit?.close();
  });

  it('groups the 8 complaints into one joint complaint, tells each consumer once, and warns the public; the alert is acted on', async () => {
    const filed = [];
    for (let n = 1; n <= 8; n++) {
      const f = await kit.file({
        categoryCode: 'sports-fitness',
        prepaid: true,
        issueType: 'closure',
        respondent: GYM,
        description: `健身房突然停业，会员卡余额无法退还。（第 ${n} 位会员）`,
        demand: '退还卡内余额',
      });
      filed.push(await kit.route(f.trackingNo, f.accessCode));
    }
    await cycle();
    const [alert] = (await county.get('/warnings/alerts')).body.items;
    expect(alert.status).toBe('new');

    // Not against the alert's business: refused, nothing written.
    const other = await kit.assigned({ respondent: { name: '聊城市别家健身馆', address: '东昌府区东昌路 2 号', areaCode: '371502' } });
    const another = await kit.assigned({ respondent: { name: '聊城市别家健身馆', address: '东昌府区东昌路 2 号', areaCode: '371502' } });
    const wrong = await county.post(`/warnings/alerts/${alert.id}/joint-case`, {
      members: [other, another].map((c) => ({ caseId: c.id, consentMethod: 'written' })),
    });
    expect(wrong.status).toBe(400);
    expect((await county.get(`/warnings/alerts/${alert.id}`)).body.status).toBe('new');

    const joint = await county.post(`/warnings/alerts/${alert.id}/joint-case`, {
      members: filed.map((c) => ({ caseId: c.id, consentMethod: 'written' })),
      representatives: [filed[0].id, filed[1].id],
      note: '8 名会员书面同意按共同投诉处理并推选 2 名代表人',
    });
    expect(joint.status).toBe(201);
    expect(joint.body).toMatchObject({ alertId: alert.id, respondent: { key: `uscc:${GYM.creditCode}` } });
    expect(joint.body.members).toHaveLength(8);
    // One message to each of the 8 consumers.
    const told = await kit.q<{ case_id: string }>(`select case_id::text from notification where kind = 'joint-case' and channel = 'sms'`);
    expect(told.map((r) => r.case_id).sort()).toEqual(filed.map((c) => c.id).sort());
    const view = await kit.consumerView(filed[2].trackingNo, filed[2].accessCode);
    expect(JSON.stringify(view.timeline)).toContain(joint.body.jointNo);

    const warning = await county.post(`/warnings/alerts/${alert.id}/consumer-warning`, {
      title: '谨慎办理健身预付卡',
      body: '近期有消费者反映东昌府区某健身服务企业突然停业、会员卡余额无法退还。请谨慎办理大额预付卡，保留合同和付款凭证。',
      areaCode: '371502',
      categoryCode: 'sports-fitness',
      businessName: GYM.name,
      creditCode: GYM.creditCode,
      startsOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
      endsOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(warning.status).toBe(201);
    const shown = await kit.http.get('/api/v1/disclosure/warnings');
    expect(shown.body.map((w: { title: string }) => w.title)).toContain('谨慎办理健身预付卡');

    const acted = (await county.get(`/warnings/alerts/${alert.id}`)).body;
    // The units involved: who holds the 8 complaints now (routing sent them all to one unit).
    expect(acted.holders).toEqual([{ type: filed[0].assigneeType, code: filed[0].assigneeCode, name: expect.any(String), complaints: 8 }]);
    expect(acted.status).toBe('acted');
    expect(acted.history.map((e: { type: string }) => e.type)).toEqual(['opened', 'acted', 'acted']);
    expect(acted.history[1].data).toMatchObject({ jointNo: joint.body.jointNo });
  });
});

describe('early warning: a category in an area (PostgreSQL)', () => {
  let kit: CaseKit;
  let county: Staff;

  beforeAll(async () => {
    kit = await CaseKit.start();
    county = await kit.staff('regulator-staff', COUNTY);
  });

  afterAll(async () => {
    await kit?.close();
  });

  it('12 beauty complaints against 12 different salons in a week, after a quiet month, raise one alert for the slice and none for a salon', async () => {
    const salon = (n: number) => ({ name: `聊城市美丽人生美容店${n}`, address: `东昌府区柳园路 ${n} 号`, areaCode: '371502' });
    // A month ago: a history to compare with (two complaints, put on that day as in a real history).
    for (let n = 100; n < 102; n++) await kit.file({ categoryCode: 'beauty', respondent: salon(n) });
    await kit.raw(`set session_replication_role = replica; update case_event set at = at - interval '30 days';`);
    for (let n = 0; n < 12; n++) await kit.file({ categoryCode: 'beauty', prepaid: n % 3 === 0, respondent: salon(n) });
    await kit.api.app.get(RollupService).applyPending();
    expect((await kit.api.app.get(EarlyWarningService).evaluatePending()).opened).toHaveLength(1);

    const [alert] = (await county.get('/warnings/alerts')).body.items;
    expect(alert).toMatchObject({
      subjectKind: 'slice',
      areaCode: '371502',
      categoryCode: 'beauty',
      evidence: { window: { complaints: 12, prepaid: 4 }, baseline: { complaints: 2 } },
      cases: { areaCode: '371502', categoryCode: 'beauty', track: 'complaint' },
    });
    expect(alert.subjectName).toMatch(/^东昌府区 · /);
    expect(alert.evidence.findings.map((f: { measure: string }) => f.measure)).toEqual(['all']);
  });
});
