import type { Response } from 'supertest';
import { CaseKit } from './support/case-kit';
import { TINY_PNG } from './support/fixtures';

/**
 * Input that must never be a 500: NUL (U+0000) anywhere a text can arrive (PostgreSQL cannot store
 * it), JSON nested deep enough to overflow a recursive walk, prototype keys that a transformer would
 * drop without a word, and bodies that are not UTF-8. Each is refused with a 400 naming the field,
 * in Chinese by default and English when asked, in the shape of every other validation error.
 */
describe('malformed input is a client error, never a 500', () => {
  let kit: CaseKit;
  let filed: { trackingNo: string; accessCode: string };

  beforeAll(async () => {
    kit = await CaseKit.start();
    filed = await kit.file();
  });

  afterAll(async () => {
    await kit?.close();
  });

  const fields = (res: Response) => (res.body.details as { field: string; message: string }[] | undefined)?.map((d) => d.field);

  function refused(res: Response, field: string, message: RegExp) {
    expect({ status: res.status, fields: fields(res) }).toEqual({ status: 400, fields: expect.arrayContaining([field]) });
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.any(String), details: expect.any(Array) });
    expect(res.body.details.find((d: { field: string }) => d.field === field).message).toMatch(message);
  }

  describe('NUL (U+0000)', () => {
    it('in a query parameter of a public endpoint', async () => {
      refused(await kit.http.get('/api/v1/disclosure?respondent=%00').set('Accept-Language', 'en'), 'respondent', /NUL/);
      refused(await kit.http.get('/api/v1/disclosure?respondent=a%00b'), 'respondent', /空字符/);
    });

    it('in a path parameter', async () => {
      const res = await kit.http.get('/api/v1/complaints/WQ%00123').set('X-Access-Code', filed.accessCode).set('Accept-Language', 'en');
      refused(res, 'trackingNo', /NUL/);
    });

    it('in a JSON string, however deep, and in a key', async () => {
      const nested = kit.body({ consumer: { name: '张\u0000三', phone: '13906350001' } });
      refused(await kit.http.post('/api/v1/complaints').set('Accept-Language', 'en').send(nested), 'consumer.name', /NUL/);
      refused(await kit.http.post('/api/v1/complaints').send(kit.body({ description: '\u0000' })), 'description', /空字符/);
      const key = await kit.http
        .post('/api/v1/complaints')
        .set('Content-Type', 'application/json')
        .send('{"kind":"complaint","a\\u0000b":1}');
      refused(key, 'a\\u0000b', /空字符/);
      const escaped = await kit.http
        .post(`/api/v1/complaints/${filed.trackingNo}/supplements`)
        .set('X-Access-Code', filed.accessCode)
        .send({
          text: '补充\u0000说明',
        });
      refused(escaped, 'text', /空字符/);
    });

    it('in a multipart text field and in an uploaded file name', async () => {
      const base = `/api/v1/complaints/${filed.trackingNo}/attachments`;
      const field = await kit.http
        .post(base)
        .set('X-Access-Code', filed.accessCode)
        .set('Accept-Language', 'en')
        .field('shareWithBusiness', 'tr\u0000ue')
        .attach('file', TINY_PNG, 'a.png');
      refused(field, 'shareWithBusiness', /NUL/);
      const name = await kit.http.post(base).set('X-Access-Code', filed.accessCode).attach('file', TINY_PNG, '小票\u0000.png');
      // The multipart parser itself refuses a NUL in a part's header.
      expect(name.status).toBe(400);
    });

    it('a text with other control characters and unusual Unicode is still accepted', async () => {
      const res = await kit.http
        .post('/api/v1/complaints')
        .send(kit.body({ description: '商家\u0001拒绝退款 𠮷野家 \u200b 😀 a\\u0000 字样' }));
      expect(res.status).toBe(201);
    });
  });

  describe('prototype keys', () => {
    it.each(['__proto__', 'constructor', 'prototype'])('refuses %s at the top and nested, naming it', async (key) => {
      const top = `{"${key}":{"isAdmin":true},"kind":"complaint"}`;
      refused(
        await kit.http.post('/api/v1/complaints').set('Content-Type', 'application/json').set('Accept-Language', 'en').send(top),
        key,
        /not allowed/,
      );
      const nested = JSON.stringify(kit.body()).replace('"consumer":{', `"consumer":{"${key}":{"polluted":1},`);
      refused(await kit.http.post('/api/v1/complaints').set('Content-Type', 'application/json').send(nested), `consumer.${key}`, /不允许/);
    });

    it('refuses a key spelled with escapes (\\u005f\\u005fproto__)', async () => {
      const res = await kit.http
        .post('/api/v1/complaints')
        .set('Content-Type', 'application/json')
        .send('{"\\u005f\\u005fproto__":{"x":1}}');
      refused(res, '__proto__', /不允许/);
    });

    it('refuses one in the query string', async () => {
      const res = await kit.http.get('/api/v1/disclosure?__proto__=x').set('Accept-Language', 'en');
      expect(res.status).toBe(400);
    });
  });

  describe('deep nesting', () => {
    it('refuses 50,000 levels with a 400 before parsing', async () => {
      const deep = '['.repeat(50_000) + ']'.repeat(50_000);
      const res = await kit.http.post('/api/v1/complaints').set('Content-Type', 'application/json').set('Accept-Language', 'en').send(deep);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/nested too deeply/);
      const objects = '{"a":'.repeat(40_000) + '1' + '}'.repeat(40_000);
      expect((await kit.http.post('/api/v1/complaints').set('Content-Type', 'application/json').send(objects)).status).toBe(400);
    });

    it('refuses 33 levels, but not brackets inside strings', async () => {
      const res = await kit.http
        .post('/api/v1/complaints')
        .set('Content-Type', 'application/json')
        .send(`{"a":${'['.repeat(32)}${']'.repeat(32)}}`);
      expect(res.body.message).toMatch(/嵌套/);
      const ok = await kit.http.post('/api/v1/complaints').send(kit.body({ description: '[[[[{{{{'.repeat(20) + '"\\' }));
      expect(ok.status).toBe(201);
    });
  });

  describe('numbers', () => {
    it('refuses a fraction written with an exponent (class-validator would throw on it), naming the field', async () => {
      for (const amount of ['1e-7', '0.0000001', '-5E-300', '1e-323']) {
        const json = JSON.stringify(kit.body()).replace(/"amount":\d+/, `"amount":${amount}`);
        refused(await kit.http.post('/api/v1/complaints').set('Content-Type', 'application/json').send(json), 'amount', /过小/);
      }
      expect((await kit.http.post('/api/v1/complaints').send(kit.body({ amount: 1e3 }))).status).toBe(201);
      expect((await kit.http.post('/api/v1/complaints').send(kit.body({ amount: 0.5 }))).status).toBe(201);
    });
  });

  describe('encoding', () => {
    /** The bytes as given (supertest would serialise a Buffer as JSON). */
    const raw = (body: Buffer, type = 'application/json') =>
      kit.http
        .post('/api/v1/complaints')
        .set('Content-Type', type)
        .set('Accept-Language', 'en')
        .serialize(() => body as unknown as string)
        .send(body as unknown as string);

    it('refuses a body that is not valid UTF-8', async () => {
      const body = Buffer.concat([Buffer.from('{"kind":"complaint","description":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
      const res = await raw(body, 'application/json; charset=utf-8');
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/UTF-8/);
    });

    it('refuses overlong and surrogate encodings', async () => {
      for (const bytes of [
        [0xc0, 0xaf],
        [0xed, 0xa0, 0x80],
      ]) {
        const body = Buffer.concat([Buffer.from('{"description":"'), Buffer.from(bytes), Buffer.from('"}')]);
        const res = await raw(body);
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/UTF-8/);
      }
    });
  });
});
