import { Logger } from '@nestjs/common';
import { languageOf, LocalizedException } from '@weiquan/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import type { StaffRole } from '../roles';
import type { StaffAuthenticator } from './staff-authenticator';
import { tokenFromHeaders } from './staff-authenticator';

const logger = new Logger('auth');

/**
 * StaffAuthGuard for plain Express routers mounted outside Nest (the queue dashboard): the same
 * token check through StaffAuthenticator, from `Authorization: Bearer` or the `wq_token` cookie.
 * Refusals answer 401/403 in the contract's error shape and the caller's language.
 */
export function staffOnly(auth: StaffAuthenticator, roles: readonly StaffRole[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const token = tokenFromHeaders(req.headers, { cookie: true });
    const missing =
      token === null
        ? new LocalizedException(401, {
            zh: '请先以管理员身份登录（请求头 Authorization: Bearer <令牌>，或 wq_token Cookie）',
            en: 'log in as an administrator first (Authorization: Bearer <token>, or the wq_token cookie)',
          })
        : null;
    (missing ? Promise.reject(missing) : auth.authenticate(token))
      .then((principal) => {
        auth.authorize(principal, roles);
        (req as Request & { staff?: unknown }).staff = principal;
        next();
      })
      .catch((err: unknown) => {
        const e =
          err instanceof LocalizedException
            ? err
            : new LocalizedException(503, { zh: '暂时无法验证登录，请稍后重试', en: 'cannot check the login right now; retry shortly' });
        if (!(err instanceof LocalizedException)) logger.error({ err: (err as Error)?.message }, 'staff check failed');
        const status = e.getStatus();
        if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
        if (status === 503) res.setHeader('Retry-After', '2');
        const lang = languageOf(req.headers['accept-language']);
        res.status(status).json({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: e.text[lang], ...e.extra });
      });
  };
}
