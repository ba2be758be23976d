import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type request from 'supertest';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';

const seeds = (file: string) => JSON.parse(readFileSync(join(__dirname, '..', 'seeds', file), 'utf8'));

/** The public directory and the operations endpoints, through HTTP as a client sees them. */
describe('API over HTTP', () => {
  let http: ReturnType<typeof request>;

  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    ({ http } = api);
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('GET /api/v1/directory/stations', () => {
    it('lists 191 active stations covering all 11 areas, each in the contract shape', async () => {
      const res = await http.get('/api/v1/directory/stations').expect(200).expect('content-type', /json/);
      expect(res.body).toHaveLength(191);
      expect(new Set(res.body.map((s: { areaCode: string }) => s.areaCode)).size).toBe(11);
      for (const s of res.body) {
        expect(s).toEqual(
          expect.objectContaining({
            code: expect.any(String),
            name: expect.stringMatching(/站/),
            type: expect.any(String),
            areaCode: expect.stringMatching(/^\d{6}$/),
            categories: expect.arrayContaining([expect.any(String)]),
            capacity: expect.any(Number),
            active: true,
          }),
        );
        expect(s.venue === null || (typeof s.venue.code === 'string' && typeof s.venue.name === 'string')).toBe(true);
      }
    });

    it('has a station at every venue named in the seed documents', async () => {
      const named: { code: string; name: string }[] = seeds('venues.json').venues.filter((v: { named: boolean }) => v.named);
      expect(named.length).toBeGreaterThanOrEqual(20);
      const res = await http.get('/api/v1/directory/stations').expect(200);
      const venueNames = new Set(res.body.filter((s: { venue: unknown }) => s.venue).map((s: { venue: { name: string } }) => s.venue.name));
      for (const v of named) expect(venueNames).toContain(v.name);
      for (const name of ['金鼎购物中心', '聊城水上古城', '东阿阿胶城', '景阳冈酒厂', '聊聊云购']) expect(venueNames).toContain(name);
    });

    it('filters by area and type', async () => {
      const res = await http.get('/api/v1/directory/stations?areaCode=371524&type=scenic').expect(200);
      expect(res.body.length).toBeGreaterThan(0);
      for (const s of res.body) expect(s).toMatchObject({ areaCode: '371524', type: 'scenic' });
      const catering = await http.get('/api/v1/directory/stations?categoryCode=catering').expect(200);
      for (const s of catering.body) expect(s.categories).toContain('catering');
    });

    it.each([
      ['type=spaceport', 'type'],
      ['areaCode=12', 'areaCode'],
      ['active=perhaps', 'active'],
      ['colour=red', 'colour'],
    ])('answers ?%s with a 400 naming the field', async (query, field) => {
      const res = await http.get(`/api/v1/directory/stations?${query}`).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
      expect(res.body.details).toContainEqual(expect.objectContaining({ field }));
    });
  });

  it('lists the 11 areas with code, name and kind', async () => {
    const res = await http.get('/api/v1/directory/areas').expect(200);
    expect(res.body.map((a: { code: string }) => a.code).sort()).toEqual([
      '371502',
      '371503',
      '371521',
      '371522',
      '371524',
      '371525',
      '371526',
      '371571',
      '371572',
      '371573',
      '371581',
    ]);
    expect(res.body[0]).toEqual(expect.objectContaining({ code: '371502', name: '东昌府区', kind: 'district' }));
  });

  it('lists categories with the sector regulator that owns each', async () => {
    const res = await http.get('/api/v1/directory/categories').expect(200);
    const byCode = Object.fromEntries(res.body.map((c: { code: string }) => [c.code, c]));
    expect(byCode['elderly-care']).toMatchObject({ name: '养老服务', group: 'service', regulatorCode: 'CA-371500' });
    expect(byCode['express']).toMatchObject({ regulatorCode: 'PO-371500' });
    expect(byCode['food']).toMatchObject({ group: 'goods', regulatorCode: null });
  });

  it('lists regulators: the city bureau, one market bureau per area, and sector regulators with their categories', async () => {
    const res = await http.get('/api/v1/directory/regulators').expect(200);
    const market = res.body.filter((r: { kind: string }) => r.kind === 'market');
    expect(market.filter((r: { areaCode: string | null }) => r.areaCode === null)).toHaveLength(1);
    expect(new Set(market.map((r: { areaCode: string }) => r.areaCode).filter(Boolean)).size).toBe(11);
    const tourism = res.body.find((r: { code: string }) => r.code === 'CT-371500');
    expect(tourism).toMatchObject({ kind: 'sector', areaCode: null });
    expect(tourism.categories).toEqual(expect.arrayContaining(['tourism', 'culture-entertainment']));
  });

  it('reports the database and Redis up on /health/ready', async () => {
    const res = await http.get('/health/ready').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details.database.status).toBe('up');
    expect(res.body.details.redis.status).toBe('up');
    await http.get('/health/live').expect(200, { status: 'ok' });
  });

  it('exposes Prometheus metrics with request latency by route', async () => {
    await http.get('/api/v1/directory/areas').expect(200);
    const res = await http.get('/metrics').expect(200);
    expect(res.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/directory\/areas",status="200"\} [1-9]/);
    expect(res.text).toContain('process_resident_memory_bytes');
  });

  it('serves the OpenAPI UI and document', async () => {
    await http.get('/docs').expect(200).expect('content-type', /html/);
    const doc = await http.get('/docs/openapi.json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/directory/stations', '/api/v1/directory/areas', '/health/ready']),
    );
  });

  it("keeps the queue dashboard closed to anyone without an administrator's token", async () => {
    const res = await http.get('/admin/queues').set('Accept', 'application/json').expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, message: expect.any(String) });
  });

  it('answers an unknown API path with a JSON 404 in the contract shape', async () => {
    const res = await http.get('/api/v1/nothing-here').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
  });

  it('answers a broken JSON body with a 400, not a 500', async () => {
    const res = await http.post('/api/v1/directory/stations').set('content-type', 'application/json').send('{"broken":').expect(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message: '请求体不是合法的 JSON' });
  });

  it('keeps a caller-supplied request id and makes one otherwise', async () => {
    await http.get('/health/live').set('X-Request-Id', 'trace-12345678').expect('x-request-id', 'trace-12345678');
    const res = await http.get('/health/live');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the landing page in Chinese at / and for client-side routes', async () => {
    const res = await http.get('/').set('Accept', 'text/html').expect(200);
    expect(res.text).toContain('lang="zh-CN"');
    expect(res.text).toContain('聊城市消费维权服务平台');
    await http.get('/track/ABC').set('Accept', 'text/html').expect(200).expect('content-type', /html/);
  });
});
