import { RedisClient } from '@weiquan/core';
import { AccountsService } from '@weiquan/identity';
import { LoginThrottle } from '@weiquan/identity/auth/login-throttle';
import { LoginThrottleRepository } from '@weiquan/identity/auth/login-throttle.repository';
import type { Response } from 'supertest';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';

/**
 * Sign-in hardening (OWASP ASVS L2, chapters 2 and 3), over HTTP with the default TRUST_PROXY (none)
 * and LOGIN_RATE_LIMIT (30 a minute): failures counted atomically, the same answer for known and
 * unknown usernames, progressive delays instead of a lock, X-Forwarded-For ignored, sessions with an
 * absolute lifetime that rotate on refresh and end on logout or a password change, and the password
 * policy.
 */
describe('sign-in hardening', () => {
  let api: TestApi;
  const pw = '案件办理-测试-Password-2026!';
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => api.t.dataSource.query<T[]>(text, params);
  const login = (username: string, password: string) => api.http.post('/api/v1/auth/login').send({ username, password });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const tokenOf = async (username: string, password = pw) => (await login(username, password).expect(200)).body.accessToken as string;
  const make = (username: string, role: 'city-analyst' | 'admin' = 'city-analyst', password = pw) =>
    api.app.get(AccountsService).create({ username, password, displayName: username, role });
  /** The 429 body without the number of seconds, which moves on while the test runs. */
  const shape = (res: Response) => ({
    status: res.status,
    body: JSON.stringify(res.body).replace(/\d+/g, 'N'),
    retryAfter: res.headers['retry-after'] !== undefined,
  });

  beforeAll(async () => {
    api = await startTestApi({ LOGIN_MAX_FAILURES: '5', LOGIN_LOCK_MINUTES: '15', SESSION_MAX_HOURS: '12' });
    await make('known-user');
    await make('racer');
    await make('sessions');
    await make('changer');
    await make('root', 'admin');
    await make('forgetful');
  });

  afterAll(async () => {
    await api?.close();
  });

  // Every test starts with clean counters: the per-minute window in Redis and the delays in PostgreSQL.
  beforeEach(async () => {
    const redis = api.app.get(RedisClient);
    const keys = await redis.keys(`${api.t.queuePrefix}:login:*`);
    if (keys.length) await redis.del(...keys);
    await sql(`delete from login_throttle`);
  });

  describe('failed logins', () => {
    it('evaluates only LOGIN_MAX_FAILURES of 25 concurrent wrong passwords; the right one then learns nothing', async () => {
      const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => login('racer', `wrong password ${i}`)));
      const statuses = answers.map((r) => r.status).sort();
      expect(answers.filter((r) => r.status !== 401 && r.status !== 429).map((r) => [r.status, r.body])).toEqual([]);
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(20);

      const wrong = await login('racer', 'yet another wrong one');
      const right = await login('racer', pw);
      expect(shape(right)).toEqual(shape(wrong));
      expect(right.status).toBe(429);
      expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(right.headers['retry-after'])).toBeLessThanOrEqual(30);

      // The delay passes: the right password works and clears the account's count.
      await sql(`update login_throttle set blocked_until = now() - interval '1 second'`);
      await login('racer', pw).expect(200);
      await login('racer', 'wrong again').expect(401);
      await login('racer', pw).expect(200);
    });

    it('answers known and unknown usernames alike: status, body, delay and time', async () => {
      const attempt = async (username: string, i: number) => {
        const start = process.hrtime.bigint();
        const res = await login(username, `not the password ${i}`).set('Accept-Language', 'en');
        return { answer: shape(res), ms: Number(process.hrtime.bigint() - start) / 1e6 };
      };
      const known: Awaited<ReturnType<typeof attempt>>[] = [];
      const unknown: typeof known = [];
      // Interleaved, so a change in the machine's load weighs on both alike.
      for (let i = 0; i < 6; i++) {
        known.push(await attempt('known-user', i));
        unknown.push(await attempt('ghost-user', i));
      }
      expect(unknown.map((a) => a.answer)).toEqual(known.map((a) => a.answer));
      expect(known.map((a) => a.answer.status)).toEqual([401, 401, 401, 401, 401, 429]);
      // The password is checked (argon2id) for unknown names too: the 401s take alike long.
      const total = (xs: typeof known) => xs.slice(0, 5).reduce((sum, a) => sum + a.ms, 0);
      const ratio = total(unknown) / total(known);
      expect(ratio).toBeGreaterThan(0.5);
      expect(ratio).toBeLessThan(2);
      // Attempted usernames are tracked, but never stored in clear.
      const rows = await sql(`select * from login_throttle`);
      expect(rows.length).toBeGreaterThanOrEqual(3);
      expect(JSON.stringify(rows)).not.toMatch(/ghost|known-user/);
    });

    it('never keeps an account locked for longer than LOGIN_LOCK_MINUTES: the delay doubles, then stops growing', async () => {
      for (let i = 0; i < 5; i++) await login('known-user', `wrong ${i}`).expect(401);
      const first = await login('known-user', pw).expect(429);
      expect(Number(first.headers['retry-after'])).toBeLessThanOrEqual(30);
      await sql(`update login_throttle set failures = 1000, blocked_until = now() - interval '1 second'`);
      await login('known-user', 'wrong again').expect(401);
      const capped = await login('known-user', pw).expect(429);
      expect(Number(capped.headers['retry-after'])).toBeGreaterThan(800);
      expect(Number(capped.headers['retry-after'])).toBeLessThanOrEqual(900);
      await sql(`update login_throttle set blocked_until = now() - interval '1 second'`);
      await login('known-user', pw).expect(200);
    });
  });

  describe('the delays under concurrency', () => {
    it('counts attempts while idle rows are being forgotten at the same moment: never an error', async () => {
      const throttle = api.app.get(LoginThrottle);
      const rows = api.app.get(LoginThrottleRepository, { strict: false });
      const keys = throttle.keys('racer', '198.51.100.77');
      const outcomes = await Promise.allSettled(Array.from({ length: 120 }, (_, i) => (i % 2 ? throttle.enter(keys) : rows.forget(0))));
      expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    });
  });

  describe('an administrator and the delays', () => {
    it('sees until when an account must wait after failed sign-ins, and a password reset lets its owner in at once', async () => {
      const root = bearer(await tokenOf('root'));
      const user = (await api.app.get(AccountsService).byUsername('forgetful'))!;
      expect((await api.http.get(`/api/v1/admin/users/${user.id}`).set(root).expect(200)).body.lockedUntil).toBeNull();
      for (let i = 0; i < 5; i++) await login('forgetful', `wrong ${i}`).expect(401);
      await login('forgetful', pw).expect(429);

      const seen = await api.http.get(`/api/v1/admin/users/${user.id}`).set(root).expect(200);
      expect(new Date(seen.body.lockedUntil).getTime()).toBeGreaterThan(Date.now());
      const listed = await api.http.get('/api/v1/admin/users').set(root).expect(200);
      expect(listed.body.items.find((u: { username: string }) => u.username === 'forgetful').lockedUntil).toBe(seen.body.lockedUntil);

      const reset = await api.http.post(`/api/v1/admin/users/${user.id}/reset-password`).set(root).expect(200);
      expect(reset.body.user.lockedUntil).toBeNull();
      await login('forgetful', reset.body.password).expect(200);
    });
  });

  describe('the client address', () => {
    it('ignores X-Forwarded-For by default: 40 forged addresses are one client to the per-minute limit', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        const res = await api.http
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', `198.51.100.${i + 1}`)
          .send({ username: 'known-user', password: pw });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    });
  });

  describe('sessions', () => {
    it('rotate on refresh: the token given in stops working', async () => {
      const first = await tokenOf('sessions');
      const second = (await api.http.post('/api/v1/auth/refresh').set(bearer(first)).expect(200)).body.accessToken as string;
      await api.http.get('/api/v1/auth/me').set(bearer(second)).expect(200);
      await api.http.get('/api/v1/auth/me').set(bearer(first)).expect(401);
      await api.http.post('/api/v1/auth/refresh').set(bearer(first)).expect(401);
      await api.http.post('/api/v1/auth/refresh').set(bearer(second)).expect(200);
    });

    it('end SESSION_MAX_HOURS after the login, however often refreshed', async () => {
      const token = await tokenOf('sessions');
      await api.http.post('/api/v1/auth/refresh').set(bearer(token)).expect(200);
      const fresh = await tokenOf('sessions');
      await sql(
        `update staff_session set started_at = now() - interval '12 hours 1 second' where user_id = (select id from staff_user where username = 'sessions')`,
      );
      await api.http.get('/api/v1/auth/me').set(bearer(fresh)).expect(401);
      await api.http.post('/api/v1/auth/refresh').set(bearer(fresh)).expect(401);
    });

    it('end on logout (204), and only the one logged out of', async () => {
      const a = await tokenOf('sessions');
      const b = await tokenOf('sessions');
      await api.http.post('/api/v1/auth/logout').set(bearer(a)).expect(204);
      await api.http.get('/api/v1/auth/me').set(bearer(a)).expect(401);
      await api.http.post('/api/v1/auth/refresh').set(bearer(a)).expect(401);
      await api.http.post('/api/v1/auth/logout').set(bearer(a)).expect(401);
      await api.http.get('/api/v1/auth/me').set(bearer(b)).expect(200);
    });
  });

  describe('changing one’s own password', () => {
    it('needs the current password, applies the policy, and ends every other session', async () => {
      const mine = await tokenOf('changer');
      const other = await tokenOf('changer');
      const change = (body: object) => api.http.post('/api/v1/auth/password').set(bearer(mine)).set('Accept-Language', 'en').send(body);

      const wrong = await change({ currentPassword: 'not it', newPassword: 'a brand new phrase 2026' }).expect(400);
      expect(wrong.body.details).toEqual([{ field: 'currentPassword', message: expect.any(String) }]);
      const weak = await change({ currentPassword: pw, newPassword: 'password1234' }).expect(400);
      expect(weak.body.details).toEqual([{ field: 'newPassword', message: expect.stringMatching(/guess/) }]);
      const zh = await api.http
        .post('/api/v1/auth/password')
        .set(bearer(mine))
        .send({ currentPassword: pw, newPassword: 'changer-2026-xyz!' });
      expect(zh.status).toBe(400);
      expect(zh.body.details).toEqual([{ field: 'newPassword', message: '密码不能包含用户名' }]);
      const short = await change({ currentPassword: pw, newPassword: 'Kq7#pL2!' }).expect(400);
      expect(short.body.details[0].field).toBe('newPassword');

      await change({ currentPassword: pw, newPassword: 'violet tractor umbrella 88' }).expect(204);
      await api.http.get('/api/v1/auth/me').set(bearer(mine)).expect(200);
      await api.http.get('/api/v1/auth/me').set(bearer(other)).expect(401);
      await login('changer', pw).expect(401);
      await login('changer', 'violet tractor umbrella 88').expect(200);
    });

    it('refuses a weak password when an account is created with one, naming the field', async () => {
      const admin = await tokenOf('root');
      const post = (password: string) =>
        api.http
          .post('/api/v1/admin/users')
          .set(bearer(admin))
          .set('Accept-Language', 'en')
          .send({ username: 'weakling', displayName: '弱', role: 'city-analyst', password });
      const common = await post('password1234').expect(400);
      expect(common.body.details).toEqual([{ field: 'password', message: expect.stringMatching(/guess/) }]);
      const named = await post('weakling-is-me-2026').expect(400);
      expect(named.body.details).toEqual([{ field: 'password', message: 'must not contain the username' }]);
      await post('orange bicycle thunder 42').expect(201);
    });
  });
});
