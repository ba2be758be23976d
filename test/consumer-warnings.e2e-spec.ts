import { ConsumerWarningsService } from '@weiquan/warnings';
import { pgTransaction } from '@weiquan/core';
import type { StaffPrincipal } from '@weiquan/identity';
import type { Response } from 'supertest';
import type { Staff } from './support/case-kit';
import { at, CaseKit, daysAgo } from './support/case-kit';
import { uscc } from './support/fixtures';

/**
 * Consumer warnings (消费提示, Order 121 Art. 38) through HTTP on the real database: a market
 * regulator publishes one for its area, the public sees it only between its dates and until it is
 * withdrawn, and never learns who in the unit published it.
 */
describe('consumer warnings (HTTP)', () => {
  let kit: CaseKit;
  let county: Staff; // 东昌府区市场监督管理局
  let yanggu: Staff; // 阳谷县市场监督管理局
  let city: Staff; // 聊城市市场监督管理局
  let station: Staff;
  let sector: Staff;
  const day = (n: number) => daysAgo(-n);
  const creditCode = uscc('91371502MA3C8X2Q1');

  const post = async (who: Staff, path: string, body: object): Promise<Response> =>
    kit.http
      .post(`/api/v1${path}`)
      .set('Authorization', `Bearer ${await who.auth()}`)
      .set('Accept-Language', 'en')
      .send(body);
  const warning = (over: Record<string, unknown> = {}) => ({
    title: '谨慎办理健身房预付卡',
    body: '近期我区多家健身场所关停，消费者预付费用难以退回。办理预付卡前请查看经营者资质，不一次性大额充值。',
    areaCode: '371502',
    categoryCode: 'sports-fitness',
    startsOn: day(0),
    endsOn: day(30),
    ...over,
  });
  const publicList = async (query = '') => {
    const res = await kit.http.get(`/api/v1/disclosure/warnings${query}`);
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown>[];
  };
  const publicIds = async (query = '') => (await publicList(query)).map((w) => w.id);
  const fields = (res: Response) => (res.body.details as { field: string }[] | undefined)?.map((d) => d.field);

  beforeAll(async () => {
    kit = await CaseKit.start();
    county = await kit.staff('regulator-staff', 'MR-371502');
    yanggu = await kit.staff('regulator-staff', 'MR-371521');
    city = await kit.staff('regulator-staff', 'MR-371500');
    station = await kit.staff('station-staff', 'ST-371502-001');
    sector = await kit.staff('regulator-staff', 'CT-371500');
  });

  afterAll(async () => {
    await kit?.close();
  });

  it('a county bureau publishes for its own area (201), and the public sees it today with the unit’s name only', async () => {
    const res = await post(county, '/consumer-warnings', warning({ businessName: '聊城市某某健身服务有限公司', creditCode }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'active', areaCode: '371502', areaName: '东昌府区', unitCode: 'MR-371502', creditCode });
    expect(res.body.publishedByName).toBe(county.username);

    const shown = (await publicList()).find((w) => w.id === res.body.id);
    expect(shown).toEqual({
      id: res.body.id,
      title: '谨慎办理健身房预付卡',
      body: warning().body,
      categoryCode: 'sports-fitness',
      categoryName: expect.any(String),
      areaCode: '371502',
      areaName: '东昌府区',
      businessName: '聊城市某某健身服务有限公司',
      creditCode,
      startsOn: day(0),
      endsOn: day(30),
      publishedBy: '聊城市东昌府区市场监督管理局',
    });
    // Nothing about the person: not their name, their account or their id.
    const text = JSON.stringify(await publicList());
    expect(text).not.toContain(county.username);
    expect(text).not.toMatch(/publishedById|publishedByName|withdrawn|username|displayName/);
    // A business's public record asks by its credit code.
    expect(await publicIds(`?creditCode=${creditCode}`)).toEqual([res.body.id]);
  });

  it('a county bureau may not publish for another area or for the whole city (403 naming areaCode)', async () => {
    const other = await post(county, '/consumer-warnings', warning({ areaCode: '371521' }));
    expect(other.status).toBe(403);
    expect(fields(other)).toEqual(['areaCode']);
    const wholeCity = await post(county, '/consumer-warnings', warning({ areaCode: null }));
    expect(wholeCity.status).toBe(403);
  });

  it('station staff and a sector regulator may not publish (403)', async () => {
    expect((await post(station, '/consumer-warnings', warning())).status).toBe(403);
    expect((await post(sector, '/consumer-warnings', warning({ areaCode: null }))).status).toBe(403);
  });

  it('a consumer’s mobile or identity number in the text is refused, naming the field (400)', async () => {
    const phone = await post(county, '/consumer-warnings', warning({ body: '消费者张先生（电话 139 0635 1234）反映该店预付卡无法退款。' }));
    expect(phone.status).toBe(400);
    expect(fields(phone)).toEqual(['body']);
    expect(phone.body.message).toContain('mobile number');
    const id = await post(county, '/consumer-warnings', warning({ title: '11010519491231002X 的投诉' }));
    expect(id.status).toBe(400);
    expect(fields(id)).toEqual(['title']);
    // The 12315 hotline and a landline are not personal data.
    const hotline = await post(county, '/consumer-warnings', warning({ body: '如遇纠纷请拨打 12315 或 0635-8267315 反映。谨慎预付。' }));
    expect(hotline.status).toBe(201);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['starting yesterday', { startsOn: daysAgo(1) }, ['startsOn']],
    ['ending before it starts', { startsOn: day(5), endsOn: day(4) }, ['endsOn']],
    ['running more than 180 days', { startsOn: day(1), endsOn: day(182) }, ['endsOn']],
    ['a day that does not exist', { startsOn: '2031-02-30', endsOn: '2031-03-01' }, ['startsOn']],
    ['not an ISO date', { endsOn: '2031/03/01' }, ['endsOn']],
    ['an unknown area and category', { areaCode: '110101', categoryCode: 'no-such' }, ['areaCode', 'categoryCode']],
  ])('bad input is a 400 naming the field: %s', async (_name, over, names) => {
    const res = await post(city, '/consumer-warnings', warning(over));
    expect(res.status).toBe(400);
    expect(fields(res)?.sort()).toEqual(names);
  });

  it('the public sees a warning only between its dates, and not after it is withdrawn', async () => {
    const res = await post(county, '/consumer-warnings', warning({ title: '春节期间餐饮消费提示', startsOn: day(1), endsOn: day(3) }));
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('scheduled');
    const id = res.body.id as string;
    expect(await publicIds()).not.toContain(id);
    await at(`${day(1)}T00:05:00+08:00`, async () => expect(await publicIds()).toContain(id));
    await at(`${day(3)}T23:55:00+08:00`, async () => expect(await publicIds()).toContain(id));
    await at(`${day(4)}T00:05:00+08:00`, async () => {
      expect(await publicIds()).not.toContain(id);
      // Ended: nothing to withdraw.
      expect((await post(county, `/consumer-warnings/${id}/withdraw`, { reason: '已过期' })).status).toBe(409);
    });

    // Withdrawn during its days: gone from the public list at once.
    await at(`${day(2)}T10:00:00+08:00`, async () => {
      expect((await post(yanggu, `/consumer-warnings/${id}/withdraw`, { reason: '不是本辖区' })).status).toBe(403);
      expect((await post(county, `/consumer-warnings/${id}/withdraw`, {})).status).toBe(400);
      const withdrawn = await post(county, `/consumer-warnings/${id}/withdraw`, { reason: '经营者已全部退款' });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawReason: '经营者已全部退款', withdrawnByName: county.username });
      expect(await publicIds()).not.toContain(id);
      expect((await post(county, `/consumer-warnings/${id}/withdraw`, { reason: '再撤一次' })).status).toBe(409);
    });
    expect((await post(county, '/consumer-warnings/999999/withdraw', { reason: '没有这条' })).status).toBe(404);
  });

  it('the public filters by area (with the city-wide ones) and by category (with those of no category)', async () => {
    const cityWide = await post(city, '/consumer-warnings', warning({ title: '全市旅游消费提示', areaCode: null, categoryCode: null }));
    const inYanggu = await post(
      yanggu,
      '/consumer-warnings',
      warning({ title: '阳谷县装修消费提示', areaCode: '371521', categoryCode: 'renovation' }),
    );
    expect([cityWide.status, inYanggu.status]).toEqual([201, 201]);
    const yangguIds = await publicIds('?areaCode=371521');
    expect(yangguIds).toEqual(expect.arrayContaining([cityWide.body.id, inYanggu.body.id]));
    expect((await publicList('?areaCode=371521')).every((w) => w.areaCode === null || w.areaCode === '371521')).toBe(true);
    const renovation = await publicList('?categoryCode=renovation');
    expect(renovation.map((w) => w.id)).toEqual(expect.arrayContaining([cityWide.body.id, inYanggu.body.id]));
    expect(renovation.every((w) => w.categoryCode === null || w.categoryCode === 'renovation')).toBe(true);
    // Newest first.
    expect(yangguIds.indexOf(inYanggu.body.id)).toBeLessThan(yangguIds.indexOf(cityWide.body.id));
    expect((await kit.http.get('/api/v1/disclosure/warnings?areaCode=x')).status).toBe(400);
  });

  it('the bureau’s list: the city bureau sees all, a county bureau its area’s and the city’s, each with its status', async () => {
    const all = await city.get('/consumer-warnings');
    expect(all.status).toBe(200);
    const areas = new Set((all.body as { areaCode: string | null }[]).map((w) => w.areaCode));
    expect([...areas].sort()).toEqual(['371502', '371521', null].sort());
    const own = await county.get('/consumer-warnings');
    expect((own.body as { areaCode: string | null }[]).every((w) => w.areaCode === null || w.areaCode === '371502')).toBe(true);
    expect(new Set((own.body as { status: string }[]).map((w) => w.status))).toEqual(new Set(['active', 'withdrawn']));
    expect((await station.get('/consumer-warnings')).status).toBe(200);
  });

  it('publishIn runs in the caller’s transaction: with it, the warning records its alert; rolled back, there is none', async () => {
    const actor: StaffPrincipal = {
      userId: city.id,
      username: city.username,
      displayName: city.username,
      role: 'regulator-staff',
      unit: { type: 'regulator', code: 'MR-371500', name: '聊城市市场监督管理局', areaCode: null, kind: 'market', level: 'city' },
    };
    const service = kit.api.app.get(ConsumerWarningsService);
    const db = kit.api.t.dataSource;
    const kept = await pgTransaction(db, (sql) => service.publishIn(sql, actor, warning({ title: '来自预警的提示' }), '42'));
    expect(kept.alertId).toBe('42');
    await expect(
      pgTransaction(db, async (sql) => {
        await service.publishIn(sql, actor, warning({ title: '回滚的提示' }), '43');
        throw new Error('the alert failed');
      }),
    ).rejects.toThrow('the alert failed');
    expect(await kit.q(`select id from consumer_warning where alert_id = 43`)).toEqual([]);
  });
});
