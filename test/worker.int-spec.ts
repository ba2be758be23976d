import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { HeartbeatRecord } from '@weiquan/core';
import { heartbeatKey, JobQueue, QUEUES, RedisClient } from '@weiquan/core';
import { AccountsService, TokenService } from '@weiquan/identity';
import request from 'supertest';
import { createApi } from '../apps/api/src/create-api';
import { WorkerModule } from '../apps/worker/src/worker.module';
import type { TestEnv } from './support/test-env';
import { createTestEnv } from './support/test-env';

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
    // The worker's own repeating heartbeat may write a record it began just before `before`: wait for
    // the one this job wrote.
    let record: HeartbeatRecord | null = null;
    for (let i = 0; i < 50 && !record; i++) {
      const raw = await redis.get(heartbeatKey(redis));
      const seen: HeartbeatRecord | null = raw ? JSON.parse(raw) : null;
      record = seen && Date.parse(seen.at) >= before - 5 ? seen : null;
      if (!record) await new Promise((r) => setTimeout(r, 100));
    }
    expect(record).not.toBeNull();
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

describe('queue dashboard', () => {
  it('shows every queue of the contract to an administrator', async () => {
    const t = await createTestEnv({ QUEUE_DASHBOARD: 'true' });
    const app = await createApi(t.config);
    await app.init();
    try {
      const { user } = await app.get(AccountsService).create({ username: 'ops-admin', displayName: '运维', role: 'admin' });
      const { accessToken } = app.get(TokenService).issue({ id: user.id, tokenVersion: 0 });
      const page = await request(app.getHttpServer()).get('/admin/queues').set('Authorization', `Bearer ${accessToken}`).expect(200);
      expect(page.text).toContain('<div id="root">');
      const api = await request(app.getHttpServer())
        .get('/admin/queues/api/queues')
        .set('Authorization', `Bearer ${accessToken}`)
        .expect(200);
      expect(api.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(Object.values(QUEUES).sort());
    } finally {
      await app.close();
      await t.dispose();
    }
  });
});

describe('worker metrics', () => {
  it('serves queue depth, job times, routing decisions and notifications on WORKER_METRICS_PORT, to whoever has METRICS_TOKEN', async () => {
    const port = 20_000 + (process.pid % 20_000);
    const token = 'worker-metrics-token-0123456789';
    const t = await createTestEnv({ WORKER_METRICS_PORT: String(port), METRICS_TOKEN: token });
    const w = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config), { logger: false });
    await w.init();
    try {
      await w.get(JobQueue).enqueue('ops.heartbeat', {});
      await new Promise((r) => setTimeout(r, 1_000));
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(401);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: 'Bearer not-the-token' } })).status).toBe(401);
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
      expect(text).toMatch(/weiquan_queue_waiting\{queue="routing"\} \d+/);
      expect(text).toMatch(/weiquan_notifications_unsent\{state="failed"\} \d+/);
      expect(text).toMatch(/weiquan_job_duration_seconds_count\{job="ops.heartbeat"\} [1-9]/);
      expect(text).toContain('weiquan_routing_decisions_total');
      expect(await (await fetch(`http://127.0.0.1:${port}/health`)).json()).toEqual({ status: 'ok' });
    } finally {
      await w.close();
      await t.dispose();
    }
  });
});
