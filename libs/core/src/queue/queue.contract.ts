/**
 * The job contract: every queue and job name the system uses, with its payload type and how it is
 * retried and kept. Names are data stored in Redis (and in outbox rows): never rename one; add a new
 * name and retire the old one after its jobs have drained.
 *
 * Payloads carry ids only; a handler reloads state from PostgreSQL, so a job run twice, late, or on
 * two workers at once still gives one result.
 */
export const QUEUES = {
  ops: 'ops',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** Worker liveness and queue lag: the worker records when it picked this up. */
  'ops.heartbeat': Record<string, never>;
}
export type JobName = keyof JobPayloads;

export interface JobDefinition {
  queue: QueueName;
  /** Attempts in all, including the first. */
  attempts: number;
  /** Exponential backoff base in ms between attempts. */
  backoffMs: number;
  /** Completed jobs kept for inspection (count), failed jobs kept (count): failures stay visible. */
  keepCompleted: number;
  keepFailed: number;
  /** De-duplicating job id: the same logical work gets the same id, so BullMQ holds it once. */
  jobId?: (payload: never) => string;
}

export const JOBS: { readonly [N in JobName]: JobDefinition } = {
  'ops.heartbeat': { queue: QUEUES.ops, attempts: 1, backoffMs: 0, keepCompleted: 10, keepFailed: 100 },
};

export const JOB_NAMES = Object.keys(JOBS) as JobName[];

/** The repeating jobs the worker keeps scheduled (re-asserted periodically, so a flushed Redis heals). */
export const SCHEDULES: readonly { id: string; job: JobName; everyMs: number }[] = [
  { id: 'ops.heartbeat', job: 'ops.heartbeat', everyMs: 10_000 },
];
