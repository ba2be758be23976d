import type { Routed, Staff } from './support/case-kit';
import { CaseKit } from './support/case-kit';

/**
 * Joint complaints (共同投诉, Order 121 Art. 12) through HTTP, on the real PostgreSQL: three consumers'
 * complaints (two from one phone) against one restaurant in 东昌府区, grouped by the county bureau
 * with each complainant's consent. Each case's history and the consumer's timeline say so; each
 * consumer gets one SMS however many of their complaints are in the group. Reports, another business,
 * missing consent, a case already grouped, a station and another county's bureau are refused.
 */
describe('joint complaints (Order 121 Art. 12, HTTP)', () => {
  let kit: CaseKit;
  let bureau: Staff;
  const respondent = { name: '聊城市共同投诉测试火锅店', address: '东昌府区东昌路 66 号', areaCode: '371502' };
  const consumer = (phone: string) => ({ name: '李四', phone, address: '东昌府区柳园街道某小区 5 号楼' });
  /** a and b: one consumer (one phone, two purchases); c: another consumer. */
  let a: Routed, b: Routed, c: Routed;
  let report: Routed, elsewhere: Routed, later: Routed;
  let created: { id: string; jointNo: string };

  const post = async (who: Staff, body: object) =>
    kit.http
      .post('/api/v1/joint-cases')
      .set('Authorization', `Bearer ${await who.auth()}`)
      .set('Accept-Language', 'en')
      .send(body);
  const written = (r: Routed) => ({ caseId: r.id, consentMethod: 'written' });

  beforeAll(async () => {
    kit = await CaseKit.start();
    a = await kit.assigned({ respondent, consumer: consumer('13906350801') });
    // The same consumer's second complaint, about another purchase (another category, so not a repeat filing).
    b = await kit.assigned({ respondent, consumer: consumer('13906350801'), categoryCode: 'food' });
    c = await kit.assigned({ respondent, consumer: consumer('13906350802') });
    report = await kit.assigned({ kind: 'report', respondent, consumer: consumer('13906350803') });
    elsewhere = await kit.assigned({ consumer: consumer('13906350804') });
    later = await kit.assigned({ respondent, consumer: consumer('13906350805') });
    for (const r of [a, b, c, later]) expect(r.assigneeCode).toBe('MR-371502');
    bureau = await kit.staff('regulator-staff', 'MR-371502');
  });

  afterAll(async () => {
    await kit?.close();
  });

  it('a station, another county’s bureau and a city analyst may not group complaints: 403', async () => {
    const body = { members: [a, c].map(written) };
    for (const who of [
      await kit.staff('station-staff', 'ST-371502-001'),
      await kit.staff('regulator-staff', 'MR-371521'),
      await kit.staff('city-analyst'),
    ]) {
      const res = await post(who, body);
      expect(res.status).toBe(403);
    }
  });

  it('a report, a complaint against another business, and a member without recorded consent: 400 naming it', async () => {
    const withReport = await post(bureau, { members: [a, report].map(written) });
    expect(withReport.status).toBe(400);
    expect(withReport.body.message).toContain(report.trackingNo);

    const other = await post(bureau, { members: [a, elsewhere].map(written) });
    expect(other.status).toBe(400);
    expect(other.body.message).toContain(elsewhere.trackingNo);

    const noConsent = await post(bureau, { members: [written(a), { caseId: c.id }] });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.details).toEqual([{ field: 'members.1.consentMethod', message: expect.stringContaining(c.trackingNo) }]);

    const phoneNoNote = await post(bureau, { members: [written(a), { caseId: c.id, consentMethod: 'phone' }] });
    expect(phoneNoNote.status).toBe(400);
    expect(phoneNoNote.body.details[0].field).toBe('members.1.consentNote');

    // Nothing was written by the refusals.
    expect(await kit.q(`select 1 from joint_case`)).toHaveLength(0);
  });

  it('the county bureau groups three complaints with consent: 201, one event per case, one SMS per consumer', async () => {
    const res = await post(bureau, {
      members: [
        written(a),
        { caseId: b.id, consentMethod: 'online' },
        { caseId: c.id, consentMethod: 'phone', consentNote: '12月3日下午致电投诉人本人，同意按共同投诉处理' },
      ],
      representatives: [a.id, c.id],
      note: '同一火锅店预付卡停业，投诉人同意共同投诉',
    });
    expect(res.status).toBe(201);
    created = res.body;
    expect(res.body.jointNo).toMatch(/^GT\d{13}$/);
    expect(res.body.unit.code).toBe('MR-371502');
    expect(res.body.respondent.name).toBe(respondent.name);
    expect(res.body.members.map((m: { trackingNo: string; representative: boolean }) => [m.trackingNo, m.representative])).toEqual([
      [a.trackingNo, true],
      [b.trackingNo, false],
      [c.trackingNo, true],
    ]);
    expect(res.body.members[2].consent).toMatchObject({ method: 'phone', note: expect.stringContaining('致电') });

    // Each case's history: the public event with the joint number.
    for (const r of [a, b, c]) {
      const detail = await bureau.detail(r.id);
      const event = detail.history.find((e: { type: string }) => e.type === 'joined-joint-case');
      expect(event).toMatchObject({ public: true, data: { jointNo: created.jointNo, others: 2 } });
      expect(detail.jointCase).toMatchObject({ jointNo: created.jointNo, memberCount: 3 });
      expect(detail.jointCase.representatives.map((x: { trackingNo: string }) => x.trackingNo)).toEqual([a.trackingNo, c.trackingNo]);
    }

    // The consumer reads it in their timeline.
    const view = await kit.http.get(`/api/v1/complaints/${b.trackingNo}`).set('X-Access-Code', b.accessCode);
    expect(view.status).toBe(200);
    const texts = (view.body.timeline as { text: string }[]).map((e) => e.text);
    expect(texts).toContain(`经您同意，您的投诉与另外 2 件针对同一经营者的投诉按共同投诉处理（共同投诉编号 ${created.jointNo}）`);

    // One notice per consumer: the phone with two complaints gets one, naming both.
    const sms = await kit.q<{ case_id: string; text: string }>(
      `select case_id::text, text from notification where kind = 'joint-case' and channel = 'sms' order by case_id`,
    );
    expect(sms.map((n) => n.case_id)).toEqual([a.id, c.id]);
    expect(sms[0].text).toContain(a.trackingNo);
    expect(sms[0].text).toContain(b.trackingNo);
    expect(sms[0].text).toContain(created.jointNo);
    expect(sms[1].text).not.toContain(a.trackingNo);
  });

  it('GET /joint-cases/{id}: the bureau reads it; another county’s bureau finds nothing', async () => {
    const res = await bureau.get(`/joint-cases/${created.id}`);
    expect(res.status).toBe(200);
    expect(res.body.jointNo).toBe(created.jointNo);
    expect(res.body.members).toHaveLength(3);
    const analyst = await kit.staff('city-analyst');
    expect((await analyst.get(`/joint-cases/${created.id}`)).status).toBe(200);
    const other = await kit.staff('regulator-staff', 'MR-371521');
    expect((await other.get(`/joint-cases/${created.id}`)).status).toBe(404);
    expect((await bureau.get('/joint-cases/999999')).status).toBe(404);
  });

  it('a case already in a joint complaint cannot join another: 409 naming it', async () => {
    const res = await post(bureau, { members: [later, b].map(written) });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain(b.trackingNo);
    expect(res.body.message).toContain(created.jointNo);
  });

  it('two groupings of overlapping complaints at once: one is made, the other is told the case was taken', async () => {
    const x = await kit.assigned({ respondent, consumer: consumer('13906350807') });
    const y = await kit.assigned({ respondent, consumer: consumer('13906350808') });
    const z = await kit.assigned({ respondent, consumer: consumer('13906350809') });
    const answers = await Promise.all([post(bureau, { members: [x, y].map(written) }), post(bureau, { members: [z, y].map(written) })]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await kit.q(`select 1 from joint_case_member where case_id = $1`, [y.id])).toHaveLength(1);
  });

  it('a finished complaint cannot join: 409 naming it', async () => {
    await bureau.do(later.id, { action: 'refuse', reasonCode: '1', note: '不属于本部门职责' });
    const d = await kit.assigned({ respondent, consumer: consumer('13906350806') });
    const res = await post(bureau, { members: [d, later].map(written) });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain(later.trackingNo);
  });
});
