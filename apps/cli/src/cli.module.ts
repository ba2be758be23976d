import { DynamicModule, Module } from '@nestjs/common';
import { BusinessModule } from '@weiquan/business';
import { AppConfig, ConfigModule, DatabaseModule } from '@weiquan/core';
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
      ],
    };
  }
}
