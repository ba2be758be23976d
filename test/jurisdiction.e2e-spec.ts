import type { IsoDate } from '@weiquan/calendar';
import { addWorkingDays, CalendarService, isWorkingDay } from '@weiquan/calendar';
import { ClocksService, findReason, HOLDING_STATUSES, ruleSetOn, SettlementService } from '@weiquan/cases';
import type { Routed, Staff } from './support/case-kit';
import { CaseKit, daysAgo } from './support/case-kit';

/**
 * Jurisdiction through HTTP (docs/RULES.md "Jurisdiction and routing", "Two stages"). A complaint on
 * the settlement path goes to a station (the counter that took it, the respondent's venue or
 * platform, else the least-loaded station of the area); a station that cannot help hands it back to
 * another station, and with none left the complaint becomes formal at once. A formal complaint goes
 * to a department only: the sector regulator owning the category, else the area's county bureau. A
 * department without authority reports back to the city bureau's intake desk, which routes the case
 * again without it; two departments handing it back is a disputed jurisdiction (a station's
 * hand-back claims no authority and is no party to one), and with no unit left the city bureau
 * designates a department, finally. A settlement case whose take-up or outcome deadline passed, or
 * that the station or the consumer gives up on, becomes formal from that day and goes to a
 * department, never back to a station. A business outside the city is refused (a report: the reporter
 * told where to report) by the city bureau's desk at once.
 */
