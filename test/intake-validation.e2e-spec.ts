import { normaliseTrackingNo } from '@weiquan/cases';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type request from 'supertest';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { uscc } from './support/fixtures';
import type { TestEnv } from './support/test-env';

/**
 * Submitting a complaint through HTTP as a browser does: one good submission, then every way a
 * submission can be malformed. Each must be refused with a 4xx naming the field, in Chinese unless
 * English is asked for, and must leave nothing behind in the database.
 */

const URL = '/api/v1/complaints';
const HAN = /[\u4e00-\u9fff]/;

const venues: { code: string; areaCode: string }[] = JSON.parse(readFileSync(join(__dirname, '..', 'seeds', 'venues.json'), 'utf8')).venues;
const venueIn = (areaCode: string) => venues.find((v) => v.areaCode === areaCode)!.code;

/** Today in China, give or take some days, as YYYY-MM-DD. */
function chinaDay(offsetDays = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
  return new Date(Date.parse(`${today}T00:00:00Z`) + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

let phoneCounter = 0;
/** A fresh phone number each time, so positive submissions are never linked as duplicates. */
const nextPhone = () => `1380013${String(++phoneCounter).padStart(4, '0')}`;

/** A submission as these tests build it: any field may be replaced, added or removed. */
interface Body {
  [field: string]: unknown;
  consumer: { name: string; phone: string; [field: string]: unknown };
  respondent: { name: string; address: string; areaCode: string; [field: string]: unknown };
}

function valid(): Body {
  return {
    kind: 'complaint',
    categoryCode: 'catering',
    consumer: { name: '张三', phone: nextPhone() },
    respondent: { name: '聊城市某某餐饮有限公司', address: '东昌府区东昌路88号', areaCode: '371502' },
    incidentDate: chinaDay(-10),
    amount: 268.5,
    description: '套餐与宣传不符，分量不足',
    demand: '退款',
  };
}

/** A valid body with the value at a dotted path replaced (or removed, with `undefined`). */
function withValue(path: string, value: unknown): Body {
  const body = valid();
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, body);
  const last = keys[keys.length - 1];
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return body;
}
const without = (path: string) => withValue(path, undefined);
function withCoordinates(lat: unknown, lng: unknown): Body {
  const body = valid();
  Object.assign(body.respondent, { lat, lng });
  return body;
}

function idWithCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  return first17 + '10X98765432'[sum % 11];
}
const goodUscc = uscc('91371500MA3C8X2Q1');
const badUscc = goodUscc.slice(0, 17) + (goodUscc[17] === '0' ? '1' : '0');
const goodId = idWithCheck('37150219900307123');
const badId = goodId.slice(0, 17) + (goodId[17] === '0' ? '1' : '0');

interface Malformed {
  body?: unknown;
  /** Sent as is instead of `body`. */
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
  status: number;
  /** The field `details` must name; null when the error is not about a field. */
  field: string | null;
  /** Unless false, `field` is the only field named. */
  only?: boolean;
  /** What the Chinese field message must say, when it matters. */
  says?: RegExp;
}

