import { AppConfig } from '@weiquan/core';
import jwt from 'jsonwebtoken';
import { randomBytes } from 'node:crypto';
import { TokenService } from './token.service';

const config = (ttl = '900') =>
  AppConfig.fromEnv({
    DATABASE_URL: 'postgres://x@localhost/x',
    DATA_KEY: randomBytes(32).toString('base64'),
    TOKEN_SECRET: randomBytes(32).toString('base64'),
    TOKEN_TTL_SECONDS: ttl,
  });

describe('staff access tokens', () => {
  it('carry the account and its token version, and last TOKEN_TTL_SECONDS', () => {
    const tokens = new TokenService(config('600'));
    const t = tokens.issue({ id: '42', tokenVersion: 3 });
    expect(t).toMatchObject({ tokenType: 'Bearer', expiresIn: 600 });
    const v = tokens.verify(t.accessToken);
    expect(v).toMatchObject({ ok: true, claims: { sub: '42', ver: 3 } });
    if (v.ok) expect(v.claims.exp - v.claims.iat).toBe(600);
  });

  it('refuse another secret, a forged payload, another algorithm and garbage', () => {
    const tokens = new TokenService(config());
    const other = new TokenService(config());
    const t = tokens.issue({ id: '1', tokenVersion: 0 }).accessToken;
    expect(other.verify(t)).toEqual({ ok: false, reason: 'signature' });
    const [h, , s] = t.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: '2', ver: 0, iat: 1, exp: 9_999_999_999 })).toString('base64url');
    expect(tokens.verify(`${h}.${forged}.${s}`)).toEqual({ ok: false, reason: 'signature' });
    expect(tokens.verify(jwt.sign({ sub: '1', ver: 0 }, '', { algorithm: 'none' }))).toMatchObject({ ok: false });
    for (const junk of ['', 'abc', 'a.b', 'a.b.c.d', `${t}x`]) expect(tokens.verify(junk).ok).toBe(false);
  });

  it('expire', () => {
    const tokens = new TokenService(config());
    const expired = jwt.sign({ ver: 0 }, (tokens as unknown as { config: AppConfig }).config.secrets.tokenSecret, {
      algorithm: 'HS256',
      subject: '1',
      expiresIn: -10,
    });
    expect(tokens.verify(expired)).toEqual({ ok: false, reason: 'expired' });
  });

  describe('with a session', () => {
    const sid = '0b7c2a52-9d43-4c77-8f0e-1c2d3e4f5a6b';

    it('carry the session, its generation and the sign-in time', () => {
      const tokens = new TokenService(config('600'));
      const startedAt = new Date(Date.now() - 60_000);
      const v = tokens.verify(tokens.issue({ id: '7', tokenVersion: 0 }, { id: sid, generation: 2, startedAt }).accessToken);
      expect(v).toMatchObject({ ok: true, claims: { sub: '7', sid, gen: 2, auth: Math.floor(startedAt.getTime() / 1000) } });
    });

    it('never outlive SESSION_MAX_HOURS after the sign-in, and expire with it', () => {
      const tokens = new TokenService(config('900'));
      const startedAt = new Date(Date.now() - (12 * 3600 - 100) * 1000);
      const t = tokens.issue({ id: '7', tokenVersion: 0 }, { id: sid, generation: 0, startedAt });
      expect(t.expiresIn).toBeLessThanOrEqual(100);
      expect(t.expiresIn).toBeGreaterThan(95);
      const old = tokens.issue({ id: '7', tokenVersion: 0 }, { id: sid, generation: 0, startedAt: new Date(Date.now() - 12 * 3600_000) });
      expect(tokens.verify(old.accessToken)).toEqual({ ok: false, reason: 'expired' });
    });

    it('refuse partial or ill-typed session claims', () => {
      const secret = randomBytes(32).toString('base64');
      const c = AppConfig.fromEnv({ DATABASE_URL: 'postgres://x@localhost/x', DATA_KEY: secret, TOKEN_SECRET: secret });
      const tokens = new TokenService(c);
      const sign = (extra: object) =>
        jwt.sign({ ver: 0, ...extra }, c.secrets.tokenSecret, { algorithm: 'HS256', subject: '1', expiresIn: 60 });
      const now = Math.floor(Date.now() / 1000);
      expect(tokens.verify(sign({ sid }))).toEqual({ ok: false, reason: 'malformed' });
      expect(tokens.verify(sign({ sid: 'x', gen: 0, auth: now }))).toEqual({ ok: false, reason: 'malformed' });
      expect(tokens.verify(sign({ sid, gen: -1, auth: now }))).toEqual({ ok: false, reason: 'malformed' });
      expect(tokens.verify(sign({ sid, gen: 0, auth: 'x' }))).toEqual({ ok: false, reason: 'malformed' });
      expect(tokens.verify(sign({ sid, gen: 0, auth: now }))).toMatchObject({ ok: true });
    });
  });
});
