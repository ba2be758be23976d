import type { JobsOptions } from 'bullmq';
import type { JobName, JobPayloads } from './queue.contract';
import { JOBS } from './queue.contract';

/** BullMQ options for one job, all derived from the contract: retries, backoff, retention, id. */
export function jobOptions<N extends JobName>(name: N, payload: JobPayloads[N], delayMs?: number): JobsOptions {
  const def = JOBS[name];
  return {
    attempts: def.attempts,
    backoff: def.backoffMs > 0 ? { type: 'exponential', delay: def.backoffMs } : undefined,
    removeOnComplete: { count: def.keepCompleted },
    removeOnFail: { count: def.keepFailed },
    jobId: def.jobId ? def.jobId(payload) : undefined,
    delay: delayMs,
  };
}
