import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobQueue } from './job-queue';
import { JobWorker } from './job-worker';

/** Producers: any process that enqueues. */
@Global()
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class QueueModule {}

/** Consumers: the worker process only. */
@Module({ imports: [DiscoveryModule], providers: [JobWorker] })
export class QueueWorkerModule {}