const MALFORMED: [string, Malformed][] = [
  // Required fields, one missing at a time.
  ...(
    [
      'kind',
      'categoryCode',
      'consumer',
      'consumer.name',
      'consumer.phone',
      'respondent',
      'respondent.name',
      'respondent.address',
      'respondent.areaCode',
      'incidentDate',
      'description',
      'demand',
    ] as const
  ).map((field): [string, Malformed] => [`missing ${field}`, { body: without(field), status: 400, field }]),
  // Wrong types.
  ['kind: 1', { body: withValue('kind', 1), status: 400, field: 'kind' }],
  ['kind: "suggestion"', { body: withValue('kind', 'suggestion'), status: 400, field: 'kind' }],
  ['path: "mediation"', { body: withValue('path', 'mediation'), status: 400, field: 'path' }],
  ['a report to settle', { body: { ...withValue('kind', 'report'), path: 'settlement' }, status: 400, field: 'path' }],
  ['consumer: "x"', { body: withValue('consumer', 'x'), status: 400, field: 'consumer', says: /对象/ }],
  ['consumer: []', { body: withValue('consumer', []), status: 400, field: 'consumer', says: /对象/ }],
  ['respondent: null', { body: withValue('respondent', null), status: 400, field: 'respondent' }],
  ['amount: "100"', { body: withValue('amount', '100'), status: 400, field: 'amount', says: /数字/ }],
  ['prepaid: "yes"', { body: withValue('prepaid', 'yes'), status: 400, field: 'prepaid', says: /true 或 false/ }],
  ['respondent.lat: "north"', { body: withValue('respondent.lat', 'north'), status: 400, field: 'respondent.lat', says: /数字/ }],
  ['respondent.online: "yes"', { body: withValue('respondent.online', 'yes'), status: 400, field: 'respondent.online' }],
  ['description: 12345', { body: withValue('description', 12345), status: 400, field: 'description', says: /文本/ }],
  ['channel: "tv"', { body: withValue('channel', 'tv'), status: 400, field: 'channel' }],
  ['issueType: "weather"', { body: withValue('issueType', 'weather'), status: 400, field: 'issueType' }],
  // Phone numbers.
  ['phone with a 12x prefix', { body: withValue('consumer.phone', '12800138000'), status: 400, field: 'consumer.phone', says: /手机号码/ }],
  ['phone of 10 digits', { body: withValue('consumer.phone', '1380013800'), status: 400, field: 'consumer.phone' }],
  ['phone of 12 digits', { body: withValue('consumer.phone', '138001380001'), status: 400, field: 'consumer.phone' }],
  ['phone with letters', { body: withValue('consumer.phone', '1380013800a'), status: 400, field: 'consumer.phone' }],
  ['a landline instead of a mobile', { body: withValue('consumer.phone', '0635-8451235'), status: 400, field: 'consumer.phone' }],
  // Check characters.
  [
    'USCC with a wrong check character',
    { body: withValue('respondent.creditCode', badUscc), status: 400, field: 'respondent.creditCode', says: /信用代码/ },
  ],
  [
    'USCC with a forbidden letter O',
    {
      body: withValue('respondent.creditCode', `${goodUscc.slice(0, 10)}O${goodUscc.slice(11)}`),
      status: 400,
      field: 'respondent.creditCode',
    },
  ],
  [
    'USCC of 17 characters',
    { body: withValue('respondent.creditCode', goodUscc.slice(0, 17)), status: 400, field: 'respondent.creditCode' },
  ],
  [
    'ID number with a wrong check digit',
    { body: withValue('consumer.idNumber', badId), status: 400, field: 'consumer.idNumber', says: /身份证/ },
  ],
  [
    'ID number with an impossible birth date',
    { body: withValue('consumer.idNumber', idWithCheck('37150219900230123')), status: 400, field: 'consumer.idNumber' },
  ],
  // Dates.
  ['incidentDate tomorrow', { body: withValue('incidentDate', chinaDay(1)), status: 400, field: 'incidentDate', says: /晚于今天/ }],
  ['incidentDate 2026-02-30', { body: withValue('incidentDate', '2026-02-30'), status: 400, field: 'incidentDate', says: /不是有效日期/ }],
  [
    'incidentDate 25 years ago',
    { body: withValue('incidentDate', chinaDay(-25 * 366)), status: 400, field: 'incidentDate', says: /20 年/ },
  ],
  ['incidentDate 2026/11/01', { body: withValue('incidentDate', '2026/11/01'), status: 400, field: 'incidentDate', says: /YYYY-MM-DD/ }],
  ['incidentDate as a timestamp', { body: withValue('incidentDate', 1_763_700_000_000), status: 400, field: 'incidentDate' }],
  // Codes the directory does not know.
  [
    'categoryCode "spaceflight"',
    { body: withValue('categoryCode', 'spaceflight'), status: 400, field: 'categoryCode', says: /spaceflight/ },
  ],
  ['categoryCode with capitals', { body: withValue('categoryCode', 'Catering'), status: 400, field: 'categoryCode' }],
  ['areaCode "999999"', { body: withValue('respondent.areaCode', '999999'), status: 400, field: 'respondent.areaCode', says: /999999/ }],
  ['areaCode of 5 digits', { body: withValue('respondent.areaCode', '37150'), status: 400, field: 'respondent.areaCode' }],
  [
    'an unknown venueCode',
    { body: withValue('respondent.venueCode', 'V-371502-999'), status: 400, field: 'respondent.venueCode', says: /V-371502-999/ },
  ],
  [
    `a venue (${venueIn('371521')}) in another area than respondent.areaCode 371502`,
    { body: withValue('respondent.venueCode', venueIn('371521')), status: 400, field: 'respondent.venueCode', says: /371521/ },
  ],
  // Amounts and lengths.
  ['amount -1', { body: withValue('amount', -1), status: 400, field: 'amount', says: /负数/ }],
  ['amount 1.234', { body: withValue('amount', 1.234), status: 400, field: 'amount', says: /两位小数/ }],
  ['amount over 100 million', { body: withValue('amount', 100_000_001), status: 400, field: 'amount' }],
  ['description of 4 characters', { body: withValue('description', '分量不足'), status: 400, field: 'description', says: /5–5000/ }],
  ['description of 5001 characters', { body: withValue('description', '投'.repeat(5001)), status: 400, field: 'description' }],
  ['consumer name of 51 characters', { body: withValue('consumer.name', '张'.repeat(51)), status: 400, field: 'consumer.name' }],
  ['respondent name of 101 characters', { body: withValue('respondent.name', '店'.repeat(101)), status: 400, field: 'respondent.name' }],
  ['demand of 1 character', { body: withValue('demand', '退'), status: 400, field: 'demand' }],
  // Fields that are not in the schema.
  ['an unknown top-level field', { body: withValue('colour', 'red'), status: 400, field: 'colour', says: /不允许/ }],
  ['an unknown field inside consumer', { body: withValue('consumer.nickname', '小张'), status: 400, field: 'consumer.nickname' }],
  [
    'an unknown field inside respondent',
    { body: withValue('respondent.ownerPhone', '13900139000'), status: 400, field: 'respondent.ownerPhone' },
  ],
  // Coordinates.
  ['lat without lng', { body: withValue('respondent.lat', 36.45), status: 400, field: 'respondent.lng', says: /同时/ }],
  ['lng without lat', { body: withValue('respondent.lng', 115.98), status: 400, field: 'respondent.lat', says: /同时/ }],
  ['lat 91', { body: withCoordinates(91, 115.98), status: 400, field: 'respondent.lat', says: /-90 到 90/ }],
  ['lng 181', { body: withCoordinates(36.45, 181), status: 400, field: 'respondent.lng', says: /-180 到 180/ }],
  // The body itself.
  ['broken JSON', { raw: '{"kind":', status: 400, field: null }],
  ['a JSON array body', { body: [valid()], status: 400, field: 'kind', only: false }],
  ['a JSON null body', { raw: 'null', status: 400, field: null }],
  ['Content-Type text/plain', { raw: JSON.stringify(valid()), contentType: 'text/plain', status: 415, field: null }],
  [
    'Content-Type application/x-www-form-urlencoded',
    { raw: 'kind=complaint', contentType: 'application/x-www-form-urlencoded', status: 415, field: null },
  ],
  ['a body over 256 kB', { body: withValue('description', '投'.repeat(100_000)), status: 413, field: null }],
  // Idempotency-Key.
  ['an Idempotency-Key with bad characters', { body: valid(), headers: { 'Idempotency-Key': 'bad key!/1234' }, status: 400, field: null }],
  ['an Idempotency-Key that is too short', { body: valid(), headers: { 'Idempotency-Key': 'abc' }, status: 400, field: null }],
];

