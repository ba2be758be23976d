import type { IsoDate } from '@weiquan/calendar';
import { addWorkingDays, CalendarService } from '@weiquan/calendar';
import { ClocksService } from '@weiquan/cases';
import type { CreateComplaintDto } from '@weiquan/complaints';
import { IntakeService } from '@weiquan/complaints';
import type { Routed, Staff } from './support/case-kit';
import { at, CaseKit, shanghaiDay } from './support/case-kit';

/**
 * The clocks as staff and consumers see them: working days, calendar days (Order 121 mediation),
 * overdue, and years whose official schedule is entered later.
 *
 * Every expected date below is counted by hand on the State Council's 2026 schedule (days off on a
 * weekday: 1–2 Jan, 16–20 and 23 Feb, 6 Apr, 1 and 4–5 May, 19 Jun, 25 Sep, 1–2 and 5–7 Oct;
 * weekend working days: 4 Jan, 14 and 28 Feb, 9 May, 20 Sep, 10 Oct), the start day never counted.
 */
describe('case clocks', () => {
  let kit: CaseKit;

  /** Acts at 10:00 China time on `day`. */
  const on = <T>(day: IsoDate, work: () => Promise<T>) => at(`${day}T02:00:00Z`, work);

  /** A complaint staff record from a phone call, received at `receivedAt` (now if not given). */
  const byPhone = async (k: CaseKit, receivedAt?: Date, over: Record<string, unknown> = {}) => {
    const intake = k.api.app.get(IntakeService);
    const receivedOn = shanghaiDay(receivedAt ?? new Date());
    return intake.submit(k.body({ incidentDate: receivedOn, ...over }) as unknown as CreateComplaintDto, {
      channel: 'phone',
      ...(receivedAt ? { receivedAt } : {}),
    });
  };
  const clock = (d: { clocks: { clock: string }[] }, name: string) =>
    d.clocks.find((k) => k.clock === name) as Record<string, unknown> | undefined;
  /** The consumer's tracking view in Chinese, as the /track page shows it. */
  const tracking = async (k: CaseKit, c: { trackingNo: string; accessCode: string }) => {
    const res = await k.http.get(`/api/v1/complaints/${c.trackingNo}`).set('X-Access-Code', c.accessCode).set('Accept-Language', 'zh-CN');
    expect(res.status).toBe(200);
    return res.body;
  };
  const deadline = (view: { deadlines: { kind: string }[] }, kind: string) =>
    view.deadlines.find((x) => x.kind === kind) as Record<string, unknown> | undefined;

  beforeAll(async () => {
    kit = await CaseKit.start();
  });

  afterAll(async () => {
    await kit?.close();
  });

  describe('overdue', () => {
    let old: Routed;
    let staff: Staff;

    beforeAll(async () => {
      const answer = await byPhone(kit, new Date('2026-09-30T02:00:00Z'));
      expect(answer).toMatchObject({ status: 'received', acceptanceDueDate: '2026-10-15', acceptanceDueProvisional: false });
      old = await kit.route(answer.trackingNo, answer.accessCode);
      staff = await kit.handlerOf(old);
    });

    it('counts the acceptance clock in working days over the National Day holiday: received 30 September, due 15 October', async () => {
      // 7 working days after Wed 30 Sep: 1–7 Oct are off; Thu 8 (1), Fri 9 (2), Sat 10 (3, a working
      // Saturday), Mon 12 (4), Tue 13 (5), Wed 14 (6), Thu 15 Oct (7).
      const [row] = await kit.q(`select intake_channel, received_on, acceptance_due, due_on from cases where id = $1`, [old.id]);
      expect(row).toEqual({ intake_channel: 'phone', received_on: '2026-09-30', acceptance_due: '2026-10-15', due_on: '2026-10-15' });
      const d = await staff.detail(old.id);
      expect(clock(d, 'acceptance')).toMatchObject({
        countsFrom: '2026-09-30',
        days: 7,
        count: 'working',
        workingDays: 7,
        basis: { kind: 'law', text: '总局令第121号第十五条' },
        dueOn: '2026-10-15',
        provisional: false,
        running: true,
        overdue: true,
      });
      expect(d).toMatchObject({ dueOn: '2026-10-15', overdue: true });
      const mine = await kit.consumerView(old.trackingNo, old.accessCode);
      expect(mine.deadlines).toEqual([expect.objectContaining({ dueDate: '2026-10-15' })]);
    });

    it('the overdue filter finds the case whose deadline passed, and only those', async () => {
      const fresh = await kit.assigned();
      const unit = fresh.assigneeCode === old.assigneeCode ? staff : await kit.handlerOf(fresh);
      const overdue = (await staff.get('/cases?overdue=true')).body.items.map((i: { id: string }) => i.id);
      expect(overdue).toContain(old.id);
      expect(overdue).not.toContain(fresh.id);
      const onTime = (await unit.get('/cases?overdue=false&limit=100')).body.items.map((i: { id: string }) => i.id);
      expect(onTime).toContain(fresh.id);
      expect(onTime).not.toContain(old.id);
      const item = (await staff.get('/cases?overdue=true')).body.items.find((i: { id: string }) => i.id === old.id);
      expect(item).toMatchObject({ dueOn: '2026-10-15', overdue: true });
    });

    it('the sweep escalates an overdue case once, however often it runs, reminds of deadlines due tomorrow, and calls a policy deadline policy', async () => {
      // A complaint received so long ago that its acceptance falls due today or on the next working day.
      const cal = await kit.api.app.get(CalendarService).overrides();
      const today = shanghaiDay(new Date());
      const soon = addWorkingDays(today, 1, cal).date;
      let day: IsoDate = today;
      for (let back = 1; back < 30; back++) {
        day = shanghaiDay(new Date(Date.now() - back * 86_400_000));
        const due = addWorkingDays(day, 7, cal).date;
        if (due >= today && due <= soon) break;
      }
      const near = await byPhone(kit, new Date(`${day}T02:00:00Z`));
      const nearCase = await kit.route(near.trackingNo, near.accessCode);

      // A complaint closed on Fri 9 October 2026: its follow-up visit, 10 working days of city policy,
      // fell due on Thu 22 October (Sat 10 (1), 12–16 (6), 19–22 (10)).
      const visited = await on('2026-10-09', async () => {
        const c = await kit.assigned();
        const unitStaff = await kit.handlerOf(c);
        await unitStaff.do(c.id, { action: 'accept' });
        await unitStaff.do(c.id, { action: 'resolve', amountRecovered: 100, agreement: false });
        await unitStaff.do(c.id, { action: 'close' });
        return c;
      });
      expect(clock(await (await kit.handlerOf(visited)).detail(visited.id), 'follow-up')).toMatchObject({ dueOn: '2026-10-22' });

      const sweeper = kit.api.app.get(ClocksService);
      const first = await sweeper.sweep();
      const second = await sweeper.sweep();
      expect(first.overdue).toBeGreaterThanOrEqual(2);
      expect(first.reminders).toBeGreaterThanOrEqual(1);
      expect(second).toEqual({ reminders: 0, overdue: 0 });
      const events = await kit.q(
        `select type, actor_type, unit_code, public, note, data from case_event where case_id = $1 and type in ('overdue', 'reminder')`,
        [old.id],
      );
      // A county bureau's case is overseen by the city bureau.
      expect(old.assigneeCode).toBe('MR-371502');
      expect(events).toEqual([
        {
          type: 'overdue',
          actor_type: 'system',
          unit_code: old.assigneeCode,
          public: false,
          // The acceptance period is the law's (Order 121 Art. 15).
          note: '已超过法定期限（2026-10-15），已提请 MR-371500 督办',
          data: { dueOn: '2026-10-15', oversight: 'MR-371500' },
        },
      ]);
      // The follow-up visit is the city's own period: never called statutory.
      const [policy] = await kit.q<{ note: string }>(`select note from case_event where case_id = $1 and type = 'overdue'`, [visited.id]);
      expect(policy.note).toMatch(/^已超过本市工作规范期限（2026-10-22），已提请 \S+ 督办$/);
      expect(await kit.q(`select type from case_event where case_id = $1 and type in ('overdue', 'reminder')`, [nearCase.id])).toEqual([
        { type: 'reminder' },
      ]);
      const nearStaff = await kit.handlerOf(nearCase);
      const dueSoon = (await nearStaff.get('/cases?dueWithinDays=1')).body.items.map((i: { id: string }) => i.id);
      expect(dueSoon).toContain(nearCase.id);
      expect(dueSoon).not.toContain(old.id);
      // The handler sees it in the file.
      const d = await staff.detail(old.id);
      expect(d.history.filter((h: { type: string }) => h.type === 'overdue')).toHaveLength(1);
    });

    it('accepting late meets the clock late: the next clock runs, the overdue one is recorded as late', async () => {
      await staff.do(old.id, { action: 'accept' });
      const d = await staff.detail(old.id);
      expect(clock(d, 'acceptance')).toMatchObject({ metOn: shanghaiDay(new Date()), running: false, overdue: false, late: true });
      expect(d.overdue).toBe(false);
      expect((await staff.get('/cases?overdue=true')).body.items.map((i: { id: string }) => i.id)).not.toContain(old.id);
    });
  });

  it('Order 121 mediation runs 60 calendar days from 受理 and ends on a working day: accepted 30 September 2026, due 30 November', async () => {
    // Day 60 after Wed 30 Sep (not counted) is Sun 29 Nov (31 days of October, then 29 of November);
    // a Sunday is not a working day, so the period ends on Mon 30 Nov (Art. 23(5), Art. 45).
    const c = await on('2026-09-30', () => kit.assigned());
    const staff = await kit.handlerOf(c);
    await on('2026-09-30', () => staff.do(c.id, { action: 'accept' }));

    const d = await staff.detail(c.id);
    expect(d.ruleSet).toEqual({ code: 'order121' });
    expect(clock(d, 'mediation')).toMatchObject({
      countsFrom: '2026-09-30',
      days: 60,
      count: 'calendar',
      workingDays: null,
      basis: { kind: 'law', text: expect.stringContaining('总局令第121号第二十三条') },
      dueOn: '2026-11-30',
      provisional: false,
      running: true,
    });
    expect(d.dueOn).toBe('2026-11-30');

    const mine = await tracking(kit, c);
    expect(mine.dueDate).toBe('2026-11-30');
    // A statutory period: no city-policy note beside it.
    expect(deadline(mine, 'mediation')).toEqual(
      expect.objectContaining({ text: '调解期限', dueDate: '2026-11-30', provisional: false, pausedOn: null }),
    );
  });

  it('a case keeps the rule set in force on the day (in China) it was received: its reason codes and its clocks', async () => {
    const before = await byPhone(kit, new Date('2026-04-14T15:59:00Z'));
    const after = await byPhone(kit, new Date('2026-04-14T16:00:00Z'));
    const sets = await kit.q(`select tracking_no, rule_set, received_on from cases where tracking_no in ($1, $2) order by id`, [
      before.trackingNo,
      after.trackingNo,
    ]);
    expect(sets).toEqual([
      { tracking_no: before.trackingNo, rule_set: 'order20', received_on: '2026-04-14' },
      { tracking_no: after.trackingNo, rule_set: 'order121', received_on: '2026-04-15' },
    ]);

    const c = await kit.route(before.trackingNo, before.accessCode);
    const staff = await kit.handlerOf(c);
    let d = await staff.detail(c.id);
    expect(d.ruleSet).toEqual({ code: 'order20' });
    // Order 20 Art. 15 has six items; its item (六) is code 7, and code 6 (impersonation) is Order 121's only.
    expect(d.reasonOptions.refusal.map((r: { code: string; basis: string }) => [r.code, r.basis])).toEqual([
      ['1', '总局令第20号第十五条第（一）项'],
      ['2', '总局令第20号第十五条第（二）项'],
      ['3', '总局令第20号第十五条第（三）项'],
      ['4', '总局令第20号第十五条第（四）项'],
      ['5', '总局令第20号第十五条第（五）项'],
      ['7', '总局令第20号第十五条第（六）项'],
    ]);
    // Order 20's termination grounds are its Art. 21.
    expect(d.reasonOptions.termination.map((r: { basis: string }) => r.basis)).toEqual(
      ['一', '二', '三', '四', '五', '六', '七'].map((n) => `总局令第20号第二十一条第（${n}）项`),
    );
    const six = await staff.act(c.id, { action: 'refuse', reasonCode: '6' });
    expect(six.status).toBe(400);
    expect(six.body.details[0]).toEqual({ field: 'reasonCode', message: expect.stringContaining('order20') });

    // Accepted on Mon 20 April 2026 (acceptance was due Thu 23 April: 15–17 and 20–23 April). Order 20
    // keeps 45 working days: 21–24 Apr (4), 27–30 Apr (8), 1 and 4–5 May off, 6–8 May (11), Sat 9 May
    // worked (12), 11–15 (17), 18–22 (22), 25–29 May (27), 1–5 Jun (32), 8–12 (37), 15–18 (41),
    // 19 Jun (端午) off, 22–25 Jun (45): Thu 25 June.
    await on('2026-04-20', () => staff.do(c.id, { action: 'accept' }));
    d = await staff.detail(c.id);
    expect(clock(d, 'acceptance')).toMatchObject({ dueOn: '2026-04-23', metOn: '2026-04-20', late: false });
    expect(clock(d, 'mediation')).toMatchObject({
      countsFrom: '2026-04-20',
      days: 45,
      count: 'working',
      workingDays: 45,
      basis: { kind: 'law', text: '总局令第20号第二十一条第（五）项' },
      dueOn: '2026-06-25',
      provisional: false,
    });
    expect(d.dueOn).toBe('2026-06-25');
    expect((await tracking(kit, c)).dueDate).toBe('2026-06-25');

    // Closed on Fri 15 May: the follow-up visit is city policy for Order 20 cases too, 10 working
    // days: 18–22 May (5), 25–29 May (10).
    await on('2026-05-15', async () => {
      await staff.do(c.id, { action: 'resolve', amountRecovered: 50, agreement: false });
      await staff.do(c.id, { action: 'close' });
    });
    d = await staff.detail(c.id);
    expect(d.clocks.map((k: { clock: string }) => k.clock)).toEqual(['acceptance', 'mediation', 'follow-up']);
    expect(clock(d, 'follow-up')).toMatchObject({
      countsFrom: '2026-05-15',
      days: 10,
      count: 'working',
      basis: { kind: 'policy', text: expect.stringContaining('非法定') },
      dueOn: '2026-05-29',
    });
    expect(d.dueOn).toBe('2026-05-29');
    expect(d.outcome.amountRecovered).toBe('50.00');
    expect(deadline(await tracking(kit, c), 'follow-up')).toMatchObject({ text: '回访期限（本市工作规范，非法定期限）' });
  });

  /**
   * A year without an official schedule, far beyond any data a calendar package will ship (so this
   * never breaks when `chinese-days` adds the coming year). The story runs from November 2098 into
   * 2099, on its own system so that the counts of recomputed deadlines are this story's alone.
   *
   * 1 Jan 2099 is a Thursday; 春节 2099 (正月初一) is Wed 21 Jan, so the fixed statutory days off are
   * 元旦 Thu 1 Jan and 春节 Tue 20 – Fri 23 Jan (除夕 to 初三). The schedule entered below adds Fri 2 Jan
   * and Mon 26 – Tue 27 Jan off, and makes Sun 4 Jan, Sat 17 Jan and Sat 31 Jan working days.
   */
  describe('a year without an official schedule', () => {
    let far: CaseKit;
    let admin: Staff;
    const SCHEDULE_2099 = {
      holidays: ['2099-01-01', '2099-01-02', '2099-01-20', '2099-01-21', '2099-01-22', '2099-01-23', '2099-01-26', '2099-01-27'],
      workdays: ['2099-01-04', '2099-01-17', '2099-01-31'],
      names: { '2099-01-01': '元旦', '2099-01-20': '春节' },
    };

    /** A complaint filed online on `filed` and accepted on `accepted`, with a member of its unit. */
    const acceptedOn = async (filed: IsoDate, accepted: IsoDate) => {
      const c = await on(filed, () => far.assigned());
      const staff = await far.handlerOf(c);
      await on(accepted, () => staff.do(c.id, { action: 'accept' }));
      return { c, staff };
    };

    beforeAll(async () => {
      far = await CaseKit.start();
      admin = await far.staff('admin');
      // The story starts in 2098, whose schedule is entered first (its National Day week; November
      // and December 2098 hold no holiday), so that only 2099 is provisional.
      const y2098 = await admin.put('/admin/calendar/2098', {
        holidays: ['2098-10-01', '2098-10-02', '2098-10-03', '2098-10-06', '2098-10-07'],
        workdays: ['2098-09-28', '2098-10-11'],
        names: { '2098-10-01': '国庆节' },
      });
      expect(y2098.body).toMatchObject({ year: 2098, overrides: 7, recomputed: 0, stillProvisional: 0 });
    });

    afterAll(async () => {
      await far?.close();
    });

    it('counts provisionally into 2099, and recomputes every running deadline when an administrator enters the year', async () => {
      const cal = await far.api.app.get(CalendarService).overrides();
      expect(cal.years.has(2099)).toBe(false);

      // Accepted Fri 21 Nov 2098: day 60 is Tue 20 Jan 2099 (9 + 31 + 20 days), 除夕. Provisionally
      // 20–23 Jan are the fixed 春节 days and 24–25 Jan a weekend, so the period ends Mon 26 Jan.
      const { c, staff } = await acceptedOn('2098-11-20', '2098-11-21');
      let d = await staff.detail(c.id);
      expect(clock(d, 'mediation')).toMatchObject({
        countsFrom: '2098-11-21',
        days: 60,
        count: 'calendar',
        dueOn: '2099-01-26',
        provisional: true,
      });
      expect(d.dueOn).toBe('2099-01-26');

      // Received Tue 23 Dec 2098: 24–26 Dec (3), 29–31 Dec (6), 1 Jan 元旦 off, Fri 2 Jan (7), provisionally.
      const late = await on('2098-12-23', () => byPhone(far));
      expect(late).toMatchObject({ acceptanceDueDate: '2099-01-02', acceptanceDueProvisional: true });

      // Another mediation accepted on 21 Nov 2098, paused on Mon 1 Dec (10 days used, 50 left), still
      // paused when the year is entered.
      const { c: p, staff: pStaff } = await acceptedOn('2098-11-20', '2098-11-21');
      await on('2098-11-21', () => pStaff.do(p.id, { action: 'start-mediation' }));
      await on('2098-12-01', () => pStaff.do(p.id, { action: 'pause-clock', note: '委托检测' }));
      expect(clock(await pStaff.detail(p.id), 'mediation')).toMatchObject({
        pausedOn: '2098-12-01',
        dueOn: '2099-01-26',
        provisional: true,
      });

      // Only an administrator enters a year.
      const station = await far.staff('station-staff', 'ST-371502-001');
      expect((await station.put('/admin/calendar/2099', SCHEDULE_2099)).status).toBe(403);
      expect((await far.http.put('/api/v1/admin/calendar/2099').send(SCHEDULE_2099)).status).toBe(401);
      expect(await far.q(`select year from calendar_year order by year`)).toEqual([{ year: 2098 }]);

      // Recomputed: c's mediation and late's acceptance (p's paused clock counts again when resumed).
      const res = await admin.put('/admin/calendar/2099', SCHEDULE_2099);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ year: 2099, overrides: 11, recomputed: 2, stillProvisional: 0 });

      // Day 60 (Tue 20 Jan) is off, and so is every day to Tue 27 Jan: the period ends Wed 28 Jan.
      d = await staff.detail(c.id);
      expect(clock(d, 'mediation')).toMatchObject({
        countsFrom: '2098-11-21',
        days: 60,
        count: 'calendar',
        dueOn: '2099-01-28',
        provisional: false,
        running: true,
      });
      expect(d.dueOn).toBe('2099-01-28');
      // The recomputation is in the case's history (and the statistics snapshot follows it).
      expect(d.history.filter((h: { type: string }) => h.type === 'deadline-recomputed')).toEqual([
        expect.objectContaining({
          actor: expect.objectContaining({ type: 'system' }),
          public: false,
          data: { clock: 'mediation', dueOn: '2099-01-28', provisional: false },
        }),
      ]);
      // 24–31 Dec give 6 working days; 1–3 Jan are off and Sun 4 Jan is worked: the 7th is Sun 4 Jan.
      const [row] = await far.q(`select acceptance_due, acceptance_due_provisional from cases where tracking_no = $1`, [late.trackingNo]);
      expect(row).toEqual({ acceptance_due: '2099-01-04', acceptance_due_provisional: false });
      const mine = await tracking(far, late);
      expect(mine.deadlines).toEqual([expect.objectContaining({ kind: 'acceptance', dueDate: '2099-01-04', provisional: false })]);

      // Resumed Mon 2 Mar 2099 with its 50 days: 29 more in March, 21 in April: Tue 21 Apr, a working day.
      await on('2099-03-02', () => pStaff.do(p.id, { action: 'resume-clock' }));
      expect(clock(await pStaff.detail(p.id), 'mediation')).toMatchObject({
        countsFrom: '2099-03-02',
        days: 50,
        count: 'calendar',
        dueOn: '2099-04-21',
        provisional: false,
        pausedOn: null,
      });

      // New clocks count on the entered schedule at once.
      expect(await far.api.app.get(CalendarService).due('2098-12-23', 7)).toEqual({ date: '2099-01-04', provisional: false });
      const years = await admin.get('/admin/calendar');
      expect(years.status).toBe(200);
      expect(years.body.map((y: { year: number }) => y.year)).toEqual([2098, 2099]);
      const y2099 = years.body.find((y: { year: number }) => y.year === 2099);
      expect(y2099).toEqual(
        expect.objectContaining({
          enteredBy: admin.username,
          days: expect.arrayContaining([
            { day: '2099-01-04', workday: true, name: '调休上班' },
            { day: '2099-01-20', workday: false, name: '春节' },
          ]),
        }),
      );
      expect(y2099.days).toHaveLength(11);
      expect((await station.get('/admin/calendar')).status).toBe(403);
    });

    it('a pause and resume across the entered year count on it, and entering the year again changes nothing settled', async () => {
      // Accepted Tue 4 Nov 2098: day 60 is Sat 3 Jan 2099 (26 + 31 + 3 days), a day off; Sun 4 Jan is
      // a working day in the entered schedule, so the period ends then.
      const { c, staff } = await acceptedOn('2098-11-03', '2098-11-04');
      expect(clock(await staff.detail(c.id), 'mediation')).toMatchObject({ dueOn: '2099-01-04', provisional: false });
      await on('2098-11-04', () => staff.do(c.id, { action: 'start-mediation' }));
      // Paused Mon 8 Dec 2098: 34 days used (26 in November, 8 in December), 26 left.
      await on('2098-12-08', () => staff.do(c.id, { action: 'pause-clock', note: '委托鉴定' }));
      // Resumed Mon 5 Jan 2099: day 26 is Sat 31 Jan, a working Saturday in the entered schedule (without
      // it the period would have run on to Mon 2 Feb).
      await on('2099-01-05', () => staff.do(c.id, { action: 'resume-clock' }));
      const resumed = clock(await staff.detail(c.id), 'mediation')!;
      expect(resumed).toMatchObject({ countsFrom: '2099-01-05', days: 26, dueOn: '2099-01-31', provisional: false, pausedOn: null });

      const again = await admin.put('/admin/calendar/2099', SCHEDULE_2099);
      expect(again.body).toEqual({ year: 2099, overrides: 11, recomputed: 0, stillProvisional: 0 });
      expect(clock(await staff.detail(c.id), 'mediation')).toEqual(resumed);
    });

    it('refuses a schedule that is not one, naming the entry', async () => {
      const bad = async (year: string, body: object) => {
        const res = await admin.put(`/admin/calendar/${year}`, body);
        expect(res.status).toBe(400);
        return res.body.details.map((x: { field: string }) => x.field);
      };
      // 2100 is not a leap year (divisible by 100, not by 400).
      expect(await bad('2100', { holidays: ['2100-02-29'], workdays: [] })).toEqual(['holidays[0]']);
      expect(await bad('2100', { holidays: ['2100-02-32'], workdays: ['2100-13-01'] })).toEqual(['holidays[0]', 'workdays[0]']);
      expect(await bad('2100', { holidays: ['2099-10-01'], workdays: [] })).toEqual(['holidays[0]']);
      expect(await bad('2100', { holidays: ['2100-10-01'], workdays: ['2100-10-01'] })).toEqual(['workdays']);
      expect(await bad('2100', { holidays: ['2100-10-04', '2100-10-04'], workdays: [] })).toEqual(['holidays[1]']);
      expect(await bad('2100', { holidays: [], workdays: ['2100-10-09', '2100-10-09'] })).toEqual(['workdays[1]']);
      expect(await bad('2100', { holidays: [] })).toEqual(['workdays']);
      expect(await bad('2100', { holidays: 'none', workdays: [] })).toEqual(['holidays']);
      expect(await bad('abc', { holidays: [], workdays: [] })).toEqual(['year']);
      expect(await bad('1999', { holidays: [], workdays: [] })).toEqual(['year']);
      expect(await bad('2101', { holidays: [], workdays: [] })).toEqual(['year']);
      expect(await far.q(`select year from calendar_year order by year`)).toEqual([{ year: 2098 }, { year: 2099 }]);
    });
  });
});
