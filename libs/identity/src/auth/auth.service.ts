import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, Bilingual, invalid, LocalizedException } from '@weiquan/core';
import { passwordWeakness } from '../accounts/password.rules';
import { hashPassword, verifyDummy, verifyPassword } from '../accounts/passwords';
import { StaffRepository } from '../accounts/staff.repository';
import type { StaffPrincipal, StaffRole, UnitType } from '../roles';
import { AccessToken, TokenService } from '../token/token.service';
import { LoginLimiter } from './login-limiter';
import { LoginThrottle } from './login-throttle';
import { SessionsRepository } from './sessions.repository';
import { StaffAuthenticator } from './staff-authenticator';

export interface LoginAnswer extends AccessToken {
  user: { id: string; username: string; displayName: string; role: StaffRole; unit: { type: UnitType; code: string; name: string } | null };
}

/** The same answer for an unknown username and a wrong password. */
const WRONG_CREDENTIALS: Bilingual = { zh: '用户名或密码错误', en: 'wrong username or password' };
/** Said only to a caller who gave the right password. */
const ACCOUNT_DISABLED: Bilingual = { zh: '账户已停用，请联系管理员', en: 'this account is disabled; contact an administrator' };
const SESSION_OVER: Bilingual = { zh: '登录已失效，请重新登录', en: 'the session is over; log in again' };

/** Every refusal for too many attempts, by account or by client, known name or not: one answer. */
function tooMany(seconds: number): LocalizedException {
  return new LocalizedException(
    429,
    { zh: `登录尝试过于频繁，请在 ${seconds} 秒后重试`, en: `too many login attempts; retry in ${seconds} seconds` },
    [],
    { retryAfterSeconds: seconds },
  );
}

/**
 * Staff sign-in and sessions. Login: the client's per-minute limit (Redis); then the progressive
 * delays of the account name and the client (LoginThrottle: the attempt is counted before the
 * password is checked, atomically); then the password (argon2id, against a dummy hash for an unknown
 * name, so status, body and time are the same); then whether the account is disabled, said only to a
 * caller who knows the password. A refused attempt never has its password checked, so a right
 * password sent while refused learns nothing. Each sign-in starts a session (staff_session) that
 * ends SESSION_MAX_HOURS later; refresh rotates it, logout and a password change revoke.
 */
@Injectable()
export class AuthService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly staff: StaffRepository,
    private readonly tokens: TokenService,
    private readonly limiter: LoginLimiter,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionsRepository,
    private readonly authenticator: StaffAuthenticator,
  ) {}

  async login(username: string, password: string, client: string): Promise<LoginAnswer> {
    const limit = await this.limiter.hit(client);
    if (!limit.allowed) throw tooMany(limit.retryAfterSeconds);
    const name = username.trim().toLowerCase();
    const keys = this.throttle.keys(name, client);
    const gate = await this.throttle.enter(keys);
    if (!gate.allowed) throw tooMany(gate.retryAfterSeconds);

    const row = await this.staff.loginRow(name);
    const ok = row ? await verifyPassword(row.passwordHash, password) : await verifyDummy(password);
    if (!row || !ok) throw new LocalizedException(401, WRONG_CREDENTIALS);
    await this.throttle.succeeded(keys);
    if (row.disabled) throw new LocalizedException(401, ACCOUNT_DISABLED);

    const principal = (await this.staff.principal(row.id))?.principal;
    if (!principal) throw new LocalizedException(401, WRONG_CREDENTIALS);
    const session = await this.sessions.start(row.id, this.config.auth.sessionMaxHours);
    await this.staff.recordLogin(row.id);
    // The token counts the session's lifetime on this process's clock (the database counts its own,
    // on its clock): a token's expiry is never compared with another machine's time.
    const signedIn = { ...session, startedAt: new Date() };
    return { ...this.tokens.issue({ id: row.id, tokenVersion: row.tokenVersion }, signedIn), user: summary(principal) };
  }

  /**
   * A fresh token for the holder of a valid one, in the same session: the session moves to its next
   * generation, so the token given in stops working. Never past the session's absolute end.
   */
  async refresh(token: string | null): Promise<LoginAnswer> {
    const principal = await this.authenticator.authenticate(token);
    const claims = this.claims(token);
    if (!claims.sid || claims.gen === undefined) throw new LocalizedException(401, SESSION_OVER);
    const next = await this.sessions.rotate(claims.sid, claims.sub, claims.gen, this.config.auth.sessionMaxHours);
    if (!next) throw new LocalizedException(401, SESSION_OVER);
    const kept = { ...next, startedAt: claims.auth !== undefined ? new Date(claims.auth * 1000) : next.startedAt };
    return { ...this.tokens.issue({ id: principal.userId, tokenVersion: claims.ver }, kept), user: summary(principal) };
  }

  /** Ends the token's session: the token and any it was refreshed from stop working. */
  async logout(token: string | null, principal: StaffPrincipal): Promise<void> {
    const claims = this.claims(token);
    if (claims.sid) await this.sessions.revoke(claims.sid, principal.userId);
  }

  /**
   * The caller's own new password: the current one must be given (its checks count as failed logins
   * of the account), the new one must pass the password policy; every other session is revoked.
   */
  async changePassword(
    token: string | null,
    principal: StaffPrincipal,
    currentPassword: string,
    newPassword: string,
    client: string,
  ): Promise<void> {
    const row = await this.staff.loginRowById(principal.userId);
    if (!row) throw new LocalizedException(401, SESSION_OVER);
    const keys = this.throttle.keys(row.username, client);
    const gate = await this.throttle.enter(keys);
    if (!gate.allowed) throw tooMany(gate.retryAfterSeconds);
    if (!(await verifyPassword(row.passwordHash, currentPassword))) {
      throw invalid([{ field: 'currentPassword', message: { zh: '当前密码不正确', en: 'is not the current password' } }]);
    }
    await this.throttle.succeeded(keys);
    const weakness = passwordWeakness(newPassword, { username: row.username, displayName: principal.displayName });
    const same =
      !weakness && newPassword === currentPassword ? { zh: '新密码不能与当前密码相同', en: 'must differ from the current password' } : null;
    const problem = weakness ?? same;
    if (problem) throw invalid([{ field: 'newPassword', message: problem }]);
    await this.staff.changeOwnPassword(row.id, await hashPassword(newPassword));
    await this.sessions.revokeOthers(row.id, this.claims(token).sid ?? '00000000-0000-0000-0000-000000000000');
  }

  private claims(token: string | null) {
    const checked = token ? this.tokens.verify(token) : null;
    if (!checked?.ok) throw new LocalizedException(401, SESSION_OVER);
    return checked.claims;
  }
}

function summary(p: StaffPrincipal): LoginAnswer['user'] {
  return {
    id: p.userId,
    username: p.username,
    displayName: p.displayName,
    role: p.role,
    unit: p.unit ? { type: p.unit.type, code: p.unit.code, name: p.unit.name } : null,
  };
}
