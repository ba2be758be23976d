import { AccountsService, TokenService } from '@weiquan/identity';
import { uscc } from './support/fixtures';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';

/**
 * The administrators' upload of the businesses enrolled for online dispute resolution
 * (在线消费纠纷解决企业): all rows or none, merge only (libs/business/src/import/business-import.rules.ts
 * describes the file).
 */
describe('POST /api/v1/admin/businesses/import', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const RESTAURANT = uscc('91371502MA3C5LJ0X');
  const MARKET = uscc('92371502MA3C00007');
  const SHOP = uscc('91371521MA3D00001');
  const HEADER = '统一社会信用代码,经营者名称,区县代码,场所编码,平台,联系电话,地址';

  const upload = (text: string, who: string | null, query = '', fileName = 'businesses.csv') => {
    const req = api.http.post(`/api/v1/admin/businesses/import${query}`);
    if (who) req.set('Authorization', `Bearer ${tokens[who]}`);
    return req.attach('file', Buffer.from(text, 'utf8'), fileName);
  };
  const businesses = () =>
    api.t.dataSource.query(
      `select credit_code as "creditCode", name, name_key as "nameKey", area_code as "areaCode", venue_code as "venueCode",
              platform, phone, address, enrolled_by as "enrolledBy", odr_suspended_reason as "suspendedReason"
         from business order by credit_code`,
    );

  beforeAll(async () => {
    api = await startTestApi();
    const users = [
      { username: 'u-admin', role: 'admin' },
      { username: 'u-analyst', role: 'city-analyst' },
      // A county bureau may enrol businesses of its area one by one, but not import a file.
      { username: 'u-county', role: 'regulator-staff', unitCode: 'MR-371502' },
    ] as const;
    for (const u of users) {
      const { user } = await api.app.get(AccountsService).create({ displayName: u.username, ...u });
      tokens[u.role] = api.app.get(TokenService).issue({ id: user.id, tokenVersion: 0 }).accessToken;
    }
  });
  afterAll(() => api?.close());

  it('checks two good rows in a dry run, then enrols them', async () => {
    const csv = [
      HEADER,
      `${RESTAURANT},聊城市某某餐饮有限公司,371502,V-371502-001,否,0635-8888888,东昌府区东昌路 88 号`,
      `${MARKET.toLowerCase()},聊城市某某网络科技有限公司,371502,,是,,`,
    ].join('\r\n');
    const dry = await upload(csv, 'admin', '?dryRun=true').expect(200);
    expect(dry.body).toEqual({ added: 2, updated: 0, unchanged: 0, dryRun: true });
    expect(await businesses()).toEqual([]);

    const done = await upload(csv, 'admin').expect(200);
    expect(done.body).toEqual({ added: 2, updated: 0, unchanged: 0, dryRun: false });
    expect(await businesses()).toEqual([
      {
        creditCode: RESTAURANT,
        name: '聊城市某某餐饮有限公司',
        nameKey: 'name:聊城市某某餐饮有限公司',
        areaCode: '371502',
        venueCode: 'V-371502-001',
        platform: false,
        phone: '0635-8888888',
        address: '东昌府区东昌路 88 号',
        enrolledBy: 'u-admin',
        suspendedReason: null,
      },
      expect.objectContaining({ creditCode: MARKET, venueCode: null, platform: true, phone: null, address: null }),
    ]);
    // The route sits beside the enrolment routes: a business is still read by its credit code.
    await api.http.get(`/api/v1/admin/businesses/${RESTAURANT}`).set('Authorization', `Bearer ${tokens.admin}`).expect(200);
  });

  it('refuses a file with a wrong check character and an unknown venue with 422 naming both lines and fields, and writes nothing', async () => {
    const before = await businesses();
    const csv = [
      HEADER,
      `${SHOP},阳谷县某某超市有限公司,371521,V-371521-001,否,,`,
      `${RESTAURANT.slice(0, 17)}${RESTAURANT[17] === '0' ? '1' : '0'},聊城市某某餐饮有限公司,371502,,否,,`,
      `${uscc('91371581MA3E12345')},临清市某某商行,371581,V-NOWHERE,否,,`,
    ].join('\n');
    const res = await upload(csv, 'admin').set('Accept-Language', 'en').expect(422);
    expect(res.body.details).toEqual([
      { field: 'line 3 creditCode', message: expect.stringContaining('check character') },
      { field: 'line 4 venueCode', message: expect.stringContaining('V-NOWHERE') },
    ]);
    const zh = await upload(csv, 'admin').expect(422);
    expect(zh.body.details[0].message).toContain('校验码');
    expect(await businesses()).toEqual(before);
  });

  it('re-imports: enrolled businesses are updated, the file’s new ones added, nothing else touched', async () => {
    await api.t.dataSource.query(
      `update business set odr_suspended_at = now(), odr_suspended_reason = '多次逾期未答复' where credit_code = $1`,
      [MARKET],
    );
    // JSON this time: the market's object leaves out platform, phone and address, which it keeps.
    const json = JSON.stringify(
      {
        businesses: [
          {
            creditCode: RESTAURANT,
            name: '聊城市某某餐饮管理有限公司',
            areaCode: '371502',
            venueCode: 'V-371502-001',
            phone: '0635-1234567',
          },
          { creditCode: MARKET, name: '聊城市某某网络科技有限公司', areaCode: '371502' },
          { creditCode: SHOP, name: '阳谷县某某超市有限公司', areaCode: '371521', venueCode: 'V-371521-001' },
        ],
      },
      null,
      2,
    );
    const res = await upload(json, 'admin', '?dryRun=false', 'businesses.json').expect(200);
    expect(res.body).toEqual({ added: 1, updated: 1, unchanged: 1, dryRun: false });
    const after = await businesses();
    const [restaurant, market, shop] = [RESTAURANT, MARKET, SHOP].map((code) =>
      after.find((b: { creditCode: string }) => b.creditCode === code),
    );
    expect(restaurant).toMatchObject({
      creditCode: RESTAURANT,
      name: '聊城市某某餐饮管理有限公司',
      nameKey: 'name:聊城市某某餐饮管理有限公司',
      phone: '0635-1234567',
      // Not in the object: platform stays; address was in the first file and the JSON leaves it out.
      platform: false,
      address: '东昌府区东昌路 88 号',
      enrolledBy: 'u-admin',
    });
    expect(market).toMatchObject({ platform: true, suspendedReason: '多次逾期未答复' });
    expect(shop).toMatchObject({ creditCode: SHOP, venueCode: 'V-371521-001', enrolledBy: 'u-admin' });
  });

  it('is for administrators only, and asks for a file', async () => {
    const csv = [HEADER, `${SHOP},阳谷县某某超市有限公司,371521,,否,,`].join('\n');
    await upload(csv, null).expect(401);
    const county = await upload(csv, 'regulator-staff').expect(403);
    expect(county.body.allowedRoles).toEqual(['admin']);
    await upload(csv, 'city-analyst').expect(403);
    await api.http.post('/api/v1/admin/businesses/import').set('Authorization', `Bearer ${tokens.admin}`).expect(400);
    await upload(csv, 'admin', '?dryRun=perhaps').expect(400);
  });
});
