import type { NestExpressApplication } from '@nestjs/platform-express';
import { DirectorySeeder } from '@weiquan/directory';
import request from 'supertest';
import { createApi } from '../../apps/api/src/create-api';
import type { TestEnv } from './test-env';
import { createTestEnv } from './test-env';

export interface TestApi {
  t: TestEnv;
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  close(): Promise<void>;
}

/** The API exactly as production builds it, on a database of its own with the directory seeded. */
export async function startTestApi(extraEnv: Record<string, string> = {}): Promise<TestApi> {
  const t = await createTestEnv(extraEnv);
  const app = await createApi(t.config);
  await app.init();
  await app.get(DirectorySeeder, { strict: false }).seed();
  return {
    t,
    app,
    http: request(app.getHttpServer()),
    async close() {
      await app.close();
      await t.dispose();
    },
  };
}
