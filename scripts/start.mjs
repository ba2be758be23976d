#!/usr/bin/env node
// `npm start`: the whole system on one machine with nothing set up beforehand.
//   - installs dependencies and builds when needed;
//   - DATABASE_URL unset → embedded PostgreSQL (PGlite) with data under ./data;
//   - REDIS_URL unset and nothing on redis://127.0.0.1:6379 → a private redis-server;
//   - migrations and directory seeds, then the API (with the pages) and one worker.
// Options: --private-redis (always use a private redis-server), --no-worker.
import { ensureBuild, ensureDependencies, ROOT } from './lib/prepare.mjs';

const flags = new Set(process.argv.slice(2));
ensureDependencies();
ensureBuild();

const { spawn } = await import('node:child_process');
const { mkdirSync, writeFileSync, rmSync, readFileSync, existsSync } = await import('node:fs');
const { join, resolve } = await import('node:path');
const { freePort, startEmbeddedPostgres, startPrivateRedis, redisAnswers } = await import('./lib/embedded.mjs');
const { loadOrCreateSecrets } = await import('./lib/secrets.mjs');

const DEFAULT_REDIS = 'redis://127.0.0.1:6379';
const dataDir = resolve(ROOT, process.env.DATA_DIR || 'data');
mkdirSync(dataDir, { recursive: true });
const say = (line) => process.stdout.write(line + '\n');
const stops = [];
const children = new Set();
let stopping = false;
let up = false; // set once the API answers ready: from then on a process that exits is restarted

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all([...children].map((c) => new Promise((r) => (c.exitCode !== null || c.signalCode ? r() : c.once('exit', r)))));
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  rmSync(join(dataDir, 'runtime.json'), { force: true });
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

/**
 * Keeps one process running once the system is up: when it exits on its own it is started again
 * after a backoff (1 s, doubling to 30 s; back to 1 s once it has stayed up a minute), and the
 * operator is told. Only Ctrl+C, or the embedded database going away (it lives in this process), stops
 * everything. Before the system is up, and after ten exits in a row each within a minute of its start,
 * an exit is a fault in the set-up (a port taken, a bad setting): then everything stops, saying so.
 */
function supervise(name, script, env) {
  let attempt = 0;
  let timer;
  let current;
  const launch = () => {
    const startedAt = Date.now();
    const child = spawn(process.execPath, ['--enable-source-maps', join(ROOT, script)], { cwd: ROOT, env, stdio: 'inherit' });
    current = child;
    children.add(child);
    child.once('exit', (code, signal) => {
      children.delete(child);
      if (stopping) return;
      if (!up) {
        process.stderr.write(`✗ ${name} 启动时退出 / exited while starting (${signal ?? `code ${code}`})\n`);
        void shutdown(1);
        return;
      }
      attempt = Date.now() - startedAt > 60_000 ? 1 : attempt + 1;
      if (attempt > 10) {
        process.stderr.write(
          `✗ ${name} 连续 10 次启动后退出，全部停止 / exited 10 times in a row soon after starting; stopping everything\n`,
        );
        void shutdown(1);
        return;
      }
      const delay = Math.min(30_000, 1000 * 2 ** (attempt - 1));
      process.stderr.write(
        `✗ ${name} 已退出 / exited (${signal ?? `code ${code}`}); ${delay / 1000} 秒后重启 / restarting in ${delay / 1000} s (第 ${attempt} 次 / attempt ${attempt})\n`,
      );
      timer = setTimeout(() => {
        if (stopping) return;
        launch();
        process.stdout.write(`• ${name} 已重启 / restarted (pid ${current.pid})\n`);
      }, delay);
    });
  };
  launch();
  stops.push(async () => clearTimeout(timer));
  return { pid: () => current.pid };
}

function runToEnd(name, script, args, env) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--enable-source-maps', join(ROOT, script), ...args], { cwd: ROOT, env, stdio: 'inherit' });
    children.add(child);
    child.once('exit', (code) => {
      children.delete(child);
      if (code === 0) resolveRun();
      else reject(new Error(`${name} failed (exit ${code})`));
    });
  });
}

