import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { languageOf } from '../i18n/language';
import { LocalizedException } from '../i18n/localized.exception';

/** The error body of the public contract. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

/**
 * Every error leaves as `{ statusCode, error, message, details? }`. Client errors raised below Nest
 * (a broken JSON body, a body over the limit) keep their 4xx; anything unexpected is a 500 whose
 * cause goes to the log, not to the caller.
 */
const SERVICE_UNAVAILABLE: number = HttpStatus.SERVICE_UNAVAILABLE;

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const body = exception instanceof LocalizedException ? this.localized(exception, req) : this.toBody(exception, req);
    if (body.statusCode >= 500) {
      this.logger.error(
        { err: exception instanceof Error ? { message: exception.message, stack: exception.stack } : exception, url: req.url },
        'unhandled error',
      );
    }
    if (body.statusCode === SERVICE_UNAVAILABLE) res.setHeader('Retry-After', '2');
    if (!res.headersSent) res.status(body.statusCode).json(body);
  }

  private localized(e: LocalizedException, req: Request): ErrorBody {
    const lang = languageOf(req.headers['accept-language']);
    const status = e.getStatus();
    return {
      statusCode: status,
      error: STATUS_CODES[status] ?? 'Error',
      message: e.text[lang],
      ...(e.fields.length ? { details: e.fields.map((f) => ({ field: f.field, message: f.message[lang] })) } : {}),
      ...e.extra,
    };
  }

  private toBody(exception: unknown, req: Request): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'string') return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: response };
      const r = response as Partial<ErrorBody> & { message?: string | string[] };
      return {
        statusCode: status,
        error: r.error ?? STATUS_CODES[status] ?? 'Error',
        message: Array.isArray(r.message) ? r.message.join('; ') : (r.message ?? exception.message),
        ...(r.details !== undefined ? { details: r.details } : {}),
      };
    }
    if (isDatabaseUnavailable(exception)) {
      return this.localized(
        new LocalizedException(HttpStatus.SERVICE_UNAVAILABLE, {
          zh: '数据库暂时不可用，请稍后重试（同一 Idempotency-Key 可安全重试）',
          en: 'the database is unavailable; retry shortly (the same Idempotency-Key makes a retry safe)',
        }),
        req,
      );
    }
    // Middleware errors that carry a client status of their own keep it (the JSON body parser's are
    // translated where the parser is mounted, in create-api.ts).
    const e = exception as { status?: unknown; statusCode?: unknown; message?: string };
    const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : 500;
    if (status >= 400 && status < 500)
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: e.message ?? 'bad request' };
    return this.localized(
      new LocalizedException(HttpStatus.INTERNAL_SERVER_ERROR, {
        zh: '服务器内部错误，请稍后重试',
        en: 'internal error; please retry later',
      }),
      req,
    );
  }
}

/**
 * PostgreSQL restarting or unreachable, no pooled connection free within DATABASE_ACQUIRE_TIMEOUT_MS,
 * or a statement cancelled by statement_timeout (57014): the caller may retry, nothing was committed.
 */
function isDatabaseUnavailable(e: unknown): boolean {
  const err = e as { code?: string; message?: string; driverError?: { code?: string; message?: string } };
  const code = err?.code ?? err?.driverError?.code;
  const message = err?.message ?? '';
  return (
    ['57014', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', 'ECONNREFUSED', 'ECONNRESET'].includes(code ?? '') ||
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/.test(message)
  );
}
