import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import { Counter, Histogram, register } from 'prom-client';
import { AppConfig } from '../config/app-config';
import { JobContext, JobHandler, JOB_HANDLER } from './job-handler';
import { JobQueue } from './job-queue';
import { JobName, JobPayloads, JOB_NAMES, JOBS, QUEUES, SCHEDULES } from './queue.contract';

export class MissingJobHandlersError extends Error {}

/** Collects the @HandlesJob providers; refuses a contract job without exactly one handler. */
export function resolveHandlers(found: { name: JobName; handler: JobHandler<JobName> }[]): Map<JobName, JobHandler<JobName>> {
  const handlers = new Map<JobName, JobHandler<JobName>>();
  for (const { name, handler } of found) {
    if (handlers.has(name)) throw new MissingJobHandlersError(`job "${name}" has two handlers`);
    handlers.set(name, handler);
  }
  const missing = JOB_NAMES.filter((n) => !handlers.has(n));
  if (missing.length > 0) throw new MissingJobHandlersError(`no handler for job(s): ${missing.join(', ')}`);
  return handlers;
}

const RESCHEDULE_EVERY_MS = 60_000;

function metric<T>(name: string, make: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? make();
}
const jobWait = metric(
  'weiquan_job_wait_seconds',
  () =>
    new Histogram({
      name: 'weiquan_job_wait_seconds',
      help: 'Time a job waited in its queue after it became due',
      labelNames: ['job'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    }),
);
const jobRun = metric(
  'weiquan_job_duration_seconds',
  () =>
    new Histogram({
      name: 'weiquan_job_duration_seconds',
      help: 'Time a job took to run',
      labelNames: ['job'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    }),
);
const jobFailed = metric(
  'weiquan_job_failures_total',
  () => new Counter({ name: 'weiquan_job_failures_total', help: 'Job attempts that failed', labelNames: ['job'] }),
);

/**
 * Runs one BullMQ worker per queue of the contract and dispatches each job to its handler by name.
 * Only the worker app imports this module.
 */
@Injectable()
export class JobWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobWorker.name);
  private readonly workers: Worker[] = [];
  private handlers = new Map<JobName, JobHandler<JobName>>();
  private rescheduleTimer?: NodeJS.Timeout;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.handlers = resolveHandlers(
      this.discovery
        .getProviders()
        .filter((w) => w.metatype && w.instance && Reflect.getMetadata(JOB_HANDLER, w.metatype))
        .map((w) => ({ name: Reflect.getMetadata(JOB_HANDLER, w.metatype!) as JobName, handler: w.instance as JobHandler<JobName> })),
    );
    for (const queue of Object.values(QUEUES)) {
      // A job's data is what JobQueue enqueued under its name (the contract's payload for that name).
      const worker = new Worker<JobPayloads[JobName]>(queue, (job) => this.run(job), {
        connection: { url: this.config.redis.url, maxRetriesPerRequest: null },
        prefix: this.config.redis.prefix,
        concurrency: this.config.worker.concurrency,
      });
      worker.on('failed', (job, err) => {
        jobFailed.inc({ job: job?.name ?? 'unknown' });
        this.logger.warn({ job: job?.name, id: job?.id, attempt: job?.attemptsMade, err: err.message }, 'job failed');
      });
      worker.on('error', (err) => this.logger.error({ err: err.message }, 'queue connection error'));
      this.workers.push(worker);
    }
    await this.assertSchedules();
    // A FLUSHALL forgets the schedulers; re-asserting them is idempotent and cheap.
    this.rescheduleTimer = setInterval(() => {
      this.assertSchedules().catch((err: Error) => this.logger.warn({ err: err.message }, 'could not re-assert schedules'));
    }, RESCHEDULE_EVERY_MS);
    this.logger.log({ queues: Object.values(QUEUES), jobs: JOB_NAMES }, 'worker started');
  }

  private async assertSchedules(): Promise<void> {
    for (const s of SCHEDULES) await this.jobs.schedule(s.id, s.job, s.everyMs);
  }

  private async run(job: Job<JobPayloads[JobName]>): Promise<void> {
    const name = job.name as JobName;
    const handler = this.handlers.get(name);
    if (!handler || !(name in JOBS)) throw new Error(`no handler for job "${job.name}"`);
    // A delayed or scheduled job is due at creation + delay; lag counts from then.
    const context: JobContext = { id: String(job.id), attempt: job.attemptsMade + 1, dueAt: job.timestamp + (job.delay ?? 0) };
    jobWait.observe({ job: name }, Math.max(0, Date.now() - context.dueAt) / 1000);
    const stop = jobRun.startTimer({ job: name });
    try {
      await handler.handle(job.data, context);
    } finally {
      stop();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.rescheduleTimer);
    // Let running jobs finish; unfinished ones return to the queue and run again (handlers are idempotent).
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
