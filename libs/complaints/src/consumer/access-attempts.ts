import { Injectable, Logger } from '@nestjs/common';
import { RedisClient } from '@weiquan/core';

/** Wrong access codes a tracking number takes before it is shut for the rest of the window. */
const MAX_WRONG_CODES = 10;
/** The window the wrong codes are counted in, and how long a shut number stays shut. */
const WRONG_CODE_WINDOW_SECONDS = 3600;

/**
 * Wrong access codes counted per tracking number (docs/RULES.md "Personal information"): with
 * sequential tracking numbers and 8-digit codes, a per-client limit alone lets an attacker spread
 * guesses over many addresses. After `MAX_WRONG_CODES` wrong codes within the window, the number
 * answers the same 404 to every code, the right one too, until the window ends; the consumer can
 * still follow the case through the SMS notices, and staff can help. Counts live in Redis (a limit,
 * like the per-client ones): a flushed Redis forgets them, which only lets guessing start again.
 */
@Injectable()
export class AccessAttempts {
  private readonly logger = new Logger(AccessAttempts.name);

  constructor(private readonly redis: RedisClient) {}

  /** Whether this number is shut now (too many wrong codes in the window). */
  async shut(trackingNo: string): Promise<boolean> {
    const n = await this.redis.get(this.key(trackingNo)).catch(() => null);
    return Number(n ?? 0) >= MAX_WRONG_CODES;
  }

  /** Counts one wrong code for this number. */
  async wrong(trackingNo: string): Promise<void> {
    const key = this.key(trackingNo);
    try {
      const n = await this.redis.incr(key);
      if (n === 1) await this.redis.expire(key, WRONG_CODE_WINDOW_SECONDS);
      if (n === MAX_WRONG_CODES) this.logger.warn({ trackingNo }, 'tracking number shut after repeated wrong access codes');
    } catch {
      // Redis down: the per-client limits still hold; never fail the consumer's request on it.
    }
  }

  /** Forgets the wrong codes of a number whose code was just replaced: guesses at the old code say nothing about the new one. */
  async clear(trackingNo: string): Promise<void> {
    await this.redis.del(this.key(trackingNo)).catch(() => undefined);
  }

  private key(trackingNo: string): string {
    return this.redis.key('access-fail', trackingNo);
  }
}
