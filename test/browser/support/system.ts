import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DirectorySeeder } from '@weiquan/directory';
import type { StaffRole } from '@weiquan/identity';
import { AccountsService } from '@weiquan/identity';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { createApi } from '../../../apps/api/src/create-api';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import type { TestEnv } from '../../support/test-env';
import { createTestEnv } from '../../support/test-env';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '../../../test-artifacts/screenshots');

// A browser test that fails is run once more, its first failure printed in full; `npm test` names
// every test that passed only on its second run, so a flaky page or test stays visible and gets fixed
// (stop 26's case-page dialog lost on a resize was found this way), and one slow frame on a loaded CI
// machine does not refuse a landing. Importing this module is what every browser spec does first.
jest.retryTimes(1, { logErrorsBeforeRetry: true });

/** Phone and desktop viewports the pages are checked at. */
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };

/**
 * The whole system for a browser test: the API listening on a port and serving the built pages
 * (dist/web: `npm test` builds it first), an in-process worker (routing, notifications, statistics),
 * and headless Debian chromium driven by playwright-core.
 */
/** The built pages under test; WEB_OUT_DIR lets several builds sit side by side (the same variable vite's config reads). */
const WEB_DIST = resolve(__dirname, '../../..', process.env.WEB_OUT_DIR ?? 'dist/web');

export class BrowserSystem {
  private constructor(
    readonly t: TestEnv,
    readonly app: NestExpressApplication,
    readonly worker: INestApplicationContext,
    readonly browser: Browser,
    readonly baseUrl: string,
  ) {}

  /** `env`: settings for this system beyond the tests' defaults (e.g. a short TOKEN_TTL_SECONDS). */
  static async start(env: Record<string, string> = {}): Promise<BrowserSystem> {
    if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does it)`);
    if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error('the pages are not built: npm run build:web');
    const t = await createTestEnv({
      WEB_DIST_DIR: WEB_DIST,
      INTAKE_RATE_LIMIT: '1000',
      LOOKUP_RATE_LIMIT: '1000',
      LOGIN_RATE_LIMIT: '1000',
      ...env,
    });
    const app = await createApi(t.config);
    await app.listen(0, '127.0.0.1');
    await app.get(DirectorySeeder, { strict: false }).seed();
    const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config), { logger: false });
    await worker.init();
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const address = app.getHttpServer().address() as { port: number };
    mkdirSync(SCREENSHOTS, { recursive: true });
    return new BrowserSystem(t, app, worker, browser, `http://127.0.0.1:${address.port}`);
  }

  async page(viewport = DESKTOP, opts: { lang?: 'zh' | 'en' } = {}): Promise<{ context: BrowserContext; page: Page }> {
    // Reduced motion (which the pages honour): a click lands where the element is, not where an
    // opening dialog's animation has it for a moment on a loaded machine.
    const context = await this.browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true, reducedMotion: 'reduce' });
    if (opts.lang === 'en') await context.addInitScript("localStorage.setItem('weiquan.lang', 'en')");
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return { context, page };
  }

  /** A screenshot kept as a test artefact (test-artifacts/, not committed). */
  async shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  async staff(role: StaffRole, unitCode?: string): Promise<{ username: string; password: string }> {
    const password = 'Browser-test-pass-1';
    const username = `${role}-${Math.random().toString(36).slice(2, 8)}`;
    await this.app.get(AccountsService).create({ username, password, displayName: `测试${role}`, role, unitCode });
    return { username, password };
  }

  q<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.t.dataSource.query(sql, params);
  }

  /**
   * Waits until a condition on the database holds (the worker routes, sends, aggregates in the
   * background). On a timeout the error carries the state of the outbox and the routing, to say where
   * the work stopped.
   */
  async until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = await probe();
      if (v) return v;
      if (Date.now() > end) {
        const state = await this.q(
          `select (select count(*) from outbox where relayed_at is null)::int as "outboxUnrelayed",
                  (select count(*) from cases where assignee_code is null and status <> 'withdrawn')::int as "casesUnassigned",
                  (select count(*) from routing_decision)::int as "routingDecisions"`,
        );
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${JSON.stringify(state[0])}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async close(): Promise<void> {
    await this.browser?.close();
    await this.worker?.close();
    await this.app?.close();
    await this.t?.dispose();
  }
}
