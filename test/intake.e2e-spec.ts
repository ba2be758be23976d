import { AccountsService, TokenService } from '@weiquan/identity';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IntakeService } from '@weiquan/complaints';
import type request from 'supertest';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import type { TestEnv } from './support/test-env';

/** A consumer files, follows, withdraws, adds to and rates a complaint, through HTTP. */
describe('complaint intake and the consumer endpoints', () => {
  let t: TestEnv;
  let app: NestExpressApplication;
  let http: ReturnType<typeof request>;
  let phoneSeq = 0;

  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const daysAgo = (n: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - n * 86_400_000));
  const phone = () => `1390635${String(++phoneSeq).padStart(4, '0')}`;
  const body = (over: Record<string, unknown> = {}) => ({
    kind: 'complaint',
    categoryCode: 'catering',
    channel: 'offline',
    consumer: { name: '李四', phone: phone(), address: '东昌府区柳园街道某小区 3 号楼', idNumber: '11010519491231002X' },
    respondent: { name: '聊城市好味道餐饮有限公司', address: '东昌府区东昌路 88 号', areaCode: '371502', venueCode: 'V-371502-001' },
    incidentDate: daysAgo(5),
    amount: 268.55,
    description: '在该店消费的套餐与宣传图片严重不符，分量明显不足。',
    demand: '退还餐费 268.55 元',
    ...over,
  });
  const submit = (b: object, headers: Record<string, string> = {}) => http.post('/api/v1/complaints').set(headers).send(b);
  const count = async (sql: string) => (await t.dataSource.query(sql))[0].n as number;

  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ INTAKE_RATE_LIMIT: '1000', LOOKUP_RATE_LIMIT: '1000', DATA_DIR: `/tmp/weiquan-test-${process.pid}` });
    ({ t, app, http } = api);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('answers 201 with a tracking number, an access code and the acceptance due date', async () => {
    const res = await submit(body({ path: 'formal' })).expect(201);
    expect(res.body).toMatchObject({
      kind: 'complaint',
      status: 'received',
      stage: 'formal',
      trackingNo: expect.stringMatching(/^\d{13}$/),
      accessCode: expect.stringMatching(/^\d{8}$/),
    });
    expect(res.body.trackingNo.slice(0, 6)).toBe(today().slice(2).replace(/-/g, ''));
    expect(res.body.acceptanceDueDate > today()).toBe(true);
    const [row] = await t.dataSource.query(`select amount_fen, status, intake_channel, rule_set from cases where tracking_no = $1`, [
      res.body.trackingNo,
    ]);
    expect(row).toEqual({ amount_fen: '26855', status: 'received', intake_channel: 'web', rule_set: 'order121' });
    expect(
      await count(
        `select count(*)::int as n from outbox o join cases c on (o.payload->>'caseId')::bigint = c.id where c.tracking_no = '${res.body.trackingNo}'`,
      ),
    ).toBe(1);
  });

  it('a complaint to settle first (the default) runs no statutory clock: no acceptance deadline until it becomes formal', async () => {
    const res = await submit(body()).expect(201);
    expect(res.body).toMatchObject({ kind: 'complaint', status: 'received', stage: 'settlement', acceptanceDueDate: null });
    const [row] = await t.dataSource.query(`select stage, acceptance_due from cases where tracking_no = $1`, [res.body.trackingNo]);
    expect(row).toEqual({ stage: 'settlement', acceptance_due: null });
    // A report is for a regulator only: it cannot be settled.
    const report = await submit(body({ kind: 'report', path: 'settlement' })).expect(400);
    expect(report.body.details).toEqual([expect.objectContaining({ field: 'path' })]);
    const both = await submit(body({ kind: 'both' })).expect(201);
    expect(both.body.cases.map((c: { track: string; dueDate: string | null }) => [c.track, c.dueDate === null])).toEqual([
      ['complaint', true],
      ['report', false],
    ]);
  });

  it('stores no personal data in readable form', async () => {
    const b = body();
    const res = await submit(b).expect(201);
    const [row] = await t.dataSource.query(`select to_jsonb(c.*)::text as all_columns from cases c where tracking_no = $1`, [
      res.body.trackingNo,
    ]);
    expect(row.all_columns).not.toContain(b.consumer.phone);
    expect(row.all_columns).not.toContain('11010519491231002X');
    expect(row.all_columns).not.toContain('柳园街道某小区');
    const [raw] = await t.dataSource.query(`select encode(consumer_phone_enc, 'escape') as p from cases where tracking_no = $1`, [
      res.body.trackingNo,
    ]);
    expect(raw.p).not.toContain(b.consumer.phone);
  });

  it('an idempotent retry returns the first answer and creates nothing', async () => {
    const b = body();
    const key = 'retry-key-000001';
    const first = await submit(b, { 'Idempotency-Key': key }).expect(201);
    const before = await count(`select count(*)::int as n from cases`);
    const again = await submit(b, { 'Idempotency-Key': key }).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await count(`select count(*)::int as n from cases`)).toBe(before);
    await submit({ ...b, demand: '另一个诉求' }, { 'Idempotency-Key': key }).expect(422);
  });

  it('two concurrent requests with the same key make one case', async () => {
    const b = body();
    const before = await count(`select count(*)::int as n from cases`);
    const answers = await Promise.all([1, 2, 3].map(() => submit(b, { 'Idempotency-Key': 'concurrent-key-01' })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.trackingNo)).size).toBe(1);
    expect(await count(`select count(*)::int as n from cases`)).toBe(before + 1);
  });

  it('kind "both" makes two linked cases, a complaint and a report, each routed', async () => {
    const res = await submit(body({ kind: 'both' })).expect(201);
    expect(res.body.linkedTrackingNo).toMatch(/^\d{13}$/);
    expect(res.body.linkedTrackingNo).not.toBe(res.body.trackingNo);
    const rows = await t.dataSource.query(
      `select c.track, l.tracking_no as linked from cases c join cases l on l.id = c.linked_case_id where c.tracking_no in ($1, $2) order by c.track`,
      [res.body.trackingNo, res.body.linkedTrackingNo],
    );
    expect(rows).toEqual([
      { track: 'complaint', linked: res.body.linkedTrackingNo },
      { track: 'report', linked: res.body.trackingNo },
    ]);
    // The one access code opens both.
    await http.get(`/api/v1/complaints/${res.body.linkedTrackingNo}`).set('X-Access-Code', res.body.accessCode).expect(200);
    expect(res.body.cases.map((c: { track: string }) => c.track)).toEqual(['complaint', 'report']);
  });

  it('links a duplicate (same phone, respondent and matter within 30 days) to the first and does not route it', async () => {
    const b = body();
    const first = await submit(b).expect(201);
    const second = await submit({ ...b, description: '同一件事，再投诉一次，仍未解决。' }).expect(201);
    expect(second.body).toMatchObject({ status: 'duplicate', duplicateOfTrackingNo: first.body.trackingNo, acceptanceDueDate: null });
    const outbox = await count(
      `select count(*)::int as n from outbox o join cases c on (o.payload->>'caseId')::bigint = c.id where c.tracking_no = '${second.body.trackingNo}'`,
    );
    expect(outbox).toBe(0);
    const status = await http.get(`/api/v1/complaints/${second.body.trackingNo}`).set('X-Access-Code', second.body.accessCode).expect(200);
    expect(status.body.duplicateOfTrackingNo).toBe(first.body.trackingNo);
    expect(status.body.timeline[0].text).toContain(first.body.trackingNo);
    // A different respondent is a new matter.
    await submit({ ...b, respondent: { ...b.respondent, name: '另一家餐馆' } })
      .expect(201)
      .expect((r) => expect(r.body.status).toBe('received'));
  });

  it('of simultaneous submissions of one matter, exactly one is routed and the rest link to it', async () => {
    const b = body();
    const answers = await Promise.all(Array.from({ length: 8 }, () => submit(b)));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const received = answers.filter((a) => a.body.status === 'received');
    expect(received).toHaveLength(1);
    const original = received[0].body.trackingNo;
    for (const a of answers.filter((x) => x.body.status === 'duplicate')) expect(a.body.duplicateOfTrackingNo).toBe(original);
    const [{ n }] = await t.dataSource.query(
      `select count(*)::int as n from outbox o join cases c on (o.payload->>'caseId')::bigint = c.id where c.tracking_no = any($1)`,
      [answers.map((a) => a.body.trackingNo)],
    );
    expect(n).toBe(1);
  });

  it('a withdrawn complaint no longer holds its matter: filing it again is a new case', async () => {
    const b = body();
    const first = await submit(b).expect(201);
    await http
      .post(`/api/v1/complaints/${first.body.trackingNo}/withdraw`)
      .set('X-Access-Code', first.body.accessCode)
      .send({})
      .expect(200);
    const again = await submit(b).expect(201);
    expect(again.body.status).toBe('received');
  });

  it('a wrong or missing access code answers exactly like an unknown number', async () => {
    const res = await submit(body()).expect(201);
    const wrong = await http.get(`/api/v1/complaints/${res.body.trackingNo}`).set('X-Access-Code', '00000000');
    const missing = await http.get(`/api/v1/complaints/${res.body.trackingNo}`);
    const unknown = await http.get(`/api/v1/complaints/2611010000019`).set('X-Access-Code', res.body.accessCode);
    for (const r of [wrong, missing, unknown]) {
      expect(r.status).toBe(404);
      expect(r.body).toEqual(wrong.body);
    }
    expect(wrong.body.message).toBe('未找到该查询编号，或查询码不正确');
  });

  it('shows status, deadlines and the public timeline; supplements and withdrawal appear in it', async () => {
    const res = await submit(body({ path: 'formal' })).expect(201);
    const path = `/api/v1/complaints/${res.body.trackingNo}`;
    const code = { 'X-Access-Code': res.body.accessCode };
    await http.post(`${path}/supplements`).set(code).send({ text: '商家答应三日内退款但未履行。' }).expect(201);
    await http.post(`${path}/withdraw`).set(code).send({ reason: '已与商家和解' }).expect(200, { status: 'withdrawn' });
    await http.post(`${path}/withdraw`).set(code).send({}).expect(409);
    const status = await http.get(path).set(code).expect(200);
    expect(status.body).toMatchObject({ status: 'withdrawn', statusText: '已撤回', category: { code: 'catering', name: '餐饮服务' } });
    expect(status.body.deadlines).toEqual([
      {
        kind: 'acceptance',
        text: expect.stringContaining('受理'),
        explanation: { basis: 'law', zh: expect.stringContaining('第十五条'), en: expect.stringContaining('Art. 15') },
        dueDate: res.body.acceptanceDueDate,
        provisional: false,
        metOn: null,
        pausedOn: null,
      },
    ]);
    expect(status.body.dueDate).toBeNull(); // withdrawn: no clock runs any more
    expect(status.body.timeline.map((e: { type: string }) => e.type)).toEqual(['received', 'supplement', 'withdrawn']);
    expect(status.body.timeline[1].text).toContain('商家答应三日内退款但未履行');
    const en = await http.get(path).set(code).set('Accept-Language', 'en').expect(200);
    expect(en.body.statusText).toBe('withdrawn');
  });

  it('takes images and PDFs recognised by content, and serves them back only with the access code', async () => {
    const res = await submit(body()).expect(201);
    const path = `/api/v1/complaints/${res.body.trackingNo}/attachments`;
    const code = { 'X-Access-Code': res.body.accessCode };
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1e2a6e20000000049454e44ae426082',
      'hex',
    );
    const up = await http.post(path).set(code).attach('file', png, { filename: '小票.png', contentType: 'image/png' }).expect(201);
    expect(up.body.attachments).toEqual([
      expect.objectContaining({ name: '小票.png', mime: 'image/png', size: png.length, duplicate: false }),
    ]);
    // A text file named .jpg is refused by its content.
    await http
      .post(path)
      .set(code)
      .attach('file', Buffer.from('not really a picture'), { filename: 'photo.jpg', contentType: 'image/jpeg' })
      .expect(415);
    const list = await http.get(`/api/v1/complaints/${res.body.trackingNo}`).set(code).expect(200);
    const id = list.body.attachments[0].id;
    const got = await http
      .get(`${path}/${id}`)
      .set(code)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(got.body, png)).toBe(0);
    await http.get(`${path}/${id}`).set('X-Access-Code', '12345678').expect(404);
  });

  it('is rated only after closing, once', async () => {
    const res = await submit(body()).expect(201);
    const path = `/api/v1/complaints/${res.body.trackingNo}/rating`;
    const code = { 'X-Access-Code': res.body.accessCode };
    await http.post(path).set(code).send({ rating: 'satisfied' }).expect(409);
    await t.dataSource.query(`update cases set status = 'closed' where tracking_no = $1`, [res.body.trackingNo]);
    await http
      .post(path)
      .set(code)
      .send({ rating: 'basically', comment: '处理及时' })
      .expect(201, { rating: 'basically', comment: '处理及时' });
    await http.post(path).set(code).send({ rating: 'satisfied' }).expect(409);
    await http.post(path).set(code).send({ rating: 'great' }).expect(400);
  });

  it('keeps the history append-only at the database', async () => {
    await expect(t.dataSource.query(`update case_event set note = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`delete from case_event`)).rejects.toThrow(/append-only/);
  });

  it('staff intake counts deadlines from the actual receipt time (Art. 8 channels)', async () => {
    const intake = app.get(IntakeService, { strict: false });
    const answer = await intake.submit(body({ incidentDate: '2026-09-20', path: 'formal' }) as never, {
      channel: 'phone',
      receivedAt: new Date('2026-09-30T02:00:00Z'),
    });
    expect(answer).toMatchObject({
      acceptanceDueDate: '2026-10-15',
      acceptanceDueProvisional: false,
      receivedAt: '2026-09-30T02:00:00.000Z',
    });
    const [row] = await t.dataSource.query(`select intake_channel, received_on, rule_set from cases where tracking_no = $1`, [
      answer.trackingNo,
    ]);
    expect(row).toEqual({ intake_channel: 'phone', received_on: '2026-09-30', rule_set: 'order121' });
    const old = await intake.submit(body({ incidentDate: '2026-02-20', path: 'formal' }) as never, {
      channel: 'letter',
      receivedAt: new Date('2026-03-02T02:00:00Z'),
    });
    expect(old.acceptanceDueDate).toBe('2026-03-11');
    // An incident after the day of receipt is refused.
    await expect(
      intake.submit(body({ incidentDate: '2026-03-05' }) as never, { channel: 'letter', receivedAt: new Date('2026-03-02T02:00:00Z') }),
    ).rejects.toThrow(/incidentDate/);
    const [oldRow] = await t.dataSource.query(`select rule_set from cases where tracking_no = $1`, [old.trackingNo]);
    expect(oldRow.rule_set).toBe('order20');
  });

  it('staff record a phone complaint through POST /cases/intake with its receipt time; consumers cannot', async () => {
    const { user } = await app
      .get(AccountsService)
      .create({ username: 'desk-clerk', displayName: '窗口', role: 'station-staff', unitCode: 'ST-371502-001' });
    const { accessToken } = app.get(TokenService).issue({ id: user.id, tokenVersion: 0 });
    const receivedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const res = await http
      .post('/api/v1/cases/intake')
      .set('Authorization', `Bearer ${accessToken}`)
      .send({ ...body(), intakeChannel: 'phone', receivedAt })
      .expect(201);
    expect(res.body).toMatchObject({ trackingNo: expect.any(String), accessCode: expect.stringMatching(/^\d{8}$/), receivedAt });
    const [row] = await t.dataSource.query(`select intake_channel from cases where tracking_no = $1`, [res.body.trackingNo]);
    expect(row.intake_channel).toBe('phone');
    const bad = await http
      .post('/api/v1/cases/intake')
      .set('Authorization', `Bearer ${accessToken}`)
      .send({ ...body(), intakeChannel: 'fax', receivedAt: 'yesterday' })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['intakeChannel', 'receivedAt']);
    await http
      .post('/api/v1/cases/intake')
      .send({ ...body(), intakeChannel: 'phone', receivedAt })
      .expect(401);
  });
});
