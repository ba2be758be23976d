import './pg-types';
import { DataSourceOptions, MixedList } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassList = MixedList<Function | string>;

export interface SchemaParts {
  entities: ClassList;
  migrations: ClassList;
}

/**
 * The one place connection options are decided. Migrations only: the schema is never synchronised
 * from entities, so what runs in production is exactly what the migrations say.
 */
export function dataSourceOptions(
  database: AppConfig['database'],
  schema: SchemaParts,
  applicationName: string,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: database.url,
    ssl: database.ssl ? { rejectUnauthorized: true } : false,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
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
