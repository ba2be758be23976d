import { CalendarService, addWorkingDays, workingDaysBetween } from '@weiquan/calendar';
import { at, CaseKit, shanghaiDay } from './support/case-kit';

/** Staff handle cases through the state machine, over HTTP, as the staff console does. */
describe('staff case handling', () => {
  let kit: CaseKit;

  beforeAll(async () => {
    kit = await CaseKit.start();
  });

  afterAll(async () => {
    await kit?.close();
  });

  const staffEvents = (d: { history: { actor: { type: string }; action: string | null }[] }) =>
    d.history.filter((h) => h.actor.type === 'staff').map((h) => h.action);

  it('a complaint: accept → mediation → pause → resume → resolve → close → follow-up → the consumer rates it', async () => {
    const c = await kit.assigned();
    expect(c).toMatchObject({ track: 'complaint', assigneeType: 'station' });
    const staff = await kit.handlerOf(c);
    const cal = await kit.api.app.get(CalendarService).overrides();

    let d = await staff.detail(c.id);
    expect(d).toMatchObject({ status: 'assigned', handledByYou: true, allowedActions: ['accept', 'refuse', 'hand-back', 'note'] });

    const today = shanghaiDay(new Date());
    expect(await staff.do(c.id, { action: 'accept' })).toEqual({ id: c.id, action: 'accept', from: 'assigned', status: 'accepted' });
    d = await staff.detail(c.id);
    expect(d.status).toBe('accepted');
    expect(d.allowedActions).toEqual(['start-mediation', 'resolve', 'terminate', 'report-violation', 'note']);
    const mediation = () => d.clocks.find((k: { clock: string }) => k.clock === 'mediation');
    const acceptance = d.clocks.find((k: { clock: string }) => k.clock === 'acceptance');
    expect(acceptance).toMatchObject({ metOn: today, running: false });
    const started = addWorkingDays(today, 45, cal);
    expect(mediation()).toMatchObject({
      countsFrom: today,
      workingDays: 45,
      dueOn: started.date,
      provisional: started.provisional,
      running: true,
      pausedOn: null,
    });
    expect(d.dueOn).toBe(started.date);

    await staff.do(c.id, { action: 'start-mediation', note: '已电话联系双方，约定调解时间' });
    d = await staff.detail(c.id);
    expect(d.status).toBe('mediating');
    expect(d.allowedActions).toEqual(['pause-clock', 'resolve', 'terminate', 'report-violation', 'note']);

    // Pause without a note: 400 naming it.
    const bare = await staff.act(c.id, { action: 'pause-clock' });
    expect(bare.status).toBe(400);
    expect(bare.body.details).toEqual([{ field: 'note', message: expect.any(String) }]);
    await staff.do(c.id, { action: 'pause-clock', note: '送检：委托第三方检测机构鉴定食材' });
    d = await staff.detail(c.id);
    expect(d.status).toBe('paused');
    expect(d.allowedActions).toEqual(['resume-clock', 'terminate', 'report-violation', 'note']);
    expect(mediation()).toMatchObject({ pausedOn: today, running: false, dueOn: started.date });

    // The appraisal takes a week; the clock then runs again for the days it had left.
    const resumedAt = new Date(Date.now() + 7 * 86_400_000);
    const resumedOn = shanghaiDay(resumedAt);
    const paused = workingDaysBetween(today, resumedOn, cal);
    expect(paused).toBeGreaterThanOrEqual(1);
    await at(resumedAt.toISOString(), async () => {
      await staff.do(c.id, { action: 'resume-clock', note: '检测报告已出' });
      d = await staff.detail(c.id);
      expect(d.status).toBe('mediating');
      expect(mediation()).toMatchObject({
        pausedOn: null,
        running: true,
        countsFrom: resumedOn,
        dueOn: addWorkingDays(started.date, paused, cal).date,
      });
      expect(mediation().dueOn > started.date).toBe(true);
      expect(d.dueOn).toBe(mediation().dueOn);

      await staff.do(c.id, { action: 'resolve', amountRecovered: 1280.5, agreement: true, note: '商家退还餐费并赔偿' });
    });
    d = await staff.detail(c.id);
    expect(d.status).toBe('resolved');
    expect(d.allowedActions).toEqual(['close', 'note']);
    expect(d.outcome).toMatchObject({ amountRecovered: '1280.50', agreement: true, concludedAt: expect.any(String) });
    expect(mediation().metOn).toBe(resumedOn);

    await staff.do(c.id, { action: 'close' });
    d = await staff.detail(c.id);
    expect(d.status).toBe('closed');
    expect(d.allowedActions).toEqual(['record-follow-up', 'note']);
    const followUp = d.clocks.find((k: { clock: string }) => k.clock === 'follow-up');
    expect(followUp).toMatchObject({ countsFrom: today, workingDays: 10, dueOn: addWorkingDays(today, 10, cal).date, running: true });

    await staff.do(c.id, { action: 'record-follow-up', note: '回访：消费者对处理结果满意' });
    d = await staff.detail(c.id);
    expect(d.status).toBe('closed');
    expect(d.allowedActions).toEqual(['note']);
    expect(d.clocks.find((k: { clock: string }) => k.clock === 'follow-up')).toMatchObject({ metOn: today, running: false });
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
    // What statistics replay later is fixed in the events: clocks met on time, working days taken.
    const event = (type: string) => d.history.find((h: { type: string }) => h.type === type);
    expect(event('accept').data.met).toEqual([{ clock: 'acceptance', dueOn: expect.any(String), metOn: expect.any(String), onTime: true }]);
    expect(event('resolve').data).toMatchObject({
      handlingWorkingDays: expect.any(Number),
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
    expect(mine.assignee).toMatchObject({ code: c.assigneeCode, type: 'station' });
    expect(mine.timeline.map((e: { type: string }) => e.type)).toEqual(['received', 'assigned', ...steps, 'rated']);
    expect(mine.timeline.find((e: { type: string }) => e.type === 'resolve').text).toContain('1280.50');
    expect(JSON.stringify(mine)).not.toContain('送检');
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
    expect(d.reasonOptions.refusal.map((r: { code: string }) => r.code)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
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
    expect(ev.data.reason).toMatchObject({ kind: 'refusal', code: '3', basis: expect.stringContaining('121') });
    expect(d.clocks.find((k: { clock: string }) => k.clock === 'acceptance')).toMatchObject({
      metOn: shanghaiDay(new Date()),
      running: false,
    });
    expect(await kit.notificationKinds(c.id)).toEqual(['refused']);
    const mine = await kit.consumerView(c.trackingNo, c.accessCode);
    expect(mine.status).toBe('refused');
    expect(mine.timeline.at(-1).text).toMatch(/^Not accepted: not for household consumption/);
  });

  it('terminates a mediation with a termination reason, then closes it', async () => {
    const c = await kit.assigned();
    const staff = await kit.handlerOf(c);
    const cal = await kit.api.app.get(CalendarService).overrides();
    const today = shanghaiDay(new Date());
    await staff.do(c.id, { action: 'accept' });
    await staff.do(c.id, { action: 'start-mediation' });
    const wrong = await staff.act(c.id, { action: 'terminate', reasonCode: '8' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details[0].field).toBe('reasonCode');
    await staff.do(c.id, { action: 'terminate', reasonCode: '4', note: '被投诉人明确表示无法达成协议' });
    let d = await staff.detail(c.id);
    expect(d.status).toBe('terminated');
    expect(d.allowedActions).toEqual(['close', 'note']);
    expect(d.outcome.reasonCode).toBe('4');
    expect(d.clocks.find((k: { clock: string }) => k.clock === 'mediation')).toMatchObject({ metOn: today, running: false });
    const notice = addWorkingDays(today, 7, cal).date;
    expect(d.clocks.find((k: { clock: string }) => k.clock === 'termination-notice')).toMatchObject({ dueOn: notice, running: true });
    expect(d.dueOn).toBe(notice);

    await staff.do(c.id, { action: 'close' });
    d = await staff.detail(c.id);
    expect(d.status).toBe('closed');
    expect(d.clocks.find((k: { clock: string }) => k.clock === 'termination-notice')).toMatchObject({ metOn: today, running: false });
    expect(staffEvents(d)).toEqual(['accept', 'start-mediation', 'terminate', 'close']);
    expect(d.history.find((h: { action: string }) => h.action === 'terminate')).toMatchObject({
      reasonCode: '4',
      from: 'mediating',
      to: 'terminated',
    });
    expect(await kit.notificationKinds(c.id)).toEqual(['accepted', 'mediation-terminated', 'closed']);
  });

  it('a report goes to a regulator: accept → extend the decision → open an enforcement case → close, and the reporter is told', async () => {
    const r = await kit.assigned({ kind: 'report' });
    expect(r).toMatchObject({ track: 'report', assigneeType: 'regulator', assigneeCode: 'MR-371502' });
    const officer = await kit.handlerOf(r);
    const cal = await kit.api.app.get(CalendarService).overrides();
    const [{ received_on: receivedOn }] = await kit.q<{ received_on: string }>(`select received_on from cases where id = $1`, [r.id]);

    let d = await officer.detail(r.id);
    expect(d.allowedActions).toEqual(['accept', 'hand-back', 'open-enforcement', 'decline-enforcement', 'extend-decision', 'note']);
    const decision = () => d.clocks.find((k: { clock: string }) => k.clock === 'decision');
    expect(decision()).toMatchObject({ dueOn: addWorkingDays(receivedOn, 15, cal).date, workingDays: 15, running: true });

    await officer.do(r.id, { action: 'accept' });
    d = await officer.detail(r.id);
    expect(d.status).toBe('deciding');
    expect(d.allowedActions).toEqual(['open-enforcement', 'decline-enforcement', 'extend-decision', 'note']);

    expect((await officer.act(r.id, { action: 'extend-decision' })).status).toBe(400);
    await officer.do(r.id, { action: 'extend-decision', note: '案情复杂，经负责人批准延长' });
    d = await officer.detail(r.id);
    const extended = addWorkingDays(receivedOn, 30, cal);
    expect(decision()).toMatchObject({ dueOn: extended.date, provisional: extended.provisional, workingDays: 30, running: true });
    expect(d.dueOn).toBe(extended.date);
    expect(d.allowedActions).toEqual(['open-enforcement', 'decline-enforcement', 'note']);
    const twice = await officer.act(r.id, { action: 'extend-decision', note: '再次延长' });
    expect(twice.status).toBe(409);

    await officer.do(r.id, { action: 'open-enforcement', note: '立案调查' });
    d = await officer.detail(r.id);
    expect(d.status).toBe('case-opened');
    expect(d.outcome.decision).toBe('opened');
    expect(d.allowedActions).toEqual(['close', 'note']);
    const today = shanghaiDay(new Date());
    expect(d.clocks.find((k: { clock: string }) => k.clock === 'reporter-notice')).toMatchObject({
      dueOn: addWorkingDays(today, 5, cal).date,
      running: true,
    });
    expect(decision()).toMatchObject({ metOn: today, running: false });

    await officer.do(r.id, { action: 'close' });
    d = await officer.detail(r.id);
    expect(d.status).toBe('closed');
    expect(staffEvents(d)).toEqual(['accept', 'extend-decision', 'open-enforcement', 'close']);
    expect(d.clocks.find((k: { clock: string }) => k.clock === 'reporter-notice').metOn).toBe(today);
    expect(await kit.notificationKinds(r.id)).toEqual(['report-decision']);
    // A closed report takes no rating.
    const rate = await kit.http
      .post(`/api/v1/complaints/${r.trackingNo}/rating`)
      .set('X-Access-Code', r.accessCode)
      .send({ rating: 'satisfied' });
    expect(rate.status).toBe(409);
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
    const [n] = await kit.q(`select text from notification where case_id = $1`, [r.id]);
    expect(n.text).toMatch(/不予立案/);
  });

  it('"both" makes two linked cases, each handled on its own track by its own unit', async () => {
    const f = await kit.file({ kind: 'both' });
    const complaint = await kit.route(f.trackingNo, f.accessCode);
    const report = await kit.route(f.linkedTrackingNo!, f.accessCode);
    expect(complaint).toMatchObject({ track: 'complaint', assigneeType: 'station' });
    expect(report).toMatchObject({ track: 'report', assigneeType: 'regulator', assigneeCode: 'MR-371502' });
    const station = await kit.handlerOf(complaint);
    const bureau = await kit.handlerOf(report);

    expect((await station.get(`/cases/${report.id}`)).status).toBe(404);
    expect((await station.act(report.id, { action: 'accept' })).status).toBe(404);
    // The station knows the report exists, not how it goes (reporter confidentiality).
    const cd = await station.detail(complaint.id);
    expect(cd.linked).toEqual([{ id: report.id, trackingNo: report.trackingNo, track: 'report', status: null, relation: 'linked' }]);

    await station.do(complaint.id, { action: 'accept' });
    await bureau.do(report.id, { action: 'accept' });
    await station.do(complaint.id, { action: 'start-mediation' });
    await bureau.do(report.id, { action: 'open-enforcement' });
    expect((await station.detail(complaint.id)).status).toBe('mediating');
    const rd = await bureau.detail(report.id);
    expect(rd.status).toBe('case-opened');
    expect(rd.linked).toEqual([
      { id: complaint.id, trackingNo: complaint.trackingNo, track: 'complaint', status: 'mediating', relation: 'linked' },
    ]);
    expect((await station.detail(complaint.id)).linked[0].status).toBeNull();
    // The county bureau oversees the station's complaint (read only), and cannot act on it.
    expect((await bureau.detail(complaint.id)).linked).toEqual([
      { id: report.id, trackingNo: report.trackingNo, track: 'report', status: 'case-opened', relation: 'linked' },
    ]);
    // Someone handling neither sees no progress of the report, and from the report no way to its reporter.
    const analyst = await kit.staff('city-analyst');
    expect((await analyst.detail(complaint.id)).linked).toEqual([
      { id: report.id, trackingNo: report.trackingNo, track: 'report', status: null, relation: 'linked' },
    ]);
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
    const c = await kit.assigned();
    const first = await kit.handlerOf(c);
    expect((await first.act(c.id, { action: 'hand-back' })).body.details).toEqual([{ field: 'note', message: expect.any(String) }]);
    const res = await first.do(c.id, { action: 'hand-back', note: '被投诉人不在本站服务范围' });
    expect(res).toEqual({ id: c.id, action: 'hand-back', from: 'assigned', status: 'received', routingRound: 1 });
    expect((await first.get(`/cases/${c.id}`)).status).toBe(404);
    expect((await first.act(c.id, { action: 'accept' })).status).toBe(404);
    expect((await first.get('/cases')).body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);

    const again = await kit.route(c.trackingNo, c.accessCode, 1);
    expect(again.assigneeCode).not.toBe(c.assigneeCode);
    const [row] = await kit.q(`select excluded_units, routing_round from cases where id = $1`, [c.id]);
    expect(row).toEqual({ excluded_units: [c.assigneeCode], routing_round: 1 });
    expect((await first.get(`/cases/${c.id}`)).status).toBe(404);
    const second = await kit.handlerOf(again);
    const d = await second.detail(c.id);
    expect(d).toMatchObject({ status: 'assigned', assignee: { code: again.assigneeCode } });
    expect(d.routing.map((x: { round: number; assigneeCode: string }) => [x.round, x.assigneeCode])).toEqual([
      [0, c.assigneeCode],
      [1, again.assigneeCode],
    ]);
    expect(d.history.map((h: { type: string }) => h.type)).toEqual(['received', 'assigned', 'handed-back', 'assigned']);
    expect(d.history[2]).toMatchObject({
      actor: { type: 'staff', id: first.id, unitCode: c.assigneeCode },
      note: '被投诉人不在本站服务范围',
    });
    await second.do(c.id, { action: 'accept' });
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

  it('a complaint the consumer withdraws during mediation stops its clocks and takes only notes', async () => {
    const c = await kit.assigned();
    const staff = await kit.handlerOf(c);
    await staff.do(c.id, { action: 'accept' });
    await staff.do(c.id, { action: 'start-mediation' });
    const res = await kit.http
      .post(`/api/v1/complaints/${c.trackingNo}/withdraw`)
      .set('X-Access-Code', c.accessCode)
      .send({ reason: '已与商家自行和解' });
    expect(res.status).toBe(200);
    const d = await staff.detail(c.id);
    expect(d).toMatchObject({ status: 'withdrawn', allowedActions: ['note'], dueOn: null, overdue: false });
    expect(d.clocks.filter((k: { running: boolean }) => k.running)).toEqual([]);
    const late = await staff.act(c.id, { action: 'resolve', amountRecovered: 0, agreement: false });
    expect(late.status).toBe(409);
    expect(late.body.allowed).toEqual(['note']);
    await staff.do(c.id, { action: 'note', note: '消费者来电确认撤回' });
  });
});
