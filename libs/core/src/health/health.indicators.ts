import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobQueue } from '../queue/job-queue';
import { RedisClient } from '../redis/redis.module';
import { heartbeatKey, HeartbeatRecord } from './worker-heartbeat';

const TIMEOUT_MS = 2_000;
/** Heartbeats are scheduled every 10 s; three missed ones mean no worker is taking jobs. */
const STALE_AFTER_MS = 35_000;

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref(),
    ),
  ]);
}

@Injectable()
export class HealthIndicators {
  constructor(
    private readonly health: HealthIndicatorService,
    @InjectDataSource() private readonly db: DataSource,
    private readonly redis: RedisClient,
    private readonly jobs: JobQueue,
  ) {}

  async database() {
    const check = this.health.check('database');
    try {
      await withTimeout(this.db.query('select 1'), 'PostgreSQL');
      return check.up();
    } catch (err) {
      return check.down({ message: (err as Error).message });
    }
  }

  async redisPing() {
    const check = this.health.check('redis');
    try {
      await withTimeout(this.redis.ping(), 'Redis');
      return check.up();
    } catch (err) {
      return check.down({ message: (err as Error).message });
    }
  }

  /**
   * Queue depth and the last worker heartbeat. Reported, not failed on: an API with no worker
   * still takes complaints safely (they wait in PostgreSQL), so it stays in the load balancer.
   */
  async queues() {
    const check = this.health.check('queues');
    try {
      const [depths, raw] = await withTimeout(Promise.all([this.jobs.depths(), this.redis.get(heartbeatKey(this.redis))]), 'Redis');
      const beat = raw ? (JSON.parse(raw) as HeartbeatRecord) : null;
      const ageMs = beat ? Date.now() - Date.parse(beat.at) : null;
      return check.up({
        waiting: depths,
        worker: beat === null ? 'no heartbeat yet' : ageMs! > STALE_AFTER_MS ? 'stale' : 'alive',
        lastHeartbeatAt: beat?.at ?? null,
        lagMs: beat?.lagMs ?? null,
      });
    } catch (err) {
      return check.up({ worker: 'unknown', message: (err as Error).message });
    }
  }
}
