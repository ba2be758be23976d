import './pg-types';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';

export interface SchemaParts {
  /** Migration classes, in the order they run. */
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

/**
 * The one place connection options are decided. Migrations only: there are no entities (every
 * query is SQL), so what runs in production is exactly what the migrations say.
 */
export function dataSourceOptions(database: AppConfig['database'], schema: SchemaParts, applicationName: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: database.url,
    ssl: database.ssl ? { rejectUnauthorized: true } : false,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    applicationName,
    extra: {
      max: database.poolSize,
      // Dates as ISO strings: a DATE column is a calendar day, never shifted by a time zone.
      connectionTimeoutMillis: 10_000,
      // No JIT: this is an online service of short statements. PostgreSQL compiles a statement whose
      // estimate passes jit_above_cost (100,000): ~20 ms of compiling for the respondent hotspots,
      // whose estimate counts 1,000 rows per generate_series and which run in 8 ms (docs/PERFORMANCE.md).
      options: '-c jit=off',
    },
    logging: ['error'],
  };
}
