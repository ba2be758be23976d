import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppConfig } from '@weiquan/core';
import { ErrorDto } from '@weiquan/core/http/dto/error.dto';
import { ApiModule } from './api.module';

/** Every route lives under /api/v1 except the operations endpoints. */
const API_PREFIX = 'api/v1';
const UNPREFIXED = ['health/live', 'health/ready', 'metrics'];

export function useApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED });
}

/** The OpenAPI document of an application whose routes are registered (running or not). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('聊城市消费维权投诉举报处理系统 API')
    .setDescription('Weiquan: consumer complaints and reports, routing, case handling, statistics. 公共契约 v1.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorDto] });
  describeLibraryRoutes(document);
  return document;
}

/**
 * Routes whose controllers come from libraries and carry no OpenAPI decorators of their own: the
 * Prometheus scrape endpoint answers text in the exposition format.
 */
function describeLibraryRoutes(document: OpenAPIObject): void {
  const metrics = document.paths['/metrics']?.get;
  if (!metrics) throw new Error('OpenAPI: GET /metrics is no longer registered; update describeLibraryRoutes');
  metrics.tags = ['operations 运维'];
  metrics.summary = 'Prometheus metrics (text exposition format)';
  metrics.responses = {
    200: {
      description: 'Prometheus text exposition format 0.0.4',
      content: { 'text/plain': { schema: { type: 'string', example: '# HELP http_request_duration_seconds …' } } },
    },
  };
}

/**
 * The document without a running system: Nest's preview mode registers every module, controller
 * and route but instantiates no provider, so no database, Redis or queue is connected. The
 * configuration only has to be valid; none of its values shows in the document.
 */
export async function buildOpenApiDocument(): Promise<OpenAPIObject> {
  const unused = Buffer.alloc(32).toString('base64');
  const config = AppConfig.fromEnv({
    DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
    DATA_KEY: unused,
    TOKEN_SECRET: unused,
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  useApiPrefix(app);
  return openApiDocument(app);
}
