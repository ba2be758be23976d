import { Injectable } from '@nestjs/common';
import { HandlesJob, JobContext, JobHandler } from '../queue/job-handler';
import { RedisClient } from '../redis/redis.module';

export interface HeartbeatRecord {
  /** When a worker last picked up a heartbeat job (ISO). */
  at: string;
  /** How long that job waited in the queue: the queue lag an operator cares about. */
  lagMs: number;
  pid: number;
}

export const heartbeatKey = (redis: RedisClient) => redis.key('worker', 'heartbeat');

/** Worker side: record that a worker is alive and how far behind the queue is. */
@Injectable()
@HandlesJob('ops.heartbeat')
export class WorkerHeartbeatHandler implements JobHandler<'ops.heartbeat'> {
  constructor(private readonly redis: RedisClient) {}

  async handle(_payload: Record<string, never>, context: JobContext): Promise<void> {
    const now = Date.now();
    const record: HeartbeatRecord = { at: new Date(now).toISOString(), lagMs: Math.max(0, now - context.dueAt), pid: process.pid };
    await this.redis.set(heartbeatKey(this.redis), JSON.stringify(record), 'EX', 3600);
  }
}
