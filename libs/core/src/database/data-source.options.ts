import './pg-types';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';

export interface SchemaParts {
  /** Migration classes, in the order they run. */
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

export interface ConnectionLimits {
  /**
   * Cancel any statement running longer than DATABASE_STATEMENT_TIMEOUT_MS (the API process: a
   * stalled database answers 503 instead of holding the request). Off for the worker, migrations and
   * the CLI, whose rollup rebuilds and migrations legitimately run long.
   */
  statementTimeout?: boolean;
}

/**
 * The one place connection options are decided. Migrations only: there are no entities (every
 * query is SQL), so what runs in production is exactly what the migrations say.
 */
export function dataSourceOptions(
  database: AppConfig['database'],
  schema: SchemaParts,
  applicationName: string,
  limits: ConnectionLimits = {},
): DataSourceOptions {
  const statementTimeout =
    limits.statementTimeout && database.statementTimeoutMs > 0 ? ` -c statement_timeout=${database.statementTimeoutMs}` : '';
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
      // How long a query waits for a pooled connection (or for a new one to connect) before failing
      // with "timeout exceeded when trying to connect": answered 503 with Retry-After (ProblemFilter).
      connectionTimeoutMillis: database.acquireTimeoutMs,
      // No JIT: this is an online service of short statements. PostgreSQL compiles a statement whose
      // estimate passes jit_above_cost (100,000): ~20 ms of compiling for the respondent hotspots,
      // whose estimate counts 1,000 rows per generate_series and which run in 8 ms (docs/PERFORMANCE.md).
      options: `-c jit=off${statementTimeout}`,
    },
    logging: ['error'],
  };
}
