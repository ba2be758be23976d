import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@weiquan/core';
import { LocalizedException, ProblemFilter, RequestLogging, SafeInputPipe, validationException, verifyJsonBody } from '@weiquan/core';
import compression from 'compression';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { openApiDocument, useApiPrefix } from './openapi';
import { mountQueueDashboard } from './queue-dashboard';
import { metricsAccess, securityHeaders } from './security-headers';
import { serveWeb } from './serve-web';

/** Builds the HTTP application exactly as production runs it; tests call this too. */
export async function createApi(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy); // TRUST_PROXY: none by default, so X-Forwarded-For is ignored
  app.use(app.get(RequestLogging).middleware);
  app.use(securityHeaders(config));
  // What is read (JSON lists, index.html, exports) is compressed when over 1 KB; the pages' assets are
  // served precompressed (serve-web.ts), which this leaves alone. Writes answer a few hundred bytes:
  // they are not wrapped at all (the wrapping alone cost intake throughput).
  app.use(compression({ threshold: 1024, filter: (req, res) => req.method === 'GET' && compression.filter(req, res) }));
  app.use('/metrics', metricsAccess(config));
  app.use(express.json({ limit: '256kb', verify: verifyJsonBody }), bodyParseErrors);
  useApiPrefix(app);
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(
    new SafeInputPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationException,
    }),
  );
  // The same document `npm run api:types` builds without a running system (apps/api/src/openapi.ts).
  if (config.http.docsEnabled) SwaggerModule.setup('docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
  if (config.queueDashboard) mountQueueDashboard(app);
  serveWeb(app, config.webDistDir);
  return app;
}

/**
 * A body the JSON parser refuses becomes a client error in the contract's shape and the caller's
 * language, before Nest would turn it into a bare parser message.
 */
function bodyParseErrors(err: { type?: string; status?: number } | undefined, _req: Request, _res: Response, next: NextFunction): void {
  if (!err) return next();
  switch (err.type) {
    case 'entity.parse.failed':
      return next(new LocalizedException(400, { zh: '请求体不是合法的 JSON', en: 'the request body is not valid JSON' }));
    case 'entity.too.large':
      return next(new LocalizedException(413, { zh: '请求体过大（最大 256 KB）', en: 'the request body is too large (at most 256 kB)' }));
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return next(new LocalizedException(415, { zh: '请求体编码不受支持，请使用 UTF-8', en: 'unsupported body encoding; use UTF-8' }));
    default:
      return next(err);
  }
}
