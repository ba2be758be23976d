import { DynamicModule, Module } from '@nestjs/common';
import {
  AppConfig, ConfigModule, DatabaseModule, JobQueue, LoggingModule, QueueModule, QueueWorkerModule, RedisModule, WorkerHeartbeatHandler,
} from '@weiquan/core';
import { WorkerMetricsServer } from './worker-metrics.server';
import { RoutingModule } from '@weiquan/routing';
import { SCHEMA } from '@weiquan/schema';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('worker'),
        DatabaseModule.forRoot(SCHEMA, 'weiquan-worker'),
        RedisModule,
        QueueModule,
        QueueWorkerModule,
        RoutingModule,
      ],
      providers: [
        WorkerHeartbeatHandler,
        { provide: WorkerMetricsServer, inject: [JobQueue], useFactory: (jobs: JobQueue) => new WorkerMetricsServer(jobs, config.workerMetricsPort) },
      ],
    };
  }
}
