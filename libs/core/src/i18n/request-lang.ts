import { createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Lang } from './language';
import { languageOf } from './language';

/**
 * A handler's parameter: the reader's language from the request's Accept-Language (`languageOf`).
 * Each operation still documents the header with `@ApiHeader`, saying what the language applies to.
 */
export const RequestLang = createParamDecorator((_data: unknown, context: ExecutionContext): Lang =>
  languageOf(context.switchToHttp().getRequest<Request>().headers['accept-language']),
);
