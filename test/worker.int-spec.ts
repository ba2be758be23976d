import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { heartbeatKey, HeartbeatRecord, JobQueue, RedisClient } from '@weiquan/core';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { createTestEnv, TestEnv } from './support/test-env';

/** The worker process's wiring on real Redis: it takes jobs of the contract and reports liveness. */
describe('worker (Redis)', () => {
  let t: TestEnv;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await createTestEnv();
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config), { logger: false });
    await worker.init();
  });

  afterAll(async () => {
    await worker?.close();
    await t?.dispose();
  });

  it('handles a heartbeat job and records when it ran and how long it waited', async () => {
    const redis = worker.get(RedisClient);
    await redis.del(heartbeatKey(redis));
    const before = Date.now();
    await worker.get(JobQueue).enqueue('ops.heartbeat', {});
    let record: HeartbeatRecord | null = null;
    for (let i = 0; i < 50 && !record; i++) {
      const raw = await redis.get(heartbeatKey(redis));
      record = raw ? JSON.parse(raw) : null;
      if (!record) await new Promise((r) => setTimeout(r, 100));
    }
    expect(record).not.toBeNull();
    expect(Date.parse(record!.at)).toBeGreaterThanOrEqual(before - 5);
    expect(record!.lagMs).toBeGreaterThanOrEqual(0);
    expect(record!.lagMs).toBeLessThan(5_000);
  });

  it('keeps the repeating heartbeat scheduled under its own queue prefix', async () => {
    const schedulers = await worker.get(JobQueue).queue('ops').getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toContain('ops.heartbeat');
    const keys = await worker.get(RedisClient).keys(`${t.queuePrefix}:ops:*`);
    expect(keys.length).toBeGreaterThan(0);
  });
});
