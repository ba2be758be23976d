/**
 * The job contract: every queue and job name the system uses, with its payload type and how it is
 * retried and kept. Names are data stored in Redis (and in outbox rows): never rename one; add a new
 * name and retire the old one after its jobs have drained.
 *
 * Payloads carry ids only; a handler reloads state from PostgreSQL, so a job run twice, late, or on
 * two workers at once still gives one result.
 */
import type { OutboxPayloads as OutboxPayloadMap } from '../outbox/outbox.contract';

export const QUEUES = {
  ops: 'ops',
  routing: 'routing',
  notifications: 'notifications',
  cases: 'cases',
  stats: 'stats',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** Worker liveness and queue lag: the worker records when it picked this up. */
  'ops.heartbeat': Record<string, never>;
  /** Route a batch of cases (each in its routing round): one transaction for up to ROUTE_BATCH cases. */
  'routing.route-cases': {
    cases: { caseId: string; round: number }[];
    /** Set by the reconciler: a re-enqueue is new work, not the same job as one that completed or failed. */
    sweep?: string;
  };
  /**
   * Settlement cases past their city take-up or outcome deadline become formal complaints (the name is
   * from when it escalated late stations; job names never change).
   */
  'routing.escalate-stations': Record<string, never>;
  /** Re-enqueue what PostgreSQL says is due but Redis may have lost (a flush, a lost job). */
  'routing.reconcile': Record<string, never>;
  /**
   * Send one notification (one channel), exactly once. `retry` is set only by the reconciler (the
   * row's attempts so far), so a notification whose job is gone or failed for good can be retried.
   */
  'notifications.send': { notificationId: string; retry?: number };
  /** Re-enqueue unsent notifications Redis may have lost (a flush after relaying). */
  'notifications.reconcile': Record<string, never>;
  /** Statutory clocks: remind units of deadlines due soon, escalate overdue cases to oversight (from PostgreSQL). */
  'cases.sweep-clocks': Record<string, never>;
  /** Apply new case history events to the statistics rollups (from a watermark in PostgreSQL). */
  'stats.apply-events': Record<string, never>;
  /** Run the early-warning detector over the subjects whose rollup counts moved (from PostgreSQL). */
  'warnings.evaluate': Record<string, never>;
}
export type JobName = keyof JobPayloads;

export interface JobDefinition<N extends JobName> {
  queue: QueueName;
  /** Attempts in all, including the first. */
  attempts: number;
  /** Exponential backoff base in ms between attempts. */
  backoffMs: number;
  /** Completed jobs kept for inspection (count), failed jobs kept (count): failures stay visible. */
  keepCompleted: number;
  keepFailed: number;
  /** De-duplicating job id: the same logical work gets the same id, so BullMQ holds it once. */
  jobId?: (payload: JobPayloads[N]) => string;
}

export const JOBS: { readonly [N in JobName]: JobDefinition<N> } = {
  'ops.heartbeat': { queue: QUEUES.ops, attempts: 1, backoffMs: 0, keepCompleted: 10, keepFailed: 100 },
  'routing.route-cases': {
    queue: QUEUES.routing,
    attempts: 5,
    backoffMs: 1_000,
    keepCompleted: 1_000,
    keepFailed: 10_000,
    // The same batch (same cases, same rounds) enqueued twice is held once.
    jobId: (p) => `route-cases-${p.cases[0].caseId}-${p.cases.length}-${hashCases(p.cases)}${p.sweep ? `-s${p.sweep}` : ''}`,
  },
  'routing.escalate-stations': { queue: QUEUES.routing, attempts: 1, backoffMs: 0, keepCompleted: 10, keepFailed: 100 },
  'routing.reconcile': { queue: QUEUES.routing, attempts: 1, backoffMs: 0, keepCompleted: 10, keepFailed: 100 },
  'notifications.send': {
    queue: QUEUES.notifications,
    attempts: 5,
    backoffMs: 5_000,
    keepCompleted: 1_000,
    keepFailed: 10_000,
    // One job per notification (a re-relayed outbox row is held once); a reconciler retry is another.
    jobId: (p) => (p.retry ? `notify-${p.notificationId}-r${p.retry}` : `notify-${p.notificationId}`),
  },
  'notifications.reconcile': { queue: QUEUES.notifications, attempts: 1, backoffMs: 0, keepCompleted: 10, keepFailed: 100 },
  'cases.sweep-clocks': { queue: QUEUES.cases, attempts: 1, backoffMs: 0, keepCompleted: 10, keepFailed: 100 },
  'stats.apply-events': { queue: QUEUES.stats, attempts: 1, backoffMs: 0, keepCompleted: 10, keepFailed: 100 },
  'warnings.evaluate': { queue: QUEUES.stats, attempts: 1, backoffMs: 0, keepCompleted: 10, keepFailed: 100 },
};

export const JOB_NAMES = Object.keys(JOBS) as JobName[];

/** The repeating jobs the worker keeps scheduled (re-asserted periodically, so a flushed Redis heals). */
export const SCHEDULES: readonly { id: string; job: JobName; everyMs: number }[] = [
  { id: 'ops.heartbeat', job: 'ops.heartbeat', everyMs: 10_000 },
  { id: 'routing.escalate-stations', job: 'routing.escalate-stations', everyMs: 60_000 },
  { id: 'routing.reconcile', job: 'routing.reconcile', everyMs: 30_000 },
  { id: 'notifications.reconcile', job: 'notifications.reconcile', everyMs: 60_000 },
  { id: 'cases.sweep-clocks', job: 'cases.sweep-clocks', everyMs: 300_000 },
  { id: 'stats.apply-events', job: 'stats.apply-events', everyMs: 5_000 },
  // Within a rollup cycle or two of a complaint: the detector reads what the aggregator applied.
  { id: 'warnings.evaluate', job: 'warnings.evaluate', everyMs: 15_000 },
];

/** Cases routed together in one job and one transaction. */
export const ROUTE_BATCH = 250;

function hashCases(cases: { caseId: string; round: number }[]): string {
  let h = 2166136261;
  for (const c of cases) for (const ch of `${c.caseId}:${c.round};`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h.toString(36);
}

export function routeBatches(
  cases: { caseId: string; round: number }[],
  sweep?: string,
): { name: 'routing.route-cases'; payload: JobPayloads['routing.route-cases'] }[] {
  const jobs = [];
  for (let i = 0; i < cases.length; i += ROUTE_BATCH)
    jobs.push({ name: 'routing.route-cases' as const, payload: { cases: cases.slice(i, i + ROUTE_BATCH), ...(sweep ? { sweep } : {}) } });
  return jobs;
}

/** Which jobs the rows of each outbox topic become when the worker relays them (a batch of rows at once). */
export const OUTBOX_JOBS: {
  [T in keyof OutboxPayloadMap]: (payloads: OutboxPayloadMap[T][]) => { name: JobName; payload: JobPayloads[JobName] }[];
} = {
  'case.received': (payloads) => routeBatches(payloads.map((p) => ({ caseId: p.caseId, round: p.round }))),
  'notification.created': (payloads) =>
    payloads.map((p) => ({ name: 'notifications.send' as const, payload: { notificationId: p.notificationId } })),
};
