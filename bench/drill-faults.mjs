#!/usr/bin/env node
// npm run drill:faults — while complaints stream in through the API: SIGKILL a worker mid-batch,
// FLUSHALL Redis, restart PostgreSQL. Afterwards every acknowledged complaint must exist and be
// assigned exactly once (one assignment event each; unit loads equal to a recount).
// It runs its own PostgreSQL (initdb in a temporary folder) and its own redis-server, so the faults
// touch nothing else on the machine.   --complaints N (default 5000)  --rate R per s (default 250)
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ensureBuild, ensureDependencies } from '../scripts/lib/prepare.mjs';
import { complaintBody, freePort, startProcess } from './lib.mjs';

const { values } = parseArgs({ options: { complaints: { type: 'string', default: '5000' }, rate: { type: 'string', default: '250' } } });
const total = Number(values.complaints);
const rate = Number(values.rate);
ensureDependencies();
ensureBuild();
const { startPrivateRedis } = await import('../scripts/lib/embedded.mjs');
const say = (s) => console.log(`[${new Date().toISOString().slice(11, 23)}] ${s}`);
// Ctrl+C still cleans up: the finally block below stops every process this drill started.
process.on('SIGINT', () => (interrupted = true));
process.on('SIGTERM', () => (interrupted = true));
let interrupted = false;

// --- a PostgreSQL of its own -------------------------------------------------------------------
const binDir = ['/usr/lib/postgresql']
  .flatMap((d) => (existsSync(d) ? readdirSync(d).map((v) => join(d, v, 'bin')) : []))
  .find((d) => existsSync(join(d, 'initdb')));
