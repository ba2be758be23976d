import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig, dataSourceOptions } from '@weiquan/core';
import { SCHEMA } from '@weiquan/schema';

const adminUrl = () => process.env.TEST_DATABASE_URL!;

function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** A fresh, migrated database of its own, and a queue prefix of its own. Call `dispose` in afterAll. */
export interface TestEnv {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  env: Record<string, string>;
  config: AppConfig;
  dataSource: DataSource;
  dispose(): Promise<void>;
}

export async function createTestEnv(extraEnv: Record<string, string> = {}): Promise<TestEnv> {
  const name = uniqueName('wq_test');
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const queuePrefix = uniqueName('t');
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: process.env.TEST_REDIS_URL!,
    QUEUE_PREFIX: queuePrefix,
    DATA_KEY: randomBytes(32).toString('base64'),
    TOKEN_SECRET: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: 'dist/web',
    ...extraEnv,
  };
  const config = AppConfig.fromEnv(env);
  const dataSource = new DataSource(dataSourceOptions(config.database, SCHEMA, 'weiquan-test'));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    databaseUrl,
    redisUrl: env.REDIS_URL,
    queuePrefix,
    env,
    config,
    dataSource,
    async dispose() {
      await dataSource.destroy();
      await dropDatabase(name);
      await deleteRedisKeys(env.REDIS_URL, queuePrefix);
    },
  };
}

async function dropDatabase(name: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
