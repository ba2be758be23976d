import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { jobOptions } from './job-options';
import { JobName, JobPayloads, JOBS, QueueName, QUEUES } from './queue.contract';

/** The one door to the queues. Domain code enqueues through this, never through bullmq. */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(config: AppConfig) {
    for (const name of Object.values(QUEUES)) {
      this.queues.set(name, new Queue(name, { connection: { url: config.redis.url }, prefix: config.redis.prefix }));
    }
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: { delayMs?: number } = {}): Promise<void> {
    await this.queue(JOBS[name].queue).add(name, payload, jobOptions(name, payload, opts.delayMs));
  }

  /** Several jobs at once (one round trip); each keeps its contract options and de-duplicating id. */
  async enqueueMany(items: { name: JobName; payload: JobPayloads[JobName] }[]): Promise<void> {
    const byQueue = new Map<QueueName, { name: string; data: unknown; opts: ReturnType<typeof jobOptions> }[]>();
    for (const { name, payload } of items) {
      const list = byQueue.get(JOBS[name].queue) ?? [];
      list.push({ name, data: payload, opts: jobOptions(name, payload) });
      byQueue.set(JOBS[name].queue, list);
    }
    await Promise.all([...byQueue].map(([queue, jobs]) => this.queue(queue).addBulk(jobs)));
  }

  /** Keeps a repeating job scheduled; idempotent, so it can be re-asserted at any time. */
  async schedule<N extends JobName>(id: string, name: N, everyMs: number): Promise<void> {
    await this.queue(JOBS[name].queue).upsertJobScheduler(
      id,
      { every: everyMs },
      { name, data: {}, opts: jobOptions(name, {} as JobPayloads[N]) },
    );
  }

  /** Jobs waiting (not yet picked up) per queue: the backlog an operator watches. */
  async depths(): Promise<Record<QueueName, number>> {
    const entries = await Promise.all(
      [...this.queues].map(async ([name, q]) => [name, await q.getJobCountByTypes('waiting', 'prioritized')] as const),
    );
    return Object.fromEntries(entries) as Record<QueueName, number>;
  }

  queue(name: QueueName): Queue {
    const q = this.queues.get(name);
    if (!q) throw new Error(`unknown queue ${name}`);
    return q;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
