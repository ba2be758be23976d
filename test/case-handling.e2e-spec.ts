import type { IsoDate } from '@weiquan/calendar';
import type { Staff } from './support/case-kit';
import { at, CaseKit, shanghaiDay } from './support/case-kit';

/**
 * Staff handle cases through the state machine, over HTTP, as the staff console does.
 *
 * Dated steps run on fixed days of 2026 (`on`), and every expected date is counted by hand on the
 * State Council's 2026 schedule (days off on a weekday: 25 Sep, 1–2 and 5–7 Oct; weekend working
 * days: 20 Sep, 10 Oct; nothing in November or early December), the start day never counted.
 */
describe('staff case handling', () => {
  let kit: CaseKit;

  beforeAll(async () => {
    kit = await CaseKit.start();
  });

  afterAll(async () => {
    await kit?.close();
  });

  /** Acts at 10:00 China time on `day`. */
  const on = <T>(day: IsoDate, work: () => Promise<T>) => at(`${day}T02:00:00Z`, work);
  const staffEvents = (d: { history: { actor: { type: string }; action: string | null }[] }) =>
    d.history.filter((h) => h.actor.type === 'staff').map((h) => h.action);
  const clock = (d: { clocks: { clock: string }[] }, name: string) =>
    d.clocks.find((k) => k.clock === name) as Record<string, unknown> | undefined;
  /** The consumer's tracking view in Chinese, as the /track page shows it. */
  const tracking = async (c: { trackingNo: string; accessCode: string }) => {
    const res = await kit.http.get(`/api/v1/complaints/${c.trackingNo}`).set('X-Access-Code', c.accessCode).set('Accept-Language', 'zh-CN');
    expect(res.status).toBe(200);
    return res.body;
  };
  const deadline = (view: { deadlines: { kind: string }[] }, kind: string) =>
    view.deadlines.find((x) => x.kind === kind) as Record<string, unknown> | undefined;

  /** A refusal names the other ways to settle of 消费者权益保护法 Art. 39 (Order 121 Art. 15 para. 2). */
  const expectOtherWays = (text: string) => {
    for (const way of [
      '协商和解',
      '消费者协会',
      '调解',
      '向有关行政部门投诉',
      '仲裁',
      '向人民法院提起诉讼',
      '《消费者权益保护法》第三十九条',
    ]) {
      expect(text).toContain(way);
    }
  };

  /**
   * No placeholder citation ("条号待核") reaches anyone: the consumer's view in both languages, the
   * case file in both languages, or the messages sent.
   */
  const expectNoPlaceholder = async (c: { id: string; trackingNo: string; accessCode: string }, staff: Staff) => {
    const read = [
      await tracking(c),
      await kit.consumerView(c.trackingNo, c.accessCode),
      (await staff.get(`/cases/${c.id}`, 'zh-CN')).body,
      await staff.detail(c.id),
      await kit.q(`select text from notification where case_id = $1`, [c.id]),
    ];
    expect(JSON.stringify(read)).not.toContain('待核');
  };

  it('a complaint: accept → mediation → pause → resume → resolve → close → follow-up → the consumer rates it', async () => {
    const c = await on('2026-09-01', () => kit.assigned());
    // Filed straight with the department (the statutory procedure is the department's, never a station's).
    expect(c).toMatchObject({ track: 'complaint', assigneeType: 'regulator', assigneeCode: 'MR-371502' });
    const staff = await kit.handlerOf(c);

    let d = await staff.detail(c.id);
    expect(d).toMatchObject({ status: 'assigned', handledByYou: true, allowedActions: ['accept', 'refuse', 'hand-back', 'note'] });

    // Accepted on the day it was received, Tue 1 Sep 2026 (acceptance was due Thu 10 Sep: 2–4, 7–10 Sep).
    expect(await on('2026-09-01', () => staff.do(c.id, { action: 'accept' }))).toEqual({
      id: c.id,
      action: 'accept',
      from: 'assigned',
      status: 'accepted',
    });
    d = await staff.detail(c.id);
    expect(d.status).toBe('accepted');
    expect(d.allowedActions).toEqual(['start-mediation', 'resolve', 'terminate', 'report-violation', 'note']);
    const mediation = () => clock(d, 'mediation');
    expect(clock(d, 'acceptance')).toMatchObject({ dueOn: '2026-09-10', metOn: '2026-09-01', running: false });
    // 60 days after 1 Sep: 29 in September, 31 in October: Sat 31 Oct, not a working day → Mon 2 Nov.
    expect(mediation()).toMatchObject({
      countsFrom: '2026-09-01',
      days: 60,
      count: 'calendar',
      workingDays: null,
      basis: { kind: 'law', text: '总局令第121号第二十三条第（五）项、第四十五条' },
      dueOn: '2026-11-02',
      provisional: false,
      running: true,
      pausedOn: null,
    });
    expect(d.dueOn).toBe('2026-11-02');

    await on('2026-09-01', () => staff.do(c.id, { action: 'start-mediation', note: '已电话联系双方，约定调解时间' }));
    d = await staff.detail(c.id);
    expect(d.status).toBe('mediating');
    expect(d.allowedActions).toEqual(['pause-clock', 'resolve', 'terminate', 'report-violation', 'note']);

    // Pause without a note: 400 naming it.
    const bare = await staff.act(c.id, { action: 'pause-clock' });
    expect(bare.status).toBe(400);
    expect(bare.body.details).toEqual([{ field: 'note', message: expect.any(String) }]);
    // Paused Tue 8 Sep for an appraisal: 7 days used, 53 left.
    await on('2026-09-08', () => staff.do(c.id, { action: 'pause-clock', note: '送检：委托第三方检测机构鉴定食材' }));
    d = await staff.detail(c.id);
    expect(d.status).toBe('paused');
    expect(d.allowedActions).toEqual(['resume-clock', 'terminate', 'report-violation', 'note']);
    expect(mediation()).toMatchObject({ pausedOn: '2026-09-08', running: false, dueOn: '2026-11-02' });

    // The appraisal takes a week; resumed Tue 15 Sep, the clock runs again for its 53 days: day 53 is
    // Sat 7 Nov (15 + 31 + 7), so Mon 9 Nov: the old end moved by the 7 days it stood still (9–15 Sep).
    await on('2026-09-15', async () => {
      await staff.do(c.id, { action: 'resume-clock', note: '检测报告已出' });
      d = await staff.detail(c.id);
      expect(d.status).toBe('mediating');
      expect(mediation()).toMatchObject({ pausedOn: null, running: true, countsFrom: '2026-09-15', days: 53, dueOn: '2026-11-09' });
      expect(d.dueOn).toBe('2026-11-09');

      await staff.do(c.id, { action: 'resolve', amountRecovered: 1280.5, agreement: true, note: '商家退还餐费并赔偿' });
    });
    d = await staff.detail(c.id);
    expect(d.status).toBe('resolved');
    expect(d.allowedActions).toEqual(['close', 'note']);
    expect(d.outcome).toMatchObject({ amountRecovered: '1280.50', agreement: true, concludedAt: expect.any(String) });
    expect(mediation()).toMatchObject({ metOn: '2026-09-15' });

    // Closed Tue 20 Oct: the follow-up visit is city policy, 10 working days: 21–23 Oct (3), 26–30 (8), 2–3 Nov (10).
    await on('2026-10-20', () => staff.do(c.id, { action: 'close' }));
    d = await staff.detail(c.id);
    expect(d.status).toBe('closed');
    expect(d.allowedActions).toEqual(['record-follow-up', 'note']);
    expect(clock(d, 'follow-up')).toMatchObject({
      countsFrom: '2026-10-20',
      days: 10,
      count: 'working',
      workingDays: 10,
      basis: { kind: 'policy', text: expect.stringContaining('非法定') },
      dueOn: '2026-11-03',
      running: true,
    });

    await on('2026-10-27', () => staff.do(c.id, { action: 'record-follow-up', note: '回访：消费者对处理结果满意' }));
    d = await staff.detail(c.id);
    expect(d.status).toBe('closed');
    expect(d.allowedActions).toEqual(['note']);
    expect(clock(d, 'follow-up')).toMatchObject({ metOn: '2026-10-27', running: false });
    expect(d.outcome.followUpAt).toEqual(expect.any(String));

    const rated = await kit.http
      .post(`/api/v1/complaints/${c.trackingNo}/rating`)
      .set('X-Access-Code', c.accessCode)
      .send({ rating: 'satisfied', comment: '处理及时' });
    expect(rated.status).toBe(201);
    d = await staff.detail(c.id);
    expect(d.outcome.rating).toEqual({ rating: 'satisfied', comment: '处理及时' });

    // One history event per step, each with who and which unit.
    const steps = ['accept', 'start-mediation', 'pause-clock', 'resume-clock', 'resolve', 'close', 'record-follow-up'];
    expect(staffEvents(d)).toEqual(steps);
    for (const h of d.history.filter((x: { actor: { type: string } }) => x.actor.type === 'staff')) {
      expect(h.actor).toEqual({ type: 'staff', id: staff.id, unitCode: c.assigneeCode });
    }
    expect(d.history.map((h: { type: string }) => h.type)).toEqual(['received', 'assigned', ...steps, 'rated']);
    // What statistics replay later is fixed in the events: clocks met on time, working days taken
    // (received 1 Sep, resolved 15 Sep: 2–4, 7–11, 14–15 Sep).
    const event = (type: string) => d.history.find((h: { type: string }) => h.type === type);
    expect(event('accept').data.met).toEqual([{ clock: 'acceptance', dueOn: '2026-09-10', metOn: '2026-09-01', onTime: true }]);
    expect(event('resolve').data).toMatchObject({
      handlingWorkingDays: 10,
      outcome: { amountRecoveredFen: 128050, agreement: true },
    });
    const transitions = d.history
      .filter((h: { actor: { type: string } }) => h.actor.type === 'staff')
      .map((h: { from: string; to: string }) => `${h.from}>${h.to}`);
    expect(transitions).toEqual([
      'assigned>accepted',
      'accepted>mediating',
      'mediating>paused',
      'paused>mediating',
      'mediating>resolved',
      'resolved>closed',
      'closed>closed',
    ]);

    // The consumer was told at each step that concerns them, in the step's own transaction.
    expect(await kit.notificationKinds(c.id)).toEqual(['accepted', 'mediation-resolved', 'closed', 'follow-up']);

    // ... and reads the steps (not the office's notes) in the timeline.
    const mine = await kit.consumerView(c.trackingNo, c.accessCode);
    expect(mine.status).toBe('closed');
    expect(mine.assignee).toMatchObject({ code: c.assigneeCode, type: 'regulator' });
    expect(mine.timeline.map((e: { type: string }) => e.type)).toEqual(['received', 'assigned', ...steps, 'rated']);
    expect(mine.timeline.find((e: { type: string }) => e.type === 'resolve').text).toContain('1280.50');
    expect(JSON.stringify(mine)).not.toContain('送检');
    const zh = await tracking(c);
    expect(zh.timeline.find((e: { type: string }) => e.type === 'pause-clock').text).toBe('调解期限暂停计时（检测、鉴定期间不计入）');
    expect(deadline(zh, 'follow-up')).toMatchObject({ text: '回访期限（本市工作规范，非法定期限）', metOn: '2026-10-27' });
    await expectNoPlaceholder(c, staff);
  });

  it('refuses a complaint with a reason code of its rule set; a wrong or missing code is a 400 naming reasonCode', async () => {
    const c = await kit.assigned();
    const staff = await kit.handlerOf(c);
    const missing = await staff.act(c.id, { action: 'refuse', note: '不属于消费纠纷' });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([{ field: 'reasonCode', message: expect.stringMatching(/reason code is required/) }]);
    const wrong = await staff.act(c.id, { action: 'refuse', reasonCode: '9' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([
      { field: 'reasonCode', message: expect.stringMatching(/"9" is not a reason code under order121/) },
    ]);
    const notCode = await staff.act(c.id, { action: 'refuse', reasonCode: 'three' });
    expect(notCode.status).toBe(400);
    expect(notCode.body.details.map((x: { field: string }) => x.field)).toEqual(['reasonCode']);

    let d = await staff.detail(c.id);
    expect(d.status).toBe('assigned');
    // Order 121 Art. 16 has seven items, one code each, in the article's order.
    expect(d.reasonOptions.refusal.map((r: { code: string; basis: string }) => [r.code, r.basis])).toEqual(
      ['一', '二', '三', '四', '五', '六', '七'].map((n, i) => [String(i + 1), `总局令第121号第十六条第（${n}）项`]),
    );
    expect(staffEvents(d)).toEqual([]);

    expect(await staff.do(c.id, { action: 'refuse', reasonCode: '3', note: '非生活消费' })).toMatchObject({
      status: 'refused',
      from: 'assigned',
    });
    d = await staff.detail(c.id);
    expect(d.status).toBe('refused');
    expect(d.allowedActions).toEqual(['note']);
    expect(d.outcome.reasonCode).toBe('3');
    const ev = d.history.find((h: { action: string }) => h.action === 'refuse');
    expect(ev).toMatchObject({
      reasonCode: '3',
      from: 'assigned',
      to: 'refused',
      actor: { type: 'staff', id: staff.id, unitCode: c.assigneeCode },
    });
    expect(ev.data.reason).toMatchObject({ kind: 'refusal', code: '3', basis: '总局令第121号第十六条第（三）项' });
    expect(d.clocks.find((k: { clock: string }) => k.clock === 'acceptance')).toMatchObject({
      metOn: shanghaiDay(new Date()),
      running: false,
    });
    expect(await kit.notificationKinds(c.id)).toEqual(['refused']);
    const mine = await kit.consumerView(c.trackingNo, c.accessCode);
    expect(mine.status).toBe('refused');
    const refusal = mine.timeline.find((e: { type: string }) => e.type === 'refuse').text;
    expect(refusal).toMatch(/^Not accepted: not bought or used for household consumption.*\(总局令第121号第十六条第（三）项\)\. /);
    expect(refusal).toContain('Consumer Rights Protection Law Art. 39');
  });

  it('a refusal tells the consumer the ground, its article and item, and the other ways to settle (消保法 Art. 39)', async () => {
    const c = await kit.assigned();
    const staff = await kit.handlerOf(c);
    await staff.do(c.id, { action: 'refuse', reasonCode: '5', note: '投诉人未提供被投诉人地址' });
    // Order 121 Art. 16(5): missing materials, or false ones (Order 20 had no "false materials" here).
    const ground =
      '未提供规定的材料（投诉人真实身份信息，被投诉人名称、地址，具体投诉请求和争议事实；委托代理的授权委托书原件和受托人身份证明），或者提供虚假材料';
    const basis = '（依据：总局令第121号第十六条第（五）项）';

    const [sms] = await kit.q<{ text: string }>(
      `select text from notification where case_id = $1 and kind = 'refused' and channel = 'sms'`,
      [c.id],
    );
    expect(sms.text).toContain(`您的投诉（查询编号 ${c.trackingNo}）不予受理，原因：${ground}${basis}。`);
    expectOtherWays(sms.text);

    const zh = await tracking(c);
    const refusal = zh.timeline.find((e: { type: string }) => e.type === 'refuse').text;
    expect(refusal).toContain(`不予受理：${ground}${basis}`);
    expectOtherWays(refusal);
    await expectNoPlaceholder(c, staff);
  });

  it('terminates a mediation with a termination reason, then closes it', async () => {
    const c = await on('2026-09-21', () => kit.assigned());
    const staff = await kit.handlerOf(c);
    await on('2026-09-21', async () => {
      await staff.do(c.id, { action: 'accept' });
      await staff.do(c.id, { action: 'start-mediation' });
    });
    // Order 121 Art. 23's eight items, in their order: code 8 (a party died or ceased to exist) is item
    // (七), and "other grounds" (code 7) is item (八).
    const d0 = await staff.detail(c.id);
    expect(d0.reasonOptions.termination.map((r: { code: string; basis: string }) => [r.code, r.basis])).toEqual(
      [
        ['1', '一'],
        ['3', '二'],
        ['4', '三'],
        ['2', '四'],
        ['5', '五'],
        ['6', '六'],
        ['8', '七'],
        ['7', '八'],
      ].map(([code, n]) => [code, `总局令第121号第二十三条第（${n}）项`]),
    );
    const wrong = await staff.act(c.id, { action: 'terminate', reasonCode: '9' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details[0].field).toBe('reasonCode');
    // Terminated Tue 22 Sep: both parties are told within 7 working days: 23–24 Sep (2), 25 Sep (中秋)
    // off, 28–30 Sep (5), 1–7 Oct off, 8–9 Oct (7): Fri 9 Oct.
    await on('2026-09-22', () => staff.do(c.id, { action: 'terminate', reasonCode: '4', note: '被投诉人明确表示无法达成协议' }));
    let d = await staff.detail(c.id);
    expect(d.status).toBe('terminated');
    expect(d.allowedActions).toEqual(['close', 'note']);
    expect(d.outcome.reasonCode).toBe('4');
    expect(clock(d, 'mediation')).toMatchObject({ metOn: '2026-09-22', running: false });
    expect(clock(d, 'termination-notice')).toMatchObject({
      days: 7,
      count: 'working',
      basis: { kind: 'law', text: '总局令第121号第二十三条' },
      dueOn: '2026-10-09',
      running: true,
    });
    expect(d.dueOn).toBe('2026-10-09');

    // Closed Thu 24 Sep; the follow-up visit (city policy) then runs 10 working days: 28–30 Sep (3),
    // 8–9 Oct (5), Sat 10 Oct worked (6), 12–15 Oct (10).
    await on('2026-09-24', () => staff.do(c.id, { action: 'close' }));
    d = await staff.detail(c.id);
    expect(d.status).toBe('closed');
    expect(clock(d, 'termination-notice')).toMatchObject({ metOn: '2026-09-24', running: false });
    expect(clock(d, 'follow-up')).toMatchObject({ dueOn: '2026-10-15', basis: { kind: 'policy' } });
    expect(staffEvents(d)).toEqual(['accept', 'start-mediation', 'terminate', 'close']);
    expect(d.history.find((h: { action: string }) => h.action === 'terminate')).toMatchObject({
      reasonCode: '4',
      from: 'mediating',
      to: 'terminated',
      data: { reason: { basis: '总局令第121号第二十三条第（三）项' } },
    });
    expect(await kit.notificationKinds(c.id)).toEqual(['accepted', 'mediation-terminated', 'closed']);
    const [n] = await kit.q<{ text: string }>(`select text from notification where case_id = $1 and kind = 'mediation-terminated'`, [c.id]);
    expect(n.text).toContain('（依据：总局令第121号第二十三条第（三）项）');
    await expectNoPlaceholder(c, staff);
  });

  it('a report goes to a regulator: accept → extend the decision → open an enforcement case → close, and the reporter is told', async () => {
    // Received Mon 2 Nov 2026; November has no holiday, so 15 working days are three weeks: Mon 23 Nov.
    const r = await on('2026-11-02', () => kit.assigned({ kind: 'report' }));
    expect(r).toMatchObject({ track: 'report', assigneeType: 'regulator', assigneeCode: 'MR-371502' });
    const officer = await kit.handlerOf(r);

    let d = await officer.detail(r.id);
    expect(d.allowedActions).toEqual([
      'accept',
      'hand-back',
      'open-enforcement',
      'decline-enforcement',
      'extend-decision',
      'merge-into',
      'note',
    ]);
    const decision = () => clock(d, 'decision');
    expect(decision()).toMatchObject({
      countsFrom: '2026-11-02',
      days: 15,
      count: 'working',
      workingDays: 15,
      basis: { kind: 'law', text: '总局令第121号第三十五条，《市场监督管理行政处罚程序规定》第十八条' },
      dueOn: '2026-11-23',
      running: true,
    });

    await on('2026-11-02', () => officer.do(r.id, { action: 'accept' }));
    d = await officer.detail(r.id);
    expect(d.status).toBe('deciding');
    expect(d.allowedActions).toEqual(['pause-clock', 'open-enforcement', 'decline-enforcement', 'extend-decision', 'merge-into', 'note']);

    expect((await officer.act(r.id, { action: 'extend-decision' })).status).toBe(400);
    // Extended once by 15 working days: 30 from 2 Nov: 23 Nov (15), 24–27 Nov (19), 30 Nov (20),
    // 1–4 Dec (24), 7–11 Dec (29), Mon 14 Dec (30).
    await on('2026-11-03', () => officer.do(r.id, { action: 'extend-decision', note: '案情复杂，经负责人批准延长' }));
    d = await officer.detail(r.id);
    expect(decision()).toMatchObject({ dueOn: '2026-12-14', provisional: false, days: 30, workingDays: 30, running: true });
    expect(d.dueOn).toBe('2026-12-14');
    expect(d.allowedActions).toEqual(['pause-clock', 'open-enforcement', 'decline-enforcement', 'merge-into', 'note']);
    const twice = await officer.act(r.id, { action: 'extend-decision', note: '再次延长' });
    expect(twice.status).toBe(409);

    // Opened Tue 10 Nov: the reporter is told within 5 working days, by the city's policy (Order 121
    // sets no period, Art. 36): 11–13 Nov (3), 16–17 Nov (5).
    await on('2026-11-10', () => officer.do(r.id, { action: 'open-enforcement', note: '立案调查' }));
    d = await officer.detail(r.id);
    expect(d.status).toBe('case-opened');
    expect(d.outcome.decision).toBe('opened');
    expect(d.allowedActions).toEqual(['close', 'note']);
    expect(clock(d, 'reporter-notice')).toMatchObject({
      days: 5,
      count: 'working',
      basis: { kind: 'policy', text: expect.stringContaining('非法定') },
      dueOn: '2026-11-17',
      running: true,
    });
    expect(decision()).toMatchObject({ metOn: '2026-11-10', running: false, late: false });
    const told = deadline(await tracking(r), 'reporter-notice');
    expect(told).toMatchObject({ dueDate: '2026-11-17', text: expect.stringContaining('（本市工作规范，非法定期限）') });

    await on('2026-11-12', () => officer.do(r.id, { action: 'close' }));
    d = await officer.detail(r.id);
    expect(d.status).toBe('closed');
    expect(staffEvents(d)).toEqual(['accept', 'extend-decision', 'open-enforcement', 'close']);
    expect(clock(d, 'reporter-notice')!.metOn).toBe('2026-11-12');
    expect(await kit.notificationKinds(r.id)).toEqual(['report-decision']);
    // A closed report takes no rating.
    const rate = await kit.http
      .post(`/api/v1/complaints/${r.trackingNo}/rating`)
      .set('X-Access-Code', r.accessCode)
      .send({ rating: 'satisfied' });
    expect(rate.status).toBe(409);
    await expectNoPlaceholder(r, officer);
  });

  it('a report decision clock stops while the lead is tested (处罚程序规定 Art. 18) and resumes with the working days it had left', async () => {
    // Two reports received Mon 2 Nov 2026, due Mon 23 Nov (15 working days, no holiday in November).
    const [r, twin] = await on('2026-11-02', () => Promise.all([kit.assigned({ kind: 'report' }), kit.assigned({ kind: 'report' })]));
    const officer = await kit.handlerOf(r);
    // Only while deciding: a report not yet taken up has nothing to check.
    expect((await on('2026-11-02', () => officer.act(r.id, { action: 'pause-clock', note: '送检' }))).status).toBe(409);
    await on('2026-11-02', async () => {
      await officer.do(r.id, { action: 'accept' });
      await officer.do(twin.id, { action: 'accept' });
    });
    expect((await officer.act(r.id, { action: 'pause-clock' })).body.details).toEqual([{ field: 'note', message: expect.any(String) }]);

    // Paused Thu 5 Nov for sampling and testing: 3 working days used (3–5 Nov), 12 left.
    await on('2026-11-05', () => officer.do(r.id, { action: 'pause-clock', note: '抽样送检，等待检验报告' }));

    // On Tue 24 Nov the running twin is overdue; the paused report is not, and has no running due date.
    await on('2026-11-24', async () => {
      const d = await officer.detail(r.id);
      expect(d).toMatchObject({ status: 'deciding', dueOn: null, overdue: false });
      expect(d.allowedActions).toContain('resume-clock');
      expect(d.allowedActions).not.toContain('pause-clock');
      expect(clock(d, 'decision')).toMatchObject({ pausedOn: '2026-11-05', running: false, overdue: false });
      expect(await officer.detail(twin.id)).toMatchObject({ dueOn: '2026-11-23', overdue: true });
      const overdue = (await officer.get('/cases?overdue=true&limit=100')).body.items.map((i: { id: string }) => i.id);
      expect(overdue).toContain(twin.id);
      expect(overdue).not.toContain(r.id);
      const paused = await tracking(r);
      expect(paused.dueDate).toBeNull();
      expect(deadline(paused, 'decision')).toMatchObject({ pausedOn: '2026-11-05' });
    });

    // Resumed Mon 30 Nov with 12 working days: 1–4 Dec (4), 7–11 Dec (9), 14–16 Dec (12): Wed 16 Dec.
    // That is the old due date (23 Nov) moved by exactly the 17 working days it stood still
    // (6 Nov and 9–30 Nov): 24–27 Nov (4), 30 Nov (5), 1–4 Dec (9), 7–11 Dec (14), 14–16 Dec (17).
    await on('2026-11-30', () => officer.do(r.id, { action: 'resume-clock', note: '检验报告已出' }));
    let d = await officer.detail(r.id);
    expect(clock(d, 'decision')).toMatchObject({
      countsFrom: '2026-11-30',
      days: 12,
      dueOn: '2026-12-16',
      provisional: false,
      pausedOn: null,
      running: true,
    });
    expect(d.dueOn).toBe('2026-12-16');
    expect((await tracking(r)).dueDate).toBe('2026-12-16');

    // Decided on Tue 1 Dec: on time, the paused weeks not counted against the unit.
    await on('2026-12-01', () => officer.do(r.id, { action: 'open-enforcement' }));
    d = await officer.detail(r.id);
    expect(d.history.find((h: { action: string }) => h.action === 'open-enforcement').data.met).toEqual([
      { clock: 'decision', dueOn: '2026-12-16', metOn: '2026-12-01', onTime: true },
    ]);

    // The reporter reads that the checking stopped and resumed; a report is never mediated.
    const mine = await tracking(r);
    const texts = mine.timeline.map((e: { text: string }) => e.text);
    expect(texts).toContain('核查期限暂停计时（检验、检测、鉴定期间不计入）');
    expect(texts).toContain('核查期限恢复计算');
    expect(JSON.stringify(mine)).not.toContain('调解');
    expect(JSON.stringify(mine)).not.toContain('抽样送检');
    await expectNoPlaceholder(r, officer);
  });

  it('declines an enforcement case with a no-case reason', async () => {
    const r = await kit.assigned({ kind: 'report' });
    const officer = await kit.handlerOf(r);
    expect((await officer.act(r.id, { action: 'decline-enforcement' })).body.details).toEqual([
      { field: 'reasonCode', message: expect.any(String) },
    ]);
    await officer.do(r.id, { action: 'decline-enforcement', reasonCode: '1', note: '现场检查未发现违法行为' });
    let d = await officer.detail(r.id);
    expect(d).toMatchObject({
      status: 'not-opened',
      outcome: { decision: 'not-opened', reasonCode: '1' },
      allowedActions: ['close', 'note'],
    });
    expect(d.history.find((h: { action: string }) => h.action === 'decline-enforcement')).toMatchObject({
      reasonCode: '1',
      from: 'assigned',
      to: 'not-opened',
    });
    await officer.do(r.id, { action: 'close' });
    d = await officer.detail(r.id);
    expect(d.status).toBe('closed');
    expect(await kit.notificationKinds(r.id)).toEqual(['report-decision']);
    const [n] = await kit.q(`select text from notification where case_id = $1 and kind = 'report-decision'`, [r.id]);
    expect(n.text).toMatch(/不予立案/);
  });

  it('"both" makes two linked cases, each handled on its own track by its own unit', async () => {
    // The complaint to settle with a station's help, the report to the department.
    const f = await kit.file({ kind: 'both', path: 'settlement' });
    const complaint = await kit.route(f.trackingNo, f.accessCode);
    const report = await kit.route(f.linkedTrackingNo!, f.accessCode);
    expect(complaint).toMatchObject({ track: 'complaint', assigneeType: 'station' });
    expect(report).toMatchObject({ track: 'report', assigneeType: 'regulator', assigneeCode: 'MR-371502' });
    const station = await kit.handlerOf(complaint);
    const bureau = await kit.handlerOf(report);

    expect((await station.get(`/cases/${report.id}`)).status).toBe(404);
    expect((await station.act(report.id, { action: 'accept' })).status).toBe(404);
    // The station is not told of the consumer's report, nor its number (reporter confidentiality; test/case-queue.e2e-spec.ts).
    const cd = await station.detail(complaint.id);
    expect(cd.linked).toEqual([]);

    // A station helps negotiate; 受理 is the department's: the station asking for it is refused.
    expect((await station.act(complaint.id, { action: 'accept' })).status).toBe(403);
    await station.do(complaint.id, { action: 'take-up' });
    await bureau.do(report.id, { action: 'accept' });
    await bureau.do(report.id, { action: 'open-enforcement' });
    expect((await station.detail(complaint.id)).status).toBe('negotiating');
    const rd = await bureau.detail(report.id);
    expect(rd.status).toBe('case-opened');
    expect(rd.linked).toEqual([
      { id: complaint.id, trackingNo: complaint.trackingNo, track: 'complaint', status: 'negotiating', relation: 'linked' },
    ]);
    expect((await station.detail(complaint.id)).linked).toEqual([]);
    // The county bureau oversees the station's complaint (read only), and cannot act on it.
    expect((await bureau.detail(complaint.id)).linked).toEqual([
      { id: report.id, trackingNo: report.trackingNo, track: 'report', status: 'case-opened', relation: 'linked' },
    ]);
    // Someone handling neither is not told of the report, and from the report has no way to its reporter.
    const analyst = await kit.staff('city-analyst');
    expect((await analyst.detail(complaint.id)).linked).toEqual([]);
    expect(await analyst.detail(report.id)).toMatchObject({ linked: [], claimant: null, consumer: { hidden: true } });
    expect((await bureau.detail(report.id)).claimant).toMatchObject({ professional: { flagged: false } });
    expect((await bureau.act(complaint.id, { action: 'resolve', amountRecovered: 0, agreement: false })).status).toBe(403);
    // Each track's actions belong to it.
    const wrongTrack = await bureau.act(report.id, { action: 'start-mediation' });
    expect(wrongTrack.status).toBe(409);
    expect(wrongTrack.body.allowed).toEqual(['close', 'note']);
  });

  it('an action not allowed now is a 409 listing the actions that are', async () => {
    const c = await kit.assigned();
    const staff = await kit.handlerOf(c);
    const res = await staff.act(c.id, { action: 'resolve', amountRecovered: 10, agreement: false });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: '"resolve" is not allowed while the case is assigned, awaiting acceptance; allowed: accept, refuse, hand-back, note',
      allowed: ['accept', 'refuse', 'hand-back', 'note'],
    });
    const zh = await kit.http
      .post(`/api/v1/cases/${c.id}/actions`)
      .set('Authorization', `Bearer ${await staff.auth()}`)
      .send({ action: 'close' });
    expect(zh.status).toBe(409);
    expect(zh.body.message).toMatch(/不能执行 close/);
    await staff.do(c.id, { action: 'accept' });
    const again = await staff.act(c.id, { action: 'accept' });
    expect(again.status).toBe(409);
    expect(again.body.allowed).toEqual(['start-mediation', 'resolve', 'terminate', 'report-violation', 'note']);
    const handBack = await staff.act(c.id, { action: 'hand-back', note: '无管辖权' });
    expect(handBack.status).toBe(409);
    expect(handBack.body.allowed).toContain('start-mediation');
    // A note is always allowed, changes nothing and is not shown to the consumer.
    await staff.do(c.id, { action: 'note', note: '内部备注：商家负责人出差' });
    const d = await staff.detail(c.id);
    expect(d.status).toBe('accepted');
    expect(d.history.at(-1)).toMatchObject({
      action: 'note',
      from: 'accepted',
      to: 'accepted',
      public: false,
      note: '内部备注：商家负责人出差',
    });
    expect(JSON.stringify(await kit.consumerView(c.trackingNo, c.accessCode))).not.toContain('出差');
  });

  it('a violation found during mediation opens a linked report, routed to a regulator, with no reporter to tell', async () => {
    const c = await kit.assigned();
    const staff = await kit.handlerOf(c);
    await staff.do(c.id, { action: 'accept' });
    await staff.do(c.id, { action: 'start-mediation' });
    expect((await staff.act(c.id, { action: 'report-violation' })).body.details).toEqual([{ field: 'note', message: expect.any(String) }]);
    const res = await staff.do(c.id, { action: 'report-violation', note: '发现该店使用过期食材' });
    expect(res).toMatchObject({
      status: 'mediating',
      linkedReport: { id: expect.stringMatching(/^\d+$/), trackingNo: expect.stringMatching(/^\d{13}$/) },
    });
    const report = res.linkedReport as { id: string; trackingNo: string };

    const d = await staff.detail(c.id);
    expect(d.status).toBe('mediating');
    expect(d.linked).toEqual([{ id: report.id, trackingNo: report.trackingNo, track: 'report', status: 'received', relation: 'linked' }]);
    expect(d.history.at(-1)).toMatchObject({ action: 'report-violation', data: { linkedReport: report } });
    const [row] = await kit.q(
      `select track, status, intake_channel, linked_case_id::text as linked, acceptance_due is not null as due from cases where id = $1`,
      [report.id],
    );
    expect(row).toEqual({ track: 'report', status: 'received', intake_channel: 'referral', linked: c.id, due: true });
    expect(await kit.q(`select topic from outbox where payload->>'caseId' = $1`, [report.id])).toEqual([{ topic: 'case.received' }]);

    const routed = await kit.route(report.trackingNo);
    expect(routed).toMatchObject({ assigneeType: 'regulator', assigneeCode: 'MR-371502' });
    const officer = await kit.handlerOf(routed);
    const rd = await officer.detail(report.id);
    expect(rd.linked).toEqual([{ id: c.id, trackingNo: c.trackingNo, track: 'complaint', status: 'mediating', relation: 'linked' }]);
    expect(rd.description).toContain('发现该店使用过期食材');
    await officer.do(report.id, { action: 'accept' });
    await officer.do(report.id, { action: 'open-enforcement' });
    await officer.do(report.id, { action: 'close' });
    expect((await officer.detail(report.id)).clocks.map((k: { clock: string }) => k.clock)).toEqual(['decision']);
    expect(await kit.notificationKinds(report.id)).toEqual([]);
    // The mediation goes on.
    await staff.do(c.id, { action: 'resolve', amountRecovered: 0, agreement: false });
  });

  it('hand-back returns the case to routing in a new round without that unit, which then no longer sees it', async () => {
    // A station that cannot help settle hands it back: another station gets it.
    const c = await kit.assigned({ path: 'settlement' });
    const first = await kit.handlerOf(c);
    expect((await first.act(c.id, { action: 'hand-back' })).body.details).toEqual([{ field: 'note', message: expect.any(String) }]);
    const res = await first.do(c.id, { action: 'hand-back', note: '被投诉人不在本站服务范围' });
    expect(res).toEqual({ id: c.id, action: 'hand-back', from: 'settling', status: 'received', routingRound: 1 });
    expect((await first.get(`/cases/${c.id}`)).status).toBe(404);
    expect((await first.act(c.id, { action: 'take-up' })).status).toBe(404);
    expect((await first.get('/cases')).body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);

    const again = await kit.route(c.trackingNo, c.accessCode, 1);
    expect(again.assigneeCode).not.toBe(c.assigneeCode);
    const [row] = await kit.q(`select excluded_units, routing_round from cases where id = $1`, [c.id]);
    expect(row).toEqual({ excluded_units: [c.assigneeCode], routing_round: 1 });
    expect((await first.get(`/cases/${c.id}`)).status).toBe(404);
    const second = await kit.handlerOf(again);
    const d = await second.detail(c.id);
    expect(d).toMatchObject({ status: 'settling', stage: 'settlement', assignee: { code: again.assigneeCode } });
    expect(d.routing.map((x: { round: number; assigneeCode: string }) => [x.round, x.assigneeCode])).toEqual([
      [0, c.assigneeCode],
      [1, again.assigneeCode],
    ]);
    expect(d.history.map((h: { type: string }) => h.type)).toEqual(['received', 'assigned', 'handed-back', 'assigned']);
    expect(d.history[2]).toMatchObject({
      actor: { type: 'staff', id: first.id, unitCode: c.assigneeCode },
      note: '被投诉人不在本站服务范围',
    });
    await second.do(c.id, { action: 'take-up' });
  });

  it('answers bad input on actions with a 400 naming the field, never a 5xx', async () => {
    const c = await kit.assigned();
    const staff = await kit.handlerOf(c);
    const fieldsOf = async (body: object) => {
      const res = await staff.act(c.id, body);
      expect(res.status).toBe(400);
      return (res.body.details ?? []).map((x: { field: string }) => x.field);
    };
    expect(await fieldsOf({ action: 'fly' })).toEqual(['action']);
    expect(await fieldsOf({})).toEqual(['action']);
    expect(await fieldsOf({ action: 'resolve', amountRecovered: 12.345, agreement: true })).toEqual(['amountRecovered']);
    expect(await fieldsOf({ action: 'resolve', amountRecovered: -1, agreement: true })).toEqual(['amountRecovered']);
    expect(await fieldsOf({ action: 'resolve', amountRecovered: '12', agreement: true })).toEqual(['amountRecovered']);
    expect(await fieldsOf({ action: 'resolve', amountRecovered: 12, agreement: 'yes' })).toEqual(['agreement']);
    expect(await fieldsOf({ action: 'accept', foo: 1 })).toEqual(['foo']);
    expect(await fieldsOf({ action: 'accept', targetUnit: 'S-371502-001' })).toEqual(['targetUnit']);
    expect(await fieldsOf({ action: 'accept', reasonCode: '3' })).toEqual(['reasonCode']);
    expect(await fieldsOf({ action: 'accept', amountRecovered: 5 })).toEqual(['amountRecovered']);
    expect(await fieldsOf({ action: 'note', note: 'x'.repeat(2001) })).toEqual(['note']);
    expect(await fieldsOf({ action: 'note', note: 42 })).toEqual(['note']);
    for (const body of ['[]', '"accept"', '[{"action":"accept"}]']) {
      const res = await kit.http
        .post(`/api/v1/cases/${c.id}/actions`)
        .set('Authorization', `Bearer ${await staff.auth()}`)
        .set('Content-Type', 'application/json')
        .send(body);
      expect([body, res.status]).toEqual([body, 400]);
    }
    const broken = await kit.http
      .post(`/api/v1/cases/${c.id}/actions`)
      .set('Authorization', `Bearer ${await staff.auth()}`)
      .set('Content-Type', 'application/json')
      .send('{"action":');
    expect(broken.status).toBe(400);
    for (const id of ['abc', '0', '99999999', '1'.repeat(30), '-1']) {
      expect((await staff.act(id, { action: 'accept' })).status).toBe(404);
      expect((await staff.get(`/cases/${id}`)).status).toBe(404);
    }
    for (const query of [
      'status=bogus',
      'limit=0',
      'limit=101',
      'overdue=maybe',
      'cursor=garbage',
      'dueWithinDays=-1',
      'track=other',
      `q=${'x'.repeat(101)}`,
    ]) {
      const res = await staff.get(`/cases?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body.details?.length).toBeGreaterThan(0);
    }
    // On the case that does allow resolving, a missing outcome is named field by field; a null is missing.
    await staff.do(c.id, { action: 'accept', reasonCode: null, note: null, amountRecovered: null, agreement: null });
    expect(await fieldsOf({ action: 'resolve', amountRecovered: null, agreement: null })).toEqual(['amountRecovered', 'agreement']);
    expect(await fieldsOf({ action: 'resolve', amountRecovered: null, agreement: true })).toEqual(['amountRecovered']);
    expect(await fieldsOf({ action: 'resolve', amountRecovered: 1, agreement: null })).toEqual(['agreement']);
    expect(await fieldsOf({ action: 'resolve' })).toEqual(['amountRecovered', 'agreement']);
    const d = await staff.detail(c.id);
    expect(staffEvents(d)).toEqual(['accept']);
    expect(d.outcome.amountRecovered).toBeNull();
  });

  it('of two simultaneous actions on one case, one applies and the other is told what is allowed now', async () => {
    const c = await kit.assigned();
    const staff = await kit.handlerOf(c);
    const [{ open_cases: before }] = await kit.q<{ open_cases: number }>(`select open_cases from unit_load where unit_code = $1`, [
      c.assigneeCode,
    ]);
    const answers = await Promise.all([
      staff.act(c.id, { action: 'refuse', reasonCode: '1' }),
      staff.act(c.id, { action: 'refuse', reasonCode: '2' }),
      staff.act(c.id, { action: 'accept' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const d = await staff.detail(c.id);
    expect(staffEvents(d)).toHaveLength(1);
    const [{ open_cases: after }] = await kit.q(`select open_cases from unit_load where unit_code = $1`, [c.assigneeCode]);
    expect(after).toBe(d.status === 'refused' ? before - 1 : before);
    expect((await kit.notificationKinds(c.id)).length).toBe(1);
  });

  // Order 121 Art. 23(1); Order 20 Art. 21(1): a withdrawal after 受理 terminates the mediation.
  it('a complaint the consumer withdraws during mediation is terminated on ground 1, and staff close it', async () => {
    const c = await on('2026-11-02', () => kit.assigned());
    const staff = await kit.handlerOf(c);
    await on('2026-11-02', () => staff.do(c.id, { action: 'accept' }));
    const [{ open_cases: before }] = await kit.q<{ open_cases: number }>(`select open_cases from unit_load where unit_code = $1`, [
      c.assigneeCode,
    ]);
    const withdraw = () =>
      kit.http.post(`/api/v1/complaints/${c.trackingNo}/withdraw`).set('X-Access-Code', c.accessCode).send({ reason: '已与商家自行和解' });
    const res = await on('2026-11-04', withdraw);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'terminated' });
    expect((await withdraw()).status).toBe(409);

    // Withdrawn Wed 4 Nov 2026 (no holiday in November): 7 working days are 5–6 and 9–13 Nov: Fri 13 Nov.
    let d = await staff.detail(c.id);
    expect(d).toMatchObject({ status: 'terminated', allowedActions: ['close', 'note'], dueOn: '2026-11-13' });
    expect(d.outcome.reasonCode).toBe('1');
    expect(clock(d, 'mediation')).toMatchObject({ metOn: '2026-11-04', running: false });
    expect(clock(d, 'termination-notice')).toMatchObject({
      days: 7,
      count: 'working',
      basis: { kind: 'law', text: '总局令第121号第二十三条' },
      dueOn: '2026-11-13',
      running: true,
    });
    expect(d.history.find((h: { action: string }) => h.action === 'terminate')).toMatchObject({
      actor: { type: 'consumer', id: null, unitCode: c.assigneeCode },
      reasonCode: '1',
      note: '已与商家自行和解',
      from: 'accepted',
      to: 'terminated',
      data: { reason: { kind: 'termination', code: '1', basis: '总局令第121号第二十三条第（一）项' }, withdrawnByConsumer: true },
    });
    const [{ open_cases: after }] = await kit.q<{ open_cases: number }>(`select open_cases from unit_load where unit_code = $1`, [
      c.assigneeCode,
    ]);
    expect(after).toBe(before - 1);

    const view = await tracking(c);
    expect(view.status).toBe('terminated');
    expect(deadline(view, 'termination-notice')).toMatchObject({ dueDate: '2026-11-13', metOn: null });
    expect(view.timeline.at(-1)).toMatchObject({
      type: 'terminate',
      text: '您已撤回投诉：已与商家自行和解。终止调解：投诉人撤回投诉或者双方自行和解（依据：总局令第121号第二十三条第（一）项）',
    });

    await on('2026-11-06', () => staff.do(c.id, { action: 'close' }));
    d = await staff.detail(c.id);
    expect(d.status).toBe('closed');
    expect(clock(d, 'termination-notice')).toMatchObject({ metOn: '2026-11-06', running: false });
    expect(staffEvents(d)).toEqual(['accept', 'close']);
  });

  it('a complaint withdrawn before acceptance is simply withdrawn', async () => {
    const c = await kit.assigned();
    const staff = await kit.handlerOf(c);
    const res = await kit.http.post(`/api/v1/complaints/${c.trackingNo}/withdraw`).set('X-Access-Code', c.accessCode).send({});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'withdrawn' });
    const d = await staff.detail(c.id);
    expect(d).toMatchObject({ status: 'withdrawn', allowedActions: ['note'], dueOn: null });
    expect(d.outcome.reasonCode).toBeNull();
    expect(d.history.at(-1)).toMatchObject({ type: 'withdrawn', actor: { type: 'consumer' }, to: 'withdrawn' });
  });
});
