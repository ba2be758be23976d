import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig, LocalizedException, ProblemFilter, RequestLogging, validationException } from '@weiquan/core';
import express, { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { mountQueueDashboard } from './queue-dashboard';
import { serveWeb } from './serve-web';

/** Paths that live outside /api/v1: operations endpoints and the docs. */
const UNPREFIXED = ['health/live', 'health/ready', 'metrics'];

/** Builds the HTTP application exactly as production runs it; tests call this too. */
export async function createApi(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.use(app.get(RequestLogging).middleware);
  app.use(express.json({ limit: '256kb' }), bodyParseErrors);
  app.setGlobalPrefix('api/v1', { exclude: UNPREFIXED });
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationException,
    }),
  );
  const doc = new DocumentBuilder()
    .setTitle('聊城市消费维权投诉举报处理系统 API')
    .setDescription('Weiquan: consumer complaints and reports, routing, case handling, statistics. 公共契约 v1.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'docs/openapi.json' });
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
