import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Response } from 'express';
import { LocalizedException } from '@weiquan/core';

/** Rate limits answer like every other error, in the caller's language, saying when to retry. */
@Injectable()
export class ConsumerThrottleGuard extends ThrottlerGuard {
  protected override throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire || detail.timeToExpire));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    return Promise.reject(
      new LocalizedException(
        429,
        { zh: `请求过于频繁，请在 ${seconds} 秒后重试`, en: `too many requests; retry in ${seconds} seconds` },
        [],
        { retryAfterSeconds: seconds },
      ),
    );
  }
}
