import { randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source.options';

const key = randomBytes(32).toString('base64');
const config = (env: Record<string, string> = {}) =>
  AppConfig.fromEnv({ DATABASE_URL: 'postgres://u@localhost/db', DATA_KEY: key, TOKEN_SECRET: key, ...env });
const extra = (o: ReturnType<typeof dataSourceOptions>) => (o as { extra: { connectionTimeoutMillis: number; options: string } }).extra;

describe('connection limits (DATABASE_ACQUIRE_TIMEOUT_MS, DATABASE_STATEMENT_TIMEOUT_MS)', () => {
  it('waits 2 s for a pooled connection and cancels API statements after 15 s by default', () => {
    const c = config();
    expect(c.database).toMatchObject({ acquireTimeoutMs: 2000, statementTimeoutMs: 15_000 });
    const api = extra(dataSourceOptions(c.database, { migrations: [] }, 'weiquan-api', { statementTimeout: true }));
    expect(api.connectionTimeoutMillis).toBe(2000);
    expect(api.options).toBe('-c jit=off -c statement_timeout=15000');
  });

  it('gives the worker, the CLI and migrations no statement timeout (rollup rebuilds and migrations run long)', () => {
    const worker = extra(dataSourceOptions(config().database, { migrations: [] }, 'weiquan-worker'));
    expect(worker.options).toBe('-c jit=off');
  });

  it('takes both from the environment; 0 turns the statement timeout off', () => {
    const c = config({ DATABASE_ACQUIRE_TIMEOUT_MS: '500', DATABASE_STATEMENT_TIMEOUT_MS: '0' });
    const api = extra(dataSourceOptions(c.database, { migrations: [] }, 'weiquan-api', { statementTimeout: true }));
    expect(api).toMatchObject({ connectionTimeoutMillis: 500, options: '-c jit=off' });
    expect(() => config({ DATABASE_ACQUIRE_TIMEOUT_MS: '10' })).toThrow(/DATABASE_ACQUIRE_TIMEOUT_MS/);
  });
});
