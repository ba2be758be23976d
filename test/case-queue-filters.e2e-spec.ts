import type { Response } from 'supertest';
import type { Routed, Staff } from './support/case-kit';
import { CaseKit, daysAgo } from './support/case-kit';

/**
 * The queue cut as the dashboard's figures are (HTTP, real PostgreSQL): by the business's area, the
 * period the case was received in (China days), the purchase channel, prepaid or not, the issue type
 * and the handling unit. Each filter narrows the caller's scope and never widens it: a unit asking
 * for another unit's cases, or another area's, gets none. A bad value is a 400 naming the parameter.
 */
describe('the queue filtered by area, period, channel, prepaid, issue type, unit and venue (HTTP)', () => {
  let kit: CaseKit;
  let analyst: Staff;
  /** The county bureau of 东昌府区, which handles the 东昌府区 cases. */
  let bureau: Staff;
  let station: Staff;
  const cases: Record<string, Routed> = {};

  /** A past period of ten days; `late` was received in its last minutes (China time), `after` in the first of the next day. */
  const period = { from: daysAgo(45), to: daysAgo(35) };
  const nextDay = daysAgo(34);
  const ids = (res: Response) => (res.body.items as { id: string }[]).map((i) => i.id);
  const idsOf = (...names: string[]) => names.map((n) => cases[n].id).sort((a, b) => +b - +a);
  const receivedAt = (c: Routed, instant: string) =>
    kit.q(
      `update cases set received_at = $2::timestamptz, received_on = ($2::timestamptz at time zone 'Asia/Shanghai')::date where id = $1`,
      [c.id, instant],
    );
  const yanggu = { name: '阳谷县某直播电商商行', address: '阳谷县谷山路 18 号', areaCode: '371521' };

  beforeAll(async () => {
    kit = await CaseKit.start();
    cases.today = await kit.assigned();
    cases.prepaid = await kit.assigned({ channel: 'online', prepaid: true, issueType: 'refund' });
    cases.yanggu = await kit.assigned({ channel: 'livestream', issueType: 'quality', respondent: yanggu });
    cases.late = await kit.assigned({ channel: undefined });
    cases.after = await kit.assigned();
    await receivedAt(cases.prepaid, `${daysAgo(40)}T10:00:00+08:00`);
    await receivedAt(cases.late, `${period.to}T23:30:00+08:00`);
    await receivedAt(cases.after, `${nextDay}T00:10:00+08:00`);
    expect(cases.yanggu.assigneeCode).not.toBe(cases.today.assigneeCode);
    analyst = await kit.staff('city-analyst');
    bureau = await kit.handlerOf(cases.today);
    station = await kit.staff('station-staff', 'ST-371502-001');
  });

  afterAll(async () => {
    await kit?.close();
  });

  it.each<[string, string[]]>([
    ['areaCode=371502', ['today', 'prepaid', 'late', 'after']],
    ['areaCode=371521', ['yanggu']],
    ['areaCode=110101', []],
    ['channel=online', ['prepaid']],
    ['channel=livestream', ['yanggu']],
    ['channel=offline', ['today', 'after']],
    ['channel=unknown', ['late']],
    ['prepaid=true', ['prepaid']],
    ['prepaid=false', ['today', 'yanggu', 'late', 'after']],
    ['issueType=refund', ['prepaid']],
    ['issueType=quality', ['yanggu']],
    ['issueType=unknown', ['today', 'late', 'after']],
    ['issueType=safety', []],
  ])('a city-wide reader asking for %s gets exactly those cases', async (query, names) => {
    const res = await analyst.get(`/cases?${query}&limit=100`);
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual(idsOf(...names));
  });

  it('a period is China calendar days, both ends included; either end alone is open on the other side', async () => {
    const within = await analyst.get(`/cases?receivedFrom=${period.from}&receivedTo=${period.to}&limit=100`);
    expect(within.status).toBe(200);
    // 23:30 on the last day (15:30 UTC) is in; ten past midnight the day after (16:10 UTC the same UTC day) is not.
    expect(ids(within)).toEqual(idsOf('prepaid', 'late'));
    expect(ids(await analyst.get(`/cases?receivedFrom=${nextDay}&limit=100`))).toEqual(idsOf('today', 'yanggu', 'after'));
    expect(ids(await analyst.get(`/cases?receivedTo=${nextDay}&limit=100`))).toEqual(idsOf('prepaid', 'late', 'after'));
    expect(ids(await analyst.get(`/cases?receivedFrom=${period.to}&receivedTo=${period.to}`))).toEqual(idsOf('late'));
    expect(ids(await analyst.get(`/cases?receivedFrom=${daysAgo(0)}&receivedTo=${daysAgo(0)}&limit=100`))).toEqual(
      idsOf('today', 'yanggu'),
    );
  });

  it('an area and a past period together, newest first or by due date, page by page without losing or repeating a case', async () => {
    const base = `/cases?areaCode=371502&receivedFrom=${period.from}&receivedTo=${nextDay}`;
    for (const sort of ['newest', 'due']) {
      const all = ids(await analyst.get(`${base}&view=all&sort=${sort}&limit=100`));
      expect([...all].sort()).toEqual([...idsOf('prepaid', 'late', 'after')].sort());
      if (sort === 'newest') expect(all).toEqual(idsOf('prepaid', 'late', 'after'));
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const res: Response = await analyst.get(`${base}&view=all&sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        paged.push(...ids(res));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all);
    }
    // The filters combine with the others: the open work, a category, a track, a search.
    expect(ids(await analyst.get(`${base}&view=open&categoryCode=catering&track=complaint&channel=online`))).toEqual(idsOf('prepaid'));
    expect(ids(await analyst.get(`${base}&track=report`))).toEqual([]);
  });

  it('the handling unit: the cases it holds now', async () => {
    const held = await analyst.get(`/cases?unit=${cases.yanggu.assigneeCode}&limit=100`);
    expect(held.status).toBe(200);
    expect(ids(held)).toEqual(idsOf('yanggu'));
    const bureauCases = ids(await analyst.get(`/cases?unit=${cases.today.assigneeCode}&limit=100`));
    expect(bureauCases).toEqual(idsOf('today', 'prepaid', 'late', 'after'));
    expect(ids(await analyst.get('/cases?unit=ST-371502-001'))).toEqual([]);
    expect(ids(await analyst.get('/cases?unit=NO-SUCH-UNIT'))).toEqual([]);
  });

  it('never widens what the caller may read: another unit’s or another area’s cases are none, not a 403', async () => {
    const own = ids(await bureau.get('/cases?limit=100'));
    expect(own).toEqual(idsOf('today', 'prepaid', 'late', 'after'));
    expect(ids(await bureau.get('/cases?areaCode=371521'))).toEqual([]);
    expect(ids(await bureau.get(`/cases?unit=${cases.yanggu.assigneeCode}`))).toEqual([]);
    expect(ids(await bureau.get('/cases?channel=livestream&issueType=quality'))).toEqual([]);
    // A station of the same area holds none of them, whatever it asks for.
    for (const query of [`unit=${cases.today.assigneeCode}`, 'areaCode=371502', `receivedFrom=${period.from}`, 'prepaid=true'])
      expect({ query, ids: ids(await station.get(`/cases?${query}`)) }).toEqual({ query, ids: [] });
    // Whatever the filter, what a unit gets is part of what it reads without one.
    const queries = [
      'areaCode=371502',
      'areaCode=371521',
      `receivedFrom=${period.from}&receivedTo=${period.to}`,
      'channel=online',
      'channel=unknown',
      'prepaid=false',
      'issueType=unknown',
      `unit=${cases.today.assigneeCode}`,
      `unit=${cases.yanggu.assigneeCode}`,
    ];
    for (const query of queries) {
      const got = ids(await bureau.get(`/cases?${query}&limit=100`));
      expect({ query, outside: got.filter((id) => !own.includes(id)) }).toEqual({ query, outside: [] });
    }
  });

  it('the status counts follow the same filters: each status and the open work count only the cases the list would show', async () => {
    const statusOf = async (c: Routed) => (await kit.q<{ status: string }>('select status from cases where id = $1', [c.id]))[0].status;
    for (const [query, names] of [
      ['', ['today', 'prepaid', 'yanggu', 'late', 'after']],
      ['areaCode=371502', ['today', 'prepaid', 'late', 'after']],
      ['prepaid=true', ['prepaid']],
      [`receivedFrom=${period.from}&receivedTo=${period.to}`, ['prepaid', 'late']],
      ['channel=livestream&issueType=quality', ['yanggu']],
      ['areaCode=110101', []],
    ] as const) {
      const res = await analyst.get(`/cases/counts${query ? `?${query}` : ''}`);
      expect(res.status).toBe(200);
      const expected = new Map<string, number>();
      for (const n of names) {
        const status = await statusOf(cases[n]);
        expected.set(status, (expected.get(status) ?? 0) + 1);
      }
      expect({ query, statuses: res.body.statuses, total: res.body.total }).toEqual({
        query,
        statuses: [...expected].sort(([a], [b]) => (a < b ? -1 : 1)).map(([status, count]) => ({ status, count })),
        total: names.length,
      });
      // The list under the same filters shows as many open cases as the "待办" count says.
      expect(ids(await analyst.get(`/cases?view=open&limit=100${query ? `&${query}` : ''}`)).length).toBe(res.body.open);
    }
    // A unit's counts never reach past what it may read, whatever the filter.
    expect((await bureau.get(`/cases/counts?unit=${cases.yanggu.assigneeCode}`)).body).toEqual({ statuses: [], open: 0, total: 0 });
    expect((await station.get('/cases/counts?areaCode=371502')).body.total).toBe(0);
  });

  it('the status counts refuse a bad filter with a 400 naming it, and take no status or paging', async () => {
    const bad = await analyst.get('/cases/counts?prepaid=yes&receivedTo=2026-02-30');
    expect(bad.status).toBe(400);
    expect((bad.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['prepaid', 'receivedTo']);
    const paged = await analyst.get('/cases/counts?status=accepted&cursor=x');
    expect(paged.status).toBe(400);
    expect((paged.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['cursor', 'status']);
  });

  it.each<[string, string[]]>([
    ['areaCode=3715', ['areaCode']],
    ['areaCode=东昌府区', ['areaCode']],
    ['areaCode=371502&areaCode=371521', ['areaCode']],
    ['receivedFrom=2026-02-30', ['receivedFrom']],
    ['receivedTo=tomorrow', ['receivedTo']],
    ['receivedTo=2026-12-01T00:00:00Z', ['receivedTo']],
    ['receivedFrom=0000-01-01', ['receivedFrom']],
    ['receivedFrom=2026-12-01&receivedTo=2026-11-30', ['receivedFrom']],
    ['channel=telepathy', ['channel']],
    ['prepaid=yes', ['prepaid']],
    ['issueType=noise', ['issueType']],
    ['unit=', ['unit']],
    [`unit=${encodeURIComponent("MR-371502' or true--")}`, ['unit']],
    ['channel=mail&prepaid=1&areaCode=x', ['areaCode', 'channel', 'prepaid']],
  ])('%s is refused with a 400 naming %j', async (query, fields) => {
    const res = await analyst.get(`/cases?${query}`);
    expect(res.status).toBe(400);
    expect((res.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual(fields);
  });

  it('says what is wrong in Chinese too', async () => {
    const res = await analyst.get('/cases?receivedFrom=2026-12-01&receivedTo=2026-11-30', 'zh-CN');
    expect(res.body.details).toEqual([{ field: 'receivedFrom', message: '起始日不能晚于 receivedTo' }]);
    const day = await analyst.get('/cases?receivedTo=2026-02-30', 'zh-CN');
    expect(day.body.details).toEqual([{ field: 'receivedTo', message: '应为存在的日期 YYYY-MM-DD' }]);
  });

  // Last: the case it files would change what the tests above expect.
  it('a venue: the cases its stations hold now (the dashboard’s per-venue table), in the list and the counts', async () => {
    const mall = await kit.assigned({
      path: 'settlement',
      respondent: {
        name: '聊城市某服装店',
        address: '东昌府区东昌路 229 号金鼎购物中心 2 楼',
        areaCode: '371502',
        venueCode: 'V-371502-001',
      },
    });
    const [{ venue }] = await kit.q<{ venue: string | null }>('select venue_code as venue from station where code = $1', [
      mall.assigneeCode,
    ]);
    expect({ type: mall.assigneeType, venue }).toEqual({ type: 'station', venue: 'V-371502-001' });
    expect(ids(await analyst.get('/cases?venue=V-371502-001&limit=100'))).toEqual([mall.id]);
    expect((await analyst.get('/cases/counts?venue=V-371502-001')).body).toMatchObject({ open: 1, total: 1 });
    expect(ids(await analyst.get('/cases?venue=V-371502-001&channel=online'))).toEqual([]);
    expect(ids(await analyst.get('/cases?venue=NO-SUCH-VENUE'))).toEqual([]);
    // The venue's own station (ST-371502-001 is 金鼎购物中心's) gets the same; the cases of no venue are not in it.
    expect(mall.assigneeCode).toBe('ST-371502-001');
    expect(ids(await station.get('/cases?venue=V-371502-001'))).toEqual([mall.id]);
    expect(ids(await analyst.get(`/cases?venue=V-371502-001&unit=${cases.today.assigneeCode}`))).toEqual([]);
    const bad = await analyst.get(`/cases?venue=${encodeURIComponent("V-1' or true--")}`);
    expect(bad.status).toBe(400);
    expect((bad.body.details as { field: string }[]).map((d) => d.field)).toEqual(['venue']);
  });
});
