import type { IsoDate } from '@weiquan/calendar';
import { addWorkingDays, CalendarService, isWorkingDay } from '@weiquan/calendar';
import { ClocksService, findReason } from '@weiquan/cases';
import { RoutingService } from '@weiquan/routing';
import type { Staff } from './support/case-kit';
import { CaseKit, daysAgo } from './support/case-kit';

/**
 * Jurisdiction through HTTP (docs/RULES.md "Jurisdiction and routing"): a unit without authority
 * reports back to the city bureau's intake desk, which routes the case again without it; a case
 * handed back by two units is a disputed jurisdiction the city bureau settles by designating the
 * handler, finally; a late station's case never returns to it; platform sellers go to their own
 * platform's station; a counter filing stays with the station that took it; a business outside the
 * city is refused (a report: the reporter told where to report) by the city bureau's desk at once.
 */
describe('jurisdiction and routing', () => {
  let kit: CaseKit;
  let city: Staff;
  const CITY = 'MR-371500';

  beforeAll(async () => {
    kit = await CaseKit.start();
    city = await kit.staff('regulator-staff', CITY);
  });

  afterAll(async () => {
    await kit?.close();
  });

  const decisions = (caseId: string) =>
    kit.q<{ round: number; rule: string; assignee_code: string; reason: string; candidates: { code: string; eligible: boolean }[] }>(
      `select round, rule, assignee_code, reason, candidates from routing_decision where case_id = $1 order by round`,
      [caseId],
    );
  const caseRow = async (caseId: string) =>
    (
      await kit.q<{
        status: string;
        assignee_code: string | null;
        excluded_units: string[];
        designation_due: string | null;
        designated: boolean;
        station_sla_due: string | null;
        intake_unit_code: string | null;
        outcome_reason_code: string | null;
        decision: string | null;
      }>(
        `select status, assignee_code, excluded_units, designation_due::text, designated_at is not null as designated,
                station_sla_due::text, intake_unit_code, outcome_reason_code, decision
           from cases where id = $1`,
        [caseId],
      )
    )[0];
  const designate = async (staff: Staff, caseId: string, body: object) =>
    kit.http
      .post(`/api/v1/cases/${caseId}/designation`)
      .set('Authorization', `Bearer ${await staff.auth()}`)
      .set('Accept-Language', 'en')
      .send(body);
  /** A car dealer in 东昌府区: one station of the area covers vehicles (东昌汽车城, not in its venue). */
  const carDealer = () =>
    kit.file({
      categoryCode: 'vehicles',
      respondent: { name: `聊城市测试汽车销售有限公司${Date.now() % 100000}`, address: '东昌府区东昌路 99 号', areaCode: '371502' },
      description: '购买的新车交付时发现漆面有修补痕迹，销售方拒绝说明情况。',
      demand: '退车并退还购车款',
    });

  it('station hands back → county bureau hands back → the city bureau designates; the designated unit cannot hand it back', async () => {
    const f = await carDealer();
    const first = await kit.route(f.trackingNo, f.accessCode);
    expect(first).toMatchObject({ assigneeType: 'station', assigneeCode: 'ST-371502-039' });
    const station = await kit.handlerOf(first);
    expect((await station.detail(first.id)).allowedActions).toContain('hand-back');
    await station.do(first.id, { action: 'hand-back', note: '被投诉人不在本站场所内，本站无法协调' });

    // The desk routes it again without the station: no other station covers vehicles here.
    const second = await kit.route(f.trackingNo, f.accessCode, 1);
    expect(second.assigneeCode).toBe('MR-371502');
    const county = await kit.handlerOf(second);
    await county.do(second.id, { action: 'hand-back', note: '该经营者实际经营地不在本局辖区' });

    // Two units handed it back: a disputed jurisdiction, which the city bureau settles within 7 working days.
    const third = await kit.route(f.trackingNo, f.accessCode, 2);
    expect(third.assigneeCode).toBe(CITY);
    const waiting = await caseRow(third.id);
    expect(waiting).toMatchObject({ status: 'assigned', excluded_units: ['ST-371502-039', 'MR-371502'], designated: false });
    expect(waiting.designation_due! > daysAgo(0)).toBe(true);
    const routed = await decisions(third.id);
    expect(routed.map((d) => d.rule)).toEqual(['area-station', 'area-bureau', 'disputed-jurisdiction']);
    expect(routed[2].reason).toContain('管辖争议');

    // The city bureau is the desk every hand-back goes to: it cannot hand the case back itself.
    const atCity = await city.detail(third.id);
    expect(atCity.allowedActions).not.toContain('hand-back');
    const cityBack = await city.act(third.id, { action: 'hand-back', note: '退回' });
    expect(cityBack.status).toBe(409);
    expect(cityBack.body.allowed).not.toContain('hand-back');

    // Only the city bureau designates; never a unit that handed the case back.
    expect((await designate(county, third.id, { unitCode: 'MR-371502', note: '本局认领' })).status).toBe(403);
    for (const back of ['MR-371502', 'ST-371502-039']) {
      const refused = await designate(city, third.id, { unitCode: back, note: '指定原单位处理' });
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual([{ field: 'unitCode', message: expect.stringContaining('never returns') }]);
    }
    expect((await designate(city, third.id, { unitCode: 'ST-371502-001', note: '指定商场服务站' })).status).toBe(400); // no vehicles there
    expect((await designate(city, third.id, { unitCode: 'MR-371503' })).status).toBe(400); // note missing

    const done = await designate(city, third.id, { unitCode: 'MR-371503', note: '经协调，由茌平区市场监督管理局处理' });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({
      id: third.id,
      routingRound: 3,
      assignee: { type: 'regulator', code: 'MR-371503', name: expect.stringContaining('茌平') },
    });
    // Designated once: a second designation is refused; the city bureau no longer has the case.
    expect((await designate(city, third.id, { unitCode: 'MR-371502', note: '再指定' })).status).toBe(404);

    const designated = await kit.staff('regulator-staff', 'MR-371503');
    const d = await designated.detail(third.id);
    expect(d).toMatchObject({ status: 'assigned', assignee: { code: 'MR-371503' } });
    expect(d.allowedActions).toEqual(['accept', 'refuse', 'note']);
    const back = await designated.act(third.id, { action: 'hand-back', note: '本局亦无管辖权' });
    expect(back.status).toBe(409);
    expect(back.body.message).toContain('final');
    expect(back.body.allowed).toEqual(['accept', 'refuse', 'note']);
    expect(await kit.api.app.get(RoutingService).escalateLateStations()).toBeGreaterThanOrEqual(0);
    expect((await caseRow(third.id)).assignee_code).toBe('MR-371503');

    // Never a second visit to a unit that handed it back: every round went to a different unit.
    const rounds = await decisions(third.id);
    expect(rounds.map((r) => [r.rule, r.assignee_code])).toEqual([
      ['area-station', 'ST-371502-039'],
      ['area-bureau', 'MR-371502'],
      ['disputed-jurisdiction', CITY],
      ['designated', 'MR-371503'],
    ]);
    expect(new Set(rounds.map((r) => r.assignee_code)).size).toBe(rounds.length);
    expect(d.history.map((h: { type: string }) => h.type)).toEqual([
      'received',
      'assigned',
      'handed-back',
      'assigned',
      'handed-back',
      'assigned',
      'assigned',
    ]);
    // Loads: only the designated unit holds the case.
    const loads = await kit.q<{ unit_code: string; open_cases: number }>(
      `select unit_code, open_cases from unit_load where unit_code = any($1) order by unit_code`,
      [['ST-371502-039', 'MR-371502', CITY, 'MR-371503']],
    );
    const open = await kit.q<{ assignee_code: string; n: number }>(
      `select assignee_code, count(*)::int as n from cases where status = 'assigned' and assignee_code = any($1) group by 1`,
      [['ST-371502-039', 'MR-371502', CITY, 'MR-371503']],
    );
    for (const l of loads) expect(l.open_cases).toBe(open.find((o) => o.assignee_code === l.unit_code)?.n ?? 0);

    await designated.do(third.id, { action: 'accept' });
  });

  it("a late station's case escalated to the county bureau and handed back never returns to that station (no loop)", async () => {
    const f = await carDealer();
    const first = await kit.route(f.trackingNo, f.accessCode);
    expect(first.assigneeCode).toBe('ST-371502-039');
    await kit.q(`update cases set station_sla_due = current_date - 1 where id = $1`, [first.id]);
    expect(await kit.api.app.get(RoutingService).escalateLateStations()).toBeGreaterThanOrEqual(1);
    expect(await caseRow(first.id)).toMatchObject({ assignee_code: 'MR-371502', excluded_units: ['ST-371502-039'] });

    const county = await kit.staff('regulator-staff', 'MR-371502');
    const res = await county.do(first.id, { action: 'hand-back', note: '不属于本局管辖' });
    expect(res.routingRound).toBe(2);
    // Not the idle station again; the county bureau handed it back: no eligible unit is left, the city bureau designates.
    const again = await kit.route(f.trackingNo, f.accessCode, 2);
    expect(again.assigneeCode).toBe(CITY);
    const rounds = await decisions(first.id);
    expect(rounds.map((r) => [r.rule, r.assignee_code])).toEqual([
      ['area-station', 'ST-371502-039'],
      ['station-sla-escalation', 'MR-371502'],
      ['city-bureau', CITY],
    ]);
    expect(rounds[2].candidates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'ST-371502-039', eligible: false }),
        expect.objectContaining({ code: 'MR-371502', eligible: false }),
      ]),
    );
    expect((await caseRow(first.id)).designation_due).not.toBeNull();
  });

  it('escalation respects a hand-back: a station late on a case the county bureau handed back goes to the city bureau', async () => {
    // The county bureau handed it back once already; routing sent it to a station, which then let it lapse.
    const f = await kit.file({ categoryCode: 'catering' });
    const first = await kit.route(f.trackingNo, f.accessCode);
    expect(first.assigneeType).toBe('station');
    await kit.q(
      `update cases set excluded_units = array_append(excluded_units, 'MR-371502'), station_sla_due = current_date - 1 where id = $1`,
      [first.id],
    );
    await kit.api.app.get(RoutingService).escalateLateStations();
    const row = await caseRow(first.id);
    expect(row.assignee_code).toBe(CITY);
    expect(row.designation_due).not.toBeNull();
    expect(row.excluded_units).toEqual(['MR-371502', first.assigneeCode]);
  });

  it("a seller on 聊聊云购 goes to 聊聊云购's own station, never a rival platform's; an offline business never to a platform station", async () => {
    const seller = await kit.assigned({
      categoryCode: 'food',
      channel: 'online',
      respondent: {
        name: '聊聊云购某食品网店',
        address: '东昌府区湖西街道 1 号',
        areaCode: '371502',
        online: true,
        platformName: '聊聊云购',
      },
    });
    expect(seller.assigneeCode).toBe('ST-371502-009');
    const [d] = await decisions(seller.id);
    expect(d.rule).toBe('platform-station');
    expect(d.candidates.map((c) => c.code)).not.toContain('ST-371502-008');

    const outside = await kit.assigned({
      categoryCode: 'food',
      channel: 'online',
      respondent: { name: '外地网店', address: '浙江省杭州市西湖区 1 号', areaCode: '330106', online: true, platformName: '聊聊云购' },
    });
    expect(outside.assigneeCode).toBe('ST-371502-009');

    for (let i = 0; i < 3; i++) {
      const shop = await kit.assigned({
        categoryCode: 'food',
        respondent: { name: `东昌府区某食品店${i}`, address: '东昌府区 1 号', areaCode: '371502' },
      });
      const [{ type }] = await kit.q<{ type: string }>(`select type from station where code = $1`, [shop.assigneeCode]);
      expect(type).not.toBe('platform');
    }
  });

  it('a counter filing stays with the station that took it, unless the station cannot handle the category', async () => {
    const desk = await kit.staff('station-staff', 'ST-371502-019');
    const intake = async (over: Record<string, unknown>) => {
      const res = await kit.http
        .post('/api/v1/cases/intake')
        .set('Authorization', `Bearer ${await desk.auth()}`)
        .send({ ...kit.body(over), receivedAt: new Date(Date.now() - 60_000).toISOString() });
      expect(res.status).toBe(201);
      const [{ id }] = await kit.q<{ id: string }>(`select id::text as id from cases where tracking_no = $1`, [res.body.trackingNo]);
      return { id, trackingNo: res.body.trackingNo as string };
    };
    // In 金鼎购物中心, whose own station covers catering: entered at 东昌路购物广场's counter, it stays there.
    const kept = await intake({
      intakeChannel: 'counter',
      respondent: { name: '金鼎某餐厅', address: '东昌府区', areaCode: '371502', venueCode: 'V-371502-001' },
    });
    expect(await caseRow(kept.id)).toMatchObject({ status: 'assigned', assignee_code: 'ST-371502-019', intake_unit_code: 'ST-371502-019' });
    expect((await decisions(kept.id)).map((d) => d.rule)).toEqual(['counter-station']);
    expect((await desk.detail(kept.id)).allowedActions).toContain('accept');

    // A category the station does not take: routed by the rules.
    const cars = await intake({
      intakeChannel: 'counter',
      categoryCode: 'vehicles',
      respondent: { name: '某汽车销售公司', address: '东昌府区', areaCode: '371502' },
    });
    const [car] = await decisions(cars.id);
    expect(car).toMatchObject({ rule: 'area-station', assignee_code: 'ST-371502-039' });

    // A phone call is recorded with its unit but routed by the rules, as the worker does.
    const call = await intake({
      intakeChannel: 'phone',
      respondent: { name: '金鼎另一餐厅', address: '东昌府区', areaCode: '371502', venueCode: 'V-371502-001' },
    });
    expect(await caseRow(call.id)).toMatchObject({ status: 'received', intake_unit_code: 'ST-371502-019' });
    const routed = await kit.route(call.trackingNo);
    expect(routed.assigneeCode).toBe('ST-371502-001');
  });

  it("a complaint about a business outside the city is refused at once on ground 1 by the city bureau's desk, and the consumer told where to file", async () => {
    const f = await kit.file({ respondent: { name: '北京某餐饮公司', address: '北京市东城区某路 1 号', areaCode: '110101' } });
    const c = await kit.route(f.trackingNo, f.accessCode);
    expect(c.assigneeCode).toBe(CITY);
    expect(await caseRow(c.id)).toMatchObject({ status: 'refused', assignee_code: CITY, outcome_reason_code: '1', designation_due: null });
    const [d] = await decisions(c.id);
    expect(d.rule).toBe('outside-city');
    expect(d.reason).toContain('北京市东城区');

    const file = await city.detail(c.id);
    expect(file.status).toBe('refused');
    expect(file.history.map((h: { type: string }) => h.type)).toEqual(['received', 'assigned', 'refuse']);
    const ground = findReason('refusal', 'order121', '1')!;
    const refusal = await kit.q<{ reason_code: string; unit_code: string; data: { reason: { basis: string; code: string } } }>(
      `select reason_code, unit_code, data from case_event where case_id = $1 and type = 'refuse'`,
      [c.id],
    );
    expect(refusal).toEqual([
      expect.objectContaining({
        reason_code: '1',
        unit_code: CITY,
        data: expect.objectContaining({ reason: expect.objectContaining({ code: '1', basis: ground.basis }) }),
      }),
    ]);

    expect(await kit.notificationKinds(c.id)).toEqual(['refused']);
    const [sms] = await kit.q<{ text: string }>(`select text from notification where case_id = $1 and channel = 'sms'`, [c.id]);
    expect(sms.text).toContain('不予受理');
    expect(sms.text).toContain(ground.text.zh);
    expect(sms.text).toContain('北京市东城区市场监督管理部门');
    expect(sms.text).toContain('12315');
    expect(sms.text).not.toContain('移送');
    // The acceptance decision was made on time, and the outbox carries the notification.
    const [event] = await kit.q<{ data: { met: { clock: string; onTime: boolean }[] } }>(
      `select data from case_event where case_id = $1 and type = 'refuse'`,
      [c.id],
    );
    expect(event.data.met).toEqual([expect.objectContaining({ clock: 'acceptance', onTime: true })]);
    expect(
      (
        await kit.q<{ n: number }>(
          `select count(*)::int as n from outbox where topic = 'notification.created' and payload->>'notificationId' in (select id::text from notification where case_id = $1)`,
          [c.id],
        )
      )[0].n,
    ).toBe(1);

    const view = await kit.consumerView(f.trackingNo, f.accessCode);
    expect(view.status).toBe('refused');
    // The city bureau's desk cannot act on it any more than any unit on a refused case.
    expect((await city.act(c.id, { action: 'accept' })).status).toBe(409);
  });

  it("another department's matter (telecom, a province-level regulator) is refused too, naming that department", async () => {
    const f = await kit.file({
      categoryCode: 'telecom',
      respondent: { name: '某通信营业厅', address: '东昌府区 1 号', areaCode: '371502' },
    });
    const c = await kit.route(f.trackingNo, f.accessCode);
    expect((await caseRow(c.id)).status).toBe('refused');
    const [sms] = await kit.q<{ text: string }>(`select text from notification where case_id = $1 and channel = 'sms'`, [c.id]);
    expect(sms.text).toContain('山东省通信管理局');
  });

  it("a report on a business outside the city: not this city's authority, the reporter told where to report, closed", async () => {
    const f = await kit.file({
      kind: 'report',
      respondent: { name: '杭州某公司', address: '浙江省杭州市西湖区 1 号', areaCode: '330106' },
    });
    const c = await kit.route(f.trackingNo, f.accessCode);
    expect(await caseRow(c.id)).toMatchObject({ status: 'closed', assignee_code: CITY, decision: 'not-opened', outcome_reason_code: '3' });
    const events = await kit.q<{ type: string; from_status: string; to_status: string }>(
      `select type, from_status, to_status from case_event where case_id = $1 order by id`,
      [c.id],
    );
    expect(events.map((e) => [e.type, e.to_status])).toEqual([
      ['received', 'received'],
      ['assigned', 'assigned'],
      ['decline-enforcement', 'not-opened'],
      ['close', 'closed'],
    ]);
    expect(await kit.notificationKinds(c.id)).toEqual(['report-decision']);
    const [sms] = await kit.q<{ text: string }>(`select text from notification where case_id = $1 and channel = 'sms'`, [c.id]);
    expect(sms.text).toContain('浙江省杭州市西湖区市场监督管理部门举报');
    expect(sms.text).toContain(findReason('no-case', 'order121', '3')!.basis);
    expect((await kit.consumerView(f.trackingNo, f.accessCode)).status).toBe('closed');
  });

  describe('the designation deadline (Order 121 Art. 33)', () => {
    /** A car dealer's case handed back by its station and its county bureau: disputed, waiting at the city bureau. */
    const disputed = async () => {
      const f = await carDealer();
      const first = await kit.route(f.trackingNo, f.accessCode);
      await (await kit.handlerOf(first)).do(first.id, { action: 'hand-back', note: '被投诉人不在本站场所内，本站无法协调' });
      const second = await kit.route(f.trackingNo, f.accessCode, 1);
      await (await kit.handlerOf(second)).do(second.id, { action: 'hand-back', note: '该经营者实际经营地不在本局辖区' });
      const third = await kit.route(f.trackingNo, f.accessCode, 2);
      expect(third.assigneeCode).toBe(CITY);
      return third;
    };
    const designationAlerts = (caseId: string) =>
      kit.q<{ type: string; actor_type: string; unit_code: string; public: boolean; note: string; data: Record<string, unknown> }>(
        `select type, actor_type, unit_code, public, note, data from case_event
          where case_id = $1 and type in ('reminder', 'overdue') and data->>'clock' = 'designation' order by id`,
        [caseId],
      );
    /** 10:00 China time on `day`. */
    const tenOn = (day: IsoDate) => new Date(`${day}T02:00:00Z`);
    const dayBefore = (day: IsoDate) => {
      const d = new Date(`${day}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - 1);
      return d.toISOString().slice(0, 10);
    };

    it('the sweep reminds the city bureau a working day before, flags it overdue after, once each, and not once designated', async () => {
      const waiting = await disputed();
      const settled = await disputed();
      // Designated at once: its deadline is gone, nothing is ever raised for it.
      expect((await designate(city, settled.id, { unitCode: 'MR-371503', note: '经协调，由茌平区市场监督管理局处理' })).status).toBe(200);
      expect(await caseRow(settled.id)).toMatchObject({ designated: true, designation_due: null });

      const due = (await caseRow(waiting.id)).designation_due!;
      const cal = await kit.api.app.get(CalendarService).overrides();
      let eve = dayBefore(due);
      while (!isWorkingDay(eve, cal)) eve = dayBefore(eve);
      expect(addWorkingDays(eve, 1, cal).date).toBe(due);
      let earlier = dayBefore(eve);
      while (!isWorkingDay(earlier, cal)) earlier = dayBefore(earlier);
      const sweeper = kit.api.app.get(ClocksService);

      // Two working days ahead: too early.
      await sweeper.sweep(tenOn(earlier));
      expect(await designationAlerts(waiting.id)).toEqual([]);

      // A working day ahead: one reminder to the city bureau, staff-side, however often the sweep runs.
      await sweeper.sweep(tenOn(eve));
      await sweeper.sweep(tenOn(eve));
      await sweeper.sweep(tenOn(due));
      const reminded = await designationAlerts(waiting.id);
      expect(reminded).toEqual([
        {
          type: 'reminder',
          actor_type: 'system',
          unit_code: CITY,
          public: false,
          note: `市局指定处理机关的期限将于 ${due} 届满，请及时指定`,
          data: { clock: 'designation', dueOn: due, oversight: CITY },
        },
      ]);

      // The day after: overdue, once, even with two workers sweeping at the same time.
      const after = addWorkingDays(due, 1, cal).date;
      await Promise.all([sweeper.sweep(tenOn(after)), sweeper.sweep(tenOn(after))]);
      await sweeper.sweep(tenOn(after));
      const flagged = await designationAlerts(waiting.id);
      expect(flagged.map((a) => a.type)).toEqual(['reminder', 'overdue']);
      expect(flagged[1]).toMatchObject({
        unit_code: CITY,
        public: false,
        note: `已超过市局指定处理机关的期限（${due}），请尽快指定`,
        data: { clock: 'designation', dueOn: due },
      });
      expect(
        await kit.q(`select kind, status, due_on::text from clock_alert where case_id = $1 and clock = 'designation' order by at`, [
          waiting.id,
        ]),
      ).toEqual([
        { kind: 'reminder', status: 'assigned', due_on: due },
        { kind: 'overdue', status: 'assigned', due_on: due },
      ]);
      // The consumer never sees them.
      const seen = await kit.consumerView(waiting.trackingNo, waiting.accessCode);
      expect(JSON.stringify(seen)).not.toContain('指定处理机关的期限');

      // Designated (late): nothing more about the designation, however long after.
      expect((await designate(city, waiting.id, { unitCode: 'MR-371503', note: '经协调，由茌平区市场监督管理局处理' })).status).toBe(200);
      const later = addWorkingDays(due, 10, cal).date;
      await sweeper.sweep(tenOn(later));
      expect(await designationAlerts(waiting.id)).toHaveLength(2);
      expect(await designationAlerts(settled.id)).toEqual([]);
    });
  });
});
