import { Injectable, MiddlewareConsumer, Module, NestMiddleware, NestModule } from '@nestjs/common';
import { InjectMetric, makeHistogramProvider, PrometheusModule } from '@willsoto/nestjs-prometheus';
import type { NextFunction, Request, Response } from 'express';
import { Histogram } from 'prom-client';

const HTTP_DURATION = 'http_request_duration_seconds';

/** Request latency by route pattern (never the raw URL: tracking numbers would explode the label set). */
@Injectable()
class HttpMetricsMiddleware implements NestMiddleware {
  constructor(@InjectMetric(HTTP_DURATION) private readonly duration: Histogram<string>) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const stop = this.duration.startTimer();
    res.on('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path;
      stop({ method: req.method, route: route ? req.baseUrl + route : 'unmatched', status: String(res.statusCode) });
    });
    next();
  }
}

@Module({
  imports: [PrometheusModule.register({ path: '/metrics', defaultMetrics: { enabled: true } })],
  providers: [
    HttpMetricsMiddleware,
    makeHistogramProvider({
      name: HTTP_DURATION,
      help: 'HTTP request duration in seconds',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    }),
  ],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