describe('jurisdiction and routing', () => {
  let kit: CaseKit;
  let city: Staff;
  const CITY = 'MR-371500';
  const COUNTY = 'MR-371502';
  const CAR_STATION = 'ST-371502-039';

  beforeAll(async () => {
    kit = await CaseKit.start();
    city = await kit.staff('regulator-staff', CITY);
  });

  afterAll(async () => {
    await kit?.close();
  });

  const decisions = (caseId: string) =>
    kit.q<{
      round: number;
      rule: string;
      assignee_type: string;
      assignee_code: string;
      reason: string;
      candidates: { type: string; code: string; eligible: boolean }[];
    }>(`select round, rule, assignee_type, assignee_code, reason, candidates from routing_decision where case_id = $1 order by round`, [
      caseId,
    ]);
  const caseRow = async (caseId: string) =>
    (
      await kit.q<{
        status: string;
        stage: string;
        routing_round: number;
        assignee_type: string | null;
        assignee_code: string | null;
        excluded_units: string[];
        designation_due: string | null;
        designated: boolean;
        take_up_due: string | null;
        settlement_due: string | null;
        clock_due: string | null;
        acceptance_due: string | null;
        first_clock_counts_from: string | null;
        escalated_on: string | null;
        escalation_cause: string | null;
        intake_unit_code: string | null;
        outcome_reason_code: string | null;
        decision: string | null;
      }>(
        `select status, stage, routing_round, assignee_type, assignee_code, excluded_units, designation_due::text,
                designated_at is not null as designated, take_up_due::text, settlement_due::text, clock_due::text,
                acceptance_due::text, first_clock_counts_from::text, escalated_on::text, escalation_cause,
                intake_unit_code, outcome_reason_code, decision
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
  const sweep = () => kit.api.app.get(SettlementService).escalateLapsed();
  /** The acceptance deadline of a complaint the department receives on `day`. */
  const acceptanceDueFrom = async (day: IsoDate) => (await kit.api.app.get(CalendarService).due(day, ruleSetOn(day).acceptance.days)).date;
  /** 2026-11-20 → 2026年11月20日, as the consumer's SMS writes a date. */
  const zhDate = (day: string) => {
    const [y, m, d] = day.split('-');
    return `${y}年${Number(m)}月${Number(d)}日`;
  };
  const smsOf = (caseId: string, kind: string) =>
    kit.q<{ text: string }>(`select text from notification where case_id = $1 and channel = 'sms' and kind = $2 order by id`, [
      caseId,
      kind,
    ]);
  const openCases = async (unitCode: string) =>
    (await kit.q<{ open_cases: number }>(`select open_cases from unit_load where unit_code = $1`, [unitCode]))[0]?.open_cases ?? 0;
  const events = (caseId: string, type: string) =>
    kit.q<{
      actor_type: string;
      unit_code: string | null;
      from_status: string;
      to_status: string;
      reason_code: string | null;
      data: Record<string, unknown>;
    }>(
      `select actor_type, unit_code, from_status, to_status, reason_code, data from case_event where case_id = $1 and type = $2 order by id`,
      [caseId, type],
    );
  /** Each unit's load equals a recount of the cases holding a place there (settling, negotiating, offered, assigned, …). */
  const expectLoadsRecounted = async (units: string[]) => {
    const loads = await kit.q<{ unit_code: string; open_cases: number }>(
      `select unit_code, open_cases from unit_load where unit_code = any($1) order by unit_code`,
      [units],
    );
    const open = await kit.q<{ assignee_code: string; n: number }>(
      `select assignee_code, count(*)::int as n from cases where status = any($2) and assignee_code = any($1) group by 1`,
      [units, HOLDING_STATUSES],
    );
    expect(loads.map((l) => l.unit_code)).toEqual(expect.arrayContaining(open.map((o) => o.assignee_code)));
    for (const l of loads)
      expect([l.unit_code, l.open_cases]).toEqual([l.unit_code, open.find((o) => o.assignee_code === l.unit_code)?.n ?? 0]);
  };
  /** The routing work written for round `round` of the case (the transactional outbox). */
  const routingWork = async (caseId: string, round: number) =>
    (
      await kit.q<{ n: number }>(
        `select count(*)::int as n from outbox where topic = 'case.received' and payload->>'caseId' = $1 and (payload->>'round')::int = $2`,
        [caseId, round],
      )
    )[0].n;
  /** A car dealer in 东昌府区: one station of the area covers vehicles (东昌汽车城, not in its venue); no department owns vehicles. */
  const carDealer = (path: 'settlement' | 'formal') =>
    kit.file({
      path,
      categoryCode: 'vehicles',
      respondent: { name: `聊城市测试汽车销售有限公司${Date.now() % 100000}`, address: '东昌府区东昌路 99 号', areaCode: '371502' },
      description: '购买的新车交付时发现漆面有修补痕迹，销售方拒绝说明情况。',
      demand: '退车并退还购车款',
    });
  /** A care home in 阳谷县: 养老服务 is owned by the city's civil affairs bureau (CA-371500); three stations of the area cover it. */
  const careHome = (path: 'settlement' | 'formal') =>
    kit.file({
      path,
      categoryCode: 'elderly-care',
      respondent: { name: `阳谷县测试养老服务中心${Date.now() % 100000}`, address: '阳谷县博济桥街道某路 8 号', areaCode: '371521' },
      description: '签约的养老服务未按合同提供护理，机构拒绝退还预交的服务费。',
      demand: '退还预交服务费',
    });
  /** Hands the case back from the unit holding it and routes the next round (what the worker does). */
  const handBackAndRoute = async (c: Routed, note: string): Promise<Routed> => {
    const done = await (await kit.handlerOf(c)).do(c.id, { action: 'hand-back', note });
    expect(done).toMatchObject({ status: 'received' });
    return kit.route(c.trackingNo, c.accessCode, done.routingRound as number);
  };

  it("a station's hand-back with no other station makes the complaint formal at the county bureau; its hand-back leaves no unit: the city bureau designates, finally", async () => {
    const f = await carDealer('settlement');
    const first = await kit.route(f.trackingNo, f.accessCode);
    expect(first).toMatchObject({ assigneeType: 'station', assigneeCode: CAR_STATION });
    expect(await caseRow(first.id)).toMatchObject({ status: 'settling', stage: 'settlement', acceptance_due: null, escalated_on: null });
    const station = await kit.handlerOf(first);
    expect((await station.detail(first.id)).allowedActions).toEqual(['take-up', 'settlement-failed', 'hand-back', 'note']);
    // Statutory decisions are the department's: a station asking gets 403, not a place in the workflow.
    for (const action of ['accept', 'refuse', 'terminate'])
      expect((await station.act(first.id, { action, note: '受理' })).status).toBe(403);
    const stationLoad = await openCases(CAR_STATION);
    const back = await station.do(first.id, { action: 'hand-back', note: '被投诉人不在本站场所内，本站无法协调' });
    expect(back).toMatchObject({ status: 'received', routingRound: 1 });
    expect(await openCases(CAR_STATION)).toBe(stationLoad - 1);

    // No other station covers vehicles here: the complaint becomes formal today, at the county bureau.
    const today = daysAgo(0);
    const second = await kit.route(f.trackingNo, f.accessCode, 1);
    expect(second).toMatchObject({ assigneeType: 'regulator', assigneeCode: COUNTY });
    const formal = await caseRow(second.id);
    expect(formal).toMatchObject({
      status: 'assigned',
      stage: 'formal',
      escalated_on: today,
      escalation_cause: 'no-station',
      first_clock_counts_from: today,
      acceptance_due: await acceptanceDueFrom(today),
      take_up_due: null,
      settlement_due: null,
      designation_due: null,
    });
    expect(await kit.notificationKinds(second.id)).toEqual(['settlement-assigned', 'escalated']);
    const [told] = await smsOf(second.id, 'escalated');
    expect(told.text).toContain('没有可以协助您协商和解的服务站');
    expect(told.text).toContain('聊城市东昌府区市场监督管理局');
    expect(told.text).toContain(zhDate(formal.acceptance_due!));
    const county = await kit.handlerOf(second);
    expect((await county.detail(second.id)).allowedActions).toEqual(['accept', 'refuse', 'hand-back', 'note']);
    // take-up is a station's step: a department asking gets 403 too.
    expect((await county.act(second.id, { action: 'take-up' })).status).toBe(403);
    await county.do(second.id, { action: 'hand-back', note: '该经营者实际经营地不在本局辖区' });

    // One department handed it back (the station claims no authority): not a dispute, but no unit is left.
    const third = await kit.route(f.trackingNo, f.accessCode, 2);
    expect(third.assigneeCode).toBe(CITY);
    const waiting = await caseRow(third.id);
    expect(waiting).toMatchObject({ status: 'assigned', stage: 'formal', excluded_units: [CAR_STATION, COUNTY], designated: false });
    expect(waiting.designation_due! > today).toBe(true);
    const routed = await decisions(third.id);
    expect(routed.map((d) => [d.rule, d.assignee_code])).toEqual([
      ['area-station', CAR_STATION],
      ['area-bureau', COUNTY],
      ['city-bureau', CITY],
    ]);
    expect(routed[1].reason).toContain('没有可以协助协商和解的服务站');
    expect(routed[2].reason).toContain('已无可分派的单位');
    expect(routed[2].reason).not.toContain('管辖争议');
    // The settlement round found the only station gone (handed back); a formal round never considers a station.
    expect(routed[1].candidates.filter((c) => c.type === 'station')).toEqual([
      expect.objectContaining({ code: CAR_STATION, eligible: false, why: '已退回' }),
    ]);
    expect(routed[2].candidates.filter((c) => c.type === 'station')).toEqual([]);

    // The city bureau is the desk every hand-back goes to: it cannot hand the case back itself.
    const atCity = await city.detail(third.id);
    expect(atCity.allowedActions).not.toContain('hand-back');
    const cityBack = await city.act(third.id, { action: 'hand-back', note: '退回' });
    expect(cityBack.status).toBe(409);
    expect(cityBack.body.allowed).not.toContain('hand-back');

    // Only the city bureau designates; never a unit that handed the case back, never a station.
    expect((await designate(county, third.id, { unitCode: COUNTY, note: '本局认领' })).status).toBe(403);
    for (const gone of [COUNTY, CAR_STATION]) {
      const refused = await designate(city, third.id, { unitCode: gone, note: '指定原单位处理' });
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual([{ field: 'unitCode', message: expect.stringContaining('never returns') }]);
    }
    // A station that does cover vehicles (茌平区's) is still no department.
    for (const st of ['ST-371503-015', 'ST-371502-001']) {
      const refused = await designate(city, third.id, { unitCode: st, note: '指定服务站处理' });
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual([{ field: 'unitCode', message: expect.stringContaining('designate a department') }]);
    }
    expect((await designate(city, third.id, { unitCode: 'MR-371503' })).status).toBe(400); // note missing

    const done = await designate(city, third.id, { unitCode: 'MR-371503', note: '经协调，由茌平区市场监督管理局处理' });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({
      id: third.id,
      routingRound: 3,
      assignee: { type: 'regulator', code: 'MR-371503', name: expect.stringContaining('茌平') },
    });
    // Designated once: a second designation is refused; the city bureau no longer has the case.
    expect((await designate(city, third.id, { unitCode: COUNTY, note: '再指定' })).status).toBe(404);

    const designated = await kit.staff('regulator-staff', 'MR-371503');
    const d = await designated.detail(third.id);
    expect(d).toMatchObject({ status: 'assigned', assignee: { code: 'MR-371503' } });
    expect(d.allowedActions).toEqual(['accept', 'refuse', 'note']);
    const refusedBack = await designated.act(third.id, { action: 'hand-back', note: '本局亦无管辖权' });
    expect(refusedBack.status).toBe(409);
    expect(refusedBack.body.message).toContain('final');
    expect(refusedBack.body.allowed).toEqual(['accept', 'refuse', 'note']); // a department's actions only (a business's statement is not its)
    // The settlement sweep leaves a formal case alone.
    await sweep();
    expect(await caseRow(third.id)).toMatchObject({ status: 'assigned', stage: 'formal', assignee_code: 'MR-371503', routing_round: 3 });

    // Never a second visit to a unit that handed it back: every round went to a different unit.
    const rounds = await decisions(third.id);
    expect(rounds.map((r) => [r.rule, r.assignee_code])).toEqual([
      ['area-station', CAR_STATION],
      ['area-bureau', COUNTY],
      ['city-bureau', CITY],
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
    // Loads: only the designated unit holds the case; every load equals a recount of the cases holding a place.
    await expectLoadsRecounted([CAR_STATION, COUNTY, CITY, 'MR-371503']);

    await designated.do(third.id, { action: 'accept' });
  });

  it('two departments handing a formal complaint back (the sector regulator, then the county bureau) is a disputed jurisdiction; the city bureau designates a department, never a station', async () => {
    const f = await careHome('formal');
    const first = await kit.route(f.trackingNo, f.accessCode);
    expect(first).toMatchObject({ assigneeType: 'regulator', assigneeCode: 'CA-371500' });
    expect(await caseRow(first.id)).toMatchObject({ status: 'assigned', stage: 'formal', escalated_on: null, escalation_cause: null });
    const second = await handBackAndRoute(first, '该机构未在本局备案，不属于本局监管范围');
    expect(second).toMatchObject({ assigneeType: 'regulator', assigneeCode: 'MR-371521' });
    const third = await handBackAndRoute(second, '养老服务由民政部门主管');
    expect(third.assigneeCode).toBe(CITY);

    const waiting = await caseRow(third.id);
    expect(waiting).toMatchObject({ status: 'assigned', excluded_units: ['CA-371500', 'MR-371521'], designated: false });
    expect(waiting.designation_due! > daysAgo(0)).toBe(true);
    const routed = await decisions(third.id);
    expect(routed.map((d) => [d.rule, d.assignee_code])).toEqual([
      ['sector-regulator', 'CA-371500'],
      ['area-bureau', 'MR-371521'],
      ['disputed-jurisdiction', CITY],
    ]);
    expect(routed[2].reason).toContain('管辖争议');
    expect(routed[2].candidates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'CA-371500', eligible: false }),
        expect.objectContaining({ code: 'MR-371521', eligible: false }),
      ]),
    );
    // The consumer filed formally: nothing about escalation is sent, however often it is routed.
    expect(await kit.notificationKinds(third.id)).toEqual([]);

    // A station of the area covers 养老服务, but a disputed jurisdiction is between departments.
    const station = await designate(city, third.id, { unitCode: 'ST-371521-003', note: '指定服务站协调' });
    expect(station.status).toBe(400);
    expect(station.body.details).toEqual([{ field: 'unitCode', message: expect.stringContaining('designate a department') }]);
    const notOwner = await designate(city, third.id, { unitCode: 'CT-371500', note: '指定文旅部门' });
    expect(notOwner.status).toBe(400);
    expect(notOwner.body.details).toEqual([{ field: 'unitCode', message: expect.stringContaining('does not own') }]);
    expect((await designate(city, third.id, { unitCode: 'CA-371500', note: '指定民政部门' })).status).toBe(400);

    // The city bureau may handle it itself: final, it cannot hand it back either.
    const done = await designate(city, third.id, { unitCode: CITY, note: '管辖争议由本局自行处理' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ routingRound: 3, assignee: { type: 'regulator', code: CITY } });
    const d = await city.detail(third.id);
    expect(d.allowedActions).toEqual(['accept', 'refuse', 'note']);
    const back = await city.act(third.id, { action: 'hand-back', note: '退回' });
    expect(back.status).toBe(409);
    expect(back.body.message).toContain('final');
    expect(await caseRow(third.id)).toMatchObject({ status: 'assigned', assignee_code: CITY, designated: true, designation_due: null });
  });

  it('a station hands a settlement case to the next station of the area; with none left it is formal at the sector regulator, and only two departments make a dispute', async () => {
    const stations = (
      await kit.q<{ code: string }>(
        `select s.code from station s join station_category sc on sc.station_code = s.code
          where s.active and s.area_code = '371521' and sc.category_code = 'elderly-care' order by s.code`,
      )
    ).map((s) => s.code);
    expect(stations.length).toBeGreaterThanOrEqual(2);
    const loadsBefore = await Promise.all(stations.map(openCases));

    const f = await careHome('settlement');
    let c = await kit.route(f.trackingNo, f.accessCode);
    const seen: string[] = [];
    for (let i = 0; i < 10 && c.assigneeType === 'station'; i++) {
      seen.push(c.assigneeCode);
      expect(await caseRow(c.id)).toMatchObject({ status: 'settling', stage: 'settlement', acceptance_due: null });
      c = await handBackAndRoute(c, '本站无法联系到该机构负责人，无法协调');
    }
    // Every station of the area once, never one twice; then formal, at the department owning the category.
    expect([...seen].sort()).toEqual(stations);
    expect(c).toMatchObject({ assigneeType: 'regulator', assigneeCode: 'CA-371500' });
    expect(await Promise.all(stations.map(openCases))).toEqual(loadsBefore);
    const today = daysAgo(0);
    expect(await caseRow(c.id)).toMatchObject({
      status: 'assigned',
      stage: 'formal',
      routing_round: stations.length,
      excluded_units: seen,
      escalated_on: today,
      escalation_cause: 'no-station',
      first_clock_counts_from: today,
      acceptance_due: await acceptanceDueFrom(today),
    });
    const rules = (await decisions(c.id)).map((d) => d.rule);
    expect(rules).toEqual([...stations.map(() => 'area-station'), 'sector-regulator']);
    // Told once that it is now formal, naming the department (who helps at each station: see the test below).
    const formalNotice = await smsOf(c.id, 'escalated');
    expect(formalNotice).toHaveLength(1);
    expect(formalNotice[0].text).toContain('目前没有可以协助您协商和解的服务站');
    expect(formalNotice[0].text).toContain('聊城市民政局');

    // The stations' hand-backs claim no authority: the sector regulator's hand-back is the first of a dispute.
    const county = await handBackAndRoute(c, '该机构未在本局备案');
    expect(county).toMatchObject({ assigneeType: 'regulator', assigneeCode: 'MR-371521' });
    expect((await decisions(c.id)).pop()!.rule).toBe('area-bureau');
    const disputed = await handBackAndRoute(county, '养老服务由民政部门主管');
    expect(disputed.assigneeCode).toBe(CITY);
    const last = (await decisions(c.id)).pop()!;
    expect(last.rule).toBe('disputed-jurisdiction');
    expect(last.reason).toContain('2 个部门');
    // The departments' hand-backs tell the consumer nothing new.
    expect(await smsOf(c.id, 'escalated')).toHaveLength(1);
  });

  // Fails on the libs as they are: see the report. RoutingService.tellWhoHelps writes 'settlement-assigned'
  // without a dedupe key, so the notification writer drops the second station's notice as a duplicate.
  it('after a station hands a settlement case to another station, the consumer is told which station now helps, its phone and its take-up date', async () => {
    const f = await careHome('settlement');
    const first = await kit.route(f.trackingNo, f.accessCode);
    expect(first.assigneeType).toBe('station');
    const second = await handBackAndRoute(first, '本站无法联系到该机构负责人，无法协调');
    expect(second.assigneeType).toBe('station');
    expect(second.assigneeCode).not.toBe(first.assigneeCode);
    const station = (code: string) => kit.q<{ name: string; phone: string }>(`select name, phone from station where code = $1`, [code]);
    const [was] = await station(first.assigneeCode);
    const [now] = await station(second.assigneeCode);
    const takeUp = (await caseRow(second.id)).take_up_due!;
    const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // The first notice named the first station, its phone and its take-up date; the consumer must learn of the second.
    const notices = await smsOf(second.id, 'settlement-assigned');
    expect(notices.map((n) => n.text)).toEqual([
      expect.stringContaining(was.name),
      expect.stringMatching(new RegExp(`${literally(now.name)}.*${literally(zhDate(takeUp))}.*${literally(now.phone)}`)),
    ]);
  });

  it('a settlement case nobody took up by its deadline is escalated by the sweep once, formal from that day, at the county bureau, never back at a station (no loop)', async () => {
    const f = await carDealer('settlement');
    const first = await kit.route(f.trackingNo, f.accessCode);
    expect(first.assigneeCode).toBe(CAR_STATION);
    const before = await caseRow(first.id);
    expect(before).toMatchObject({ status: 'settling', clock_due: before.take_up_due });
    expect(before.take_up_due! >= daysAgo(0)).toBe(true);
    // Not lapsed yet: the sweep leaves it.
    await sweep();
    expect((await caseRow(first.id)).status).toBe('settling');

    const stationLoad = await openCases(CAR_STATION);
    await kit.q(`update cases set take_up_due = $2::date, clock_due = $2::date where id = $1`, [first.id, daysAgo(1)]);
    // However often it runs, even two at once: one escalation.
    const runs = await Promise.all([sweep(), sweep()]);
    runs.push(await sweep());
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    const today = daysAgo(0);
    const acceptanceDue = await acceptanceDueFrom(today);
    expect(await caseRow(first.id)).toMatchObject({
      status: 'received',
      stage: 'formal',
      routing_round: 1,
      assignee_code: null,
      take_up_due: null,
      clock_due: null,
      escalated_on: today,
      escalation_cause: 'take-up-lapsed',
      first_clock_counts_from: today,
      acceptance_due: acceptanceDue,
    });
    expect(await events(first.id, 'escalated')).toEqual([
      {
        actor_type: 'system',
        unit_code: CAR_STATION,
        from_status: 'settling',
        to_status: 'received',
        reason_code: 'take-up-lapsed',
        data: expect.objectContaining({ cause: 'take-up-lapsed', stage: 'formal', from: CAR_STATION, acceptanceDue }),
      },
    ]);
    expect(await routingWork(first.id, 1)).toBe(1);
    expect(await openCases(CAR_STATION)).toBe(stationLoad - 1);

    // The worker routes it by jurisdiction: the county bureau, no station considered.
    const second = await kit.route(f.trackingNo, f.accessCode, 1);
    expect(second).toMatchObject({ assigneeType: 'regulator', assigneeCode: COUNTY });
    expect(await caseRow(first.id)).toMatchObject({ status: 'assigned', stage: 'formal', acceptance_due: acceptanceDue });
    expect(await kit.notificationKinds(first.id)).toEqual(['settlement-assigned', 'escalated']);
    const [told] = await smsOf(first.id, 'escalated');
    expect(told.text).toContain('服务站未在规定时间内接手');
    expect(told.text).toContain('聊城市东昌府区市场监督管理局');
    expect(told.text).toContain(zhDate(acceptanceDue));
    await sweep();
    expect(await routingWork(first.id, 2)).toBe(0);

    // The county bureau hands it back: not the idle station again; no eligible unit is left, the city bureau designates.
    const county = await kit.staff('regulator-staff', COUNTY);
    const res = await county.do(first.id, { action: 'hand-back', note: '不属于本局管辖' });
    expect(res.routingRound).toBe(2);
    const again = await kit.route(f.trackingNo, f.accessCode, 2);
    expect(again.assigneeCode).toBe(CITY);
    const rounds = await decisions(first.id);
    expect(rounds.map((r) => [r.rule, r.assignee_code])).toEqual([
      ['area-station', CAR_STATION],
      ['area-bureau', COUNTY],
      ['city-bureau', CITY],
    ]);
    expect(rounds[2].candidates).toEqual(expect.arrayContaining([expect.objectContaining({ code: COUNTY, eligible: false })]));
    expect(rounds.slice(1).flatMap((r) => r.candidates.filter((c) => c.type === 'station'))).toEqual([]);
    expect((await caseRow(first.id)).designation_due).not.toBeNull();
    // Told once: a department's hand-back tells the consumer nothing new.
    expect(await kit.notificationKinds(first.id)).toEqual(['settlement-assigned', 'escalated']);
    await expectLoadsRecounted([CAR_STATION, COUNTY, CITY]);
  });

  it('every other way out of the settlement stage (the outcome deadline, the station giving up, the consumer) leads to a department, never a station', async () => {
    // At 金鼎购物中心's own station (its venue): taken up, then no settlement by the outcome deadline.
    const venue = { name: '金鼎某餐厅', address: '东昌府区东昌路 229 号', areaCode: '371502', venueCode: 'V-371502-001' };
    const lapsed = await kit.assigned({ path: 'settlement', respondent: venue });
    expect(lapsed).toMatchObject({ assigneeType: 'station', assigneeCode: 'ST-371502-001' });
    const mall = await kit.handlerOf(lapsed);
    expect(await mall.do(lapsed.id, { action: 'take-up' })).toMatchObject({ status: 'negotiating' });
    const negotiating = await caseRow(lapsed.id);
    expect(negotiating).toMatchObject({ status: 'negotiating', clock_due: negotiating.settlement_due });
    await kit.q(`update cases set settlement_due = $2::date, clock_due = $2::date where id = $1`, [lapsed.id, daysAgo(1)]);
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);
    expect(await caseRow(lapsed.id)).toMatchObject({ status: 'received', stage: 'formal', escalation_cause: 'deadline-lapsed' });
    expect((await events(lapsed.id, 'escalated'))[0].from_status).toBe('negotiating');

    // The station reports the business refuses to settle.
    const failed = await kit.assigned({ path: 'settlement', respondent: { ...venue, name: '金鼎另一餐厅' } });
    expect(failed.assigneeCode).toBe('ST-371502-001');
    const gaveUp = await mall.act(failed.id, { action: 'settlement-failed', note: '商家拒绝协商' });
    expect(gaveUp.status).toBe(200);
    expect(await caseRow(failed.id)).toMatchObject({ status: 'received', stage: 'formal', escalation_cause: 'settlement-failed' });

    // The consumer chooses the formal complaint.
    const chose = await kit.assigned({ path: 'settlement', respondent: { ...venue, name: '金鼎第三餐厅' } });
    const res = await kit.http
      .post(`/api/v1/complaints/${chose.trackingNo}/escalate`)
      .set('X-Access-Code', chose.accessCode)
      .set('Accept-Language', 'en')
      .send({ reason: '不愿协商' });
    expect(res.status).toBe(200);
    expect(await caseRow(chose.id)).toMatchObject({ status: 'received', stage: 'formal', escalation_cause: 'consumer' });

    const today = daysAgo(0);
    for (const [c, cause] of [
      [lapsed, '协商未在规定时间内达成和解'],
      [failed, '服务站协助协商未能达成和解'],
      [chose, '您选择向市场监管部门正式投诉'],
    ] as const) {
      expect(await routingWork(c.id, 1)).toBe(1);
      const routed = await kit.route(c.trackingNo, c.accessCode, 1);
      expect(routed).toMatchObject({ assigneeType: 'regulator', assigneeCode: COUNTY });
      const row = await caseRow(c.id);
      expect(row).toMatchObject({
        status: 'assigned',
        stage: 'formal',
        escalated_on: today,
        acceptance_due: await acceptanceDueFrom(today),
      });
      expect(row.excluded_units).toEqual([]);
      expect((await decisions(c.id)).map((d) => [d.rule, d.assignee_code])).toEqual([
        ['venue-station', 'ST-371502-001'],
        ['area-bureau', COUNTY],
      ]);
      const sms = await smsOf(c.id, 'escalated');
      expect(sms).toHaveLength(1);
      expect(sms[0].text).toContain(cause);
      expect(sms[0].text).toContain(zhDate(row.acceptance_due!));
    }
    await expectLoadsRecounted(['ST-371502-001', COUNTY]);
  });

  it("a seller on 聊聊云购 goes to 聊聊云购's own station, never a rival platform's; an offline business never to a platform station; a formal complaint to no station at all", async () => {
    const seller = await kit.assigned({
      path: 'settlement',
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
    expect(await caseRow(seller.id)).toMatchObject({ status: 'settling', stage: 'settlement' });
    const [d] = await decisions(seller.id);
    expect(d.rule).toBe('platform-station');
    expect(d.candidates.map((c) => c.code)).not.toContain('ST-371502-008');

    const outside = await kit.assigned({
      path: 'settlement',
      categoryCode: 'food',
      channel: 'online',
      respondent: { name: '外地网店', address: '浙江省杭州市西湖区 1 号', areaCode: '330106', online: true, platformName: '聊聊云购' },
    });
    expect(outside.assigneeCode).toBe('ST-371502-009');
    expect((await decisions(outside.id))[0].rule).toBe('platform-station');

    for (let i = 0; i < 3; i++) {
      const shop = await kit.assigned({
        path: 'settlement',
        categoryCode: 'food',
        respondent: { name: `东昌府区某食品店${i}`, address: '东昌府区 1 号', areaCode: '371502' },
      });
      expect(shop.assigneeType).toBe('station');
      const [{ type }] = await kit.q<{ type: string }>(`select type from station where code = $1`, [shop.assigneeCode]);
      expect(type).not.toBe('platform');
    }

    // The same outside seller complained about formally: the platform's domicile bureau, no station considered.
    const formal = await kit.assigned({
      categoryCode: 'food',
      channel: 'online',
      respondent: { name: '外地网店二', address: '浙江省杭州市西湖区 2 号', areaCode: '330106', online: true, platformName: '聊聊云购' },
    });
    expect(formal).toMatchObject({ assigneeType: 'regulator', assigneeCode: COUNTY });
    const [fd] = await decisions(formal.id);
    expect(fd.rule).toBe('area-bureau');
    expect(fd.candidates.filter((c) => c.type === 'station')).toEqual([]);
  });

  it('a counter filing stays in settlement with the station that took it, unless the station cannot handle the category; a formal one goes to the department', async () => {
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
      path: 'settlement',
      intakeChannel: 'counter',
      respondent: { name: '金鼎某餐厅', address: '东昌府区', areaCode: '371502', venueCode: 'V-371502-001' },
    });
    expect(await caseRow(kept.id)).toMatchObject({
      status: 'settling',
      stage: 'settlement',
      assignee_code: 'ST-371502-019',
      intake_unit_code: 'ST-371502-019',
    });
    expect((await decisions(kept.id)).map((d) => d.rule)).toEqual(['counter-station']);
    const allowed = (await desk.detail(kept.id)).allowedActions;
    expect(allowed).toContain('take-up');
    expect(allowed).not.toContain('accept');
    expect((await desk.act(kept.id, { action: 'accept' })).status).toBe(403);

    // A category the station does not take: routed by the rules, to the area's station that does.
    const cars = await intake({
      path: 'settlement',
      intakeChannel: 'counter',
      categoryCode: 'vehicles',
      respondent: { name: '某汽车销售公司', address: '东昌府区', areaCode: '371502' },
    });
    const [car] = await decisions(cars.id);
    expect(car).toMatchObject({ rule: 'area-station', assignee_code: CAR_STATION });

    // The consumer at the counter chose the formal complaint: a station never has it, not even the counter's.
    const formal = await intake({
      intakeChannel: 'counter',
      respondent: { name: '金鼎又一餐厅', address: '东昌府区', areaCode: '371502', venueCode: 'V-371502-001' },
    });
    expect(await caseRow(formal.id)).toMatchObject({
      status: 'assigned',
      stage: 'formal',
      assignee_type: 'regulator',
      assignee_code: COUNTY,
      intake_unit_code: 'ST-371502-019',
    });
    expect((await decisions(formal.id)).map((d) => d.rule)).toEqual(['area-bureau']);

    // A phone call is recorded with its unit but routed by the rules, as the worker does.
    const call = await intake({
      path: 'settlement',
      intakeChannel: 'phone',
      respondent: { name: '金鼎另一餐厅', address: '东昌府区', areaCode: '371502', venueCode: 'V-371502-001' },
    });
    expect(await caseRow(call.id)).toMatchObject({ status: 'received', intake_unit_code: 'ST-371502-019' });
    const routed = await kit.route(call.trackingNo);
    expect(routed.assigneeCode).toBe('ST-371502-001');
    expect((await decisions(call.id))[0].rule).toBe('venue-station');
  });

  it("a complaint about a business outside the city is refused at once on ground 1 by the city bureau's desk, and the consumer told where to file", async () => {
    const f = await kit.file({ respondent: { name: '北京某餐饮公司', address: '北京市东城区某路 1 号', areaCode: '110101' } });
    const c = await kit.route(f.trackingNo, f.accessCode);
    expect(c.assigneeCode).toBe(CITY);
    expect(await caseRow(c.id)).toMatchObject({
      status: 'refused',
      stage: 'formal',
      assignee_code: CITY,
      outcome_reason_code: '1',
      designation_due: null,
    });
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
    const [sms] = await kit.q<{ text: string }>(
      `select text from notification where case_id = $1 and channel = 'sms' and kind <> 'received'`,
      [c.id],
    );
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
          `select count(*)::int as n from outbox where topic = 'notification.created' and payload->>'notificationId' in (select id::text from notification where case_id = $1 and kind <> 'received')`,
          [c.id],
        )
      )[0].n,
    ).toBe(1);

    const view = await kit.consumerView(f.trackingNo, f.accessCode);
    expect(view.status).toBe('refused');
    // The city bureau's desk cannot act on it any more than any unit on a refused case.
    expect((await city.act(c.id, { action: 'accept' })).status).toBe(409);
  });

  it('on the settlement path too, a business outside the city is refused at once: no station, no escalation notice, decided on time', async () => {
    const f = await kit.file({
      path: 'settlement',
      respondent: { name: '北京另一餐饮公司', address: '北京市东城区某路 2 号', areaCode: '110101' },
    });
    const c = await kit.route(f.trackingNo, f.accessCode);
    expect(c).toMatchObject({ assigneeType: 'regulator', assigneeCode: CITY });
    const today = daysAgo(0);
    expect(await caseRow(c.id)).toMatchObject({
      status: 'refused',
      stage: 'formal',
      outcome_reason_code: '1',
      take_up_due: null,
      escalated_on: null,
      acceptance_due: await acceptanceDueFrom(today),
    });
    const [d] = await decisions(c.id);
    expect(d.rule).toBe('outside-city');
    expect(d.candidates.filter((x) => x.type === 'station')).toEqual([]);
    expect(await kit.notificationKinds(c.id)).toEqual(['refused']);
    const [refused] = await events(c.id, 'refuse');
    expect(refused.data.met).toEqual([expect.objectContaining({ clock: 'acceptance', onTime: true })]);
  });

  it("another department's matter (telecom, a province-level regulator) is refused too, naming that department", async () => {
    const f = await kit.file({
      categoryCode: 'telecom',
      respondent: { name: '某通信营业厅', address: '东昌府区 1 号', areaCode: '371502' },
    });
    const c = await kit.route(f.trackingNo, f.accessCode);
    expect((await caseRow(c.id)).status).toBe('refused');
    const [sms] = await kit.q<{ text: string }>(
      `select text from notification where case_id = $1 and channel = 'sms' and kind <> 'received'`,
      [c.id],
    );
    expect(sms.text).toContain('山东省通信管理局');
  });

  it("a report on a business outside the city: not this city's authority, the reporter told where to report, closed", async () => {
    const f = await kit.file({
      kind: 'report',
      respondent: { name: '杭州某公司', address: '浙江省杭州市西湖区 1 号', areaCode: '330106' },
    });
    const c = await kit.route(f.trackingNo, f.accessCode);
    expect(await caseRow(c.id)).toMatchObject({ status: 'closed', assignee_code: CITY, decision: 'not-opened', outcome_reason_code: '3' });
    const history = await kit.q<{ type: string; from_status: string; to_status: string }>(
      `select type, from_status, to_status from case_event where case_id = $1 order by id`,
      [c.id],
    );
    expect(history.map((e) => [e.type, e.to_status])).toEqual([
      ['received', 'received'],
      ['assigned', 'assigned'],
      ['decline-enforcement', 'not-opened'],
      ['close', 'closed'],
    ]);
    expect(await kit.notificationKinds(c.id)).toEqual(['report-decision']);
    const [sms] = await kit.q<{ text: string }>(
      `select text from notification where case_id = $1 and channel = 'sms' and kind <> 'received'`,
      [c.id],
    );
    expect(sms.text).toContain('浙江省杭州市西湖区市场监督管理部门举报');
    expect(sms.text).toContain(findReason('no-case', 'order121', '3')!.basis);
    expect((await kit.consumerView(f.trackingNo, f.accessCode)).status).toBe('closed');
  });

  describe('the designation deadline (Order 121 Art. 33)', () => {
    /** A care home's formal complaint handed back by the sector regulator and the county bureau: disputed, waiting at the city bureau. */
    const disputed = async () => {
      const f = await careHome('formal');
      const first = await kit.route(f.trackingNo, f.accessCode);
      const second = await handBackAndRoute(first, '该机构未在本局备案，不属于本局监管范围');
      const third = await handBackAndRoute(second, '养老服务由民政部门主管');
      expect(third.assigneeCode).toBe(CITY);
      expect((await decisions(third.id)).pop()!.rule).toBe('disputed-jurisdiction');
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
