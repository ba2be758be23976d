import type { IsoDate } from '@weiquan/calendar';
import { addWorkingDays, CalendarService } from '@weiquan/calendar';
import { ClocksService } from '@weiquan/cases';
import type { CreateComplaintDto } from '@weiquan/complaints';
import { IntakeService } from '@weiquan/complaints';
import type { Routed, Staff } from './support/case-kit';
import { at, CaseKit, shanghaiDay } from './support/case-kit';

/** The statutory clocks as staff and consumers see them: working days, overdue, and years entered later. */
describe('case clocks', () => {
  let kit: CaseKit;
  let admin: Staff;

  /** A complaint staff record from a phone call, received at `receivedAt` (now if not given). */
  const byPhone = async (receivedAt?: Date, over: Record<string, unknown> = {}) => {
    const intake = kit.api.app.get(IntakeService);
    const receivedOn = shanghaiDay(receivedAt ?? new Date());
    const answer = await intake.submit(kit.body({ incidentDate: receivedOn, ...over }) as unknown as CreateComplaintDto, {
      channel: 'phone',
      ...(receivedAt ? { receivedAt } : {}),
    });
    return answer;
  };
  const clock = (d: { clocks: { clock: string }[] }, name: string) =>
    d.clocks.find((k) => k.clock === name) as Record<string, unknown> | undefined;

  beforeAll(async () => {
    kit = await CaseKit.start();
    admin = await kit.staff('admin');
  });

  afterAll(async () => {
    await kit?.close();
  });

  describe('overdue', () => {
    let old: Routed;
    let staff: Staff;

    beforeAll(async () => {
      const answer = await byPhone(new Date('2026-09-30T02:00:00Z'));
      expect(answer).toMatchObject({ status: 'received', acceptanceDueDate: '2026-10-15', acceptanceDueProvisional: false });
      old = await kit.route(answer.trackingNo, answer.accessCode);
      staff = await kit.handlerOf(old);
    });

    it('counts the acceptance clock in working days over the National Day holiday: received 30 September, due 15 October', async () => {
      const [row] = await kit.q(`select intake_channel, received_on, acceptance_due, due_on from cases where id = $1`, [old.id]);
      expect(row).toEqual({ intake_channel: 'phone', received_on: '2026-09-30', acceptance_due: '2026-10-15', due_on: '2026-10-15' });
      const d = await staff.detail(old.id);
      expect(clock(d, 'acceptance')).toMatchObject({
        countsFrom: '2026-09-30',
        workingDays: 7,
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

    it('the sweep escalates an overdue case once, however often it runs, and reminds of deadlines due tomorrow', async () => {
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
      const near = await byPhone(new Date(`${day}T02:00:00Z`));
      const nearCase = await kit.route(near.trackingNo, near.accessCode);

      const sweeper = kit.api.app.get(ClocksService);
      const first = await sweeper.sweep();
      const second = await sweeper.sweep();
      expect(first.overdue).toBeGreaterThanOrEqual(1);
      expect(first.reminders).toBeGreaterThanOrEqual(1);
      expect(second).toEqual({ reminders: 0, overdue: 0 });
      const events = await kit.q(
        `select type, actor_type, unit_code, public, note, data from case_event where case_id = $1 and type in ('overdue', 'reminder')`,
        [old.id],
      );
      const [{ area_code: area }] = await kit.q<{ area_code: string }>(`select area_code from station where code = $1`, [old.assigneeCode]);
      expect(events).toEqual([
        {
          type: 'overdue',
          actor_type: 'system',
          unit_code: old.assigneeCode,
          public: false,
          note: expect.stringContaining('2026-10-15'),
          data: { dueOn: '2026-10-15', oversight: `MR-${area}` },
        },
      ]);
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

  it('a case keeps the rule set in force on the day (in China) it was received: its reason codes and its clocks', async () => {
    const before = await byPhone(new Date('2026-04-14T15:59:00Z'));
    const after = await byPhone(new Date('2026-04-14T16:00:00Z'));
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
    expect(d.reasonOptions.refusal.map((r: { code: string }) => r.code)).toEqual(['1', '2', '3', '4', '5', '7']);
    expect(d.reasonOptions.refusal[0].basis).toMatch(/第20号令/);
    const six = await staff.act(c.id, { action: 'refuse', reasonCode: '6' });
    expect(six.status).toBe(400);
    expect(six.body.details[0]).toEqual({ field: 'reasonCode', message: expect.stringContaining('order20') });
    await staff.do(c.id, { action: 'accept' });
    await staff.do(c.id, { action: 'resolve', amountRecovered: 50, agreement: false });
    await staff.do(c.id, { action: 'close' });
    d = await staff.detail(c.id);
    // Order 20 has no follow-up clock: nothing runs after closing.
    expect(d.clocks.map((k: { clock: string }) => k.clock)).toEqual(['acceptance', 'mediation']);
    expect(d.dueOn).toBeNull();
    expect(d.outcome.amountRecovered).toBe('50.00');
  });

  describe('a year without an official schedule', () => {
    const SPRING_FESTIVAL = {
      holidays: ['2027-01-01', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-15'],
      workdays: ['2027-02-06', '2027-02-20'],
      names: { '2027-01-01': '元旦', '2027-02-08': '春节' },
    };

    it('counts provisionally into 2027, and recomputes every running deadline when an administrator enters the year', async () => {
      const cal = await kit.api.app.get(CalendarService).overrides();
      expect(cal.years.has(2027)).toBe(false);

      // A mediation that starts on 10 December 2026 runs 45 working days into February 2027.
      const c = await kit.assigned();
      const staff = await kit.handlerOf(c);
      await at('2026-12-10T02:00:00Z', () => staff.do(c.id, { action: 'accept' }));
      let d = await staff.detail(c.id);
      const guess = addWorkingDays('2026-12-10', 45, cal);
      expect(guess).toEqual({ date: '2027-02-11', provisional: true });
      expect(clock(d, 'mediation')).toMatchObject({ countsFrom: '2026-12-10', workingDays: 45, dueOn: '2027-02-11', provisional: true });
      expect(d.dueOn).toBe('2027-02-11');

      // A complaint received on 28 December 2026 is due for acceptance in January 2027.
      const late = await at('2026-12-28T02:00:00Z', () => byPhone());
      expect(late).toMatchObject({ acceptanceDueDate: '2027-01-06', acceptanceDueProvisional: true });

      // A mediation also started on 10 December, paused on Monday 21 December (7 working days used),
      // still paused when the year is entered: it resumes with 38 days left whatever the guess was.
      const p = await kit.assigned();
      const pStaff = await kit.handlerOf(p);
      await at('2026-12-10T02:00:00Z', async () => {
        await pStaff.do(p.id, { action: 'accept' });
        await pStaff.do(p.id, { action: 'start-mediation' });
      });
      await at('2026-12-21T02:00:00Z', () => pStaff.do(p.id, { action: 'pause-clock', note: '委托检测' }));
      expect(clock(await pStaff.detail(p.id), 'mediation')).toMatchObject({
        pausedOn: '2026-12-21',
        dueOn: '2027-02-11',
        provisional: true,
      });

      // Only an administrator enters a year.
      const station = await kit.staff('station-staff', c.assigneeCode);
      expect((await station.put('/admin/calendar/2027', SPRING_FESTIVAL)).status).toBe(403);
      expect((await kit.http.put('/api/v1/admin/calendar/2027').send(SPRING_FESTIVAL)).status).toBe(401);
      expect(await kit.q(`select count(*)::int as n from calendar_year`)).toEqual([{ n: 0 }]);

      const res = await admin.put('/admin/calendar/2027', SPRING_FESTIVAL);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ year: 2027, overrides: 9, stillProvisional: 0 });
      expect(res.body.recomputed).toBeGreaterThanOrEqual(2);

      d = await staff.detail(c.id);
      expect(clock(d, 'mediation')).toMatchObject({
        countsFrom: '2026-12-10',
        workingDays: 45,
        dueOn: '2027-02-19',
        provisional: false,
        running: true,
      });
      expect(d.dueOn).toBe('2027-02-19');
      // The recomputation is in the case's history (and the statistics snapshot follows it).
      expect(d.history.filter((h: { type: string }) => h.type === 'deadline-recomputed')).toEqual([
        expect.objectContaining({
          actor: expect.objectContaining({ type: 'system' }),
          public: false,
          data: { clock: 'mediation', dueOn: '2027-02-19', provisional: false },
        }),
      ]);
      const [row] = await kit.q(`select acceptance_due, acceptance_due_provisional from cases where tracking_no = $1`, [late.trackingNo]);
      expect(row).toEqual({ acceptance_due: '2027-01-07', acceptance_due_provisional: false });
      const mine = await kit.consumerView(late.trackingNo, late.accessCode);
      expect(mine.deadlines).toEqual([expect.objectContaining({ dueDate: '2027-01-07', provisional: false })]);

      const entered = await kit.api.app.get(CalendarService).overrides();
      await at('2027-03-01T02:00:00Z', () => pStaff.do(p.id, { action: 'resume-clock' }));
      const resumed = addWorkingDays('2027-03-01', 38, entered);
      expect(clock(await pStaff.detail(p.id), 'mediation')).toMatchObject({
        countsFrom: '2027-03-01',
        workingDays: 38,
        dueOn: resumed.date,
        provisional: false,
        pausedOn: null,
      });

      // New clocks count on the entered schedule at once.
      expect(await kit.api.app.get(CalendarService).due('2026-12-10', 45)).toEqual({ date: '2027-02-19', provisional: false });
      const years = await admin.get('/admin/calendar');
      expect(years.status).toBe(200);
      expect(years.body).toEqual([
        expect.objectContaining({
          year: 2027,
          enteredBy: admin.username,
          days: expect.arrayContaining([
            { day: '2027-02-06', workday: true, name: '调休上班' },
            { day: '2027-02-08', workday: false, name: '春节' },
          ]),
        }),
      ]);
      expect(years.body[0].days).toHaveLength(9);
      expect((await station.get('/admin/calendar')).status).toBe(403);
    });

    it('a pause and resume across the entered year count on it, and entering the year again changes nothing settled', async () => {
      const c = await kit.assigned();
      const staff = await kit.handlerOf(c);
      await staff.do(c.id, { action: 'accept' });
      await staff.do(c.id, { action: 'start-mediation' });
      const started = clock(await staff.detail(c.id), 'mediation')!;
      expect(started.provisional).toBe(
        addWorkingDays(shanghaiDay(new Date()), 45, await kit.api.app.get(CalendarService).overrides()).provisional,
      );
      await staff.do(c.id, { action: 'pause-clock', note: '委托鉴定' });
      await at('2027-02-05T02:00:00Z', () => staff.do(c.id, { action: 'resume-clock' }));
      const resumed = clock(await staff.detail(c.id), 'mediation')!;
      expect(resumed).toMatchObject({ countsFrom: '2027-02-05', provisional: false, pausedOn: null });
      const cal = await kit.api.app.get(CalendarService).overrides();
      expect(resumed.dueOn).toBe(addWorkingDays('2027-02-05', resumed.workingDays as number, cal).date);

      const again = await admin.put('/admin/calendar/2027', SPRING_FESTIVAL);
      expect(again.body).toMatchObject({ year: 2027, overrides: 9, recomputed: 0, stillProvisional: 0 });
      expect(clock(await staff.detail(c.id), 'mediation')).toEqual(resumed);
    });

    it('refuses a schedule that is not one, naming the entry', async () => {
      const bad = async (year: string, body: object) => {
        const res = await admin.put(`/admin/calendar/${year}`, body);
        expect(res.status).toBe(400);
        return res.body.details.map((x: { field: string }) => x.field);
      };
      expect(await bad('2028', { holidays: ['2028-02-30'], workdays: [] })).toEqual(['holidays[0]']);
      expect(await bad('2028', { holidays: ['2028-02-32'], workdays: ['2028-13-01'] })).toEqual(['holidays[0]', 'workdays[0]']);
      expect(await bad('2028', { holidays: ['2027-10-01'], workdays: [] })).toEqual(['holidays[0]']);
      expect(await bad('2028', { holidays: ['2028-10-01'], workdays: ['2028-10-01'] })).toEqual(['workdays']);
      expect(await bad('2028', { holidays: ['2028-10-02', '2028-10-02'], workdays: [] })).toEqual(['holidays[1]']);
      expect(await bad('2028', { holidays: [], workdays: ['2028-10-08', '2028-10-08'] })).toEqual(['workdays[1]']);
      expect(await bad('2028', { holidays: [] })).toEqual(['workdays']);
      expect(await bad('2028', { holidays: 'none', workdays: [] })).toEqual(['holidays']);
      expect(await bad('abc', { holidays: [], workdays: [] })).toEqual(['year']);
      expect(await bad('1999', { holidays: [], workdays: [] })).toEqual(['year']);
      expect(await kit.q(`select year from calendar_year order by year`)).toEqual([{ year: 2027 }]);
    });
  });
});
