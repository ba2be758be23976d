import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, LocalizedException } from '@weiquan/core';
import type { IncomingHttpHeaders } from 'node:http';
import { StaffRepository } from '../accounts/staff.repository';
import { describeRoles, StaffPrincipal, StaffRole } from '../roles';
import { TokenService } from '../token/token.service';
import { SessionsRepository } from './sessions.repository';

/** The cookie the queue dashboard accepts in place of the Authorization header (browsers send it). */
export const TOKEN_COOKIE = 'wq_token';

const NO_TOKEN = {
  zh: '请先登录：请求头需带 Authorization: Bearer <令牌>',
  en: 'authentication required: send Authorization: Bearer <token>',
};
const EXPIRED = { zh: '登录已过期，请重新登录', en: 'the token has expired; log in again' };
const INVALID = { zh: '登录凭证无效或已失效，请重新登录', en: 'the token is invalid or no longer valid; log in again' };

/** `Authorization: Bearer <token>`, and with `cookie: true` the `wq_token` cookie when there is no header. */
export function tokenFromHeaders(headers: IncomingHttpHeaders, opts: { cookie?: boolean } = {}): string | null {
  const auth = headers.authorization;
  if (typeof auth === 'string' && auth.trim()) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth.trim());
    return m ? m[1] : '';
  }
  if (opts.cookie && typeof headers.cookie === 'string') {
    for (const part of headers.cookie.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim() === TOKEN_COOKIE) {
        const value = part.slice(eq + 1).trim();
        try {
          return decodeURIComponent(value);
        } catch {
          return value;
        }
      }
    }
  }
  return null;
}

/**
 * Who is calling: checks a token's signature and expiry, then loads the account by id, so a disabled
 * account, a changed role or unit, or a new password (each bumps token_version) takes effect on the
 * very next request. Used by StaffAuthGuard and by the queue dashboard's middleware.
 */
@Injectable()
export class StaffAuthenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly staff: StaffRepository,
    private readonly sessions: SessionsRepository,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** The principal, or a 401 LocalizedException. `null`: no token was sent. */
  async authenticate(token: string | null): Promise<StaffPrincipal> {
    if (token === null) throw new LocalizedException(401, NO_TOKEN);
    const checked = this.tokens.verify(token);
    if (!checked.ok) throw new LocalizedException(401, checked.reason === 'expired' ? EXPIRED : INVALID);
    const { sub, ver, sid, gen } = checked.claims;
    const [row, live] = await Promise.all([
      this.staff.principal(sub),
      // A token from a sign-in must name a live session at its current generation (not logged out,
      // not refreshed since, not past SESSION_MAX_HOURS).
      sid !== undefined && gen !== undefined ? this.sessions.live(sid, sub, gen, this.config.auth.sessionMaxHours) : true,
    ]);
    if (!row || !live || row.disabled || row.tokenVersion !== ver) throw new LocalizedException(401, INVALID);
    return row.principal;
  }

  /** A 403 naming the roles allowed, unless the principal has one of them. */
  authorize(principal: StaffPrincipal, roles: readonly StaffRole[]): void {
    if (roles.length && !roles.includes(principal.role)) {
      const allowed = describeRoles(roles);
      throw new LocalizedException(
        403,
        { zh: `无权执行此操作：需要以下角色之一：${allowed.zh}`, en: `not allowed: requires one of the roles ${allowed.en}` },
        [],
        { allowedRoles: roles },
      );
    }
  }
}
