import { AppConfig } from '@weiquan/core';
import { AccountsService } from '@weiquan/identity';
import jwt from 'jsonwebtoken';
import { createHmac, randomBytes } from 'node:crypto';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';

/**
 * Staff tokens cannot be forged or replayed (OWASP ASVS L2 3.5): every altered, re-signed,
 * algorithm-swapped, mis-shaped, revoked, rotated-out or expired token is refused with the same 401
 * on every protected route, and a refusal never says why (no oracle).
 */
describe('staff tokens: forgeries and replays', () => {
  let api: TestApi;
  const pw = '令牌伪造-测试-Password-2026!';
  const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
  /** A token with this header and payload, signed with HMAC-SHA-(256|384|512) under `key`. */
  const hmacToken = (header: object, payload: object, key: Buffer | string, bits = 256) => {
    const body = `${b64(header)}.${b64(payload)}`;
    return `${body}.${createHmac(`sha${bits}`, key).update(body).digest('base64url')}`;
  };
  const login = async (username: string) => {
    const res = await api.http.post('/api/v1/auth/login').send({ username, password: pw }).expect(200);
    return res.body.accessToken as string;
  };
  const parts = (token: string) => {
    const [h, p, s] = token.split('.');
    return {
      h,
      p,
      s,
      header: JSON.parse(Buffer.from(h, 'base64url').toString()),
      claims: JSON.parse(Buffer.from(p, 'base64url').toString()),
    };
  };
  /** The routes a token opens: the caller, the case queue, a refresh, and an administrator's list. */
  const ROUTES: [string, string][] = [
    ['get', '/api/v1/auth/me'],
    ['get', '/api/v1/cases'],
    ['post', '/api/v1/auth/refresh'],
    ['get', '/api/v1/admin/users'],
  ];
  const call = (method: string, path: string, token: string) =>
    (method === 'get' ? api.http.get(path) : api.http.post(path)).set('Authorization', `Bearer ${token}`).set('Accept-Language', 'en');

  beforeAll(async () => {
    api = await startTestApi({ LOGIN_RATE_LIMIT: '1000' });
    const accounts = api.app.get(AccountsService);
    await accounts.create({ username: 'root-forge', password: pw, displayName: 'root', role: 'admin' });
    await accounts.create({ username: 'staff-forge', password: pw, displayName: 'staff', role: 'city-analyst' });
    await accounts.create({ username: 'gone-forge', password: pw, displayName: 'gone', role: 'admin' });
    await accounts.create({ username: 'reset-forge', password: pw, displayName: 'reset', role: 'admin' });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('refuses every forged, replayed or expired token with a 401 on every protected route, telling only a genuine old token that it expired', async () => {
    const secret = api.app.get(AppConfig).secrets.tokenSecret;
    const root = await login('root-forge');
    const analyst = await login('staff-forge');
    const r = parts(root);
    const a = parts(analyst);
    const now = Math.floor(Date.now() / 1000);
    const other = randomBytes(32);
    const hs256 = { alg: 'HS256', typ: 'JWT' };

    // Replays that were valid once: rotated out by a refresh, logged out, revoked by a reset or by disabling.
    const beforeRefresh = await login('root-forge');
    await call('post', '/api/v1/auth/refresh', beforeRefresh).expect(200);
    const loggedOut = await login('root-forge');
    await api.http.post('/api/v1/auth/logout').set('Authorization', `Bearer ${loggedOut}`).expect(204);
    const beforeReset = await login('reset-forge');
    const resetUser = (await api.app.get(AccountsService).byUsername('reset-forge'))!;
    await call('post', `/api/v1/admin/users/${resetUser.id}/reset-password`, root).expect(200);
    const beforeDisable = await login('gone-forge');
    const goneUser = (await api.app.get(AccountsService).byUsername('gone-forge'))!;
    await api.http.patch(`/api/v1/admin/users/${goneUser.id}`).set('Authorization', `Bearer ${root}`).send({ disabled: true }).expect(200);

    const forgeries: [string, string][] = [
      // The signature: none, another key, another algorithm, cut, swapped, moved.
      ['alg none, no signature', `${b64({ alg: 'none', typ: 'JWT' })}.${r.p}.`],
      ['alg none, the old signature', `${b64({ alg: 'none', typ: 'JWT' })}.${r.p}.${r.s}`],
      ['alg None', `${b64({ alg: 'None' })}.${r.p}.`],
      ['alg NONE', `${b64({ alg: 'NONE' })}.${r.p}.`],
      ['HS384 with the real key', hmacToken({ alg: 'HS384', typ: 'JWT' }, r.claims, secret, 384)],
      ['HS512 with the real key', hmacToken({ alg: 'HS512', typ: 'JWT' }, r.claims, secret, 512)],
      ['HS256 with another key (another deployment)', hmacToken(hs256, r.claims, other)],
      ['HS256 with an empty key', hmacToken(hs256, r.claims, '')],
      ['HS256 with the key "secret"', hmacToken(hs256, r.claims, 'secret')],
      ['RS256 named, HMAC-signed with the real key (algorithm confusion)', hmacToken({ alg: 'RS256', typ: 'JWT' }, r.claims, secret)],
      ['ES256 named, HMAC-signed with the real key', hmacToken({ alg: 'ES256', typ: 'JWT' }, r.claims, secret)],
      ['kid pointing at a file, empty key', hmacToken({ ...hs256, kid: '../../../../dev/null' }, r.claims, '')],
      ['jku pointing elsewhere, another key', hmacToken({ ...hs256, jku: 'https://attacker.example/jwks.json' }, r.claims, other)],
      ['embedded jwk, another key', hmacToken({ ...hs256, jwk: { kty: 'oct', k: other.toString('base64url') } }, r.claims, other)],
      ['signature cut by 5', `${r.h}.${r.p}.${r.s.slice(0, -5)}`],
      ['signature empty', `${r.h}.${r.p}.`],
      ['signature of another token', `${r.h}.${r.p}.${a.s}`],
      ['payload of another token under this signature', `${a.h}.${r.p}.${a.s}`],
      ['signature upper-cased', `${r.h}.${r.p}.${r.s.toUpperCase()}`],
      // The payload changed under the old signature.
      ['sub changed to another account', `${a.h}.${b64({ ...a.claims, sub: r.claims.sub })}.${a.s}`],
      ['ver raised', `${r.h}.${b64({ ...r.claims, ver: r.claims.ver + 1 })}.${r.s}`],
      ['exp moved a year on', `${r.h}.${b64({ ...r.claims, exp: now + 31_536_000 })}.${r.s}`],
      ['a role claim added', `${a.h}.${b64({ ...a.claims, role: 'admin' })}.${a.s}`],
      ['gen moved on', `${r.h}.${b64({ ...r.claims, gen: r.claims.gen + 1 })}.${r.s}`],
      // Ill-shaped tokens.
      ['two segments', `${r.h}.${r.p}`],
      ['four segments', `${root}.${r.s}`],
      ['not base64', '!!!.@@@.###'],
      ['header not JSON', `${b64('not json')}.${r.p}.${r.s}`],
      ['payload not JSON', `${r.h}.${b64('not json')}.${r.s}`],
      ['payload a number', hmacToken(hs256, 42 as unknown as object, other)],
      ['over 4096 characters', `${r.h}.${b64({ ...r.claims, pad: 'x'.repeat(5_000) })}.${r.s}`],
      // Signed with the real key but with claims the server must not trust (a leaked key is another story; these check the claims).
      ['expired a minute ago', jwt.sign({ ...r.claims, exp: now - 60, iat: now - 960 }, secret, { algorithm: 'HS256' })],
      ['not valid before next hour', jwt.sign({ ...r.claims, nbf: now + 3600 }, secret, { algorithm: 'HS256' })],
      ['sub not a number', jwt.sign({ ...r.claims, sub: '1 or 1=1' }, secret, { algorithm: 'HS256' })],
      ['sub missing', jwt.sign({ ver: r.claims.ver, sid: r.claims.sid, gen: r.claims.gen, auth: r.claims.auth, exp: now + 600 }, secret)],
      ['ver missing', jwt.sign({ sub: r.claims.sub, sid: r.claims.sid, gen: r.claims.gen, auth: r.claims.auth, exp: now + 600 }, secret)],
      ['ver a string', jwt.sign({ ...r.claims, ver: String(r.claims.ver) }, secret, { algorithm: 'HS256' })],
      ['an account that does not exist', jwt.sign({ ...r.claims, sub: '999999999' }, secret, { algorithm: 'HS256' })],
      [
        'a session that does not exist',
        jwt.sign({ ...r.claims, sid: '00000000-0000-4000-8000-000000000000' }, secret, { algorithm: 'HS256' }),
      ],
      ['half a session (sid without gen)', jwt.sign({ sub: r.claims.sub, ver: r.claims.ver, sid: r.claims.sid, exp: now + 600 }, secret)],
      ['a session signed in 13 hours ago', jwt.sign({ ...r.claims, auth: now - 13 * 3600 }, secret, { algorithm: 'HS256' })],
      // Replays.
      ['rotated out by a refresh', beforeRefresh],
      ['logged out', loggedOut],
      ['revoked by a password reset', beforeReset],
      ['of a disabled account', beforeDisable],
    ];

    const accepted: string[] = [];
    const told: string[] = [];
    const INVALID = { statusCode: 401, error: 'Unauthorized', message: 'the token is invalid or no longer valid; log in again' };
    const EXPIRED = { statusCode: 401, error: 'Unauthorized', message: 'the token has expired; log in again' };
    for (const [name, token] of forgeries) {
      for (const [method, path] of ROUTES) {
        const res = await call(method, path, token);
        if (res.status !== 401) accepted.push(`${name}: ${method.toUpperCase()} ${path} answered ${res.status}`);
        // Only a token the server itself signed may be told it expired (the pages then ask for the
        // password again); anything else gets the one answer that says nothing.
        const genuineButOld = name === 'expired a minute ago' || name === 'a session signed in 13 hours ago';
        if (JSON.stringify(res.body) !== JSON.stringify(genuineButOld ? EXPIRED : INVALID))
          told.push(`${name}: ${JSON.stringify(res.body)}`);
      }
    }
    console.log(
      `token forgeries: ${forgeries.length} tokens × ${ROUTES.length} routes = ${forgeries.length * ROUTES.length} requests, ${accepted.length} accepted`,
    );
    expect(accepted).toEqual([]);
    expect(told).toEqual([]);

    // The genuine tokens still work (so the refusals above are about the forgeries).
    await call('get', '/api/v1/auth/me', root).expect(200);
    await call('get', '/api/v1/auth/me', analyst).expect(200);
  });
});
