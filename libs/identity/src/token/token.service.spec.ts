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
});
