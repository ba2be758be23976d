import { DynamicModule, Module } from '@nestjs/common';
import {
  AppConfig,
  ConfigModule,
  DatabaseModule,
  JobQueue,
  LoggingModule,
  QueueModule,
  QueueWorkerModule,
  RedisModule,
  WorkerHeartbeatHandler,
} from '@weiquan/core';
import { WorkerMetricsServer } from './worker-metrics.server';
import { CasesWorkerModule } from '@weiquan/cases';
import { RoutingWorkerModule } from '@weiquan/routing';
import { NotificationsWorkerModule } from '@weiquan/notifications';
import { SCHEMA } from '@weiquan/schema';
import { StatsWorkerModule } from '@weiquan/stats';
import { WarningsWorkerModule } from '@weiquan/warnings';

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
        RoutingWorkerModule,
        NotificationsWorkerModule,
        CasesWorkerModule,
        StatsWorkerModule,
        WarningsWorkerModule,
      ],
      providers: [
        WorkerHeartbeatHandler,
        {
          provide: WorkerMetricsServer,
          inject: [JobQueue],
          useFactory: (jobs: JobQueue) => new WorkerMetricsServer(jobs, config.workerMetricsPort, config.http.metricsToken),
        },
      ],
    };
  }
}