if (!binDir) throw new Error('initdb not found (install postgresql)');
const asRoot = process.getuid?.() === 0;
const pgDir = mkdtempSync(join(tmpdir(), 'weiquan-drill-pg-'));
chmodSync(pgDir, 0o777);
const pgPort = await freePort();
const asPostgres = (cmd, args) => (asRoot ? ['runuser', ['-u', 'postgres', '--', join(binDir, cmd), ...args]] : [join(binDir, cmd), args]);
const run = (cmd, args) => {
  const [c, a] = asPostgres(cmd, args);
  return execFileSync(c, a, { stdio: 'pipe' });
};
run('initdb', ['-D', join(pgDir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync']);
const pgCtl = (action) =>
  run('pg_ctl', [
    '-D',
    join(pgDir, 'data'),
    '-l',
    join(pgDir, 'log'),
    '-w',
    '-m',
    'fast',
    '-o',
    `-p ${pgPort} -k ${pgDir} -c listen_addresses=127.0.0.1`,
    action,
  ]);
pgCtl('start');
const databaseUrl = `postgres://postgres@127.0.0.1:${pgPort}/postgres`;

const redis = await startPrivateRedis();
const processes = [];
try {
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: 'drill',
    DATA_KEY: randomBytes(32).toString('base64'),
    TOKEN_SECRET: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'error',
    INTAKE_RATE_LIMIT: '1000000',
    LOOKUP_RATE_LIMIT: '1000000',
    ROUTING_RECONCILE_AFTER_SECONDS: '5',
    DATABASE_POOL_SIZE: '20',
  };
  const cli = spawnSync(process.execPath, ['dist/apps/cli/src/main.js', 'setup'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (cli.status !== 0) throw new Error('setup failed');
  const port = await freePort();
  processes.push(await startProcess('dist/apps/api/src/main.js', { ...env, PORT: String(port) }, `http://127.0.0.1:${port}/health/live`));
  const workerA = await startProcess('dist/apps/worker/src/main.js', env);
  const workerB = await startProcess('dist/apps/worker/src/main.js', env);
  processes.push(workerA, workerB);

  // --- the stream: each complaint retried with its Idempotency-Key until acknowledged -----------
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const acknowledged = new Map();
  let retries = 0;
  let fatal = null;
  const post = async (i) => {
    const body = JSON.stringify(complaintBody(today));
    while (!interrupted) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/complaints`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `drill-complaint-${i}` },
          body,
        });
        if (res.status === 201) {
          const a = await res.json();
          acknowledged.set(
            i,
            a.cases.map((c) => c.trackingNo),
          );
          return;
        }
        if (res.status < 500) {
          // A 4xx is the client's fault, not a fault of the drill: stop and say so.
          fatal = new Error(`complaint ${i} refused: ${res.status} ${await res.text()}`);
          return;
        }
      } catch {
        /* connection refused or reset while a process restarts: retry */
      }
      retries++;
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const streamDone = (async () => {
    const inflight = new Set();
    for (let i = 0; i < total; i++) {
      const p = post(i).finally(() => inflight.delete(p));
      inflight.add(p);
      if (interrupted || fatal) break;
      if (inflight.size >= 64) await Promise.race(inflight);
      await new Promise((r) => setTimeout(r, 1000 / rate));
    }
    await Promise.all(inflight);
  })();

  const at = (fraction) =>
    new Promise((resolve, reject) => {
      const check = () => (fatal ? reject(fatal) : acknowledged.size >= total * fraction ? resolve() : setTimeout(check, 50));
      check();
    });
  await at(0.2);
  say(`SIGKILL worker ${workerA.child.pid} mid-batch (${acknowledged.size} acknowledged so far)`);
  workerA.child.kill('SIGKILL');
  processes.push(await startProcess('dist/apps/worker/src/main.js', env));
  await at(0.45);
  say('FLUSHALL on Redis');
  const flush = spawnSync('redis-cli', ['-u', redis.url, 'FLUSHALL'], { encoding: 'utf8' });
  if (flush.status !== 0) throw new Error(`FLUSHALL failed: ${flush.stderr}`);
  await at(0.7);
  say('restarting PostgreSQL');
  pgCtl('restart');
  say('PostgreSQL is back');
  await streamDone;
  if (fatal) throw fatal;
  say(`stream done: ${acknowledged.size} complaints acknowledged, ${retries} retries`);

  // --- the verdict ---------------------------------------------------------------------------
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const trackingNos = [...acknowledged.values()].flat();
  const deadline = Date.now() + 180_000;
  for (;;) {
    const {
      rows: [{ n }],
    } = await db.query(`select count(*)::int as n from cases where status = 'received'`);
    if (n === 0 || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const {
    rows: [v],
  } = await db.query(
    `select (select count(*)::int from cases where tracking_no = any($1)) as present,
            (select count(*)::int from cases) as cases,
            (select count(*)::int from cases where status = 'received') as unrouted,
            (select count(*)::int from cases where status in ('assigned', 'transferred')) as assigned,
            (select count(*)::int from cases where status = 'duplicate') as duplicates,
            (select count(*)::int from (select case_id from case_event where type in ('assigned', 'transferred') group by case_id having count(*) > 1) x) as twice,
            (select count(*)::int from (select case_id from routing_decision group by case_id, round having count(*) > 1) x) as decided_twice,
            (select count(*)::int from unit_load l full join (select assignee_code as code, count(*)::int as n from cases where status = 'assigned' group by 1) r
               on r.code = l.unit_code where coalesce(l.open_cases, 0) <> coalesce(r.n, 0)) as load_mismatches`,
    [trackingNos],
  );
  await db.end();
  const lost = trackingNos.length - v.present;
  console.log('\nfault drill', new Date().toISOString());
  console.table({
    'complaints acknowledged (cases)': trackingNos.length,
    'present in PostgreSQL': v.present,
    lost,
    'routed (assigned or transferred)': v.assigned,
    'linked duplicates (not routed)': v.duplicates,
    'still unrouted': v.unrouted,
    'assigned more than once': v.twice,
    'routing decisions twice for one round': v.decided_twice,
    'unit loads differing from a recount': v.load_mismatches,
  });
  const ok = lost === 0 && v.unrouted === 0 && v.twice === 0 && v.decided_twice === 0 && v.load_mismatches === 0;
  console.log(ok ? 'PASS: nothing lost, nothing assigned twice' : 'FAIL');
  process.exitCode = ok ? 0 : 1;
} finally {
  for (const p of processes) await p.stop();
  await redis.stop();
  try {
    pgCtl('stop');
  } catch {
    /* already down */
  }
  rmSync(pgDir, { recursive: true, force: true });
}
