// What the benchmarks share: a database of their own, the built processes, realistic payloads.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { ROOT } from '../scripts/lib/prepare.mjs';

export const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
export const redisUrl = process.env.BENCH_REDIS_URL || process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/**
 * A database for one benchmark phase, dropped by `drop()`. With `kept`, it has a fixed name
 * (`wq_bench_<tag>`) and `drop()` leaves it; a kept one whose filling finished (`keep(meta)` was
 * called: data/bench/<name>.json holds the secrets its rows were written with and what filled it)
 * is opened instead of created, with that record as `kept`; otherwise `kept` is null.
 */
export async function createBenchDatabase(tag, { kept = false } = {}) {
  const name = kept ? `wq_bench_${tag}` : `wq_bench_${tag}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const metaFile = join(ROOT, 'data', 'bench', `${name}.json`);
  const existed = kept && existsSync(metaFile) && (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount > 0;
  if (!existed) {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  }
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    kept: existed ? JSON.parse(readFileSync(metaFile, 'utf8')) : null,
    /** Marks a kept database as filled: `meta` must hold the secrets (DATA_KEY encrypts its personal data). */
    keep(meta) {
      if (!kept) return;
      mkdirSync(dirname(metaFile), { recursive: true });
      writeFileSync(metaFile, JSON.stringify(meta, null, 2), { mode: 0o600 });
    },
    async drop() {
      if (kept) return;
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/**
 * Brings a database to the steady state a running system is in before a measured phase:
 *  - ANALYZE, as autovacuum would have done by then. A prepared statement's generic plan is made from
 *    the statistics: made on a fresh database (empty tables) it scans whole tables, until autovacuum's
 *    first ANALYZE of them replans it (a minute or so in). Inside a short run that happens or not.
 *  - CHECKPOINT, so that each phase starts alike: after one, the first change to every page writes
 *    the whole page to the WAL (CREATE DATABASE checkpoints too, handicapping the first phase).
 */
export async function settleDatabase(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('analyze');
  await client.query('checkpoint');
  await client.end();
}

export function benchEnv(databaseUrl, extra = {}) {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `bench${process.pid}`,
    DATA_KEY: randomBytes(32).toString('base64'),
    TOKEN_SECRET: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    DATA_DIR: join(ROOT, 'data', 'bench'),
    INTAKE_RATE_LIMIT: '1000000',
    LOOKUP_RATE_LIMIT: '1000000',
    ...extra,
  };
}

export function cli(env, ...args) {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), ...args], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} failed`);
}

export function freePort() {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export async function startProcess(script, env, readyUrl) {
  const child = spawn(process.execPath, [join(ROOT, script)], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (readyUrl) {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(readyUrl)).ok) break;
      } catch {
        /* starting */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    child,
    stop: () =>
      new Promise((resolve) => {
        // A process that already died (e.g. SIGKILLed by the drill) has a signalCode and no exitCode.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明'];
const BUSINESSES = [
  '聊城市东昌府区好味道餐饮店',
  '聊城金鼎购物中心某服装专柜',
  '阳谷县某家电销售有限公司',
  '临清市某美容美发店',
  '茌平区某教育培训学校',
  '冠县某健身俱乐部',
  '莘县某通讯器材商行',
  '东阿县某酒店',
  '高唐县某超市',
  '聊城某汽车销售服务有限公司',
];
const STORIES = [
  ['餐饮服务', 'catering', '在该店就餐时发现菜品变质，与店家协商未果，店家拒绝退款并态度恶劣。', '退还餐费并赔偿'],
  ['服装鞋帽', 'clothing', '购买的羽绒服穿了两次就开线跑绒，商家以已穿过为由拒绝退换。', '退货退款'],
  ['家用电器', 'appliances', '新买的冰箱制冷效果差，售后上门三次仍未修好，要求更换被拒。', '更换新机'],
  ['美容美发', 'beauty', '办理了会员预付卡，充值 3000 元后门店突然关门，联系不上经营者。', '退还卡内余额'],
  ['教育培训', 'education-training', '报名的培训课程与宣传的师资不符，申请退费被以合同条款拒绝。', '退还剩余课时费'],
  ['体育健身', 'sports-fitness', '健身房更换经营者后不认原会员卡，要求重新办卡。', '继续履行合同或退款'],
];

let serial = 0;
export function complaintBody(today) {
  const i = serial++;
  const [, categoryCode, description, demand] = STORIES[i % STORIES.length];
  return {
    kind: i % 10 === 0 ? 'both' : 'complaint',
    categoryCode,
    channel: ['offline', 'online', 'livestream'][i % 3],
    prepaid: i % 4 === 0,
    consumer: {
      name: SURNAMES[i % SURNAMES.length] + GIVEN[(i >> 4) % GIVEN.length],
      // Distinct phones: a benchmark of intake, not of duplicate detection.
      phone: `13${String(5 + (i % 5))}${String(process.pid % 1000).padStart(3, '0')}${String(i).padStart(5, '0').slice(-5)}`,
      address: `山东省聊城市东昌府区柳园街道${(i % 97) + 1}号院${(i % 12) + 1}号楼`,
    },
    respondent: {
      name: BUSINESSES[i % BUSINESSES.length],
      address: `聊城市${['东昌府区', '阳谷县', '临清市'][i % 3]}某路${(i % 300) + 1}号`,
      areaCode: ['371502', '371521', '371581'][i % 3],
    },
    incidentDate: today,
    amount: Math.round((50 + (i % 5000)) * 100) / 100 + 0.5,
    description,
    demand,
    consentToPublish: i % 3 === 0,
  };
}
