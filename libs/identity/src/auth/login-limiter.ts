import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig, RedisClient } from '@weiquan/core';

export type LimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Login attempts per client per minute, counted in Redis (`<prefix>:login:<ip>`) so the limit holds
 * across API processes. Every attempt counts, right or wrong. If Redis is unreachable the limit is
 * skipped (Redis only carries jobs; the per-account lockout in PostgreSQL still holds).
 */
@Injectable()
export class LoginLimiter {
  private readonly logger = new Logger('auth');

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly redis: RedisClient,
  ) {}

  key(client: string): string {
    return `${this.config.redis.prefix}:login:${client}`;
  }

  async hit(client: string): Promise<LimitResult> {
    const key = this.key(client);
    try {
      // One round trip: start a one-minute window if there is none, count this attempt, read what is left.
      const replies = await this.redis.multi().set(key, 0, 'EX', 60, 'NX').incr(key).pttl(key).exec();
      const count = Number(replies?.[1]?.[1] ?? 0);
      const pttl = Number(replies?.[2]?.[1] ?? -1);
      if (pttl < 0) await this.redis.expire(key, 60); // a key left without expiry must not block forever
      if (count <= this.config.auth.loginPerMinute) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((pttl > 0 ? pttl : 60_000) / 1000)) };
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'login rate limit skipped: Redis unavailable');
      return { allowed: true };
    }
  }
}
