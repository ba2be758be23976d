import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@weiquan/core';
import jwt from 'jsonwebtoken';

export interface AccessToken {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds the token is valid for. */
  expiresIn: number;
}

interface TokenClaims {
  /** The staff user's id. */
  sub: string;
  /** The account's token_version when the token was issued: bumped to revoke every token. */
  ver: number;
  iat: number;
  exp: number;
}

export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

/**
 * Issues and checks staff access tokens: HS256 JWTs (jsonwebtoken, the library under @nestjs/jwt,
 * whose 12.x line is ESM-only) keyed with TOKEN_SECRET, carrying `sub` and `ver`. Only HS256 is
 * accepted, never an algorithm the token names.
 */
@Injectable()
export class TokenService {
  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  issue(user: { id: string; tokenVersion: number }): AccessToken {
    const ttl = this.config.auth.tokenTtlSeconds;
    const accessToken = jwt.sign({ ver: user.tokenVersion }, this.config.secrets.tokenSecret, {
      algorithm: 'HS256',
      subject: user.id,
      expiresIn: ttl,
    });
    return { accessToken, tokenType: 'Bearer', expiresIn: ttl };
  }

  verify(token: string): VerifyResult {
    if (typeof token !== 'string' || token.length > 4096) return { ok: false, reason: 'malformed' };
    let c: jwt.JwtPayload | string;
    try {
      c = jwt.verify(token, this.config.secrets.tokenSecret, { algorithms: ['HS256'] });
    } catch (err) {
      if (err instanceof jwt.TokenExpiredError) return { ok: false, reason: 'expired' };
      return { ok: false, reason: err instanceof jwt.JsonWebTokenError && err.message === 'invalid signature' ? 'signature' : 'malformed' };
    }
    if (typeof c !== 'object') return { ok: false, reason: 'malformed' };
    const ver: unknown = c.ver;
    if (
      typeof c.sub !== 'string' ||
      !/^\d{1,18}$/.test(c.sub) ||
      typeof ver !== 'number' ||
      !Number.isInteger(ver) ||
      !Number.isInteger(c.exp)
    ) {
      return { ok: false, reason: 'malformed' };
    }
    return { ok: true, claims: { sub: c.sub, ver, iat: c.iat ?? 0, exp: c.exp! } };
  }
}
