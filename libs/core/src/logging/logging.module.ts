import { DynamicModule, Inject, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino, { type Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { requestLogging } from './request-logging';

/** The process's root pino logger (every log line of the process goes through it). */
const ROOT_LOGGER = Symbol('ROOT_LOGGER');

@Module({})
class RootLoggerModule {}

/** The per-request middleware of an HTTP process (`app.use(app.get(RequestLogging).middleware)`). */
export class RequestLogging {
  readonly middleware: ReturnType<typeof requestLogging>;
  constructor(@Inject(ROOT_LOGGER) root: Logger) {
    this.middleware = requestLogging(root);
  }
}

/**
 * Structured JSON logs (pino) through Nest's logger (nestjs-pino), with the request logging of
 * request-logging.ts instead of pino-http. Nothing personal reaches them: no bodies and no headers
 * are logged.
 */
@Module({})
export class LoggingModule {
  static forRoot(processName: string): DynamicModule {
    const root: DynamicModule = {
      module: RootLoggerModule,
      providers: [
        {
          provide: ROOT_LOGGER,
          inject: [AppConfig],
          useFactory: (config: AppConfig): Logger =>
            pino({
              level: config.log.level,
              base: { process: processName, pid: process.pid },
              transport: config.log.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
            }),
        },
      ],
      exports: [ROOT_LOGGER],
    };
    return {
      module: LoggingModule,
      imports: [
        root,
        LoggerModule.forRootAsync({
          imports: [root],
          inject: [ROOT_LOGGER],
          // No pino-http and no Nest middleware (forRoutes: none): RequestLogging binds each request's logger.
          useFactory: (logger: Logger) => ({ pinoHttp: { logger }, useExisting: true, forRoutes: [] }),
        }),
      ],
      providers: [RequestLogging],
      exports: [RequestLogging],
    };
  }
}
