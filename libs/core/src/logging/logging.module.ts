import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** A caller's X-Request-Id is kept when it looks like one; otherwise each request gets a fresh id. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * Structured JSON logs (pino). Nothing personal reaches them: no bodies are logged, and the headers
 * that carry credentials are redacted.
 */
@Module({})
export class LoggingModule {
  static forRoot(processName: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            // Named wildcard: the path-to-regexp 8 form (a bare '*' logs a conversion warning at boot).
            forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
            pinoHttp: {
              level: config.log.level,
              base: { process: processName, pid: process.pid },
              genReqId: requestId,
              redact: {
                paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-access-code"]', 'res.headers["set-cookie"]'],
                censor: '[redacted]',
              },
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
              autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health/live' || req.url === '/metrics' },
              transport: config.log.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
            },
          }),
        }),
      ],
    };
  }
}
