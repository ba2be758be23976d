import { DynamicModule, Module } from '@nestjs/common';
import { BusinessDisclosureModule } from '@weiquan/business/disclosure/business-disclosure.module';
import { BusinessApiModule } from '@weiquan/business';
import { CasesApiModule } from '@weiquan/cases';
import { ComplaintsApiModule } from '@weiquan/complaints';
import {
  AppConfig,
  ConfigModule,
  CryptoModule,
  DatabaseModule,
  LoggingModule,
  MetricsModule,
  QueueModule,
  RedisModule,
} from '@weiquan/core';
import { DirectoryApiModule } from '@weiquan/directory';
import { IdentityApiModule } from '@weiquan/identity';
import { RoutingApiModule } from '@weiquan/routing';
import { SCHEMA } from '@weiquan/schema';
import { StatsApiModule } from '@weiquan/stats';
import { WarningsApiModule } from '@weiquan/warnings';
import { HealthModule } from './health/health.module';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('api'),
        DatabaseModule.forRoot(SCHEMA, 'weiquan-api', { statementTimeout: true }),
        RedisModule,
        CryptoModule,
        QueueModule,
        MetricsModule,
        HealthModule,
        DirectoryApiModule,
        ComplaintsApiModule,
        IdentityApiModule,
        CasesApiModule,
        RoutingApiModule,
        StatsApiModule,
        BusinessApiModule,
        BusinessDisclosureModule,
        WarningsApiModule,
      ],
    };
  }
}
