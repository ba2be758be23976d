import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig, ProblemFilter, validationException } from '@weiquan/core';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
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
  app.useBodyParser('json', { limit: '256kb' });
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
  serveWeb(app, config.webDistDir);
  return app;
}
