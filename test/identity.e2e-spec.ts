import { RedisClient } from '@weiquan/core';
import type { DemoAccountEntry, StaffRole } from '@weiquan/identity';
import { AccountsService, DEMO_ACCOUNTS_FILE, DemoAccounts } from '@weiquan/identity';
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';

type Http = TestApi['http'];

/** Staff accounts, sign-in, tokens, roles and account administration, over HTTP as clients see them. */
describe('staff identity', () => {
  let api: TestApi;
  let http: Http;
  let accounts: AccountsService;
  let stationA: string;
  let stationB: string;
  let regulator: string;
  const pw = 'correct horse battery';
  let clientNo = 0;
  /** Each test signs in from its own client address, so the per-client limit is tested on purpose only. */
  const client = () => `10.0.${Math.floor(++clientNo / 250)}.${clientNo % 250}`;

  const login = (username: string, password: string, ip = client()) =>
    http.post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ username, password });
  const tokenOf = async (username: string, password = pw) => {
    const res = await login(username, password).expect(200);
    return res.body.accessToken as string;
  };
  const make = async (username: string, role: StaffRole, unitCode?: string) => {
    const { user } = await accounts.create({ username, password: pw, displayName: username, role, unitCode });
    return user;
  };
  const sql = (text: string, params: unknown[] = []) => api.t.dataSource.query(text, params);

  beforeAll(async () => {
    api = await startTestApi({
      QUEUE_DASHBOARD: 'true',
      LOGIN_MAX_FAILURES: '3',
      LOGIN_LOCK_MINUTES: '2',
      LOGIN_RATE_LIMIT: '1000',
      // The tests name their client in X-Forwarded-For, as a reverse proxy on this machine would.
      TRUST_PROXY: 'loopback',
    });
    http = api.http;
    accounts = api.app.get(AccountsService);
    [{ code: stationA }, { code: stationB }] = await sql(`select code from station where active order by code limit 2`);
    [{ code: regulator }] = await sql(
      `select code from regulator where active and kind = 'market' and level = 'county' order by code limit 1`,
    );
    await make('admin1', 'admin');
    await make('staff-a', 'station-staff', stationA);
    await make('sadmin-a', 'station-admin', stationA);
    await make('staff-b', 'station-staff', stationB);
    await make('county1', 'regulator-staff', regulator);
    await make('analyst1', 'city-analyst');
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('POST /auth/login', () => {
    it('answers a token that works on /auth/me, with the principal and its unit', async () => {
      const res = await login('staff-a', pw).expect(200);
      expect(res.body).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        tokenType: 'Bearer',
        expiresIn: 900,
        user: {
          id: expect.stringMatching(/^\d+$/),
          username: 'staff-a',
          displayName: 'staff-a',
          role: 'station-staff',
          unit: { type: 'station', code: stationA, name: expect.stringMatching(/站/) },
        },
      });
      const me = await http.get('/api/v1/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      expect(me.body).toEqual({
        userId: res.body.user.id,
        username: 'staff-a',
        displayName: 'staff-a',
        role: 'station-staff',
        unit: {
          type: 'station',
          code: stationA,
          name: res.body.user.unit.name,
          areaCode: expect.stringMatching(/^\d{6}$/),
          // The station's venue: a station sees its tenant businesses' settlement cases.
          venueCode: expect.stringMatching(/^V-/),
          kind: null,
          level: null,
        },
      });
      expect(JSON.stringify(me.body)).not.toMatch(/hash|password/i);
    });

    it('gives a regulator its kind and level, and city-level roles no unit', async () => {
      const county = await http
        .get('/api/v1/auth/me')
        .set('Authorization', `Bearer ${await tokenOf('county1')}`)
        .expect(200);
      expect(county.body.unit).toMatchObject({
        type: 'regulator',
        code: regulator,
        kind: 'market',
        level: 'county',
        areaCode: expect.stringMatching(/^\d{6}$/),
      });
      const analyst = await http
        .get('/api/v1/auth/me')
        .set('Authorization', `Bearer ${await tokenOf('analyst1')}`)
        .expect(200);
      expect(analyst.body).toMatchObject({ role: 'city-analyst', unit: null });
    });

    it('takes the username in any case', async () => {
      await login('  STAFF-A ', pw).expect(200);
    });

    it('answers a wrong password and an unknown username with the same 401, in the caller’s language', async () => {
      const wrong = await login('staff-b', 'not the password').expect(401);
      const unknown = await login('nobody-here', 'not the password').expect(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: '用户名或密码错误' });
      const en = await login('nobody-here', 'x').set('Accept-Language', 'en').expect(401);
      expect(en.body.message).toBe('wrong username or password');
    });

    it('refuses a body without the fields, naming them', async () => {
      const res = await http.post('/api/v1/auth/login').set('Accept-Language', 'en').send({ username: 'staff-a' }).expect(400);
      expect(res.body.details).toEqual([{ field: 'password', message: expect.any(String) }]);
    });

    it('delays an account after LOGIN_MAX_FAILURES failures, refuses even the right password meanwhile, and opens again after the delay', async () => {
      await make('locky', 'city-analyst');
      await login('locky', 'wrong-1').expect(401);
      await login('locky', 'wrong-2').expect(401);
      await login('locky', 'wrong-3').expect(401);
      const fourth = await login('locky', 'wrong-4').expect(429);
      expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(20);
      expect(Number(fourth.headers['retry-after'])).toBeLessThanOrEqual(30);
      expect(fourth.body.message).toMatch(/登录尝试过于频繁/);

      const right = await login('locky', pw).set('Accept-Language', 'en').expect(429);
      expect(right.headers['retry-after']).toBeDefined();
      expect(right.body).toMatchObject({
        statusCode: 429,
        message: expect.stringMatching(/^too many login attempts; retry in \d+ seconds$/),
      });
      expect(right.body.retryAfterSeconds).toBeGreaterThan(20);

      // The delay passes.
      await sql(`update login_throttle set blocked_until = now() - interval '1 second' where blocked_until > now()`);
      await login('locky', pw).expect(200);
      // A success starts the count again: two more failures do not delay.
      await login('locky', 'wrong-5').expect(401);
      await login('locky', 'wrong-6').expect(401);
      await login('locky', pw).expect(200);
    });

    it('limits attempts per client per minute in Redis, with Retry-After', async () => {
      const redis = api.app.get(RedisClient);
      const ip = '203.0.113.7';
      await redis.set(`${api.t.queuePrefix}:login:${ip}`, '1000', 'EX', 30);
      const res = await login('staff-a', pw, ip).expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(30);
      expect(res.body.message).toMatch(/登录尝试过于频繁/);
      await login('staff-a', pw, '203.0.113.8').expect(200);
      await redis.del(`${api.t.queuePrefix}:login:${ip}`);
      await login('staff-a', pw, ip).expect(200);
    });
  });

  describe('tokens', () => {
    it('refuses no token, a garbage token, another scheme and a forged one with 401', async () => {
      const none = await http.get('/api/v1/auth/me').expect(401);
      expect(none.headers['www-authenticate']).toBe('Bearer');
      expect(none.body.message).toMatch(/请先登录/);
      await http.get('/api/v1/auth/me').set('Authorization', 'Bearer garbage').expect(401);
      await http.get('/api/v1/auth/me').set('Authorization', 'Basic YWRtaW4xOnB3').expect(401);
      const token = await tokenOf('staff-a');
      const [h, p, s] = token.split('.');
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
      const forged = Buffer.from(JSON.stringify({ ...claims, sub: '1' })).toString('base64url');
      const en = await http
        .get('/api/v1/auth/me')
        .set('Authorization', `Bearer ${h}.${forged}.${s}`)
        .set('Accept-Language', 'en')
        .expect(401);
      expect(en.body.message).toBe('the token is invalid or no longer valid; log in again');
    });

    it('trades a valid token for a new one on /auth/refresh', async () => {
      await http.post('/api/v1/auth/refresh').expect(401);
      const token = await tokenOf('staff-a');
      const res = await http.post('/api/v1/auth/refresh').set('Authorization', `Bearer ${token}`).expect(200);
      expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { username: 'staff-a' } });
      await http.get('/api/v1/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    });

    it('stops a live token when its account is disabled, and says so at the next login', async () => {
      const user = await make('to-disable', 'station-staff', stationA);
      const token = await tokenOf('to-disable');
      const admin = await tokenOf('admin1');
      await http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
      const patched = await http
        .patch(`/api/v1/admin/users/${user.id}`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ disabled: true })
        .expect(200);
      expect(patched.body).toMatchObject({ id: user.id, disabled: true });
      await http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
      const refused = await login('to-disable', pw).expect(401);
      expect(refused.body.message).toBe('账户已停用，请联系管理员');
      // A wrong password on a disabled account tells nothing more than on any other.
      expect((await login('to-disable', 'wrong password').expect(401)).body.message).toBe('用户名或密码错误');
      await http.patch(`/api/v1/admin/users/${user.id}`).set('Authorization', `Bearer ${admin}`).send({ disabled: false }).expect(200);
      await login('to-disable', pw).expect(200);
    });

    it('stops a live token when its account is moved to another unit or role', async () => {
      const user = await make('to-move', 'station-staff', stationA);
      const token = await tokenOf('to-move');
      const admin = await tokenOf('admin1');
      const moved = await http
        .patch(`/api/v1/admin/users/${user.id}`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ unitCode: stationB })
        .expect(200);
      expect(moved.body.unit).toMatchObject({ type: 'station', code: stationB });
      await http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
      const token2 = await tokenOf('to-move');
      expect((await http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token2}`).expect(200)).body.unit.code).toBe(stationB);
      // Display names change nothing about access.
      await http.patch(`/api/v1/admin/users/${user.id}`).set('Authorization', `Bearer ${admin}`).send({ displayName: '李四' }).expect(200);
      await http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token2}`).expect(200);
      // A new role: city-level roles lose the unit.
      const promoted = await http
        .patch(`/api/v1/admin/users/${user.id}`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ role: 'city-analyst' })
        .expect(200);
      expect(promoted.body).toMatchObject({ role: 'city-analyst', unit: null, displayName: '李四' });
      await http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token2}`).expect(401);
    });
  });

  describe('/admin/users', () => {
    it('is closed without a token (401) and to roles other than admin and station-admin (403, naming them)', async () => {
      await http.get('/api/v1/admin/users').expect(401);
      for (const who of ['staff-a', 'county1', 'analyst1']) {
        const res = await http
          .get('/api/v1/admin/users')
          .set('Authorization', `Bearer ${await tokenOf(who)}`)
          .expect(403);
        expect(res.body.message).toMatch(/系统管理员（admin）.*服务站管理员（station-admin）/);
        expect(res.body.allowedRoles).toEqual(['admin', 'station-admin']);
      }
      const en = await http
        .post('/api/v1/admin/users')
        .set('Authorization', `Bearer ${await tokenOf('staff-a')}`)
        .set('Accept-Language', 'en')
        .send({})
        .expect(403);
      expect(en.body.message).toBe(
        'not allowed: requires one of the roles system administrator (admin), station administrator (station-admin)',
      );
    });

    it('lets an administrator list and filter accounts, never showing a password hash', async () => {
      const admin = await tokenOf('admin1');
      const all = await http.get('/api/v1/admin/users').set('Authorization', `Bearer ${admin}`).expect(200);
      expect(all.body.items.map((u: { username: string }) => u.username)).toEqual(
        expect.arrayContaining(['admin1', 'staff-a', 'sadmin-a', 'staff-b', 'county1']),
      );
      expect(JSON.stringify(all.body)).not.toMatch(/hash|password/i);
      const a = await http
        .get(`/api/v1/admin/users?unitCode=${stationA}&role=station-staff`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
      expect(a.body.items.length).toBeGreaterThan(0);
      for (const u of a.body.items) expect(u).toMatchObject({ role: 'station-staff', unit: { code: stationA } });
      const page = await http.get('/api/v1/admin/users?limit=2').set('Authorization', `Bearer ${admin}`).expect(200);
      expect(page.body.items).toHaveLength(2);
      const next = await http
        .get(`/api/v1/admin/users?limit=2&cursor=${page.body.nextCursor}`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
      expect(Number(next.body.items[0].id)).toBeGreaterThan(Number(page.body.items[1].id));
      const bad = await http.get('/api/v1/admin/users?role=king').set('Authorization', `Bearer ${admin}`).expect(400);
      expect(bad.body.details[0].field).toBe('role');
    });

    it('creates an account with a generated password shown once, which signs in', async () => {
      const admin = await tokenOf('admin1');
      const res = await http
        .post('/api/v1/admin/users')
        .set('Authorization', `Bearer ${admin}`)
        .send({ username: 'New.User', displayName: '王五', role: 'regulator-staff', unitCode: regulator })
        .expect(201);
      expect(res.body.user).toMatchObject({
        username: 'new.user',
        displayName: '王五',
        role: 'regulator-staff',
        unit: { type: 'regulator', code: regulator },
        disabled: false,
      });
      expect(res.body.password).toMatch(/^[\w-]{16,}$/);
      expect(JSON.stringify(res.body.user)).not.toMatch(/hash|password/i);
      await login('new.user', res.body.password).expect(200);
      const given = await http
        .post('/api/v1/admin/users')
        .set('Authorization', `Bearer ${admin}`)
        .send({ username: 'given-pw', displayName: 'x', role: 'admin', password: 'a long enough password' })
        .expect(201);
      expect(given.body.password).toBeUndefined();
      await login('given-pw', 'a long enough password').expect(200);
    });

    it('refuses unknown or wrong-kind units with a 400 naming unitCode, and a taken username with 409', async () => {
      const admin = await tokenOf('admin1');
      const post = (body: object) =>
        http.post('/api/v1/admin/users').set('Authorization', `Bearer ${admin}`).set('Accept-Language', 'en').send(body);
      const unknown = await post({ username: 'user1', displayName: 'x', role: 'station-staff', unitCode: 'ST-000000-999' }).expect(400);
      expect(unknown.body.details).toEqual([
        { field: 'unitCode', message: 'is not a known station, regulator or business code (ST-000000-999)' },
      ]);
      const kind = await post({ username: 'user1', displayName: 'x', role: 'station-staff', unitCode: regulator }).expect(400);
      expect(kind.body.details).toEqual([{ field: 'unitCode', message: `must be a station code: ${regulator} is not a station` }]);
      const missing = await post({ username: 'user1', displayName: 'x', role: 'regulator-staff' }).expect(400);
      expect(missing.body.details[0].field).toBe('unitCode');
      const notWanted = await post({ username: 'user1', displayName: 'x', role: 'city-analyst', unitCode: stationA }).expect(400);
      expect(notWanted.body.details[0].field).toBe('unitCode');
      const badName = await post({ username: 'x', displayName: 'x', role: 'admin' }).expect(400);
      expect(badName.body.details[0].field).toBe('username');
      const shortPw = await post({ username: 'user2', displayName: 'x', role: 'admin', password: 'short' }).expect(400);
      expect(shortPw.body.details[0].field).toBe('password');
      const taken = await post({ username: 'STAFF-A', displayName: 'x', role: 'admin' }).expect(409);
      expect(taken.body).toMatchObject({
        statusCode: 409,
        message: 'the username staff-a is taken',
        details: [{ field: 'username', message: 'is taken' }],
      });
      const zh = await http
        .post('/api/v1/admin/users')
        .set('Authorization', `Bearer ${admin}`)
        .send({ username: 'staff-a', displayName: 'x', role: 'admin' })
        .expect(409);
      expect(zh.body.message).toBe('用户名 staff-a 已存在');
      await http.patch('/api/v1/admin/users/999999').set('Authorization', `Bearer ${admin}`).send({ disabled: true }).expect(404);
      await http.patch('/api/v1/admin/users/abc').set('Authorization', `Bearer ${admin}`).send({ disabled: true }).expect(404);
      const badPatch = await http
        .patch('/api/v1/admin/users/1')
        .set('Authorization', `Bearer ${admin}`)
        .send({ unitCode: 'no such!' })
        .expect(400);
      expect(badPatch.body.details[0].field).toBe('unitCode');
    });

    it('does not let an administrator disable or demote itself', async () => {
      const me = await accounts.byUsername('admin1');
      const admin = await tokenOf('admin1');
      await http.patch(`/api/v1/admin/users/${me!.id}`).set('Authorization', `Bearer ${admin}`).send({ disabled: true }).expect(409);
      await http.patch(`/api/v1/admin/users/${me!.id}`).set('Authorization', `Bearer ${admin}`).send({ role: 'city-analyst' }).expect(409);
      await http.get('/api/v1/auth/me').set('Authorization', `Bearer ${admin}`).expect(200);
    });

    it('lets a station administrator manage station staff of its own station only', async () => {
      const sadmin = await tokenOf('sadmin-a');
      const as = (req: ReturnType<Http['get']>) => req.set('Authorization', `Bearer ${sadmin}`);
      const own = await as(http.post('/api/v1/admin/users'))
        .send({ username: 'staff-a2', displayName: '赵六', role: 'station-staff' })
        .expect(201);
      expect(own.body.user.unit.code).toBe(stationA);
      await as(http.post('/api/v1/admin/users'))
        .send({ username: 'staff-a3', displayName: 'x', role: 'station-staff', unitCode: stationA })
        .expect(201);
      const other = await as(http.post('/api/v1/admin/users'))
        .send({ username: 'staff-b2', displayName: 'x', role: 'station-staff', unitCode: stationB })
        .expect(403);
      expect(other.body.message).toMatch(/只能管理本站/);
      await as(http.post('/api/v1/admin/users')).send({ username: 'sadmin-a2', displayName: 'x', role: 'station-admin' }).expect(403);

      const list = await as(http.get('/api/v1/admin/users')).expect(200);
      const names = list.body.items.map((u: { username: string }) => u.username);
      expect(names).toEqual(expect.arrayContaining(['staff-a', 'staff-a2', 'staff-a3']));
      expect(names).not.toContain('staff-b');
      expect(names).not.toContain('sadmin-a');
      expect((await as(http.get(`/api/v1/admin/users?unitCode=${stationB}`)).expect(200)).body.items).toEqual([]);

      const b = await accounts.byUsername('staff-b');
      await as(http.get(`/api/v1/admin/users/${b!.id}`)).expect(404);
      await as(http.patch(`/api/v1/admin/users/${b!.id}`))
        .send({ disabled: true })
        .expect(404);
      await as(http.post(`/api/v1/admin/users/${b!.id}/reset-password`)).expect(404);
      const self = await accounts.byUsername('sadmin-a');
      await as(http.patch(`/api/v1/admin/users/${self!.id}`))
        .send({ displayName: 'x' })
        .expect(404);
      await as(http.patch(`/api/v1/admin/users/${own.body.user.id}`))
        .send({ unitCode: stationB })
        .expect(403);
      await as(http.patch(`/api/v1/admin/users/${own.body.user.id}`))
        .send({ role: 'station-admin' })
        .expect(403);

      // A password reset: a new password that works, the old one and the old tokens do not.
      const oldToken = await tokenOf('staff-a2', own.body.password);
      const reset = await as(http.post(`/api/v1/admin/users/${own.body.user.id}/reset-password`)).expect(200);
      expect(reset.body.password).toMatch(/^[\w-]{16,}$/);
      await http.get('/api/v1/auth/me').set('Authorization', `Bearer ${oldToken}`).expect(401);
      await login('staff-a2', own.body.password).expect(401);
      await login('staff-a2', reset.body.password).expect(200);
    });
  });

  describe('/admin/queues', () => {
    it('answers 401 without a token, 403 to other roles, the dashboard to an administrator', async () => {
      const none = await http.get('/admin/queues').set('Accept', 'application/json').expect(401);
      expect(none.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', message: expect.stringMatching(/管理员/) });
      const en = await http.get('/admin/queues/api/queues').set('Accept-Language', 'en').expect(401);
      expect(en.body.message).toMatch(/log in as an administrator/);
      await http.get('/admin/queues').set('Authorization', 'Bearer garbage').expect(401);
      const staff = await http
        .get('/admin/queues')
        .set('Authorization', `Bearer ${await tokenOf('staff-a')}`)
        .expect(403);
      expect(staff.body).toMatchObject({ statusCode: 403, error: 'Forbidden', allowedRoles: ['admin'] });
      const admin = await tokenOf('admin1');
      await http.get('/admin/queues').set('Authorization', `Bearer ${admin}`).expect(200);
      const queues = await http.get('/admin/queues/api/queues').set('Authorization', `Bearer ${admin}`).expect(200);
      expect(queues.body.queues.length).toBeGreaterThan(0);
    });

    it('accepts the cookie an administrator’s login sets, scoped to the dashboard', async () => {
      const res = await login('admin1', pw).expect(200);
      const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('wq_token='))!;
      expect(cookie).toMatch(/Path=\/admin\/queues/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      await http.get('/admin/queues').set('Cookie', cookie.split(';')[0]).expect(200);
      expect((await login('staff-a', pw).expect(200)).headers['set-cookie']).toBeUndefined();
    });
  });

  describe('demo accounts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wq-demo-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('creates one account per role once, writes working passwords to a 0600 file, and keeps them on the next run', async () => {
      const demo = api.app.get(DemoAccounts);
      const first = await demo.ensure(dir);
      expect(first.created).toHaveLength(6);
      const file = join(dir, DEMO_ACCOUNTS_FILE);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const entries: DemoAccountEntry[] = JSON.parse(readFileSync(file, 'utf8'));
      expect(entries.map((e) => [e.username, e.role])).toEqual([
        ['demo-station-staff', 'station-staff'],
        ['demo-station-admin', 'station-admin'],
        ['demo-county', 'regulator-staff'],
        ['demo-sector', 'regulator-staff'],
        ['demo-analyst', 'city-analyst'],
        ['demo-admin', 'admin'],
      ]);
      const [station] = await sql(
        `select code, name from station where active and area_code = '371502' and venue_code is not null order by code limit 1`,
      );
      expect(entries[0]).toMatchObject({ unitCode: station.code, unitName: station.name });
      expect(entries[1].unitCode).toBe(station.code);
      expect(entries[2]).toMatchObject({ unitCode: 'MR-371502', unitName: expect.stringMatching(/东昌府区市场监督管理局/) });
      expect(entries[3].unitCode).toMatch(/^[A-Z]+-\d+$/);
      expect((await sql(`select kind from regulator where code = $1`, [entries[3].unitCode]))[0].kind).toBe('sector');
      expect(entries[4]).toMatchObject({ unitCode: null, unitName: null });
      for (const e of entries) expect(e.password.length).toBeGreaterThanOrEqual(16);
      const me = await http
        .get('/api/v1/auth/me')
        .set('Authorization', `Bearer ${await tokenOf('demo-county', entries[2].password)}`)
        .expect(200);
      expect(me.body.unit).toMatchObject({ code: 'MR-371502', kind: 'market', level: 'county' });

      const second = await demo.ensure(dir);
      expect(second).toMatchObject({ created: [], reset: [], kept: entries.map((e) => e.username) });
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(entries);
      expect((await sql(`select count(*)::int as n from staff_user where username like 'demo-%'`))[0].n).toBe(6);
      await login('demo-admin', entries[5].password).expect(200);
    });

    it('resets the passwords and rewrites the file when the file is gone but the accounts exist', async () => {
      const demo = api.app.get(DemoAccounts);
      const file = join(dir, DEMO_ACCOUNTS_FILE);
      const before: DemoAccountEntry[] = JSON.parse(readFileSync(file, 'utf8'));
      unlinkSync(file);
      const third = await demo.ensure(dir);
      expect(third.created).toEqual([]);
      expect(third.reset).toHaveLength(6);
      const after: DemoAccountEntry[] = JSON.parse(readFileSync(file, 'utf8'));
      expect(statSync(file).mode & 0o777).toBe(0o600);
      await login('demo-analyst', before[4].password).expect(401);
      await login('demo-analyst', after[4].password).expect(200);
    });

    it('never keeps passwords that do not sign in here (the data directory was set up against another database)', async () => {
      const demo = api.app.get(DemoAccounts);
      const file = join(dir, DEMO_ACCOUNTS_FILE);
      const mine: DemoAccountEntry[] = JSON.parse(readFileSync(file, 'utf8'));
      // The same usernames with the passwords another database's setup generated.
      const foreign = mine.map((e) => ({ ...e, password: `other-db-${e.username}-Zq81x` }));
      writeFileSync(file, JSON.stringify(foreign));
      const report = await demo.ensure(dir);
      expect(report).toMatchObject({ created: [], kept: [] });
      expect(report.reset).toHaveLength(6);
      const after: DemoAccountEntry[] = JSON.parse(readFileSync(file, 'utf8'));
      for (const e of after) await login(e.username, e.password).expect(200);
      await login('demo-admin', foreign[5].password).expect(401);
    });
  });
});

/** Tokens expire after TOKEN_TTL_SECONDS. */
describe('staff token expiry', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ TOKEN_TTL_SECONDS: '1' });
    await api.app
      .get(AccountsService)
      .create({ username: 'brief', password: 'correct horse battery', displayName: 'brief', role: 'city-analyst' });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('refuses a token once it has expired', async () => {
    const res = await api.http.post('/api/v1/auth/login').send({ username: 'brief', password: 'correct horse battery' }).expect(200);
    expect(res.body.expiresIn).toBe(1);
    await new Promise((r) => setTimeout(r, 2200));
    const expired = await api.http
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${res.body.accessToken}`)
      .set('Accept-Language', 'en')
      .expect(401);
    expect(expired.body.message).toBe('the token has expired; log in again');
    await api.http.post('/api/v1/auth/refresh').set('Authorization', `Bearer ${res.body.accessToken}`).expect(401);
  });
});
