import { AccountsService, TokenService } from '@weiquan/identity';
import { daysAgo } from './support/fixtures';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';

/**
 * What the API answers besides its contract: security headers on pages and API, the queue
 * dashboard's same-origin rule, who may read /metrics and /docs, the public disclosure's rate limit,
 * and who entered a staff-recorded complaint.
 */
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

describe('HTTP hardening', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    // The test client is the trusted proxy, so X-Forwarded-For and X-Forwarded-Proto count.
    api = await startTestApi({ LOOKUP_RATE_LIMIT: '3', METRICS_TOKEN, TRUST_PROXY: 'loopback' });
    const accounts = api.app.get(AccountsService);
    const issue = api.app.get(TokenService);
    for (const [username, role, unitCode] of [
      ['hh-admin', 'admin', undefined],
      ['hh-clerk', 'station-staff', 'ST-371502-001'],
    ] as const) {
      const { user } = await accounts.create({ username, displayName: username, role, unitCode });
      tokens[username] = issue.issue({ id: user.id, tokenVersion: 0 }).accessToken;
      tokens[`${username}:id`] = user.id;
    }
  });
  afterAll(() => api?.close());

  describe('security headers', () => {
    it('the pages and the API carry a CSP with no inline script, frame-ancestors none, nosniff and a referrer policy', async () => {
      for (const path of ['/', '/api/v1/disclosure/businesses?q=x', '/health/live']) {
        const res = await api.http.get(path).set('X-Forwarded-For', '10.9.0.1');
        const csp = String(res.headers['content-security-policy']);
        expect(csp).toMatch(/default-src 'self'/);
        expect(csp).toMatch(/script-src 'self'(;|$)/);
        expect(csp).toMatch(/frame-ancestors 'none'/);
        expect(csp).toMatch(/object-src 'none'/);
        expect(csp).toMatch(/style-src 'self' 'unsafe-inline'/);
        expect(csp).not.toMatch(/upgrade-insecure-requests/);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      }
    });

    it('sends HSTS only over HTTPS (a trusted proxy saying so), never over plain HTTP', async () => {
      const plain = await api.http.get('/health/live');
      expect(plain.headers['strict-transport-security']).toBeUndefined();
      const tls = await api.http.get('/health/live').set('X-Forwarded-Proto', 'https');
      expect(tls.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    });

    it('Swagger UI keeps working at /docs under its own policy', async () => {
      const page = await api.http.get('/docs').expect(200);
      expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(page.headers['content-security-policy']).toMatch(/img-src 'self' data:/);
      await api.http.get('/docs/openapi.json').expect(200);
    });
  });

  describe('/admin/queues', () => {
    const queues = () => api.http.get('/admin/queues/api/queues').set('Cookie', `wq_token=${tokens['hh-admin']}`);

    it('refuses a cookie-authenticated action from another origin, or naming none (403), and adds nothing', async () => {
      const list = await queues().expect(200);
      const name = list.body.queues[0].name as string;
      const add = () =>
        api.http
          .post(`/admin/queues/api/queues/${encodeURIComponent(name)}/add`)
          .set('Cookie', `wq_token=${tokens['hh-admin']}`)
          .send({ name: 'forged', data: {} });
      const before = (await queues()).body.queues[0].counts;
      const cross = await add().set('Origin', 'https://evil.example').set('Accept-Language', 'en').expect(403);
      expect(cross.body).toMatchObject({ statusCode: 403, message: expect.stringMatching(/Origin/) });
      await add().set('Referer', 'https://evil.example/page').expect(403);
      await add().expect(403);
      await add().set('Origin', 'null').expect(403);
      expect((await queues()).body.queues[0].counts).toEqual(before);
    });

    it('lets the dashboard’s own pages act (same origin: the Origin names this Host exactly)', async () => {
      const name = (await queues().expect(200)).body.queues[0].name as string;
      const act = (verb: 'pause' | 'resume', origin: string) =>
        api.http
          .put(`/admin/queues/api/queues/${encodeURIComponent(name)}/${verb}`)
          .set('Cookie', `wq_token=${tokens['hh-admin']}`)
          .set('Host', 'weiquan.test')
          .set('Origin', origin);
      await act('pause', 'http://weiquan.test:8080').expect(403);
      await act('pause', 'http://weiquan.test.evil.example').expect(403);
      await act('pause', 'http://weiquan.test').expect(200);
      await act('resume', 'http://weiquan.test').expect(200);
    });
  });

  describe('/metrics and /docs', () => {
    it('asks for METRICS_TOKEN as a bearer token when it is set', async () => {
      const none = await api.http.get('/metrics').set('Accept-Language', 'en').expect(401);
      expect(none.body.message).toMatch(/METRICS_TOKEN/);
      expect(none.headers['www-authenticate']).toMatch(/Bearer/);
      await api.http.get('/metrics').set('Authorization', 'Bearer wrong').expect(401);
      await api.http.get('/METRICS').expect(401);
      const ok = await api.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
      expect(ok.text).toMatch(/http_request_duration_seconds/);
    });

    it('in production without METRICS_TOKEN refuses /metrics saying to set it, and serves no /docs by default', async () => {
      const prod = await startTestApi({ NODE_ENV: 'production' });
      try {
        const res = await prod.http.get('/metrics').set('Accept-Language', 'en').expect(403);
        expect(res.body.message).toMatch(/METRICS_TOKEN/);
        await prod.http.get('/docs').expect(404);
        await prod.http.get('/docs/openapi.json').expect(404);
      } finally {
        await prod.close();
      }
    });

    it('DOCS_ENABLED=false turns /docs off in development; metrics stay open there without a token', async () => {
      const dev = await startTestApi({ DOCS_ENABLED: 'false' });
      try {
        await dev.http.get('/docs/openapi.json').expect(404);
        await dev.http.get('/metrics').expect(200);
      } finally {
        await dev.close();
      }
    });
  });

  it('GET /disclosure is rate-limited per client like the lookups (LOOKUP_RATE_LIMIT)', async () => {
    const ip = '10.9.1.1';
    for (let i = 0; i < 3; i++) await api.http.get('/api/v1/disclosure').set('X-Forwarded-For', ip).expect(200);
    const res = await api.http.get('/api/v1/disclosure').set('X-Forwarded-For', ip).set('Accept-Language', 'en').expect(429);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body.message).toMatch(/too many requests/);
    await api.http.get('/api/v1/disclosure').set('X-Forwarded-For', '10.9.1.2').expect(200);
  });

  it('a staff-entered complaint records who entered it as the actor of its first event', async () => {
    const res = await api.http
      .post('/api/v1/cases/intake')
      .set('Authorization', `Bearer ${tokens['hh-clerk']}`)
      .send({
        kind: 'complaint',
        path: 'formal',
        categoryCode: 'catering',
        channel: 'offline',
        consumer: { name: '张三', phone: '13906350999', address: '东昌府区柳园街道某小区 3 号楼' },
        respondent: { name: '聊城市录入测试餐饮店', address: '东昌府区东昌路 88 号', areaCode: '371502' },
        incidentDate: daysAgo(3),
        amount: 1500,
        description: '在该店消费的套餐与宣传图片严重不符，分量明显不足，店家拒绝退款。',
        demand: '退还餐费 1500 元',
        intakeChannel: 'phone',
        receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      })
      .expect(201);
    const [event] = await api.t.dataSource.query(
      `select e.actor_type, e.actor_id from case_event e join cases c on c.id = e.case_id
        where c.tracking_no = $1 and e.type = 'received'`,
      [res.body.trackingNo],
    );
    expect(event).toEqual({ actor_type: 'staff', actor_id: tokens['hh-clerk:id'] });
  });
});
