import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JobQueue, QUEUES, sameSecret } from '@weiquan/core';
import { createServer, Server } from 'node:http';
import { collectDefaultMetrics, Gauge, register } from 'prom-client';

let queueSource: JobQueue | undefined;

/**
 * Prometheus metrics of a worker process on their own port (WORKER_METRICS_PORT), on loopback only:
 * queue depth, job wait and run times, failures, routing decisions by rule, notifications sent and
 * failed. Not an API: /metrics and /health only. With METRICS_TOKEN set, /metrics needs
 * `Authorization: Bearer <token>` like the API's.
 */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerMetricsServer.name);
  private server?: Server;

  constructor(
    private readonly jobs: JobQueue,
    private readonly port: number | null,
    private readonly token: string | null = null,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.port) return;
    // The registry is per process; register each metric once even if this module starts twice.
    if (!register.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics();
    queueSource = this.jobs;
    if (!register.getSingleMetric('weiquan_queue_waiting')) {
      new Gauge({
        name: 'weiquan_queue_waiting',
        help: 'Jobs waiting to be picked up, per queue',
        labelNames: ['queue'],
        async collect() {
          if (!queueSource) return;
          const depths = await queueSource.depths();
          for (const q of Object.values(QUEUES)) this.set({ queue: q }, depths[q] ?? 0);
        },
      });
    }
    this.server = createServer((req, res) => {
      if (req.url === '/metrics') {
        const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
        if (this.token !== null && !sameSecret(given, this.token)) {
          res.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"' }).end();
          return;
        }
        register.metrics().then(
          (text) => res.writeHead(200, { 'content-type': register.contentType }).end(text),
          (err: Error) => res.writeHead(500).end(err.message),
        );
      } else if (req.url === '/health') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      } else {
        res.writeHead(404).end();
      }
    });
    this.server.listen(this.port, '127.0.0.1', () => this.logger.log(`worker metrics on http://127.0.0.1:${this.port}/metrics`));
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
