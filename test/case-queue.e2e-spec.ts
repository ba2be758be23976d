import { Logger } from '@nestjs/common';
import { ClocksService } from '@weiquan/cases';
import type { Routed, Staff } from './support/case-kit';
import { CaseKit, daysAgo } from './support/case-kit';

/**
 * A unit's day over HTTP, on real PostgreSQL: the queue opens on the open work, nearest deadline
 * first, says which deadline each date is, finds statuses by their names, counts each status and the
 * overdue and due-soon work in the caller's scope only; the case file offers the likely next step,
 * shows the clocks of a finished case as ended, and keeps a consumer's report from a complaint's
 * handler who does not handle that report.
 */
describe('the queue of a unit (HTTP)', () => {
  let kit: CaseKit;
  let officer: Staff;
  /** Cases of the area bureau MR-371502, in the states a day holds. */
  const cases: Record<string, Routed> = {};

  const today = daysAgo(0);
  const setDue = (c: Routed, day: string) => kit.q(`update cases set acceptance_due = $2::date where id = $1`, [c.id, day]);
  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);

  beforeAll(async () => {
    kit = await CaseKit.start();
    for (const name of ['late', 'soon', 'later', 'mediating', 'closed', 'withdrawn']) cases[name] = await kit.assigned();
    expect(new Set(Object.values(cases).map((c) => c.assigneeCode))).toEqual(new Set(['MR-371502']));
    officer = await kit.handlerOf(cases.late);
    await setDue(cases.late, daysAgo(3));
    await setDue(cases.soon, today);
    await setDue(cases.later, daysAgo(-90));
    await officer.do(cases.mediating.id, { action: 'accept' });
    await officer.do(cases.mediating.id, { action: 'start-mediation' });
    await officer.do(cases.closed.id, { action: 'refuse', reasonCode: '5', note: '未提供购物凭证' });
    const w = cases.withdrawn;
    const res = await kit.http
      .post(`/api/v1/complaints/${w.trackingNo}/withdraw`)
      .set('X-Access-Code', w.accessCode)
      .send({ reason: '已自行和解' });
    expect(res.body).toEqual({ status: 'withdrawn' });
  });

  afterAll(async () => {
    await kit?.close();
  });

  it('opens on the open work, nearest deadline first (overdue first); finished cases only through the status filter', async () => {
    const open = await officer.get('/cases?view=open&sort=due&limit=100');
    expect(open.status).toBe(200);
    const order = ids(open);
    expect(order).not.toContain(cases.closed.id);
    expect(order).not.toContain(cases.withdrawn.id);
    expect(order.indexOf(cases.late.id)).toBe(0);
    expect(order.indexOf(cases.soon.id)).toBe(1);
    expect(order.indexOf(cases.later.id)).toBeGreaterThan(order.indexOf(cases.mediating.id));
    const dues = (open.body.items as { dueOn: string | null }[]).map((i) => i.dueOn);
    expect(dues.filter(Boolean)).toEqual([...dues.filter(Boolean)].sort());
    expect(open.body.items[0]).toMatchObject({ overdue: true, dueSoon: false });
    expect(open.body.items[1]).toMatchObject({ overdue: false, dueSoon: true });

    expect(ids(await officer.get('/cases?status=withdrawn&sort=due'))).toEqual([cases.withdrawn.id]);
    expect(ids(await officer.get('/cases?view=open&status=refused'))).toEqual([cases.closed.id]);
    // The API's own default is every case, newest first (its first clients rely on it).
    expect(ids(await officer.get('/cases?limit=100'))).toEqual([...Object.values(cases)].map((c) => c.id).sort((a, b) => +b - +a));
  });

  it('pages by due date without losing or repeating a case, and refuses a cursor of the other order', async () => {
    const all = ids(await officer.get('/cases?view=open&sort=due&limit=100'));
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await officer.get(`/cases?view=open&sort=due&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      paged.push(...ids(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    const newest = await officer.get('/cases?limit=1');
    const wrong = await officer.get(`/cases?sort=due&cursor=${newest.body.nextCursor}`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([{ field: 'cursor', message: 'invalid' }]);
  });

  it('says which deadline each due date is, in the reader’s language', async () => {
    const zh = await officer.get('/cases?view=open&sort=due&limit=100', 'zh-CN');
    const item = (res: typeof zh, c: Routed) => res.body.items.find((i: { id: string }) => i.id === c.id);
    expect(item(zh, cases.late)).toMatchObject({ dueClock: 'acceptance', dueLabel: '受理期限' });
    expect(item(zh, cases.mediating)).toMatchObject({ dueClock: 'mediation', dueLabel: '调解期限' });
    const en = await officer.get('/cases?view=open&sort=due&limit=100', 'en');
    expect(item(en, cases.mediating)).toMatchObject({ dueClock: 'mediation', dueLabel: 'mediation' });
    const withdrawn = (await officer.get('/cases?status=withdrawn')).body.items[0];
    expect(withdrawn).toMatchObject({ dueOn: null, dueClock: null, dueLabel: null, overdue: false, dueSoon: false });
  });

  it('finds cases by the name of their status: "调解" finds the one in mediation', async () => {
    expect(ids(await officer.get(`/cases?q=${encodeURIComponent('调解')}`))).toEqual([cases.mediating.id]);
    expect(ids(await officer.get(`/cases?q=${encodeURIComponent('撤回')}`))).toEqual([cases.withdrawn.id]);
    expect(ids(await officer.get(`/cases?view=open&q=${encodeURIComponent('撤回')}`))).toEqual([]);
    expect(ids(await officer.get('/cases?q=mediation'))).toEqual([cases.mediating.id]);
  });

  it('counts each status, and the overdue and due-soon open work, in the caller’s scope only', async () => {
    const counts = await officer.get('/cases/counts');
    expect(counts.status).toBe(200);
    expect(counts.body).toEqual({
      statuses: expect.arrayContaining([
        { status: 'assigned', count: 3 },
        { status: 'mediating', count: 1 },
        { status: 'refused', count: 1 },
        { status: 'withdrawn', count: 1 },
      ]),
      open: 4,
      total: 6,
    });
    expect(counts.body.statuses).toHaveLength(4);
    const load = await officer.get('/cases/workload');
    expect(load.body).toMatchObject({ open: 4, overdue: 1, dueSoon: expect.any(Number), soonDays: 2, today });
    // Due today counts as due soon; the mediation (60 days) does not.
    expect(load.body.dueSoon).toBeGreaterThanOrEqual(1);
    expect(load.body.dueSoon).toBe(ids(await officer.get('/cases?view=open&dueWithinDays=2&limit=100')).length);

    // Another bureau sees none of it; a city analyst sees the city's.
    const other = await kit.staff('regulator-staff', 'MR-371521');
    expect((await other.get('/cases/counts')).body).toEqual({ statuses: [], open: 0, total: 0 });
    expect((await other.get('/cases/workload')).body).toMatchObject({ open: 0, overdue: 0, dueSoon: 0 });
    const analyst = await kit.staff('city-analyst');
    expect((await analyst.get('/cases/workload')).body.overdue).toBeGreaterThanOrEqual(1);
    expect((await kit.http.get('/api/v1/cases/workload')).status).toBe(401);
  });

  it('the clock sweep tells each unit its share on a line of its own: the holder its reminders and misses, the overseer the escalations', async () => {
    const log = jest.spyOn(Logger.prototype, 'log');
    try {
      await kit.api.app.get(ClocksService).sweep();
      const lines = log.mock.calls.filter(([, message]) => typeof message === 'string' && message.startsWith('clock alerts for '));
      const bureau = lines.find(([, m]) => m === 'clock alerts for MR-371502')?.[0] as Record<string, unknown>;
      expect(bureau).toMatchObject({ unit: 'MR-371502', overdue: 1, escalated: 0, cases: expect.arrayContaining([cases.late.id]) });
      expect(bureau.reminders).toBeGreaterThanOrEqual(1);
      // A county bureau is overseen by the city bureau, which hears of the case it missed.
      expect(lines.find(([, m]) => m === 'clock alerts for MR-371500')?.[0]).toMatchObject({
        unit: 'MR-371500',
        escalated: 1,
        cases: [cases.late.id],
      });
    } finally {
      log.mockRestore();
    }
  });

  it('offers the likely next step of each state, and nothing to a reader who may not act', async () => {
    expect((await officer.detail(cases.soon.id)).nextAction).toBe('accept');
    expect((await officer.detail(cases.mediating.id)).nextAction).toBe('resolve');
    expect((await officer.detail(cases.closed.id)).nextAction).toBeNull();
    const analyst = await kit.staff('city-analyst');
    expect((await analyst.detail(cases.soon.id)).nextAction).toBeNull();
  });

  it('a withdrawn complaint’s acceptance period has ended: not running, not overdue, not pending', async () => {
    await setDue(cases.withdrawn, daysAgo(5));
    const d = await officer.detail(cases.withdrawn.id);
    expect(d.clocks).toEqual([expect.objectContaining({ clock: 'acceptance', metOn: null, running: false, overdue: false, ended: true })]);
    const open = await officer.detail(cases.late.id);
    expect(open.clocks).toEqual([expect.objectContaining({ clock: 'acceptance', running: true, overdue: true, ended: false })]);
  });

  it('a closed complaint whose follow-up visit is due stays open work: listed, counted, overdue when late, until the visit is recorded', async () => {
    const before = { counts: (await officer.get('/cases/counts')).body, load: (await officer.get('/cases/workload')).body };
    const c = await kit.assigned();
    await officer.do(c.id, { action: 'accept' });
    await officer.do(c.id, { action: 'resolve', amountRecovered: 200, agreement: true, note: '商家退款' });
    await officer.do(c.id, { action: 'close' });
    const openIds = async () => ids(await officer.get('/cases?view=open&sort=due&limit=100'));
    expect(await openIds()).toContain(c.id);
    const counts = (await officer.get('/cases/counts')).body;
    expect(counts.open).toBe(before.counts.open + 1);
    expect(counts.statuses).toContainEqual({ status: 'closed', count: 1 });
    expect((await officer.get('/cases/workload')).body).toMatchObject({ open: before.load.open + 1, overdue: before.load.overdue });

    // Its visit was due yesterday: overdue, in the list and in the header's count.
    await kit.q(`update case_clock set due_on = $2::date where case_id = $1 and clock = 'follow-up'`, [c.id, daysAgo(1)]);
    await kit.q(`update cases set clock_due = $2::date where id = $1`, [c.id, daysAgo(1)]);
    const item = (await officer.get('/cases?view=open&sort=due&limit=100')).body.items.find((i: { id: string }) => i.id === c.id);
    expect(item).toMatchObject({ status: 'closed', dueOn: daysAgo(1), overdue: true });
    expect((await officer.get('/cases/workload')).body.overdue).toBe(before.load.overdue + 1);

    // Recorded: nothing is owed any more.
    await officer.do(c.id, { action: 'record-follow-up', note: '电话回访：消费者满意' });
    expect(await openIds()).not.toContain(c.id);
    expect((await officer.get('/cases/counts')).body.open).toBe(before.counts.open);
    expect((await officer.get('/cases/workload')).body).toMatchObject({ open: before.load.open, overdue: before.load.overdue });
  });
});

describe("a consumer's report kept from a complaint's handler (HTTP)", () => {
  let kit: CaseKit;

  beforeAll(async () => {
    kit = await CaseKit.start();
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('the station handling the complaint of a "both" filing is sent neither the report nor its number', async () => {
    const f = await kit.file({ kind: 'both', path: 'settlement' });
    const complaint = await kit.route(f.trackingNo, f.accessCode);
    const report = await kit.route(f.linkedTrackingNo!, f.accessCode);
    expect(complaint.assigneeType).toBe('station');
    // The filing receipt names both numbers; record it as sent, as the notification sender does
    // (notifications.repository.ts markSent: a public 'notified' event with the text sent).
    await kit.q(
      `insert into case_event (case_id, type, actor_type, note, public, data)
       select case_id, 'notified', 'system', text, true, jsonb_build_object('channel', channel, 'kind', kind)
         from notification where case_id = $1 and kind = 'received'`,
      [complaint.id],
    );
    const [{ text }] = await kit.q<{ text: string }>(`select text from notification where case_id = $1 and kind = 'received'`, [
      complaint.id,
    ]);
    expect(text).toContain(report.trackingNo);

    for (const role of ['station-staff', 'station-admin'] as const) {
      const station = await kit.staff(role, complaint.assigneeCode);
      const res = await station.get(`/cases/${complaint.id}`);
      expect(res.status).toBe(200);
      expect(res.body.linked).toEqual([]);
      expect(JSON.stringify(res.body)).not.toContain(report.trackingNo);
      expect(res.body.history.some((h: { type: string; note: string | null }) => h.type === 'notified' && h.note?.includes('*'))).toBe(
        true,
      );
      // Nor can it reach the report any other way.
      expect((await station.get(`/cases/${report.id}`)).status).toBe(404);
      expect(JSON.stringify((await station.get('/cases?limit=100')).body)).not.toContain(report.trackingNo);
    }
    // The county bureau overseeing the station, and a city analyst, handle neither: the same.
    const analyst = await kit.staff('city-analyst');
    expect(JSON.stringify((await analyst.get(`/cases/${complaint.id}`)).body)).not.toContain(report.trackingNo);
    // The report's own handler sees its link to the complaint, and the receipt as it was.
    const bureau = await kit.handlerOf(report);
    const rd = await bureau.detail(report.id);
    expect(rd.linked).toEqual([expect.objectContaining({ id: complaint.id, relation: 'linked' })]);
    const cd = await bureau.detail(complaint.id);
    expect(cd.linked).toEqual([expect.objectContaining({ trackingNo: report.trackingNo, status: 'assigned' })]);
  });
});
