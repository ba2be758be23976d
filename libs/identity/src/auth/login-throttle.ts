import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@weiquan/core';
import { createHmac } from 'node:crypto';
import { admit, admitAll, afterSuccess, refund, ThrottlePolicy } from '../lockout.rules';
import { LoginThrottleRepository } from './login-throttle.repository';

export type ThrottleAnswer = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The first delay after the free failures; it doubles per failure up to LOGIN_LOCK_MINUTES. */
const BASE_DELAY_SECONDS = 30;
/** A key with no failure for a day starts again from nothing. */
const FORGET_AFTER_SECONDS = 86_400;

/**
 * Progressive delays on failed logins per account name and per client address, in PostgreSQL
 * (`login_throttle`). An account name (known or unknown, lower-cased) gets LOGIN_MAX_FAILURES
 * failures free; a client address max(LOGIN_RATE_LIMIT, 4 × LOGIN_MAX_FAILURES). After that each
 * attempt waits a delay that starts at 30 s and doubles per failure, capped at LOGIN_LOCK_MINUTES.
 * `enter` counts the attempt as a failure before the password is checked, under the rows' locks, so
 * concurrent attempts cannot slip past the count; `succeeded` clears the account's count and gives
 * the client's attempt back. Keys are HMAC-SHA256 under TOKEN_SECRET: no name or address in clear.
 */
@Injectable()
export class LoginThrottle {
  private readonly account: ThrottlePolicy;
  private readonly client: ThrottlePolicy;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly rows: LoginThrottleRepository,
  ) {
    const { maxFailures, lockMinutes, loginPerMinute } = config.auth;
    const common = {
      baseDelaySeconds: Math.min(BASE_DELAY_SECONDS, lockMinutes * 60),
      maxDelaySeconds: lockMinutes * 60,
      forgetAfterSeconds: FORGET_AFTER_SECONDS,
    };
    this.account = { freeFailures: maxFailures, ...common };
    this.client = { freeFailures: Math.max(loginPerMinute, 4 * maxFailures), ...common };
  }

  /** The keys of an attempt: the lower-cased account name and the client address. */
  keys(username: string, client: string): [Buffer, Buffer] {
    return [this.key('user', username.trim().toLowerCase()), this.key('client', client)];
  }

  async enter(keys: [Buffer, Buffer]): Promise<ThrottleAnswer> {
    if (Math.random() < 0.01) void this.rows.forget(FORGET_AFTER_SECONDS).catch(() => undefined);
    return this.rows.update<ThrottleAnswer>(keys, ([account, client], now) => {
      const answer = admitAll([admit(account, this.account, now), admit(client, this.client, now)]);
      if (!answer.allowed) return { write: null, result: answer };
      return { write: answer.next, result: { allowed: true } };
    });
  }

  async succeeded(keys: [Buffer, Buffer]): Promise<void> {
    await this.rows.update(keys, ([, client]) => ({ write: [afterSuccess(), refund(client, this.client)], result: undefined }));
  }

  /** Until when each of these account names must wait before its next attempt (names not waiting are left out). */
  async accountsBlocked(usernames: string[]): Promise<Map<string, Date>> {
    const keys = new Map(usernames.map((u) => [this.key('user', u.trim().toLowerCase()).toString('hex'), u]));
    const rows = await this.rows.blocked([...keys.keys()].map((k) => Buffer.from(k, 'hex')));
    return new Map(rows.map((r) => [keys.get(r.key.toString('hex'))!, r.blockedUntil]));
  }

  /** The account name starts again from nothing: its owner was given a new password by an administrator. */
  async clearAccount(username: string): Promise<void> {
    await this.rows.clear(this.key('user', username.trim().toLowerCase()));
  }

  private key(kind: 'user' | 'client', value: string): Buffer {
    return createHmac('sha256', this.config.secrets.tokenSecret).update(`login-throttle:${kind}:${value}`).digest();
  }
}
