import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { daysAgo } from './support/fixtures';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

/**
 * A stalled database answers 503 with Retry-After within 3 s: a request waits at most
 * DATABASE_ACQUIRE_TIMEOUT_MS (2 s) for a pooled connection, and the API's statements are cancelled
 * after DATABASE_STATEMENT_TIMEOUT_MS. Nothing is committed, so the caller may retry.
 */
describe('a stalled database answers 503 quickly', () => {
  let api: TestApi;
  let filed: { trackingNo: string; accessCode: string };

  beforeAll(async () => {
    api = await startTestApi({ LOOKUP_RATE_LIMIT: '100000', INTAKE_RATE_LIMIT: '100000', DATABASE_STATEMENT_TIMEOUT_MS: '4000' });
    const res = await api.http.post('/api/v1/complaints').send({
      kind: 'complaint',
      path: 'formal',
      categoryCode: 'catering',
      consumer: { name: '张三', phone: '13906359999' },
      respondent: { name: '聊城市数据库测试餐饮店', address: '东昌府区东昌路 88 号', areaCode: '371502' },
      incidentDate: daysAgo(3),
      description: '在该店消费的套餐与宣传图片严重不符，店家拒绝退款。',
      demand: '退还餐费',
    });
    expect(res.status).toBe(201);
    filed = res.body as { trackingNo: string; accessCode: string };
  });

  afterAll(async () => {
    await api?.close();
  });

  const pool = () => (api.app.get(DataSource).driver as unknown as { master: Pool }).master;
  const status = (lang = 'en') =>
    api.http.get(`/api/v1/complaints/${filed.trackingNo}`).set('X-Access-Code', filed.accessCode).set('Accept-Language', lang);

  it("the API's own connections carry the statement timeout; the acquire timeout is the configured one", async () => {
    const [{ statement_timeout }] = (await pool().query<{ statement_timeout: string }>('show statement_timeout')).rows;
    expect(statement_timeout).toBe('4s');
    expect((pool() as unknown as { options: { connectionTimeoutMillis: number } }).options.connectionTimeoutMillis).toBe(2000);
    // The test's own migration connection (as the worker, the CLI and migrations) has none.
    const [{ statement_timeout: other }] = await api.t.dataSource.query<{ statement_timeout: string }[]>('show statement_timeout');
    expect(other).toBe('0');
  });

  it('every pooled connection busy: 503 with Retry-After in under 3 s, then the statements are cancelled and it recovers', async () => {
    expect((await status()).status).toBe(200);
    const size = api.t.config.database.poolSize;
    const started = Date.now();
    const holds = Array.from({ length: size }, () =>
      pool()
        .query('select pg_sleep(5)')
        .then(
          () => ({ code: 'finished', after: Date.now() - started }),
          (err: { code?: string }) => ({ code: err.code, after: Date.now() - started }),
        ),
    );
    while (pool().totalCount < size || pool().idleCount > 0) await new Promise((r) => setTimeout(r, 20));

    // Both languages at once: the held statements are cancelled at 4 s, after which the pool is free again.
    const t0 = Date.now();
    const [res, zh] = await Promise.all([status(), status('zh')]);
    const took = Date.now() - t0;
    expect({ status: res.status, retryAfter: res.headers['retry-after'], took: took < 3000 }).toEqual({
      status: 503,
      retryAfter: expect.stringMatching(/^\d+$/),
      took: true,
    });
    expect(res.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: expect.stringMatching(/database is unavailable/) });
    expect({ status: zh.status, message: zh.body.message as unknown }).toEqual({
      status: 503,
      message: expect.stringMatching(/数据库暂时不可用/),
    });

    // statement_timeout (4 s here) cancels the held statements, well before pg_sleep's 5 s.
    const ended = await Promise.all(holds);
    for (const e of ended) expect(e).toEqual({ code: '57014', after: expect.any(Number) });
    expect(Math.max(...ended.map((e) => e.after))).toBeLessThan(4900);
    expect((await status()).status).toBe(200);
  }, 30_000);
});
