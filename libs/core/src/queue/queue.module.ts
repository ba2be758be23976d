import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobQueue } from './job-queue';
import { JobWorker } from './job-worker';
import { OutboxRelay } from '../outbox/outbox-relay';

/** Producers: any process that enqueues. */
@Global()
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class QueueModule {}

/** Consumers: the worker process only (the job workers and the outbox relay). */
@Module({ imports: [DiscoveryModule], providers: [JobWorker, OutboxRelay], exports: [OutboxRelay] })
export class QueueWorkerModule {}
