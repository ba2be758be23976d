import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, Bilingual, LocalizedException } from '@weiquan/core';
import { verifyDummy, verifyPassword } from '../accounts/passwords';
import { StaffRepository } from '../accounts/staff.repository';
import { afterFailure, afterSuccess, loginGate } from '../lockout.rules';
import type { StaffPrincipal, StaffRole, UnitType } from '../roles';
import { AccessToken, TokenService } from '../token/token.service';
import { LoginLimiter } from './login-limiter';
import { StaffAuthenticator } from './staff-authenticator';

export interface LoginAnswer extends AccessToken {
  user: { id: string; username: string; displayName: string; role: StaffRole; unit: { type: UnitType; code: string; name: string } | null };
}

/** The same answer for an unknown username and a wrong password. */
const WRONG_CREDENTIALS: Bilingual = { zh: '用户名或密码错误', en: 'wrong username or password' };
/** Said only to a caller who gave the right password. */
const ACCOUNT_DISABLED: Bilingual = { zh: '账户已停用，请联系管理员', en: 'this account is disabled; contact an administrator' };

function locked(secondsLeft: number, minutesLeft: number): LocalizedException {
  return new LocalizedException(
    429,
    {
      zh: `登录失败次数过多，账户已锁定，请在 ${minutesLeft} 分钟后重试`,
      en: `too many failed logins: the account is locked; try again in ${minutesLeft} minute${minutesLeft === 1 ? '' : 's'}`,
    },
    [],
    { retryAfterSeconds: secondsLeft },
  );
}

function rateLimited(seconds: number): LocalizedException {
  return new LocalizedException(
    429,
    { zh: `登录尝试过于频繁，请在 ${seconds} 秒后重试`, en: `too many login attempts; retry in ${seconds} seconds` },
    [],
    { retryAfterSeconds: seconds },
  );
}

/**
 * Staff sign-in. Order of checks: the client's rate limit (Redis); the account's lock (a locked
 * account is refused without looking at the password); the password (argon2id; a dummy hash is
 * checked for unknown usernames so timing does not tell them apart); then whether the account is
 * disabled, which is said only to a caller who knows the password.
 */
@Injectable()
export class AuthService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly staff: StaffRepository,
    private readonly tokens: TokenService,
    private readonly limiter: LoginLimiter,
    private readonly authenticator: StaffAuthenticator,
  ) {}

  async login(username: string, password: string, client: string): Promise<LoginAnswer> {
    const limit = await this.limiter.hit(client);
    if (!limit.allowed) throw rateLimited(limit.retryAfterSeconds);

    const row = await this.staff.loginRow(username.trim().toLowerCase());
    if (!row) {
      await verifyDummy(password);
      throw new LocalizedException(401, WRONG_CREDENTIALS);
    }
    const gate = loginGate(row, row.now);
    if (!gate.allowed) throw locked(gate.secondsLeft, gate.minutesLeft);

    if (!(await verifyPassword(row.passwordHash, password))) {
      const policy = { maxFailures: this.config.auth.maxFailures, lockMinutes: this.config.auth.lockMinutes };
      const after = await this.staff.transaction(async (sql) => {
        const current = await this.staff.lockoutForUpdate(sql, row.id);
        if (!current) return null;
        const next = afterFailure(current, policy, current.now);
        await this.staff.saveLockout(sql, row.id, next, false);
        return { ...next, now: current.now };
      });
      if (after?.lockedNow && after.lockedUntil) {
        const g = loginGate(after, after.now);
        if (!g.allowed) throw locked(g.secondsLeft, g.minutesLeft);
      }
      throw new LocalizedException(401, WRONG_CREDENTIALS);
    }
    if (row.disabled) throw new LocalizedException(401, ACCOUNT_DISABLED);

    // Another attempt may have locked the account while this one was checking the password.
    const outcome = await this.staff.transaction(async (sql) => {
      const current = await this.staff.lockoutForUpdate(sql, row.id);
      if (!current) return null;
      const g = loginGate(current, current.now);
      if (!g.allowed) return g;
      await this.staff.saveLockout(sql, row.id, afterSuccess(), true);
      return { allowed: true as const, tokenVersion: current.tokenVersion };
    });
    if (!outcome) throw new LocalizedException(401, WRONG_CREDENTIALS);
    if (!outcome.allowed) throw locked(outcome.secondsLeft, outcome.minutesLeft);

    const principal = (await this.staff.principal(row.id))?.principal;
    if (!principal) throw new LocalizedException(401, WRONG_CREDENTIALS);
    return { ...this.tokens.issue({ id: row.id, tokenVersion: outcome.tokenVersion }), user: summary(principal) };
  }

  /** A fresh token for the holder of a valid one (same account, same token version). */
  async refresh(token: string | null): Promise<LoginAnswer> {
    const principal = await this.authenticator.authenticate(token);
    const checked = this.tokens.verify(token!);
    if (!checked.ok) throw new LocalizedException(401, { zh: '登录已过期，请重新登录', en: 'the token has expired; log in again' });
    return { ...this.tokens.issue({ id: principal.userId, tokenVersion: checked.claims.ver }), user: summary(principal) };
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
