import type { OpenAPIObject } from '@nestjs/swagger';
import { RollupService } from '@weiquan/stats';
import { EarlyWarningService } from '@weiquan/warnings';
import type { Response } from 'supertest';
import { buildOpenApiDocument } from '../apps/api/src/openapi';
import type { Staff } from './support/case-kit';
import { CaseKit, daysAgo } from './support/case-kit';
import { TINY_PNG, uscc } from './support/fixtures';
import type { Operation } from './support/openapi-check';
import { operationsOf, SchemaChecker } from './support/openapi-check';

/**
 * The OpenAPI document says what each operation answers; here every operation is called on a
 * running system and each answer, success or error, is held to it: its status must be one the
 * document lists for the operation, and its JSON must match that status's schema exactly (no
 * property missing, none undocumented, every enum and nullability as written).
 */
describe('answers match the OpenAPI document', () => {
  let kit: CaseKit;
  let document: OpenAPIObject;
  let checker: SchemaChecker;
  let operations: Map<string, Operation>;
  const answered = new Map<string, Set<number>>();

  /** Holds one answer of `operation` ("get /api/v1/cases/{id}") to the document; returns it. */
  function conforms(operation: string, res: Response, expected?: number): Response {
    const op = operations.get(operation);
    if (!op) throw new Error(`the document has no operation ${operation}`);
    if (expected !== undefined) expect({ operation, status: res.status, body: res.body as unknown }).toMatchObject({ status: expected });
    const declared = op.responses[String(res.status)];
    if (!declared)
      throw new Error(
        `${operation} answered ${res.status}, which the document does not list (${Object.keys(op.responses).join(', ')}): ${JSON.stringify(res.body)}`,
      );
    const type = String(res.headers['content-type'] ?? '').split(';')[0];
    const content = declared.content ?? {};
    expect({ operation, status: res.status, type, documented: Object.keys(content) }).toEqual({
      operation,
      status: res.status,
      type,
      // An answer without a body (204) documents no content.
      documented: type || Object.keys(content).length ? expect.arrayContaining([type]) : [],
    });
    const schema = content[type]?.schema;
    if (type === 'application/json' && schema)
      expect({ operation, status: res.status, problems: checker.check(res.body, schema) }).toEqual({
        operation,
        status: res.status,
        problems: [],
      });
    answered.set(operation, (answered.get(operation) ?? new Set()).add(res.status));
    return res;
  }

  const json = (res: Response) => res.body as Record<string, unknown>;

  beforeAll(async () => {
    document = await buildOpenApiDocument();
    checker = new SchemaChecker(document);
    operations = new Map(operationsOf(document).map((op) => [`${op.method} ${op.path}`, op]));
    kit = await CaseKit.start();
  });

  afterAll(async () => {
    await kit?.close();
  });

  it('the public directory and the operations endpoints', async () => {
    for (const list of ['areas', 'categories', 'regulators', 'stations'])
      conforms(`get /api/v1/directory/${list}`, await kit.http.get(`/api/v1/directory/${list}`), 200);
    conforms('get /api/v1/directory/stations', await kit.http.get('/api/v1/directory/stations?active=all&areaCode=371502'), 200);
    conforms('get /api/v1/directory/stations', await kit.http.get('/api/v1/directory/stations?type=castle'), 400);
    conforms('get /health/live', await kit.http.get('/health/live'), 200);
    conforms('get /health/ready', await kit.http.get('/health/ready'));
    conforms('get /metrics', await kit.http.get('/metrics'), 200);
  });

  it('a consumer files, follows, adds to, withdraws and rates', async () => {
    const body = kit.body({
      respondent: {
        name: '聊城市某某餐饮有限公司',
        creditCode: uscc('91371502MA3C5LJ0X'),
        address: '东昌府区东昌路 88 号',
        areaCode: '371502',
      },
    });
    const filed = conforms(
      'post /api/v1/complaints',
      await kit.http.post('/api/v1/complaints').set('Idempotency-Key', 'openapi-test-0001').send(body),
      201,
    );
    conforms(
      'post /api/v1/complaints',
      await kit.http.post('/api/v1/complaints').set('Idempotency-Key', 'openapi-test-0001').send(body),
      201,
    );
    conforms(
      'post /api/v1/complaints',
      await kit.http
        .post('/api/v1/complaints')
        .set('Idempotency-Key', 'openapi-test-0001')
        .send({ ...body, demand: '另一个诉求' }),
      422,
    );
    conforms('post /api/v1/complaints', await kit.http.post('/api/v1/complaints').send(kit.body({ kind: 'both' })), 201);
    const again = kit.body();
    conforms('post /api/v1/complaints', await kit.http.post('/api/v1/complaints').send(again), 201);
    const duplicate = conforms('post /api/v1/complaints', await kit.http.post('/api/v1/complaints').send(again), 201);
    expect(json(duplicate).status).toBe('duplicate');
    const bad = conforms(
      'post /api/v1/complaints',
      await kit.http.post('/api/v1/complaints').send({ ...body, consumer: { name: '', phone: '123' }, surprise: 1 }),
      400,
    );
    expect(json(bad).details).toEqual(expect.arrayContaining([{ field: 'consumer.phone', message: expect.any(String) }]));
    conforms('post /api/v1/complaints', await kit.http.post('/api/v1/complaints').set('Content-Type', 'text/plain').send('hello'), 415);
    conforms('post /api/v1/complaints', await kit.http.post('/api/v1/complaints').set('Idempotency-Key', 'short').send(body), 400);

    const { trackingNo, accessCode } = json(filed) as { trackingNo: string; accessCode: string };
    const base = `/api/v1/complaints/${trackingNo}`;
    const code = { 'X-Access-Code': accessCode };
    conforms('get /api/v1/complaints/{trackingNo}', await kit.http.get(base).set(code).set('Accept-Language', 'en'), 200);
    conforms('get /api/v1/complaints/{trackingNo}', await kit.http.get(base).set('X-Access-Code', '00000000'), 404);
    conforms('get /api/v1/complaints/{trackingNo}', await kit.http.get(base), 404);
    conforms(
      'post /api/v1/complaints/{trackingNo}/supplements',
      await kit.http.post(`${base}/supplements`).set(code).send({ text: '补充：商家答应三日内退款但未履行。' }),
      201,
    );
    conforms('post /api/v1/complaints/{trackingNo}/supplements', await kit.http.post(`${base}/supplements`).set(code).send({}), 400);

    const png = TINY_PNG;
    const up = conforms(
      'post /api/v1/complaints/{trackingNo}/attachments',
      await kit.http.post(`${base}/attachments`).set(code).attach('file', png, '小票.png'),
      201,
    );
    conforms(
      'post /api/v1/complaints/{trackingNo}/attachments',
      await kit.http.post(`${base}/attachments`).set(code).attach('file', png, '小票.png'),
      201,
    );
    conforms(
      'post /api/v1/complaints/{trackingNo}/attachments',
      await kit.http.post(`${base}/attachments`).set(code).attach('file', Buffer.from('no picture'), 'a.jpg'),
      415,
    );
    conforms(
      'post /api/v1/complaints/{trackingNo}/attachments',
      await kit.http.post(`${base}/attachments`).set(code).field('note', 'x'),
      400,
    );
    const [{ id }] = json(up).attachments as { id: string }[];
    conforms('get /api/v1/complaints/{trackingNo}/attachments/{id}', await kit.http.get(`${base}/attachments/${id}`).set(code), 200);
    conforms('get /api/v1/complaints/{trackingNo}/attachments/{id}', await kit.http.get(`${base}/attachments/999999`).set(code), 404);
    conforms('get /api/v1/complaints/{trackingNo}', await kit.http.get(base).set(code), 200);

    conforms(
      'post /api/v1/complaints/{trackingNo}/rating',
      await kit.http.post(`${base}/rating`).set(code).send({ rating: 'satisfied' }),
      409,
    );
    conforms('post /api/v1/complaints/{trackingNo}/rating', await kit.http.post(`${base}/rating`).set(code).send({ rating: 'great' }), 400);
    conforms('post /api/v1/complaints/{trackingNo}/withdraw', await kit.http.post(`${base}/withdraw`).set(code).send({ reason: 1 }), 400);
    conforms(
      'post /api/v1/complaints/{trackingNo}/withdraw',
      await kit.http.post(`${base}/withdraw`).set(code).send({ reason: '已与商家自行和解' }),
      200,
    );
    conforms('post /api/v1/complaints/{trackingNo}/withdraw', await kit.http.post(`${base}/withdraw`).set(code).send({}), 409);
    conforms(
      'post /api/v1/complaints/{trackingNo}/supplements',
      await kit.http.post(`${base}/supplements`).set(code).send({ text: '还有一件事' }),
      409,
    );
    conforms('get /api/v1/complaints/{trackingNo}', await kit.http.get(base).set(code), 200);
    // A new access code by SMS: this system has no SMS provider, so it says so, whatever the number.
    const recover = (phone: string) => kit.http.post(`${base}/access-code`).send({ phone });
    conforms('post /api/v1/complaints/{trackingNo}/access-code', await recover(body.consumer.phone), 202);
    conforms('post /api/v1/complaints/{trackingNo}/access-code', await recover('123'), 400);
  });

  it("staff sign in, read their queue and a case, and act on it through to the consumer's rating and the public disclosure", async () => {
    const c = await kit.assigned({
      consentToPublish: true,
      consumer: {
        name: '王小明',
        phone: '13812348000',
        address: '东昌府区古楼街道光岳路 12 号',
        idNumber: '11010519491231002X',
        email: 'wang@example.com',
      },
    });
    const handler = await kit.handlerOf(c);
    const analyst = await kit.staff('city-analyst');
    const other = await kit.staff('station-staff', c.assigneeCode === 'ST-371502-002' ? 'ST-371502-001' : 'ST-371502-002');
    const auth = async (s: Staff) => ({ Authorization: `Bearer ${await s.auth()}` });

    conforms(
      'post /api/v1/auth/login',
      await kit.http.post('/api/v1/auth/login').send({ username: handler.username, password: 'case handling test pw' }),
      200,
    );
    conforms(
      'post /api/v1/auth/login',
      await kit.http.post('/api/v1/auth/login').send({ username: handler.username, password: 'wrong' }),
      401,
    );
    conforms('post /api/v1/auth/login', await kit.http.post('/api/v1/auth/login').send({ username: '' }), 400);
    conforms('get /api/v1/auth/me', await kit.http.get('/api/v1/auth/me').set(await auth(handler)), 200);
    conforms('get /api/v1/auth/me', await kit.http.get('/api/v1/auth/me').set(await auth(analyst)), 200);
    conforms('get /api/v1/auth/me', await kit.http.get('/api/v1/auth/me'), 401);
    // A refresh ends the token given in: not the handler's, which the steps below still use.
    const signedIn = await kit.http.post('/api/v1/auth/login').send({ username: handler.username, password: 'case handling test pw' });
    conforms(
      'post /api/v1/auth/refresh',
      await kit.http.post('/api/v1/auth/refresh').set('Authorization', `Bearer ${signedIn.body.accessToken}`),
      200,
    );
    conforms('post /api/v1/auth/refresh', await kit.http.post('/api/v1/auth/refresh').set('Authorization', 'Bearer nonsense'), 401);

    conforms('get /api/v1/cases', await handler.get('/cases'), 200);
    conforms('get /api/v1/cases', await analyst.get('/cases?limit=1'), 200);
    conforms('get /api/v1/cases', await handler.get('/cases?status=lost'), 400);
    conforms('get /api/v1/cases', await kit.http.get('/api/v1/cases'), 401);
    conforms('get /api/v1/cases', await handler.get('/cases?view=open&sort=due&limit=1'), 200);
    conforms('get /api/v1/cases', await handler.get('/cases?sort=soonest'), 400);
    // The dashboard's cuts (a figure opens the cases behind it).
    const cuts = `areaCode=371502&receivedFrom=${daysAgo(30)}&receivedTo=${daysAgo(0)}&channel=offline&prepaid=false&issueType=unknown`;
    const cut = conforms('get /api/v1/cases', await analyst.get(`/cases?${cuts}&unit=${c.assigneeCode}&sort=newest`), 200);
    expect((json(cut).items as { id: string }[]).map((i) => i.id)).toContain(c.id);
    conforms('get /api/v1/cases', await analyst.get(`/cases?receivedFrom=${daysAgo(0)}&receivedTo=${daysAgo(1)}&channel=fax`), 400);
    conforms('get /api/v1/cases/counts', await handler.get('/cases/counts'), 200);
    conforms('get /api/v1/cases/counts', await analyst.get('/cases/counts'), 200);
    conforms('get /api/v1/cases/counts', await kit.http.get('/api/v1/cases/counts'), 401);
    conforms('get /api/v1/cases/workload', await handler.get('/cases/workload'), 200);
    conforms('get /api/v1/cases/workload', await kit.http.get('/api/v1/cases/workload'), 401);
    conforms('get /api/v1/cases/{id}', await handler.get(`/cases/${c.id}`), 200);
    conforms('get /api/v1/cases/{id}', await analyst.get(`/cases/${c.id}`), 200);
    conforms('get /api/v1/cases/{id}', await other.get(`/cases/${c.id}`), 404);
    conforms('get /api/v1/cases/{id}/personal-data', await handler.get(`/cases/${c.id}/personal-data`), 200);
    const evidence = await kit.http
      .post(`/api/v1/complaints/${c.trackingNo}/attachments`)
      .set('X-Access-Code', c.accessCode)
      .attach('file', TINY_PNG, '小票.png');
    const evidenceId = (json(evidence).attachments as { id: string }[])[0].id;
    const open = 'get /api/v1/cases/{id}/attachments/{attachmentId}';
    conforms(open, await handler.get(`/cases/${c.id}/attachments/${evidenceId}`), 200);
    conforms(open, await analyst.get(`/cases/${c.id}/attachments/${evidenceId}`), 403);
    conforms(open, await other.get(`/cases/${c.id}/attachments/${evidenceId}`), 404);
    conforms('get /api/v1/cases/{id}/personal-data', await analyst.get(`/cases/${c.id}/personal-data`), 403);
    conforms('get /api/v1/cases/{id}/personal-data', await other.get(`/cases/${c.id}/personal-data`), 404);

    const act = async (s: Staff, body: object, status: number) =>
      conforms('post /api/v1/cases/{id}/actions', await s.act(c.id, body), status);
    const notNow = await act(handler, { action: 'close' }, 409);
    expect(json(notNow).allowed).toEqual(expect.arrayContaining(['accept']));
    await act(handler, { action: 'refuse' }, 400);
    await act(handler, { action: 'accept', targetUnit: 'ST-371502-003' }, 400);
    await act(analyst, { action: 'accept' }, 403);
    await act(other, { action: 'accept' }, 404);
    await act(handler, { action: 'accept' }, 200);
    await act(handler, { action: 'start-mediation' }, 200);
    const violation = await act(handler, { action: 'report-violation', note: '疑似虚假宣传，转为举报' }, 200);
    const report = (json(violation).linkedReport as { id: string }).id;
    await act(handler, { action: 'resolve', amountRecovered: 1280.5, agreement: true }, 200);
    await act(handler, { action: 'close', note: '已办结' }, 200);
    conforms('get /api/v1/cases/{id}', await handler.get(`/cases/${c.id}`), 200);
    conforms('get /api/v1/cases/{id}', await analyst.get(`/cases/${report}`), 200);

    const code = { 'X-Access-Code': c.accessCode };
    conforms(
      'post /api/v1/complaints/{trackingNo}/rating',
      await kit.http.post(`/api/v1/complaints/${c.trackingNo}/rating`).set(code).send({ rating: 'basically', comment: '处理及时' }),
      201,
    );
    conforms(
      'post /api/v1/complaints/{trackingNo}/rating',
      await kit.http.post(`/api/v1/complaints/${c.trackingNo}/rating`).set(code).send({ rating: 'satisfied' }),
      409,
    );
    conforms('get /api/v1/complaints/{trackingNo}', await kit.http.get(`/api/v1/complaints/${c.trackingNo}`).set(code), 200);

    const back = await kit.assigned();
    const backHandler = await kit.handlerOf(back);
    const handedBack = conforms(
      'post /api/v1/cases/{id}/actions',
      await backHandler.act(back.id, { action: 'hand-back', note: '不属于本站受理范围' }),
      200,
    );
    expect(json(handedBack).routingRound).toEqual(expect.any(Number));

    conforms('get /api/v1/disclosure', await kit.http.get('/api/v1/disclosure?limit=1').set('Accept-Language', 'en'), 200);
    conforms('get /api/v1/disclosure', await kit.http.get('/api/v1/disclosure?cursor=nonsense'), 400);
  });

  it('the settlement stage: a station takes up, records the offer; the consumer accepts it, or escalates', async () => {
    const options = 'get /api/v1/complaints/settlement-options';
    const asked = conforms(options, await kit.http.get('/api/v1/complaints/settlement-options?categoryCode=catering&areaCode=371502'), 200);
    expect(json(asked)).toMatchObject({ available: true, recommended: 'settlement', settlementDays: 10 });
    conforms(options, await kit.http.get('/api/v1/complaints/settlement-options?categoryCode=catering&areaCode=37'), 400);

    const c = await kit.assigned({ path: 'settlement' });
    const station = await kit.handlerOf(c);
    const act = async (body: object, status: number) => conforms('post /api/v1/cases/{id}/actions', await station.act(c.id, body), status);
    await act({ action: 'accept' }, 403);
    await act({ action: 'take-up' }, 200);
    await act({ action: 'record-offer', remedy: 'refund', note: '商家同意退款' }, 400);
    await act({ action: 'record-offer', remedy: 'refund', amountOffered: 268.5, note: '商家同意退款' }, 200);
    conforms('get /api/v1/cases/{id}', await station.get(`/cases/${c.id}`), 200);
    const code = { 'X-Access-Code': c.accessCode };
    conforms('get /api/v1/complaints/{trackingNo}', await kit.http.get(`/api/v1/complaints/${c.trackingNo}`).set(code), 200);
    const accept = 'post /api/v1/complaints/{trackingNo}/settlement/accept';
    conforms(accept, await kit.http.post(`/api/v1/complaints/${c.trackingNo}/settlement/accept`), 404);
    const accepted = conforms(accept, await kit.http.post(`/api/v1/complaints/${c.trackingNo}/settlement/accept`).set(code), 200);
    expect(json(accepted)).toEqual({ status: 'settled', amountRecovered: '268.50' });
    conforms(accept, await kit.http.post(`/api/v1/complaints/${c.trackingNo}/settlement/accept`).set(code), 409);

    const escalate = 'post /api/v1/complaints/{trackingNo}/escalate';
    conforms(escalate, await kit.http.post(`/api/v1/complaints/${c.trackingNo}/escalate`).set(code).send({}), 409);
    const other = await kit.assigned({ path: 'settlement' });
    const otherCode = { 'X-Access-Code': other.accessCode };
    conforms(
      escalate,
      await kit.http
        .post(`/api/v1/complaints/${other.trackingNo}/escalate`)
        .set(otherCode)
        .send({ reason: 'x'.repeat(501) }),
      400,
    );
    const left = conforms(
      escalate,
      await kit.http.post(`/api/v1/complaints/${other.trackingNo}/escalate`).set(otherCode).send({ reason: '想直接投诉' }),
      200,
    );
    expect(json(left)).toEqual({ status: 'received', stage: 'formal' });
    // The department's case file carries the settlement history (escalate, the offer) in the documented shape.
    const bureau = await kit.handlerOf(await kit.route(other.trackingNo, other.accessCode, 1));
    conforms('get /api/v1/cases/{id}', await bureau.get(`/cases/${other.id}`), 200);
    conforms('get /api/v1/cases/{id}', await station.get(`/cases/${c.id}`), 200);
  });

  it('the city bureau designates the handler of a case two units handed back', async () => {
    // Tourism: the culture and tourism bureau, then the county bureau, each hand it back: a dispute between departments.
    const c = await kit.assigned({ categoryCode: 'tourism' });
    const sector = await kit.handlerOf(c);
    expect(c.assigneeCode).toBe('CT-371500');
    await sector.do(c.id, { action: 'hand-back', note: '不属于本局主管范围' });
    const county = await kit.handlerOf(await kit.route(c.trackingNo, c.accessCode, 1));
    expect(county.unitCode).toBe('MR-371502');
    await county.do(c.id, { action: 'hand-back', note: '不属于本局管辖' });
    await kit.route(c.trackingNo, c.accessCode, 2);
    const city = await kit.staff('regulator-staff', 'MR-371500');
    const designate = async (s: Staff, body: object, id = c.id) =>
      kit.http
        .post(`/api/v1/cases/${id}/designation`)
        .set('Authorization', `Bearer ${await s.auth()}`)
        .send(body);
    const op = 'post /api/v1/cases/{id}/designation';
    conforms(op, await designate(city, { unitCode: 'MR-371502', note: '指定原单位' }), 400);
    conforms(op, await designate(county, { unitCode: 'MR-371503', note: '指定' }), 403);
    conforms(op, await designate(city, { unitCode: 'MR-371503', note: '指定' }, '999999999'), 404);
    conforms(op, await kit.http.post(`/api/v1/cases/${c.id}/designation`).send({}), 401);
    conforms(op, await designate(city, { unitCode: 'MR-371503', note: '经协调，由茌平区市场监督管理局处理' }), 200);
    const other = await kit.assigned();
    await kit.q(`update cases set assignee_type = 'regulator', assignee_code = 'MR-371500' where id = $1`, [other.id]);
    conforms(op, await designate(city, { unitCode: 'MR-371503', note: '指定' }, other.id), 409);
  });

  it('staff record a complaint received by phone', async () => {
    const staff = await kit.staff('station-staff', 'ST-371502-001');
    const analyst = await kit.staff('city-analyst');
    const body = { ...kit.body(), intakeChannel: 'phone', receivedAt: new Date(Date.now() - 3_600_000).toISOString() };
    conforms(
      'post /api/v1/cases/intake',
      await kit.http
        .post('/api/v1/cases/intake')
        .set('Authorization', `Bearer ${await staff.auth()}`)
        .send(body),
      201,
    );
    conforms(
      'post /api/v1/cases/intake',
      await kit.http
        .post('/api/v1/cases/intake')
        .set('Authorization', `Bearer ${await staff.auth()}`)
        .send({ ...body, receivedAt: `${daysAgo(90)}T09:00:00+08:00` }),
      400,
    );
    conforms(
      'post /api/v1/cases/intake',
      await kit.http
        .post('/api/v1/cases/intake')
        .set('Authorization', `Bearer ${await analyst.auth()}`)
        .send(body),
      403,
    );
    conforms('post /api/v1/cases/intake', await kit.http.post('/api/v1/cases/intake').send(body), 401);
  });

  it('administrators manage accounts, the calendar and the station list', async () => {
    const admin = await kit.staff('admin');
    const analyst = await kit.staff('city-analyst');
    const as = async (s: Staff) => ({ Authorization: `Bearer ${await s.auth()}` });
    const users = '/api/v1/admin/users';
    conforms(`get ${users}`, await kit.http.get(`${users}?limit=2`).set(await as(admin)), 200);
    conforms(`get ${users}`, await kit.http.get(`${users}?role=king`).set(await as(admin)), 400);
    conforms(`get ${users}`, await kit.http.get(users).set(await as(analyst)), 403);
    conforms(`get ${users}`, await kit.http.get(users), 401);
    const created = conforms(
      `post ${users}`,
      await kit.http
        .post(users)
        .set(await as(admin))
        .send({ username: 'openapi.user', displayName: '张三', role: 'station-staff', unitCode: 'ST-371502-001' }),
      201,
    );
    conforms(
      `post ${users}`,
      await kit.http
        .post(users)
        .set(await as(admin))
        .send({ username: 'openapi.user', displayName: '张三', role: 'station-staff', unitCode: 'ST-371502-001' }),
      409,
    );
    conforms(
      `post ${users}`,
      await kit.http
        .post(users)
        .set(await as(admin))
        .send({ username: 'openapi.city', displayName: '李四', role: 'city-analyst', password: 'a long enough password' }),
      201,
    );
    conforms(
      `post ${users}`,
      await kit.http
        .post(users)
        .set(await as(admin))
        .send({ username: 'x', role: 'admin' }),
      400,
    );
    const id = (json(created).user as { id: string }).id;
    conforms(`get ${users}/{id}`, await kit.http.get(`${users}/${id}`).set(await as(admin)), 200);
    conforms(`get ${users}/{id}`, await kit.http.get(`${users}/999999`).set(await as(admin)), 404);
    conforms(
      `patch ${users}/{id}`,
      await kit.http
        .patch(`${users}/${id}`)
        .set(await as(admin))
        .send({ disabled: true }),
      200,
    );
    conforms(
      `patch ${users}/{id}`,
      await kit.http
        .patch(`${users}/${id}`)
        .set(await as(admin))
        .send({ unitCode: 'NOWHERE' }),
      400,
    );
    conforms(
      `patch ${users}/{id}`,
      await kit.http
        .patch(`${users}/${admin.id}`)
        .set(await as(admin))
        .send({ disabled: true }),
      409,
    );
    conforms(`post ${users}/{id}/reset-password`, await kit.http.post(`${users}/${id}/reset-password`).set(await as(admin)), 200);
    conforms(`post ${users}/{id}/reset-password`, await kit.http.post(`${users}/abc/reset-password`).set(await as(admin)), 404);

    conforms(
      'put /api/v1/admin/calendar/{year}',
      await admin.put('/admin/calendar/2031', { holidays: ['2031-01-01'], workdays: [], names: { '2031-01-01': '元旦' } }),
      200,
    );
    conforms('put /api/v1/admin/calendar/{year}', await admin.put('/admin/calendar/2031', { holidays: ['2030-01-01'], workdays: [] }), 400);
    conforms('put /api/v1/admin/calendar/{year}', await analyst.put('/admin/calendar/2031', { holidays: [], workdays: [] }), 403);
    conforms('get /api/v1/admin/calendar', await admin.get('/admin/calendar'), 200);

    const header = 'code,name,type,areaCode,venueCode,venueName,address,lat,lng,categories,capacity,active,phone';
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
    const upload = async (csv: string, query = '') =>
      kit.http
        .post(`/api/v1/admin/directory/import${query}`)
        .set(await as(admin))
        .attach('file', Buffer.from(csv, 'utf8'), 'bureau.csv');
    conforms('post /api/v1/admin/directory/import', await upload([header, row('NEW-101')].join('\n'), '?mode=merge&dryRun=true'), 200);
    conforms('post /api/v1/admin/directory/import', await upload([header, row('NEW-102', '999999')].join('\n'), '?mode=merge'), 422);
    conforms('post /api/v1/admin/directory/import', await upload(header, '?mode=everything'), 400);
    conforms('post /api/v1/admin/directory/import', await kit.http.post('/api/v1/admin/directory/import').set(await as(analyst)), 403);
    conforms(
      'post /api/v1/admin/businesses/import',
      await kit.http
        .post('/api/v1/admin/businesses/import?dryRun=true')
        .set(await as(admin))
        .attach(
          'file',
          Buffer.from(`creditCode,name,areaCode\n${uscc('91371502MA3C5LJ0X')},聊城市某某餐饮有限公司,371502`),
          'businesses.csv',
        ),
      200,
    );
  });

  it('businesses: enrolment, the portal, an answer, and the consumer’s not-delivered', async () => {
    const admin = await kit.staff('admin');
    const analyst = await kit.staff('city-analyst');
    const as = async (s: Staff) => ({ Authorization: `Bearer ${await s.auth()}` });
    const code = uscc('91371502MA3C7QW2X');
    const enrol = { creditCode: code, name: '聊城市开放接口餐饮有限公司', areaCode: '371502', venueCode: 'V-371502-001' };
    const list = '/api/v1/admin/businesses';
    conforms(
      `post ${list}`,
      await kit.http
        .post(list)
        .set(await as(admin))
        .send(enrol),
      201,
    );
    conforms(
      `post ${list}`,
      await kit.http
        .post(list)
        .set(await as(admin))
        .send(enrol),
      409,
    );
    conforms(
      `post ${list}`,
      await kit.http
        .post(list)
        .set(await as(admin))
        .send({ ...enrol, creditCode: '91371502MA3C7QW2X0' }),
      400,
    );
    conforms(
      `post ${list}`,
      await kit.http
        .post(list)
        .set(await as(analyst))
        .send(enrol),
      403,
    );
    conforms(`get ${list}`, await kit.http.get(`${list}?q=开放接口`).set(await as(admin)), 200);
    conforms(`get ${list}/{creditCode}`, await kit.http.get(`${list}/${code}`).set(await as(admin)), 200);
    conforms(`get ${list}/{creditCode}`, await kit.http.get(`${list}/91371502MA3C7QW2X1`).set(await as(admin)), 404);
    conforms(
      `patch ${list}/{creditCode}`,
      await kit.http
        .patch(`${list}/${code}`)
        .set(await as(admin))
        .send({ suspended: true }),
      400,
    );
    conforms(
      `patch ${list}/{creditCode}`,
      await kit.http
        .patch(`${list}/${code}`)
        .set(await as(admin))
        .send({ phone: '0635-1111111' }),
      200,
    );
    const made = conforms(
      `post ${list}/{creditCode}/users`,
      await kit.http
        .post(`${list}/${code}/users`)
        .set(await as(admin))
        .send({ username: 'openapi.biz', displayName: '李经理' }),
      201,
    );
    conforms(`get ${list}/{creditCode}/users`, await kit.http.get(`${list}/${code}/users`).set(await as(admin)), 200);
    const login = await kit.http
      .post('/api/v1/auth/login')
      .send({ username: 'openapi.biz', password: (json(made) as { password: string }).password });
    const biz = { Authorization: `Bearer ${(json(login) as { accessToken: string }).accessToken}` };

    conforms('get /api/v1/business/me', await kit.http.get('/api/v1/business/me').set(biz), 200);
    conforms('get /api/v1/business/me', await kit.http.get('/api/v1/business/me').set(await as(admin)), 403);
    conforms(
      'put /api/v1/business/me/statement',
      await kit.http.put('/api/v1/business/me/statement').set(biz).send({ statement: '本店承诺七日无理由退款' }),
      200,
    );
    conforms(
      'put /api/v1/business/me/statement',
      await kit.http.put('/api/v1/business/me/statement').set(biz).send({ statement: 'x' }),
      400,
    );
    const c = await kit.assigned({
      path: 'settlement',
      respondent: { name: enrol.name, creditCode: code, address: '金鼎购物中心 5 楼', areaCode: '371502', venueCode: 'V-371502-001' },
    });
    conforms('get /api/v1/business/cases', await kit.http.get('/api/v1/business/cases').set(biz), 200);
    conforms('get /api/v1/business/cases', await kit.http.get('/api/v1/business/cases?view=mine').set(biz), 400);
    conforms('get /api/v1/business/cases/{id}', await kit.http.get(`/api/v1/business/cases/${c.id}`).set(biz), 200);
    conforms('get /api/v1/business/cases/{id}', await kit.http.get('/api/v1/business/cases/999999').set(biz), 404);
    const png = TINY_PNG;
    const files = `/api/v1/business/cases/${c.id}/attachments`;
    const up = conforms(
      `post /api/v1/business/cases/{id}/attachments`,
      await kit.http.post(files).set(biz).attach('file', png, '退款回单.png'),
      201,
    );
    conforms(`post /api/v1/business/cases/{id}/attachments`, await kit.http.post(files).set(biz), 400);
    const [{ id }] = json(up).attachments as { id: string }[];
    const download = 'get /api/v1/business/cases/{id}/attachments/{attachmentId}';
    conforms(download, await kit.http.get(`${files}/${id}`).set(biz), 200);
    conforms(download, await kit.http.get(`${files}/999999`).set(biz), 404);

    const act = (body: object) => kit.http.post(`/api/v1/cases/${c.id}/actions`).set(biz).send(body);
    conforms('post /api/v1/cases/{id}/actions', await act({ action: 'take-up' }), 200);
    conforms(
      'post /api/v1/cases/{id}/actions',
      await act({ action: 'record-offer', remedy: 'refund', amountOffered: 100, note: '同意退款' }),
      400,
    );
    conforms('post /api/v1/cases/{id}/actions', await act({ action: 'accept' }), 403);
    conforms(
      'post /api/v1/cases/{id}/actions',
      await act({ action: 'record-offer', response: 'full', remedy: 'refund', amountOffered: 100, note: '同意退款' }),
      200,
    );
    const access = { 'X-Access-Code': c.accessCode };
    const notDelivered = 'post /api/v1/complaints/{trackingNo}/settlement/not-delivered';
    const reopen = (body: object) => kit.http.post(`/api/v1/complaints/${c.trackingNo}/settlement/not-delivered`).set(access).send(body);
    conforms(notDelivered, await reopen({ reason: '至今未退款' }), 409);
    await kit.http.post(`/api/v1/complaints/${c.trackingNo}/settlement/accept`).set(access);
    conforms(notDelivered, await reopen({}), 400);
    conforms(notDelivered, await reopen({ reason: '至今未退款' }), 200);
    conforms('get /api/v1/complaints/{trackingNo}', await kit.http.get(`/api/v1/complaints/${c.trackingNo}`).set(access), 200);

    // The public record of each business (no sign-in).
    conforms(
      'get /api/v1/disclosure/businesses',
      await kit.http.get(`/api/v1/disclosure/businesses?q=${encodeURIComponent('开放接口')}`),
      200,
    );
    conforms('get /api/v1/disclosure/businesses', await kit.http.get('/api/v1/disclosure/businesses?limit=0'), 400);
    conforms('get /api/v1/disclosure/businesses/{creditCode}', await kit.http.get(`/api/v1/disclosure/businesses/${code}`), 200);
    conforms('get /api/v1/disclosure/businesses/{creditCode}', await kit.http.get('/api/v1/disclosure/businesses/91371502MA3C7QW2X1'), 404);
  });

  it('the statistics', async () => {
    while ((await kit.api.app.get(RollupService).applyPending()).events > 0);
    const analyst = await kit.staff('city-analyst');
    const station = await kit.staff('station-staff', 'ST-371502-001');
    const period = `from=${daysAgo(30)}&to=${daysAgo(0)}`;
    conforms('get /api/v1/stats/summary', await analyst.get(`/stats/summary?${period}`), 200);
    conforms('get /api/v1/stats/summary', await station.get('/stats/summary'), 200);
    conforms('get /api/v1/stats/summary', await analyst.get('/stats/summary?from=2026-02-30'), 400);
    conforms('get /api/v1/stats/summary', await station.get('/stats/summary?unit=ST-371502-002'), 403);
    conforms('get /api/v1/stats/summary', await kit.http.get('/api/v1/stats/summary'), 401);
    for (const metric of ['received', 'recovered', 'mediationSuccessRate'])
      conforms('get /api/v1/stats/timeseries', await analyst.get(`/stats/timeseries?metric=${metric}&interval=day&${period}`), 200);
    conforms('get /api/v1/stats/timeseries', await analyst.get('/stats/timeseries'), 400);
    for (const by of ['respondent', 'category', 'area', 'channel', 'prepaid', 'issueType']) {
      const res = conforms('get /api/v1/stats/hotspots', await analyst.get(`/stats/hotspots?by=${by}&${period}`), 200);
      expect((json(res).items as unknown[]).length).toBeGreaterThan(0);
    }
    conforms('get /api/v1/stats/businesses', await analyst.get(`/stats/businesses?${period}`), 200);
    conforms('get /api/v1/stats/businesses', await analyst.get(`/stats/businesses?by=venue&${period}`), 200);
    conforms('get /api/v1/stats/businesses', await analyst.get('/stats/businesses?by=planet'), 400);
    conforms('get /api/v1/stats/businesses', await station.get('/stats/businesses?venueCode=V-371502-002'), 403);
    conforms('get /api/v1/stats/units', await analyst.get(`/stats/units?${period}`), 200);
    conforms('get /api/v1/stats/units', await station.get('/stats/units'), 200);
    conforms('get /api/v1/stats/export', await analyst.get(`/stats/export?format=csv&by=category&${period}`), 200);
    conforms('get /api/v1/stats/export', await analyst.get(`/stats/export?format=xlsx&${period}`), 200);
    conforms('get /api/v1/stats/export', await analyst.get(`/stats/export?format=csv&by=issueType&${period}`), 200);
    conforms('get /api/v1/stats/export', await analyst.get('/stats/export?format=pdf'), 400);
  });

  it('consumer warnings: a county bureau publishes, lists and withdraws; the public reads those in force', async () => {
    const bureau = await kit.staff('regulator-staff', 'MR-371502');
    const station = await kit.staff('station-staff', 'ST-371502-001');
    const post = async (who: Staff, path: string, body: object) =>
      kit.http
        .post(`/api/v1${path}`)
        .set('Authorization', `Bearer ${await who.auth()}`)
        .send(body);
    const warning = {
      title: '谨慎办理健身房预付卡',
      body: '近期多家健身场所关停，办理预付卡前请查看经营者资质，不一次性大额充值。',
      areaCode: '371502',
      creditCode: uscc('91371502MA3C8X2Q1'),
      startsOn: daysAgo(0),
      endsOn: daysAgo(-30),
    };
    const published = conforms('post /api/v1/consumer-warnings', await post(bureau, '/consumer-warnings', warning), 201);
    conforms(
      'post /api/v1/consumer-warnings',
      await post(bureau, '/consumer-warnings', { ...warning, body: '请联系 13906351234 了解' }),
      400,
    );
    conforms('post /api/v1/consumer-warnings', await post(bureau, '/consumer-warnings', { ...warning, areaCode: '371521' }), 403);
    conforms('post /api/v1/consumer-warnings', await post(station, '/consumer-warnings', warning), 403);
    conforms('post /api/v1/consumer-warnings', await kit.http.post('/api/v1/consumer-warnings').send(warning), 401);
    conforms('get /api/v1/consumer-warnings', await bureau.get('/consumer-warnings'), 200);
    conforms('get /api/v1/disclosure/warnings', await kit.http.get('/api/v1/disclosure/warnings?areaCode=371502'), 200);
    conforms('get /api/v1/disclosure/warnings', await kit.http.get('/api/v1/disclosure/warnings?areaCode=x'), 400);
    const id = json(published).id as string;
    const withdraw = (body: object) => post(bureau, `/consumer-warnings/${id}/withdraw`, body);
    conforms('post /api/v1/consumer-warnings/{id}/withdraw', await withdraw({}), 400);
    conforms('post /api/v1/consumer-warnings/{id}/withdraw', await withdraw({ reason: '经营者已退款' }), 200);
    conforms('post /api/v1/consumer-warnings/{id}/withdraw', await withdraw({ reason: '经营者已退款' }), 409);
    conforms(
      'post /api/v1/consumer-warnings/{id}/withdraw',
      await post(bureau, '/consumer-warnings/999999/withdraw', { reason: '没有' }),
      404,
    );
  });

  it('early warning: the detector raises an alert; a county bureau reads, acknowledges, groups, warns and another alert is dismissed', async () => {
    const bureau = await kit.staff('regulator-staff', 'MR-371502');
    const station = await kit.staff('station-staff', 'ST-371502-001');
    const gym = (name: string, creditCode: string) => ({ name, creditCode, address: '东昌府区柳园南路 18 号', areaCode: '371502' });
    const collapse = async (respondent: object) => {
      const cases = [];
      for (let n = 0; n < 8; n++) {
        const f = await kit.file({ categoryCode: 'sports-fitness', prepaid: true, issueType: 'closure', respondent });
        cases.push(await kit.route(f.trackingNo, f.accessCode));
      }
      return cases;
    };
    const first = await collapse(gym('聊城市文档测试健身有限公司', uscc('91371502MA3C9X2Q1')));
    await collapse(gym('聊城市文档测试瑜伽馆有限公司', uscc('91371502MA3C9X3Q1')));
    await kit.api.app.get(RollupService).applyPending();
    await kit.api.app.get(EarlyWarningService).evaluatePending();

    const page = conforms('get /api/v1/warnings/alerts', await bureau.get('/warnings/alerts?status=new'), 200);
    conforms('get /api/v1/warnings/alerts', await bureau.get('/warnings/alerts?status=open'), 400);
    conforms('get /api/v1/warnings/alerts', await station.get('/warnings/alerts'), 403);
    conforms('get /api/v1/warnings/alerts', await kit.http.get('/api/v1/warnings/alerts'), 401);
    const items = json(page).items as { id: string; subjectName: string }[];
    const alert = items.find((a) => a.subjectName === '聊城市文档测试健身有限公司')!;
    const other = items.find((a) => a.subjectName === '聊城市文档测试瑜伽馆有限公司')!;
    conforms('get /api/v1/warnings/alerts/{id}', await bureau.get(`/warnings/alerts/${alert.id}`), 200);
    conforms('get /api/v1/warnings/alerts/{id}', await bureau.get('/warnings/alerts/999999'), 404);
    conforms(
      'post /api/v1/warnings/alerts/{id}/acknowledge',
      await bureau.post(`/warnings/alerts/${alert.id}/acknowledge`, { note: '核实中' }),
      200,
    );
    conforms(
      'post /api/v1/warnings/alerts/{id}/acknowledge',
      await bureau.post(`/warnings/alerts/${alert.id}/acknowledge`, { note: 7 }),
      400,
    );
    conforms('post /api/v1/warnings/alerts/{id}/acknowledge', await bureau.post(`/warnings/alerts/${alert.id}/acknowledge`), 409);
    conforms('post /api/v1/warnings/alerts/{id}/acknowledge', await bureau.post('/warnings/alerts/999999/acknowledge'), 404);
    const analyst = await kit.staff('city-analyst');
    conforms(
      'post /api/v1/warnings/alerts/{id}/dismiss',
      await analyst.post(`/warnings/alerts/${other.id}/dismiss`, { reason: '正常经营' }),
      403,
    );
    conforms('post /api/v1/warnings/alerts/{id}/dismiss', await bureau.post(`/warnings/alerts/${other.id}/dismiss`, {}), 400);
    conforms(
      'post /api/v1/warnings/alerts/{id}/dismiss',
      await bureau.post(`/warnings/alerts/${other.id}/dismiss`, { reason: '经核实为正常经营' }),
      200,
    );
    conforms(
      'post /api/v1/warnings/alerts/{id}/dismiss',
      await bureau.post(`/warnings/alerts/${other.id}/dismiss`, { reason: '经核实为正常经营' }),
      409,
    );
    conforms(
      'post /api/v1/warnings/alerts/{id}/dismiss',
      await bureau.post('/warnings/alerts/999999/dismiss', { reason: '没有这条' }),
      404,
    );

    const members = first.map((c) => ({ caseId: c.id, consentMethod: 'written' }));
    conforms(
      'post /api/v1/warnings/alerts/{id}/joint-case',
      await bureau.post(`/warnings/alerts/${alert.id}/joint-case`, { members: members.slice(0, 1) }),
      400,
    );
    conforms(
      'post /api/v1/warnings/alerts/{id}/joint-case',
      await analyst.post(`/warnings/alerts/${alert.id}/joint-case`, { members }),
      403,
    );
    conforms('post /api/v1/warnings/alerts/{id}/joint-case', await bureau.post('/warnings/alerts/999999/joint-case', { members }), 404);
    conforms(
      'post /api/v1/warnings/alerts/{id}/joint-case',
      await bureau.post(`/warnings/alerts/${other.id}/joint-case`, { members }),
      409,
    );
    conforms(
      'post /api/v1/warnings/alerts/{id}/joint-case',
      await bureau.post(`/warnings/alerts/${alert.id}/joint-case`, { members }),
      201,
    );
    const warning = {
      title: '谨慎办理健身预付卡',
      body: '请谨慎办理大额预付卡，保留合同和付款凭证。',
      areaCode: '371502',
      startsOn: daysAgo(0),
      endsOn: daysAgo(-30),
    };
    conforms(
      'post /api/v1/warnings/alerts/{id}/consumer-warning',
      await bureau.post(`/warnings/alerts/${alert.id}/consumer-warning`, { ...warning, endsOn: 'soon' }),
      400,
    );
    conforms(
      'post /api/v1/warnings/alerts/{id}/consumer-warning',
      await analyst.post(`/warnings/alerts/${alert.id}/consumer-warning`, warning),
      403,
    );
    conforms(
      'post /api/v1/warnings/alerts/{id}/consumer-warning',
      await bureau.post('/warnings/alerts/999999/consumer-warning', warning),
      404,
    );
    conforms(
      'post /api/v1/warnings/alerts/{id}/consumer-warning',
      await bureau.post(`/warnings/alerts/${other.id}/consumer-warning`, warning),
      409,
    );
    conforms(
      'post /api/v1/warnings/alerts/{id}/consumer-warning',
      await bureau.post(`/warnings/alerts/${alert.id}/consumer-warning`, warning),
      201,
    );
  });

  it('joint complaints (Order 121 Art. 12): a county bureau groups two consumers’ complaints and reads the group', async () => {
    const respondent = { name: '聊城市文档校验共同投诉餐馆', address: '东昌府区东昌路 12 号', areaCode: '371502' };
    const a = await kit.assigned({ respondent });
    const b = await kit.assigned({ respondent });
    const bureau = await kit.staff('regulator-staff', 'MR-371502');
    const create = async (who: Staff, body: object) =>
      kit.http
        .post('/api/v1/joint-cases')
        .set('Authorization', `Bearer ${await who.auth()}`)
        .send(body);
    const members = [a, b].map((c) => ({ caseId: c.id, consentMethod: 'written' }));
    conforms('post /api/v1/joint-cases', await create(bureau, { members: [{ caseId: a.id }, members[1]] }), 400);
    conforms('post /api/v1/joint-cases', await create(await kit.staff('station-staff', 'ST-371502-001'), { members }), 403);
    conforms('post /api/v1/joint-cases', await kit.http.post('/api/v1/joint-cases').send({ members }), 401);
    const made = conforms('post /api/v1/joint-cases', await create(bureau, { members, representatives: [a.id] }), 201);
    conforms('post /api/v1/joint-cases', await create(bureau, { members }), 409);
    conforms('get /api/v1/joint-cases/{id}', await bureau.get(`/joint-cases/${json(made).id as string}`), 200);
    conforms('get /api/v1/joint-cases/{id}', await bureau.get('/joint-cases/999999'), 404);
    conforms('get /api/v1/cases/{id}', await bureau.get(`/cases/${a.id}`), 200);
  });

  it('staff log out and change their own password', async () => {
    const who = await kit.staff('city-analyst');
    const signIn = async (password: string) =>
      `Bearer ${(await kit.http.post('/api/v1/auth/login').send({ username: who.username, password })).body.accessToken}`;
    const first = await signIn('case handling test pw');
    const change = (body: object) => kit.http.post('/api/v1/auth/password').set('Authorization', first).send(body);
    conforms('post /api/v1/auth/password', await change({ currentPassword: 'case handling test pw', newPassword: 'password1234' }), 400);
    conforms(
      'post /api/v1/auth/password',
      await change({ currentPassword: 'case handling test pw', newPassword: 'another long test phrase' }),
      204,
    );
    conforms('post /api/v1/auth/password', await kit.http.post('/api/v1/auth/password').send({}), 401);
    conforms('post /api/v1/auth/logout', await kit.http.post('/api/v1/auth/logout').set('Authorization', first), 204);
    conforms('post /api/v1/auth/logout', await kit.http.post('/api/v1/auth/logout').set('Authorization', first), 401);
  });

  it('every operation was answered here with a success the document describes', () => {
    const unanswered = [...operations.keys()].filter((op) => ![...(answered.get(op) ?? [])].some((s) => s >= 200 && s < 300));
    expect(unanswered).toEqual([]);
  });
});
