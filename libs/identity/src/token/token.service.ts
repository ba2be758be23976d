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
  /** The session (staff_session.id) and its generation; absent only on tokens issued without a sign-in (tests). */
  sid?: string;
  gen?: number;
  /** The sign-in time (seconds since the epoch): the session ends SESSION_MAX_HOURS after it. */
  auth?: number;
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

  /**
   * A token for the account; with a session, one that names it and never outlives the session's
   * absolute end (SESSION_MAX_HOURS after the sign-in).
   */
  issue(user: { id: string; tokenVersion: number }, session?: { id: string; generation: number; startedAt: Date }): AccessToken {
    let ttl = this.config.auth.tokenTtlSeconds;
    let claims: Record<string, unknown> = { ver: user.tokenVersion };
    if (session) {
      const auth = Math.floor(session.startedAt.getTime() / 1000);
      const end = auth + this.config.auth.sessionMaxHours * 3600;
      ttl = Math.max(1, Math.min(ttl, end - Math.floor(Date.now() / 1000)));
      claims = { ...claims, sid: session.id, gen: session.generation, auth };
    }
    const accessToken = jwt.sign(claims, this.config.secrets.tokenSecret, {
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
    const session = sessionClaims(c);
    if (session === null) return { ok: false, reason: 'malformed' };
    if (session.auth !== undefined && session.auth + this.config.auth.sessionMaxHours * 3600 <= Date.now() / 1000) {
      return { ok: false, reason: 'expired' };
    }
    return { ok: true, claims: { sub: c.sub, ver, ...session, iat: c.iat ?? 0, exp: c.exp! } };
  }
}

/** `sid`, `gen` and `auth` all together or none; null when they are partial or ill-typed. */
function sessionClaims(c: jwt.JwtPayload): { sid?: string; gen?: number; auth?: number } | null {
  const { sid, gen, auth } = c as { sid?: unknown; gen?: unknown; auth?: unknown };
  if (sid === undefined && gen === undefined && auth === undefined) return {};
  if (typeof sid !== 'string' || !/^[0-9a-f-]{36}$/.test(sid)) return null;
  if (typeof gen !== 'number' || !Number.isInteger(gen) || gen < 0) return null;
  if (typeof auth !== 'number' || !Number.isInteger(auth)) return null;
  return { sid, gen, auth };
}
