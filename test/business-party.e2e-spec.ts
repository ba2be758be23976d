import type { IsoDate } from '@weiquan/calendar';
import { SettlementService } from '@weiquan/cases';
import { at, CaseKit, Staff } from './support/case-kit';
import { TINY_PNG, uscc } from './support/fixtures';

/**
 * The business as a party (docs/RULES.md "Jurisdiction and routing", settlement rule 1): enrolled
 * businesses answer the complaints against them in the business portal; the consumer decides; the
 * venue's station can step in; a business never sees a report or another business's complaint.
 *
 * Dated steps run at 10:00 China time in November 2026 (no holiday, no adjusted working day).
 */

describe('the business as a party: enrolment, its portal, its answer, the consumer’s decision', () => {
  let kit: CaseKit;
  let admin: Staff;
  let users = 0;
  const MALL = 'V-371502-001'; // 金鼎购物中心
  const MALL_STATION = 'ST-371502-001';
  const BUREAU = 'MR-371502'; // 东昌府区市场监督管理局
  const RESTAURANT = uscc('91371502MA3C8X2Q1');
  const OTHER = uscc('91371502MA3D9Y3R2');
  const on = <T>(day: IsoDate, work: () => Promise<T>) => at(`${day}T02:00:00Z`, work);

  beforeAll(async () => {
    kit = await CaseKit.start();
    admin = await kit.staff('admin');
  });

  afterAll(async () => {
    await kit?.close();
  });

  const post = async (who: Staff, path: string, body: object) =>
    kit.http
      .post(`/api/v1${path}`)
      .set('Authorization', `Bearer ${await who.auth()}`)
      .set('Accept-Language', 'en')
      .send(body);
  const patch = async (who: Staff, path: string, body: object) =>
    kit.http
      .patch(`/api/v1${path}`)
      .set('Authorization', `Bearer ${await who.auth()}`)
      .set('Accept-Language', 'en')
      .send(body);
  /** A user of the business, created through the enrolment API (with the kit's staff password, so it signs in like them). */
  const businessUser = async (creditCode: string, by: Staff = admin): Promise<Staff> => {
    const username = `biz-${creditCode.slice(-6).toLowerCase()}-${++users}`;
    const res = await post(by, `/admin/businesses/${creditCode}/users`, {
      username,
      displayName: '李经理',
      password: 'case handling test pw',
    });
    expect(res.status).toBe(201);
    return new Staff(kit, res.body.user.id, username, 'business', creditCode);
  };
  const against = (creditCode: string | null, over: Record<string, unknown> = {}) => ({
    path: 'settlement',
    categoryCode: 'catering',
    respondent: {
      name: '聊城市某某餐饮有限公司',
      ...(creditCode ? { creditCode } : {}),
      address: '东昌府区东昌路 229 号金鼎购物中心 5 楼',
      areaCode: '371502',
      venueCode: MALL,
    },
    ...over,
  });
  /** The database's now() does not move with `at`: a timestamp the test depends on is set to the step's day. */
  const backdate = (id: string, column: 'assigned_at' | 'concluded_at', day: IsoDate) =>
    kit.q(`update cases set ${column} = $2 where id = $1`, [id, `${day}T02:00:00Z`]);
  const consumer = (c: { trackingNo: string; accessCode: string }, what: string, body: object = {}) =>
    kit.http.post(`/api/v1/complaints/${c.trackingNo}/${what}`).set('X-Access-Code', c.accessCode).send(body);

  it('an administrator enrols a business by its checked credit code and creates its user; a wrong code, a repeat or a place outside the caller’s scope is refused', async () => {
    const bad = await post(admin, '/admin/businesses', {
      creditCode: '91371502MA3C8X2Q10',
      name: '聊城市某某餐饮有限公司',
      areaCode: '371502',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toContain('creditCode');

    const wrongVenue = await post(admin, '/admin/businesses', {
      creditCode: RESTAURANT,
      name: '聊城市某某餐饮有限公司',
      areaCode: '371521',
      venueCode: MALL,
    });
    expect(wrongVenue.status).toBe(400);
    expect(wrongVenue.body.details.map((d: { field: string }) => d.field)).toContain('venueCode');

    const ok = await post(admin, '/admin/businesses', {
      creditCode: RESTAURANT.toLowerCase(),
      name: '聊城市某某餐饮有限公司',
      areaCode: '371502',
      venueCode: MALL,
      phone: '0635-8888888',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ creditCode: RESTAURANT, odrActive: true, venueName: expect.any(String), users: 0 });
    expect((await post(admin, '/admin/businesses', { creditCode: RESTAURANT, name: '再次登记', areaCode: '371502' })).status).toBe(409);

    // A county bureau enrols in its own area only; a venue's station administrator, its own tenants only.
    const otherCounty = await kit.staff('regulator-staff', 'MR-371521');
    const outside = await post(otherCounty, '/admin/businesses', { creditCode: OTHER, name: '某某超市', areaCode: '371502' });
    expect(outside.status).toBe(403);
    const mallAdmin = await kit.staff('station-admin', MALL_STATION);
    expect((await post(mallAdmin, '/admin/businesses', { creditCode: OTHER, name: '某某超市', areaCode: '371502' })).status).toBe(403);
    const tenant = await post(mallAdmin, '/admin/businesses', {
      creditCode: OTHER,
      name: '聊城市另一家餐饮有限公司',
      areaCode: '371502',
      venueCode: MALL,
    });
    expect(tenant.status).toBe(201);
    // Station staff enrol nobody.
    expect((await post(await kit.staff('station-staff', MALL_STATION), '/admin/businesses', { creditCode: OTHER })).status).toBe(403);

    await businessUser(RESTAURANT);
    const listed = await admin.get(`/admin/businesses?q=${encodeURIComponent('某某餐饮')}`);
    expect(listed.body.items).toEqual([expect.objectContaining({ creditCode: RESTAURANT, users: 1 })]);
  });

  it('a complaint naming the credit code goes to the business; it answers a ¥100 refund; the consumer accepts: settled at the source', async () => {
    const biz = await businessUser(RESTAURANT);
    const c = await on('2026-11-02', () => kit.assigned(against(RESTAURANT)));
    await backdate(c.id, 'assigned_at', '2026-11-02');
    expect(c).toMatchObject({ assigneeType: 'business', assigneeCode: RESTAURANT });
    const [decision] = await kit.q<{ rule: string }>(`select rule from routing_decision where case_id = $1`, [c.id]);
    expect(decision.rule).toBe('enrolled-business');

    // The consumer is told the business answers itself, by the 10th working day (Mon 16 Nov, city policy).
    const seen = await kit.consumerView(c.trackingNo, c.accessCode);
    expect(seen.settlement).toMatchObject({
      handler: { type: 'business', code: RESTAURANT, name: '聊城市某某餐饮有限公司', phone: null },
      dueDate: '2026-11-16',
    });
    const [sms] = await kit.q<{ text: string }>(`select text from notification where case_id = $1 and kind = 'settlement-assigned'`, [
      c.id,
    ]);
    expect(sms.text).toContain('已转交被投诉经营者聊城市某某餐饮有限公司');

    // The business's queue: the family name only, no phone (the consumer did not agree), the due day.
    const queue = await biz.get('/business/cases', 'zh-CN');
    expect(queue.status).toBe(200);
    const item = queue.body.items.find((i: { id: string }) => i.id === c.id);
    expect(item).toMatchObject({ consumerName: '张*', dueDate: '2026-11-16', statusText: '待答复', yours: true });
    const file = (await biz.get(`/business/cases/${c.id}`, 'zh-CN')).body;
    expect(file.consumer).toEqual({ name: '张*', contactConsented: false, phone: null, address: null });
    expect(JSON.stringify(file)).not.toContain(c.phone);
    expect(file.allowedActions).toEqual(['take-up', 'settlement-failed', 'hand-back']);

    // An answer names its response category; a department's decision is not the business's.
    expect((await biz.act(c.id, { action: 'accept' })).status).toBe(403);
    await on('2026-11-04', () => biz.do(c.id, { action: 'take-up' }));
    const noCategory = await biz.act(c.id, { action: 'record-offer', remedy: 'refund', amountOffered: 100, note: '同意退款' });
    expect(noCategory.status).toBe(400);
    expect(noCategory.body.details.map((d: { field: string }) => d.field)).toEqual(['response']);
    await on('2026-11-05', () =>
      biz.do(c.id, {
        action: 'record-offer',
        response: 'full',
        remedy: 'refund',
        amountOffered: 100,
        note: '同意全额退款 100 元，三日内原路退回',
      }),
    );
    const [answered] = await kit.q<{ data: { answer: { workingDays: number; first: boolean }; by: string } }>(
      `select data from case_event where case_id = $1 and type = 'record-offer'`,
      [c.id],
    );
    expect(answered.data).toMatchObject({ by: 'business', answer: { workingDays: 3, first: true } });

    const offered = await kit.consumerView(c.trackingNo, c.accessCode);
    expect(offered.settlement.offer).toMatchObject({ response: 'full', remedy: 'refund', amount: '100.00' });
    expect((await consumer(c, 'settlement/accept')).body).toEqual({ status: 'settled', amountRecovered: '100.00' });
    const settled = (await biz.get(`/business/cases/${c.id}`, 'zh-CN')).body;
    expect(settled).toMatchObject({ status: 'settled', statusText: '已和解', settlement: { amountSettled: '100.00' }, allowedActions: [] });
    expect(settled.notices.map((n: { text: string }) => n.text)).toContain('消费者接受了和解方案，投诉已和解，请按方案履行');
  });

  it('a consumer who accepted can say within 7 days the business did not deliver: the case reopens as a formal complaint', async () => {
    const biz = await businessUser(RESTAURANT);
    const c = await on('2026-11-09', () => kit.assigned(against(RESTAURANT, { contactByBusiness: true })));
    const file = (await biz.get(`/business/cases/${c.id}`)).body;
    expect(file.consumer).toMatchObject({ contactConsented: true, phone: c.phone });
    await on('2026-11-09', () => biz.do(c.id, { action: 'take-up' }));
    await on('2026-11-09', () =>
      biz.do(c.id, { action: 'record-offer', response: 'partial', remedy: 'refund', amountOffered: 50, note: '退一半' }),
    );
    await on('2026-11-10', () => consumer(c, 'settlement/accept'));
    await backdate(c.id, 'concluded_at', '2026-11-10');
    expect((await on('2026-11-10', () => kit.consumerView(c.trackingNo, c.accessCode))).settlement.notDeliveredUntil).toBe('2026-11-17');

    const late = await on('2026-11-18', () => consumer(c, 'settlement/not-delivered', { reason: '商家答应退 50 元，至今未退' }));
    expect(late.status).toBe(409);
    const reopened = await on('2026-11-13', () => consumer(c, 'settlement/not-delivered', { reason: '商家答应退 50 元，至今未退' }));
    expect(reopened.status).toBe(200);
    const [row] = await kit.q<Record<string, unknown>>(
      `select status, stage, escalation_cause, amount_recovered_fen, closed_at, business_party from cases where id = $1`,
      [c.id],
    );
    expect(row).toEqual({
      status: 'received',
      stage: 'formal',
      escalation_cause: 'not-delivered',
      amount_recovered_fen: null,
      closed_at: null,
      business_party: true,
    });
    // Routed by jurisdiction; the business still sees it (a party), with the department's steps in its words.
    const routed = await on('2026-11-13', () => kit.route(c.trackingNo, c.accessCode, 1));
    expect(routed).toMatchObject({ assigneeType: 'regulator', assigneeCode: BUREAU });
    const formal = (await biz.get(`/business/cases/${c.id}`, 'zh-CN')).body;
    expect(formal).toMatchObject({ stage: 'formal', statusText: '已转为向市场监管部门投诉', allowedActions: ['statement'] });
    expect(formal.notices.map((n: { text: string }) => n.text)).toContain(
      '消费者反映贵单位未履行和解方案，投诉已转为向市场监管部门正式投诉',
    );
    expect(JSON.stringify(formal)).not.toMatch(/acceptanceDue|clock|routing|reasonCode/);

    // The business states its side; the department reads it in the history; the consumer does not.
    const statement = '已于 11 月 12 日原路退款 50 元，附银行回单';
    await biz.do(c.id, { action: 'statement', note: statement });
    const bureau = await kit.staff('regulator-staff', BUREAU);
    const history = (await bureau.detail(c.id)).history as { type: string; note: string | null; public: boolean }[];
    expect(history).toContainEqual(expect.objectContaining({ type: 'statement', note: statement, public: false }));
    const timeline = (await kit.consumerView(c.trackingNo, c.accessCode)).timeline.map((e: { text: string }) => e.text).join('\n');
    expect(timeline).not.toContain(statement);

    // The department accepts and mediates: the business is told (a mediation notice).
    await bureau.do(c.id, { action: 'accept' });
    await bureau.do(c.id, { action: 'start-mediation' });
    const mediating = (await biz.get(`/business/cases/${c.id}`, 'zh-CN')).body;
    expect(mediating.statusText).toBe('监管部门调解中');
    expect(mediating.notices.map((n: { text: string }) => n.text)).toContain('聊城市东昌府区市场监督管理局组织双方调解');
  });

  it('the business opens only the files the consumer shared with it, and every file it opens is recorded', async () => {
    const biz = await businessUser(RESTAURANT);
    const c = await kit.assigned(against(RESTAURANT));
    const upload = (share: boolean, name: string) =>
      kit.http
        .post(`/api/v1/complaints/${c.trackingNo}/attachments`)
        .set('X-Access-Code', c.accessCode)
        .field('shareWithBusiness', String(share))
        .attach('file', Buffer.concat([TINY_PNG, Buffer.from(name)]), name);
    const shared = (await upload(true, 'receipt.png')).body.attachments[0].id as string;
    const kept = (await upload(false, 'id-card.png')).body.attachments[0].id as string;
    const file = (await biz.get(`/business/cases/${c.id}`)).body;
    expect(file.attachments.map((a: { id: string }) => a.id)).toEqual([shared]);
    expect((await biz.get(`/business/cases/${c.id}/attachments/${kept}`)).status).toBe(404);
    expect((await biz.get(`/business/cases/${c.id}/attachments/${shared}`)).status).toBe(200);
    const audit = await kit.q<{ unit_code: string; fields: string[] }>(
      `select unit_code, fields from personal_data_access where case_id = $1`,
      [c.id],
    );
    expect(audit).toEqual([{ unit_code: RESTAURANT, fields: [`attachment:${shared}`] }]);
  });

  it('a business that does not answer within 10 working days: the case escalates by itself and the consumer is told', async () => {
    const c = await on('2026-11-02', () => kit.assigned(against(RESTAURANT)));
    const sweep = kit.api.app.get(SettlementService);
    await on('2026-11-16', () => sweep.escalateLapsed());
    expect((await kit.q<{ status: string }>(`select status from cases where id = $1`, [c.id]))[0].status).toBe('settling');
    await on('2026-11-17', () => sweep.escalateLapsed());
    const [row] = await kit.q<{ status: string; escalation_cause: string }>(`select status, escalation_cause from cases where id = $1`, [
      c.id,
    ]);
    expect(row).toEqual({ status: 'received', escalation_cause: 'no-answer' });
    const [event] = await kit.q<{ data: { fromType: string; from: string } }>(
      `select data from case_event where case_id = $1 and type = 'escalated'`,
      [c.id],
    );
    expect(event.data).toMatchObject({ fromType: 'business', from: RESTAURANT });
    await on('2026-11-17', () => kit.route(c.trackingNo, c.accessCode, 1));
    const [sms] = await kit.q<{ text: string }>(`select text from notification where case_id = $1 and kind = 'escalated'`, [c.id]);
    expect(sms.text).toContain('经营者未在规定时间内答复');
  });

  it('a business that does not agree (不同意，附理由) sends the complaint to the regulator', async () => {
    const biz = await businessUser(RESTAURANT);
    const c = await on('2026-11-02', () => kit.assigned(against(RESTAURANT)));
    await backdate(c.id, 'assigned_at', '2026-11-02');
    expect((await biz.act(c.id, { action: 'settlement-failed' })).status).toBe(400);
    await on('2026-11-03', () => biz.do(c.id, { action: 'settlement-failed', note: '菜品与宣传一致，不同意退款' }));
    const [row] = await kit.q<{ escalation_cause: string }>(`select escalation_cause from cases where id = $1`, [c.id]);
    expect(row.escalation_cause).toBe('business-declined');
    const [event] = await kit.q<{ data: { answer: { workingDays: number } } }>(
      `select data from case_event where case_id = $1 and type = 'escalated'`,
      [c.id],
    );
    expect(event.data.answer.workingDays).toBe(1);
  });

  it('a business that says the complaint is not about it hands it back: the venue’s station helps instead, never the business again', async () => {
    const biz = await businessUser(RESTAURANT);
    const c = await kit.assigned(against(RESTAURANT));
    await biz.do(c.id, { action: 'hand-back', note: '本店没有这位顾客的消费记录，不是本店' });
    const again = await kit.route(c.trackingNo, c.accessCode, 1);
    expect(again).toMatchObject({ assigneeType: 'station', assigneeCode: MALL_STATION });
    const [decision] = await kit.q<{ candidates: { type: string; why: string }[] }>(
      `select candidates from routing_decision where case_id = $1 and round = 1`,
      [c.id],
    );
    expect(decision.candidates).toContainEqual(expect.objectContaining({ type: 'business', why: '已退回' }));
    expect((await biz.get('/business/cases?view=open')).body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
  });

  it('the venue’s station sees its tenant’s settlement case and can step in', async () => {
    const c = await on('2026-11-02', () => kit.assigned(against(RESTAURANT)));
    const mall = await kit.staff('station-staff', MALL_STATION);
    const seen = await mall.detail(c.id);
    expect(seen.allowedActions).toEqual(['step-in']);
    // The county bureau of the area oversees it, read-only.
    const oversight = await (await kit.staff('regulator-staff', BUREAU)).detail(c.id);
    expect(oversight).toMatchObject({ allowedActions: [], assignee: { type: 'business', code: RESTAURANT } });
    // A station elsewhere does not see it at all.
    expect((await (await kit.staff('station-staff', 'ST-371502-002')).get(`/cases/${c.id}`)).status).toBe(404);
    await mall.do(c.id, { action: 'step-in' });
    const [row] = await kit.q<Record<string, unknown>>(`select status, assignee_type, assignee_code from cases where id = $1`, [c.id]);
    expect(row).toEqual({ status: 'negotiating', assignee_type: 'station', assignee_code: MALL_STATION });
    const timeline = (await kit.consumerView(c.trackingNo, c.accessCode)).timeline.map((e: { text: string }) => e.text);
    expect(timeline.join('\n')).toContain('stepped in');
  });

  it('a name-only respondent is offered to the station as the enrolled business; the station confirms and passes it on', async () => {
    const c = await on('2026-11-02', () =>
      kit.assigned(
        against(null, {
          respondent: { name: '聊城市某某餐饮有限公司', address: '东昌府区东昌路 229 号', areaCode: '371502', venueCode: MALL },
        }),
      ),
    );
    expect(c).toMatchObject({ assigneeType: 'station', assigneeCode: MALL_STATION });
    const mall = await kit.staff('station-staff', MALL_STATION);
    const file = await mall.detail(c.id);
    expect(file.settlement.businessMatches).toEqual([{ creditCode: RESTAURANT, name: '聊城市某某餐饮有限公司', exact: true }]);
    expect(file.allowedActions).toContain('refer-to-business');
    const wrong = await mall.act(c.id, { action: 'refer-to-business', targetUnit: OTHER });
    expect(wrong.status).toBe(400);
    await on('2026-11-03', () => mall.do(c.id, { action: 'refer-to-business', targetUnit: RESTAURANT }));
    const [row] = await kit.q<Record<string, unknown>>(
      `select status, assignee_type, assignee_code, respondent_credit_code, settlement_due::text as due from cases where id = $1`,
      [c.id],
    );
    expect(row).toEqual({
      status: 'settling',
      assignee_type: 'business',
      assignee_code: RESTAURANT,
      respondent_credit_code: RESTAURANT,
      due: '2026-11-17',
    });
  });

  it('a suspended business receives no new complaint: the station of its venue helps instead', async () => {
    expect((await patch(admin, `/admin/businesses/${OTHER}`, { suspended: true })).status).toBe(400);
    const s = await patch(admin, `/admin/businesses/${OTHER}`, { suspended: true, suspendedReason: '多次逾期未答复' });
    expect(s.body).toMatchObject({ odrActive: false, suspendedReason: '多次逾期未答复' });
    const c = await kit.assigned(
      against(OTHER, {
        respondent: { name: '聊城市另一家餐饮有限公司', creditCode: OTHER, address: '金鼎购物中心', areaCode: '371502', venueCode: MALL },
      }),
    );
    expect(c).toMatchObject({ assigneeType: 'station', assigneeCode: MALL_STATION });
    const [decision] = await kit.q<{ candidates: { type: string; why: string }[] }>(
      `select candidates from routing_decision where case_id = $1`,
      [c.id],
    );
    expect(decision.candidates).toContainEqual(expect.objectContaining({ type: 'business', why: '在线消费纠纷解决已暂停' }));
    expect((await patch(admin, `/admin/businesses/${OTHER}`, { suspended: false })).body.odrActive).toBe(true);
  });

  it('a business never reaches another business’s complaint, any report, or the staff endpoints', async () => {
    const biz = await businessUser(RESTAURANT);
    const other = await businessUser(OTHER);
    const mine = await kit.assigned(against(RESTAURANT));
    // A report about the same business, and a complaint-and-report filed together.
    const report = await kit.assigned({ kind: 'report', categoryCode: 'catering', respondent: against(RESTAURANT).respondent });
    const both = await kit.file({ ...against(RESTAURANT), kind: 'both', path: undefined });
    const bothComplaint = await kit.route(both.trackingNo, both.accessCode);
    const [linkedReport] = await kit.q<{ id: string }>(`select id::text as id from cases where tracking_no = $1`, [both.linkedTrackingNo]);

    for (const path of [`/business/cases/${report.id}`, `/business/cases/${linkedReport.id}`, `/business/cases/${mine.id}/attachments/1`]) {
      expect((await biz.get(path)).status).toBe(404);
    }
    // Every business endpoint, on another business's complaint and on a report: as if it did not exist.
    const png = TINY_PNG;
    for (const [who, id] of [
      [other, mine.id],
      [biz, report.id],
      [biz, linkedReport.id],
    ] as const) {
      const auth = { Authorization: `Bearer ${await who.auth()}` };
      expect((await who.get(`/business/cases/${id}`)).status).toBe(404);
      expect((await kit.http.post(`/api/v1/business/cases/${id}/attachments`).set(auth).attach('file', png, 'a.png')).status).toBe(404);
      expect((await who.get(`/business/cases/${id}/attachments/1`)).status).toBe(404);
      for (const body of [
        { action: 'take-up' },
        { action: 'record-offer', response: 'full', remedy: 'apology', note: '道歉' },
        { action: 'settlement-failed', note: '不同意' },
        { action: 'hand-back', note: '不是我们' },
        { action: 'statement', note: '说明' },
      ])
        expect([id, body.action, (await who.act(id, body)).status]).toEqual([id, body.action, 404]);
    }
    // Its own complaint: a department's decision, a station's step and a note are not a business's (403).
    for (const action of ['accept', 'refuse', 'resolve', 'terminate', 'close', 'note', 'step-in', 'refer-to-business'])
      expect([action, (await biz.act(mine.id, { action, note: '试试' })).status]).toEqual([action, 403]);
    for (const path of [
      '/cases',
      `/cases/${mine.id}`,
      `/cases/${mine.id}/personal-data`,
      '/stats/summary',
      '/admin/users',
      '/admin/businesses',
    ]) {
      expect([path, (await biz.get(path)).status]).toEqual([path, 403]);
    }
    // The complaint half of "both" is the business's to answer; nothing in it tells of the report.
    const queue = (await biz.get('/business/cases?view=all')).body.items.map((i: { id: string }) => i.id);
    expect(queue).toEqual(expect.arrayContaining([mine.id, bothComplaint.id]));
    expect(queue).not.toContain(report.id);
    expect(queue).not.toContain(linkedReport.id);
    const text = JSON.stringify((await biz.get(`/business/cases/${bothComplaint.id}`, 'zh-CN')).body);
    expect(text).not.toMatch(/举报|report|linked/i);
    expect(text).not.toContain(both.linkedTrackingNo!);
  });
});
