import { SetMetadata } from '@nestjs/common';
import type { JobName, JobPayloads } from './queue.contract';

export const JOB_HANDLER = Symbol('weiquan:job-handler');

export interface JobContext {
  id: string;
  attempt: number;
  /** When the job became due (enqueued, or its delay ran out), ms since the epoch. */
  dueAt: number;
}

/** A provider that performs one job. It must be idempotent: it may run more than once. */
export interface JobHandler<N extends JobName> {
  handle(payload: JobPayloads[N], context: JobContext): Promise<void>;
}

/** Marks a provider as the handler of a job; the worker finds it by this mark. */
export const HandlesJob = (name: JobName): ClassDecorator => SetMetadata(JOB_HANDLER, name);
