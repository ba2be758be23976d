import { AccountsService, TokenService } from '@weiquan/identity';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';

/** The administrators' upload of the bureau's station list: the CLI's all-or-nothing import over HTTP. */
describe('POST /api/v1/admin/directory/import', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const HEADER = 'code,name,type,areaCode,venueCode,venueName,address,lat,lng,categories,capacity,active,phone';
  const row = (code: string, area = '371502') =>
    [
      code,
      `测试服务站${code}`,
      'mall',
      area,
      '',
      '',
      '山东省聊城市东昌府区测试路1号',
      '36.45',
      '115.98',
      'catering|clothing',
      '30',
      'true',
      '0635-1234567',
    ].join(',');
  const upload = (csv: string, who: string | null, query = '') => {
    const req = api.http.post(`/api/v1/admin/directory/import${query}`);
    if (who) req.set('Authorization', `Bearer ${tokens[who]}`);
    return req.attach('file', Buffer.from(csv, 'utf8'), 'bureau.csv');
  };
  const stations = async () => (await api.t.dataSource.query(`select count(*)::int as n from station where active`))[0].n;

  beforeAll(async () => {
    api = await startTestApi();
    for (const role of ['admin', 'city-analyst'] as const) {
      const { user } = await api.app.get(AccountsService).create({ username: `u-${role}`, displayName: role, role });
      tokens[role] = api.app.get(TokenService).issue({ id: user.id, tokenVersion: 0 }).accessToken;
    }
  });
  afterAll(() => api?.close());

  it('refuses a file with a bad row with 422 naming its line, and changes nothing', async () => {
    const res = await upload([HEADER, row('NEW-001'), row('NEW-002', '999999')].join('\n'), 'admin', '?mode=merge').expect(422);
    expect(res.body.details).toEqual([{ field: 'line 3 areaCode', message: expect.stringContaining('999999') }]);
    expect(await stations()).toBe(191);
  });

  it('checks a good file in a dry run, then merges it', async () => {
    const csv = [HEADER, row('NEW-101'), row('NEW-102')].join('\n');
    const dry = await upload(csv, 'admin', '?mode=merge&dryRun=true').expect(200);
    expect(dry.body).toMatchObject({ accepted: true, dryRun: true, created: 2 });
    expect(await stations()).toBe(191);
    await upload(csv, 'admin', '?mode=merge').expect(200);
    expect(await stations()).toBe(193);
  });

  it('asks for the mode: a one-row upload without it never replaces (deactivates) the rest', async () => {
    const res = await upload([HEADER, row('NEW-301')].join('\n'), 'admin')
      .set('Accept-Language', 'en')
      .expect(400);
    expect(JSON.stringify(res.body.details)).toMatch(/mode/);
    expect(await stations()).toBe(193);
    const zh = await upload([HEADER, row('NEW-301')].join('\n'), 'admin').expect(400);
    expect(JSON.stringify(zh.body)).toMatch(/必须指定 mode/);
    expect(await stations()).toBe(193);
  });

  it('is for administrators only, and asks for a file', async () => {
    await upload([HEADER, row('NEW-201')].join('\n'), null).expect(401);
    await upload([HEADER, row('NEW-201')].join('\n'), 'city-analyst').expect(403);
    await api.http.post('/api/v1/admin/directory/import').set('Authorization', `Bearer ${tokens.admin}`).expect(400);
    await upload(HEADER, 'admin', '?mode=everything').expect(400);
  });
});