async function waitReady(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

try {
  const secrets = loadOrCreateSecrets(dataDir);
  const env = { ...process.env, DATA_DIR: dataDir, WEB_DIST_DIR: join(ROOT, 'dist', 'web') };
  for (const [k, v] of Object.entries(secrets)) env[k] ||= v;
  env.LOG_PRETTY ||= process.stdout.isTTY ? 'true' : 'false';

  let dbLine;
  if (env.DATABASE_URL) {
    dbLine = `DATABASE_URL (${new URL(env.DATABASE_URL).host})`;
  } else {
    // API and worker pools plus one for the CLI must fit the multiplexer.
    env.DATABASE_POOL_SIZE = '4';
    const pg = await startEmbeddedPostgres(dataDir, 10);
    stops.push(pg.stop);
    env.DATABASE_URL = pg.url;
    dbLine = pg.describe;
  }

  let redisLine;
  if (env.REDIS_URL && !flags.has('--private-redis')) {
    if (!(await redisAnswers(env.REDIS_URL))) throw new Error(`REDIS_URL does not answer: ${env.REDIS_URL}`);
    redisLine = `REDIS_URL (${new URL(env.REDIS_URL).host})`;
  } else if (!flags.has('--private-redis') && (await redisAnswers(DEFAULT_REDIS))) {
    env.REDIS_URL = DEFAULT_REDIS;
    redisLine = `${DEFAULT_REDIS} (本机 Redis / the machine's Redis)`;
  } else {
    const redis = await startPrivateRedis();
    stops.push(redis.stop);
    env.REDIS_URL = redis.url;
    redisLine = redis.describe;
  }

  say('• 数据库迁移与目录种子 / migrations and directory seeds…');
  await runToEnd('setup', 'dist/apps/cli/src/main.js', ['setup'], env);

  const port = Number(env.PORT || 3000);
  const host = env.HOST || '127.0.0.1';
  const base = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const api = supervise('api', 'dist/apps/api/src/main.js', env);
  env.WORKER_METRICS_PORT ||= String(await freePort());
  const worker = flags.has('--no-worker') ? null : supervise('worker', 'dist/apps/worker/src/main.js', env);
  if (!(await waitReady(`${base}/health/ready`, 60_000))) throw new Error(`the API did not become ready at ${base}/health/ready`);

  // Lets `npm run cli` reach this running system (same database, same secrets).
  writeFileSync(
    join(dataDir, 'runtime.json'),
    JSON.stringify({ pid: process.pid, api: base, DATABASE_URL: env.DATABASE_URL, REDIS_URL: env.REDIS_URL }, null, 2),
  );

  const stations = await (await fetch(`${base}/api/v1/directory/stations`)).json();
  const areas = new Set(stations.map((s) => s.areaCode));
  const accountsFile = join(dataDir, 'demo-accounts.json');
  const accounts = existsSync(accountsFile) ? JSON.parse(readFileSync(accountsFile, 'utf8')) : [];
  say('');
  say('✓ 聊城市消费维权系统已启动 / weiquan is up');
  say(`  首页 portal          ${base}/`);
  const flag = (name) =>
    String(env[name] ?? '')
      .trim()
      .toLowerCase();
  const docsOn = flag('DOCS_ENABLED') ? ['true', '1', 'yes'].includes(flag('DOCS_ENABLED')) : env.NODE_ENV !== 'production';
  if (docsOn) say(`  接口文档 API docs     ${base}/docs`);
  say(`  目录 directory        ${base}/api/v1/directory/stations  (${stations.length} 个服务站 stations, ${areas.size} 个区域 areas)`);
  say(`  健康 health           ${base}/health/ready`);
  const metricsAuth = env.METRICS_TOKEN ? '  (Authorization: Bearer $METRICS_TOKEN)' : '';
  if (env.METRICS_TOKEN || env.NODE_ENV !== 'production')
    say(`  指标 metrics          ${base}/metrics   (worker: http://127.0.0.1:${env.WORKER_METRICS_PORT}/metrics)${metricsAuth}`);
  say(
    flag('SMS_PROVIDER') === 'tencent'
      ? '  短信 SMS              腾讯云短信 / Tencent Cloud SMS'
      : '  短信 SMS              未配置，只记录、不发送 / no provider (SMS_PROVIDER): recorded as not sent',
  );
  if (!['false', '0', 'no'].includes(flag('QUEUE_DASHBOARD')))
    say(`  队列 queues           ${base}/admin/queues  (仅管理员 admin only: 以 demo-admin 登录后打开 / log in as demo-admin, then open)`);
  say(`  数据库 database       ${dbLine}`);
  say(`  Redis                 ${redisLine}`);
  say(
    `  进程 processes         api pid ${api.pid()}${worker ? `, worker pid ${worker.pid()}` : ''} (退出后自动重启 / restarted if they exit)`,
  );
  if (env.NODE_ENV === 'production') {
    say('  演示账号 demo accounts: 生产模式不创建 / none in production');
  } else if (accounts.length) {
    say('  演示账号 demo accounts (data/demo-accounts.json):');
    for (const a of accounts)
      say(`    ${a.role.padEnd(16)} ${a.username.padEnd(19)} / ${a.password}  ${a.unitCode ? `${a.unitCode} ${a.unitName ?? ''}` : ''}`);
    say(`    登录 log in: POST ${base}/api/v1/auth/login {"username","password"}`);
  } else {
    say(`  演示账号 demo accounts: 无（${accountsFile} 不存在）/ none (no ${accountsFile})`);
  }
  say('  Ctrl+C 停止 / to stop');
  up = true;
} catch (err) {
  process.stderr.write(`\n✗ 启动失败 / start failed: ${err.message}\n`);
  await shutdown(1);
}