function submit(http: ReturnType<typeof request>, body: unknown, headers: Record<string, string> = {}) {
  return http
    .post(URL)
    .set(headers)
    .send(body as object);
}

describe('POST /api/v1/complaints: validation over HTTP', () => {
  let t: TestEnv;
  let http: ReturnType<typeof request>;
  /** Cases the positive tests created; nothing else may be in the database at the end. */
  let created = 0;

  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ INTAKE_RATE_LIMIT: '1000', LOOKUP_RATE_LIMIT: '1000' });
    ({ t, http } = api);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('accepts a correct submission: 201 with tracking number, access code, status and acceptance deadline', async () => {
    const res = await submit(http, { ...valid(), path: 'formal' })
      .expect(201)
      .expect('content-type', /json/);
    created += 1;
    expect(res.body).toMatchObject({
      trackingNo: expect.stringMatching(/^\d{13,}$/),
      accessCode: expect.stringMatching(/^\d{8}$/),
      kind: 'complaint',
      status: 'received',
      stage: 'formal',
      acceptanceDueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const yymmdd = chinaDay().slice(2).replace(/-/g, '');
    expect(res.body.trackingNo.startsWith(yymmdd)).toBe(true);
    expect(normaliseTrackingNo(res.body.trackingNo)).toBe(res.body.trackingNo);
    expect(res.body.acceptanceDueDate > chinaDay()).toBe(true);
    expect(res.body.duplicateOfTrackingNo).toBeUndefined();
  });

  it('accepts a business outside the city (Beijing 110101): received, flagged for transfer', async () => {
    const body = withValue('respondent.areaCode', '110101');
    body.respondent.address = '北京市东城区某某路1号';
    const res = await submit(http, body).expect(201);
    created += 1;
    expect(res.body.status).toBe('received');
    const [row] = await t.dataSource.query(`select respondent_area_code, flags from cases where tracking_no = $1`, [res.body.trackingNo]);
    expect(row.respondent_area_code).toBe('110101');
    expect(row.flags).toContain('outside-city');
  });

  it('accepts what the checks allow: +86 and spaces in the phone, a valid USCC and ID number, a lower-case x', async () => {
    const body = valid();
    body.consumer.phone = `+86 ${body.consumer.phone.slice(0, 3)} ${body.consumer.phone.slice(3, 7)} ${body.consumer.phone.slice(7)}`;
    body.consumer.idNumber = goodId.toLowerCase();
    body.respondent.creditCode = goodUscc;
    body.respondent.venueCode = venueIn('371502');
    body.respondent.lat = 36.45;
    body.respondent.lng = 115.98;
    body.amount = 0.01;
    const res = await submit(http, body).expect(201);
    created += 1;
    expect(res.body.status).toBe('received');
  });

  describe.each(MALFORMED)('refuses %s', (_name, m) => {
    it(`with ${m.status}${m.field ? ` naming ${m.field}` : ''}, in Chinese`, async () => {
      let req = http.post(URL).set(m.headers ?? {});
      if (m.raw !== undefined) req = req.set('Content-Type', m.contentType ?? 'application/json').send(m.raw);
      else req = req.send(m.body as object);
      const res = await req;

      expect({ status: res.status, body: res.body }).toMatchObject({ status: m.status, body: { statusCode: m.status } });
      expect(res.headers['content-type']).toMatch(/json/);
      expect(res.body).toMatchObject({ error: expect.any(String), message: expect.stringMatching(HAN) });
      if (m.field) {
        expect(res.body.details).toContainEqual({ field: m.field, message: expect.stringMatching(HAN) });
        if (m.only !== false) expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([m.field]);
        if (m.says) expect(res.body.details.find((d: { field: string }) => d.field === m.field).message).toMatch(m.says);
      }
    });
  });

  it('has at least 35 distinct malformed requests', () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(35);
    expect(new Set(MALFORMED.map(([name]) => name)).size).toBe(MALFORMED.length);
  });

  it('answers the same Idempotency-Key with the same answer, and with a different body with 422', async () => {
    const key = `intake-e2e-${Date.now()}`;
    const body = valid();
    const first = await submit(http, body, { 'Idempotency-Key': key }).expect(201);
    created += 1;
    const replay = await submit(http, body, { 'Idempotency-Key': key });
    expect(replay.status).toBeLessThan(300);
    expect(replay.body.trackingNo).toBe(first.body.trackingNo);
    expect(replay.body.accessCode).toBe(first.body.accessCode);

    const other = { ...body, description: '另一份不同的投诉内容，金额不同' };
    const res = await submit(http, other, { 'Idempotency-Key': key }).expect(422);
    expect(res.body).toMatchObject({ statusCode: 422, message: expect.stringMatching(/Idempotency-Key.*不同/) });
    const en = await submit(http, other, { 'Idempotency-Key': key, 'Accept-Language': 'en' }).expect(422);
    expect(en.body.message).toMatch(/different submission/);
  });

  describe('language of the messages', () => {
    it('is Chinese by default', async () => {
      const res = await submit(http, withValue('consumer.phone', '12345')).expect(400);
      expect(res.body.details).toEqual([{ field: 'consumer.phone', message: '不是有效的中国大陆手机号码' }]);
      expect(res.body.message).toBe('请求有 1 处错误：consumer.phone：不是有效的中国大陆手机号码');
    });

    it('is Chinese when Chinese is preferred', async () => {
      const res = await submit(http, withValue('consumer.phone', '12345'), { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' }).expect(400);
      expect(res.body.details).toEqual([{ field: 'consumer.phone', message: '不是有效的中国大陆手机号码' }]);
    });

    it.each(['en', 'en-US,en;q=0.9', 'fr;q=1, en;q=0.8, zh;q=0.1'])('is English for Accept-Language: %s', async (lang) => {
      const res = await submit(http, withValue('consumer.phone', '12345'), { 'Accept-Language': lang }).expect(400);
      expect(res.body.details).toEqual([{ field: 'consumer.phone', message: 'is not a valid mainland China mobile number' }]);
      expect(res.body.message).toBe('1 problem(s): consumer.phone: is not a valid mainland China mobile number');
      expect(res.body.message).not.toMatch(HAN);
    });

    it('is English for the directory and calendar checks too', async () => {
      const body = withValue('incidentDate', chinaDay(1));
      body.categoryCode = 'spaceflight';
      const res = await submit(http, body, { 'Accept-Language': 'en' }).expect(400);
      expect(res.body.details).toEqual(
        expect.arrayContaining([
          { field: 'categoryCode', message: 'unknown category code "spaceflight"' },
          { field: 'incidentDate', message: 'must not be in the future' },
        ]),
      );
    });

    it('names every problem of a request with several', async () => {
      const body = valid();
      body.consumer.phone = '123';
      body.amount = -5;
      delete body.demand;
      const res = await submit(http, body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['amount', 'consumer.phone', 'demand']);
      expect(res.body.message).toMatch(/^请求有 3 处错误/);
    });
  });

  it('left no row behind for any refused request', async () => {
    const count = async (table: string) => Number((await t.dataSource.query(`select count(*)::int as n from ${table}`))[0].n);
    expect(created).toBe(4);
    expect(await count('cases')).toBe(created);
    expect(await count('case_event')).toBe(created);
    // Each accepted submission: its routing work and its receipt SMS.
    expect(await count('outbox')).toBe(created * 2);
    expect(await count('notification')).toBe(created);
    expect(await count('idempotency_key')).toBe(1);
    const statuses = await t.dataSource.query(`select status, count(*)::int as n from cases group by status`);
    expect(statuses).toEqual([{ status: 'received', n: created }]);
  });
});

describe('POST /api/v1/complaints: rate limits', () => {
  let t: TestEnv;
  let http: ReturnType<typeof request>;

  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ INTAKE_RATE_LIMIT: '3', LOOKUP_RATE_LIMIT: '1000' });
    ({ t, http } = api);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('answers the 4th submission within a minute with 429, Retry-After and a Chinese message saying when to retry', async () => {
    for (let i = 0; i < 3; i++) await submit(http, valid()).expect(201);

    const res = await submit(http, valid()).expect(429);
    const retryAfter = res.headers['retry-after'];
    expect(retryAfter).toMatch(/^[1-9]\d*$/);
    const seconds = Number(retryAfter);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(res.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', retryAfterSeconds: seconds });
    expect(res.body.message).toMatch(HAN);
    expect(res.body.message).toContain(`${seconds} 秒后重试`);

    const en = await submit(http, valid(), { 'Accept-Language': 'en' }).expect(429);
    expect(en.body.message).toMatch(/^too many requests; retry in \d+ seconds$/);

    expect(Number((await t.dataSource.query(`select count(*)::int as n from cases`))[0].n)).toBe(3);
  });
});
