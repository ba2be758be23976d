import { DynamicModule, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ConnectionLimits, dataSourceOptions, SchemaParts } from './data-source.options';

@Module({})
export class DatabaseModule {
  static forRoot(schema: SchemaParts, applicationName: string, limits: ConnectionLimits = {}): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => dataSourceOptions(config.database, schema, applicationName, limits),
          // An idle connection dropped by a PostgreSQL restart must not crash the process: the pool
          // replaces it, and the next query reconnects.
          dataSourceFactory: async (options) => {
            const ds = await new DataSource(options!).initialize();
            const logger = new Logger('database');
            (ds.driver as unknown as { master: { on(e: 'error', f: (err: Error) => void): void } }).master.on('error', (err) =>
              logger.warn({ err: err.message }, 'a pooled PostgreSQL connection failed; it will be replaced'),
            );
            return ds;
          },
        }),
      ],
    };
  }
}
