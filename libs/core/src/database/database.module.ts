import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions, SchemaParts } from './data-source.options';

@Module({})
export class DatabaseModule {
  static forRoot(schema: SchemaParts, applicationName: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => dataSourceOptions(config.database, schema, applicationName),
        }),
      ],
    };
  }
}
