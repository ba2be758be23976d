import type { IsoDate } from '@weiquan/calendar';
import { SettlementService } from '@weiquan/cases';
import type { Staff } from './support/case-kit';
import { at, CaseKit } from './support/case-kit';

/**
 * Settlement at the source, then the formal complaint (docs/RULES.md "Two stages"), over HTTP as the
 * filing page, the tracking page and the staff console use it.
 *
 * Dated steps run at 10:00 China time on fixed days of November 2026, which has no holiday and no
 * adjusted working day; every expected date is counted by hand, the start day never counted.
 */
describe('settlement at the source, and escalation to the formal complaint', () => {
  let kit: CaseKit;
  const MALL_STATION = 'ST-371502-001'; // 金鼎购物中心消费维权服务站
  const BUREAU = 'MR-371502'; // 东昌府区市场监督管理局

  beforeAll(async () => {
    kit = await CaseKit.start();
  });

  afterAll(async () => {
    await kit?.close();
  });

  const on = <T>(day: IsoDate, work: () => Promise<T>) => at(`${day}T02:00:00Z`, work);
  /** A complaint about a clothes shop in 金鼎购物中心, to settle with the mall's station. */
  const atTheMall = {
    path: 'settlement',
    categoryCode: 'clothing',
    respondent: {
      name: '金鼎购物中心某服装店',
      address: '东昌府区东昌路 229 号金鼎购物中心 3 楼',
      areaCode: '371502',
      venueCode: 'V-371502-001',
    },
  };
  const view = (c: { trackingNo: string; accessCode: string }, lang = 'zh-CN') =>
    kit.http.get(`/api/v1/complaints/${c.trackingNo}`).set('X-Access-Code', c.accessCode).set('Accept-Language', lang);
  const consumer = (c: { trackingNo: string; accessCode: string }, what: 'settlement/accept' | 'escalate', body: object = {}) =>
    kit.http.post(`/api/v1/complaints/${c.trackingNo}/${what}`).set('X-Access-Code', c.accessCode).send(body);
  const row = async (id: string) =>
    (
      await kit.q<Record<string, unknown>>(
        `select status, stage, assignee_code, acceptance_due::text as acceptance_due, amount_recovered_fen::int as recovered,
                escalated_on::text as escalated_on, escalation_cause, routing_round
           from cases where id = $1`,
        [id],
      )
    )[0];
  const load = async (unit: string) =>
    Number((await kit.q<{ n: number }>(`select coalesce(sum(open_cases), 0)::int as n from unit_load where unit_code = $1`, [unit]))[0].n);
  const texts = async (id: string, kind: string) =>
    (await kit.q<{ text: string }>(`select text from notification where case_id = $1 and kind = $2 and channel = 'sms'`, [id, kind])).map(
      (n) => n.text,
    );

  it('the mall’s station helps; the business offers a ¥268.50 refund; the consumer accepts: settled at the source', async () => {
    const before = await load(MALL_STATION);
    const c = await on('2026-11-02', () => kit.assigned(atTheMall));
    expect(c).toMatchObject({ assigneeType: 'station', assigneeCode: MALL_STATION });
    expect(await row(c.id)).toMatchObject({ status: 'settling', stage: 'settlement', acceptance_due: null });
    expect(await load(MALL_STATION)).toBe(before + 1);

    // The consumer sees who helps, how to reach them and by when: take-up 2 working days (Wed 4 Nov),
    // an outcome in 10 (Mon 16 Nov), both the city's policy.
    const first = (await view(c)).body;
    expect(first).toMatchObject({
      status: 'settling',
      stage: 'settlement',
      settlement: {
        handler: { code: MALL_STATION, name: '金鼎购物中心消费维权服务站', type: 'station', phone: '0635-8301230' },
        takeUpDueDate: '2026-11-04',
        dueDate: '2026-11-16',
        offer: null,
      },
    });
    expect(first.settlement.handler.address).toContain('东昌路229号');
    expect(first.timeline.map((e: { text: string }) => e.text).join('\n')).toContain(
      '先行和解：已交由 金鼎购物中心消费维权服务站 协助您与经营者协商',
    );
    const [told] = await texts(c.id, 'settlement-assigned');
    expect(told).toContain('金鼎购物中心消费维权服务站');
    expect(told).toContain('2026年11月4日前与您联系');
    expect(told).toContain('0635-8301230');

    const station = await kit.handlerOf(c);
    // A station helps negotiate; it decides nothing a department decides.
    for (const action of ['accept', 'refuse', 'terminate', 'start-mediation', 'resolve']) {
      const res = await station.act(c.id, { action, reasonCode: '3', note: '试图作出决定' });
      expect([action, res.status]).toEqual([action, 403]);
    }
    expect((await station.detail(c.id)).allowedActions).toEqual(['take-up', 'settlement-failed', 'hand-back', 'note']);
    await on('2026-11-03', () => station.do(c.id, { action: 'take-up' }));
    // Accepting before there is an offer is refused, and says why.
    expect((await consumer(c, 'settlement/accept')).status).toBe(409);
    await on('2026-11-05', () =>
      station.do(c.id, { action: 'record-offer', remedy: 'refund', amountOffered: 268.5, note: '商家同意全额退款，三日内原路退回' }),
    );
    const offered = (await view(c)).body;
    expect(offered).toMatchObject({
      status: 'offered',
      settlement: { offer: { remedy: 'refund', remedyText: '退款', amount: '268.50', message: '商家同意全额退款，三日内原路退回' } },
    });
    expect((await texts(c.id, 'offer'))[0]).toMatch(/退款 268\.50 元/);

    const accepted = await on('2026-11-06', () => consumer(c, 'settlement/accept'));
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ status: 'settled', amountRecovered: '268.50' });
    expect(await row(c.id)).toMatchObject({ status: 'settled', stage: 'settlement', recovered: 26850, acceptance_due: null });
    expect(await load(MALL_STATION)).toBe(before);
    const done = (await view(c)).body;
    expect(done.statusText).toBe('和解成功（源头化解），已办结');
    expect(done.timeline.map((e: { type: string }) => e.type)).toEqual(['received', 'assigned', 'take-up', 'record-offer', 'accept-offer']);
    expect(await kit.notificationKinds(c.id)).toEqual(['settlement-assigned', 'offer', 'settled']);
    // Settled once: a second acceptance, or an escalation now, is refused.
    expect((await consumer(c, 'settlement/accept')).status).toBe(409);
    expect((await consumer(c, 'escalate')).status).toBe(409);
    // The consumer rates the outcome, as after a department closes a complaint.
    const rated = await kit.http
      .post(`/api/v1/complaints/${c.trackingNo}/rating`)
      .set('X-Access-Code', c.accessCode)
      .send({ rating: 'satisfied' });
    expect(rated.status).toBe(201);
  });

  it('the consumer rejects the offer: a formal complaint at the county bureau, its 7 working days counted from that day', async () => {
    const c = await on('2026-11-02', () => kit.assigned(atTheMall));
    const station = await kit.handlerOf(c);
    await on('2026-11-02', () => station.do(c.id, { action: 'take-up' }));
    await on('2026-11-03', () => station.do(c.id, { action: 'record-offer', remedy: 'exchange', note: '商家只同意换货' }));
    const left = await on('2026-11-04', () => consumer(c, 'escalate', { reason: '不接受换货，要求退款' }));
    expect(left.body).toEqual({ status: 'received', stage: 'formal' });
    // Received by the department on Wed 4 Nov: 受理 decided by Fri 13 Nov (5, 6, 9–13).
    expect(await row(c.id)).toMatchObject({
      status: 'received',
      stage: 'formal',
      escalated_on: '2026-11-04',
      escalation_cause: 'offer-rejected',
      acceptance_due: '2026-11-13',
      routing_round: 1,
    });
    const formal = await on('2026-11-04', () => kit.route(c.trackingNo, c.accessCode, 1));
    expect(formal).toMatchObject({ assigneeType: 'regulator', assigneeCode: BUREAU });
    const [told] = await texts(c.id, 'escalated');
    expect(told).toContain('您没有接受商家的和解方案');
    expect(told).toContain('东昌府区市场监督管理局');
    expect(told).toContain('2026年11月13日前告知您是否受理');

    const mine = (await view(c)).body;
    expect(mine).toMatchObject({ stage: 'formal', settlement: null, status: 'assigned' });
    expect(mine.deadlines).toEqual([expect.objectContaining({ kind: 'acceptance', dueDate: '2026-11-13' })]);
    // The history keeps both stages, and the offer travels with the case as evidence.
    expect(mine.timeline.map((e: { type: string }) => e.type)).toEqual([
      'received',
      'assigned',
      'take-up',
      'record-offer',
      'escalated',
      'assigned',
    ]);
    expect(mine.timeline[4].text).toContain('不接受换货，要求退款');
    const bureau = await kit.handlerOf(formal);
    const file = await bureau.detail(c.id);
    expect(file).toMatchObject({ stage: 'formal', escalation: { on: '2026-11-04', cause: 'offer-rejected' }, settlement: null });
    expect(file.history.find((h: { type: string }) => h.type === 'escalated').data.offer).toMatchObject({ remedy: 'exchange' });
    expect(file.allowedActions).toEqual(['accept', 'refuse', 'hand-back', 'note']);
    // The bureau accepts on time and mediates.
    await on('2026-11-10', () => bureau.do(c.id, { action: 'accept' }));
    await on('2026-11-10', () => bureau.do(c.id, { action: 'start-mediation' }));
    const mediating = await bureau.detail(c.id);
    expect(mediating.status).toBe('mediating');
    expect(mediating.clocks.find((k: { clock: string }) => k.clock === 'acceptance')).toMatchObject({ metOn: '2026-11-10', late: false });
  });

  it('nobody takes it up: past the take-up day it becomes formal by itself, once, and the consumer is told where and by when', async () => {
    const before = await load(MALL_STATION);
    const c = await on('2026-11-02', () => kit.assigned(atTheMall));
    const sweep = kit.api.app.get(SettlementService);
    // Due Wed 4 Nov: nothing happens on that day, however often the sweep runs.
    expect(await on('2026-11-04', () => sweep.escalateLapsed())).toBe(0);
    expect(await on('2026-11-05', () => sweep.escalateLapsed())).toBeGreaterThanOrEqual(1);
    expect(await on('2026-11-05', () => sweep.escalateLapsed())).toBe(0);
    // Received by the department on Thu 5 Nov: 受理 decided by Mon 16 Nov (6, 9–13, 16).
    expect(await row(c.id)).toMatchObject({ stage: 'formal', escalation_cause: 'take-up-lapsed', acceptance_due: '2026-11-16' });
    expect(await load(MALL_STATION)).toBe(before);
    const formal = await on('2026-11-05', () => kit.route(c.trackingNo, c.accessCode, 1));
    expect(formal.assigneeCode).toBe(BUREAU);
    expect(await kit.q(`select count(*)::int as n from case_event where case_id = $1 and type = 'escalated'`, [c.id])).toEqual([{ n: 1 }]);
    const [told] = await texts(c.id, 'escalated');
    expect(told).toContain('服务站未在规定时间内接手');
    expect(told).toMatch(/东昌府区市场监督管理局处理，将于2026年11月16日前告知您是否受理/);
    // The station no longer has it.
    const station = await kit.staff('station-staff', MALL_STATION);
    expect((await station.get(`/cases/${c.id}`)).status).toBe(404);
  });

  it('the station reports the business refuses: formal at once; and the consumer may leave for a formal complaint at any time', async () => {
    const refused = await on('2026-11-02', () => kit.assigned(atTheMall));
    const station: Staff = await kit.handlerOf(refused);
    await on('2026-11-02', () => station.do(refused.id, { action: 'take-up' }));
    expect((await station.act(refused.id, { action: 'settlement-failed' })).body.details).toEqual([
      expect.objectContaining({ field: 'note' }),
    ]);
    await on('2026-11-03', () => station.do(refused.id, { action: 'settlement-failed', note: '商家拒绝任何方案' }));
    expect(await row(refused.id)).toMatchObject({ stage: 'formal', escalation_cause: 'settlement-failed', acceptance_due: '2026-11-12' });

    const impatient = await on('2026-11-02', () => kit.assigned(atTheMall));
    expect((await on('2026-11-02', () => consumer(impatient, 'escalate'))).status).toBe(200);
    expect(await row(impatient.id)).toMatchObject({ stage: 'formal', escalation_cause: 'consumer', acceptance_due: '2026-11-11' });
    // Once formal, the settlement moves are over.
    expect((await consumer(impatient, 'escalate')).status).toBe(409);
    expect((await station.act(impatient.id, { action: 'take-up' })).status).toBe(404);
  });

  it('where no station can help, the complaint is formal from the start, and the consumer is told so', async () => {
    // 临清市 has no station covering digital products (phones, computers), other than a platform's own.
    const [{ n }] = await kit.q<{ n: number }>(
      `select count(*)::int as n from station s join station_category sc on sc.station_code = s.code
        where s.active and s.type <> 'platform' and s.area_code = '371581' and sc.category_code = 'digital'`,
    );
    expect(n).toBe(0);
    const asked = await kit.http.get('/api/v1/complaints/settlement-options?categoryCode=digital&areaCode=371581');
    expect(asked.body).toMatchObject({ available: false, helper: null, recommended: 'formal' });
    const c = await on('2026-11-02', () =>
      kit.assigned({
        path: 'settlement',
        categoryCode: 'digital',
        respondent: { name: '临清市某手机店', address: '临清市先锋路 1 号', areaCode: '371581' },
      }),
    );
    expect(c).toMatchObject({ assigneeType: 'regulator', assigneeCode: 'MR-371581' });
    expect(await row(c.id)).toMatchObject({ stage: 'formal', acceptance_due: '2026-11-11', escalated_on: null });
    expect((await texts(c.id, 'escalated'))[0]).toContain('目前没有可以协助您协商和解的服务站');
  });
});
