import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { pgTransaction } from '../database/pg-transaction';
import { JobQueue } from '../queue/job-queue';
import { JobName, JobPayloads, OUTBOX_JOBS } from '../queue/queue.contract';
import { OutboxPayloads, OutboxTopic } from './outbox.contract';

const BATCH = 500;
const IDLE_MS = 100;
const ERROR_BACKOFF_MS = 1_000;

/**
 * Moves committed outbox rows to the queues (worker only). Rows are locked with SKIP LOCKED, so any
 * number of workers relay side by side; a row is marked relayed in the transaction that enqueued
 * it. A crash between the two re-relays the row, and the job's de-duplicating id keeps one job.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Relays one batch; returns how many rows it moved. */
  async relayOnce(): Promise<number> {
    return pgTransaction(this.db, async (sql) => {
      const rows = await sql.query<{ id: string; topic: OutboxTopic; payload: OutboxPayloads[OutboxTopic] }>(
        `select id::text as id, topic, payload from outbox o where relayed_at is null order by o.id limit ${BATCH} for update skip locked`,
      );
      if (!rows.length) return 0;
      const byTopic = new Map<OutboxTopic, OutboxPayloads[OutboxTopic][]>();
      for (const r of rows) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), r.payload]);
      const jobs: { name: JobName; payload: JobPayloads[JobName] }[] = [...byTopic].flatMap(([topic, payloads]) => {
        const map = OUTBOX_JOBS[topic];
        if (!map) throw new Error(`outbox topic "${topic}" has no jobs in the contract`);
        // Each topic's rows go to that topic's mapping (a union of mappings takes the intersection of their inputs).
        return map(payloads as never);
      });
      await this.jobs.enqueueMany(jobs);
      await sql.query(`update outbox set relayed_at = now(), attempts = attempts + 1 where id = any($1::bigint[])`, [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      let moved: number;
      try {
        moved = await this.relayOnce();
      } catch (err) {
        this.logger.warn({ err: (err as Error).message }, 'outbox relay failed; retrying');
        await this.sleep(ERROR_BACKOFF_MS);
        continue;
      }
      if (moved < BATCH) await this.sleep(IDLE_MS);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }
}
