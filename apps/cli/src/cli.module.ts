import { DynamicModule, Module } from '@nestjs/common';
import { BusinessModule } from '@weiquan/business';
import { CaseTextsModule } from '@weiquan/cases/lifecycle/lifecycle.module';
import { AppConfig, ConfigModule, CryptoModule, DatabaseModule } from '@weiquan/core';
import { DirectoryModule } from '@weiquan/directory';
import { IdentityModule } from '@weiquan/identity';
import { SCHEMA } from '@weiquan/schema';
import { StatsModule } from '@weiquan/stats';

@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(SCHEMA, 'weiquan-cli'),
        DirectoryModule,
        IdentityModule,
        StatsModule,
        BusinessModule,
        CryptoModule,
        CaseTextsModule,
      ],
    };
  }
}
