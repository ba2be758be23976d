import { NestExpressApplication } from '@nestjs/platform-express';
import { DirectorySeeder } from '@weiquan/directory';
import request from 'supertest';
import { createApi } from '../apps/api/src/create-api';
import { createTestEnv, TestEnv } from './support/test-env';

describe('probe', () => {
  let t: TestEnv; let app: NestExpressApplication; let http: ReturnType<typeof request>;
  beforeAll(async () => {
    t = await createTestEnv({ INTAKE_RATE_LIMIT: '1000', LOOKUP_RATE_LIMIT: '1000' });
    app = await createApi(t.config); await app.init();
    await app.get(DirectorySeeder, { strict: false }).seed();
    http = request(app.getHttpServer());
  });
  afterAll(async () => { await app?.close(); await t?.dispose(); });
  it('probes', async () => {
    const body = { kind:'complaint', categoryCode:'catering', consumer:{ name:'张三', phone:'13800138000' }, respondent:{ name:'聊城市某某餐饮有限公司', address:'东昌府区东昌路88号', areaCode:'371502' }, incidentDate: '2026-01-01', amount: 268.5, description:'套餐与宣传不符，分量不足', demand:'退款' };
    const show = (n: string, r: request.Response) => console.log(n, r.status, JSON.stringify(r.body), JSON.stringify(r.headers['retry-after']));
    show('ok', await http.post('/api/v1/complaints').send(body));
    show('text', await http.post('/api/v1/complaints').set('content-type','text/plain').send(JSON.stringify(body)));
    show('array', await http.post('/api/v1/complaints').send([body]));
    show('emptyarray', await http.post('/api/v1/complaints').send([]));
    show('broken', await http.post('/api/v1/complaints').set('content-type','application/json').send('{"kind":'));
    show('big', await http.post('/api/v1/complaints').send({ ...body, description: 'x'.repeat(300_000) }));
    show('consumerx', await http.post('/api/v1/complaints').send({ ...body, consumer: 'x' }));
    show('consumerarr', await http.post('/api/v1/complaints').send({ ...body, consumer: [] }));
    show('amountstr', await http.post('/api/v1/complaints').send({ ...body, amount: '100' }));
    show('lat', await http.post('/api/v1/complaints').send({ ...body, respondent: { ...body.respondent, lat: 'north' } }));
    show('null', await http.post('/api/v1/complaints').set('content-type','application/json').send('null'));
    show('idem', await http.post('/api/v1/complaints').set('Idempotency-Key', 'bad key!').send(body));
    show('date', await http.post('/api/v1/complaints').send({ ...body, incidentDate: '2026-02-30' }));
  });
});
