#!/usr/bin/env node
// npm run bench:routing — a backlog of complaints (default 20,000) routed by 1, 2 and 4 worker
// processes; in the same run, the throughput of raw BullMQ no-op jobs on the same Redis; then p95
// receipt→assignment while complaints arrive at a steady rate.
//   --backlog N (default 20000)  --workers 1,2,4  --rate R per s (default 200)  --steady S seconds (default 15)
import { Queue, Worker } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ensureBuild, ensureDependencies } from '../scripts/lib/prepare.mjs';
import { benchEnv, cli, complaintBody, createBenchDatabase, percentile, redisUrl, startProcess } from './lib.mjs';

const { values } = parseArgs({
  options: {
    backlog: { type: 'string', default: '20000' },
    workers: { type: 'string', default: '1,2,4' },
    rate: { type: 'string', default: '200' },
    steady: { type: 'string', default: '15' },
    concurrency: { type: 'string', default: '16' },
  },
});
const backlog = Number(values.backlog);
const workerCounts = values.workers.split(',').map(Number);
ensureDependencies();
ensureBuild();

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const db = await createBenchDatabase('routing');
const prefix = `benchr${process.pid}`;
try {
  const env = benchEnv(db.url, {
    QUEUE_PREFIX: prefix,
    WORKER_CONCURRENCY: values.concurrency,
    DATABASE_POOL_SIZE: String(Number(values.concurrency) + 4),
    LOG_LEVEL: 'warn',
  });
  cli(env, 'setup');
  const pool = new pg.Pool({ connectionString: db.url, max: 16 });

  // 1. Raw BullMQ: no-op jobs, same Redis, same concurrency, one worker.
  const noop = await noopRate(backlog, Number(values.concurrency));

  // 2. Routing a backlog with 1, 2, 4 worker processes.
  const rows = [];
  for (const n of workerCounts) {
    const from = new Date();
    await insertCases(pool, backlog);
    const workers = [];
    for (let i = 0; i < n; i++) workers.push(await startProcess('dist/apps/worker/src/main.js', env));
    await waitRouted(pool);
    for (const w of workers) await w.stop();
    // From the first assignment to the last: process start-up is not routing.
    const {
      rows: [span],
    } = await pool.query(
      `select count(*)::int as n, extract(epoch from max(assigned_at) - min(assigned_at)) as seconds from cases where received_at >= $1`,
      [from],
    );
    rows.push({ workers: n, routed: span.n, seconds: Number(span.seconds), rate: span.n / Number(span.seconds) });
  }

  // 3. Steady intake, one worker: p95 from receipt to assignment.
  const worker = await startProcess('dist/apps/worker/src/main.js', env);
  await new Promise((r) => setTimeout(r, 2_000));
  const since = new Date();
  const steadyN = await steadyIntake(pool, Number(values.rate), Number(values.steady));
  await waitRouted(pool);
  const { rows: lat } = await pool.query(
    `select extract(epoch from (assigned_at - received_at)) * 1000 as ms from cases where received_at >= $1 and assigned_at is not null order by 1`,
    [since],
  );
  await worker.stop();
  const ms = lat.map((r) => Number(r.ms));
  const [{ unassigned, twice, over }] = (
    await pool.query(
      `select (select count(*)::int from cases where assignee_code is null and status <> 'duplicate') as unassigned,
            (select count(*)::int from (select case_id from case_event where type in ('assigned','transferred') group by case_id having count(*) > 1) x) as twice,
            (select count(*)::int from unit_load l join station s on s.code = l.unit_code where l.open_cases > s.capacity) as over`,
    )
  ).rows;
  await pool.end();

  console.log('\nrouting benchmark', new Date().toISOString(), `(backlog ${backlog}, worker concurrency ${values.concurrency})`);
  console.table({
    'raw BullMQ no-op jobs': { 'per s': noop.toFixed(0), 'ratio to no-op': '1.00' },
    ...Object.fromEntries(
      rows.map((r) => [`routed, ${r.workers} worker(s)`, { 'per s': r.rate.toFixed(0), 'ratio to no-op': (r.rate / noop).toFixed(2) }]),
    ),
  });
  console.log(
    `steady intake ${values.rate}/s for ${values.steady} s (${steadyN} cases, 1 worker): receipt→assignment p50 ${percentile(ms, 50)?.toFixed(0)} ms, p95 ${percentile(ms, 95)?.toFixed(0)} ms (bar < 1000 ms)`,
  );
  console.log(`integrity: ${unassigned} unassigned, ${twice} assigned twice, ${over} stations over capacity`);
  console.log(`ratio with one worker = ${(rows[0].rate / noop).toFixed(2)} (bar ≥ 0.50)`);
} finally {
  await db.drop();
}

async function noopRate(n, concurrency) {
  const connection = { url: redisUrl };
  const name = `noop${process.pid}`;
  const queue = new Queue(name, { connection, prefix });
  for (let i = 0; i < n; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({
        name: 'noop',
        data: { caseId: String(i + k) },
        opts: { jobId: `noop-${i + k}`, removeOnComplete: { count: 10_000 } },
      })),
    );
  }
  let done = 0;
  const t0 = Date.now();
  const finished = new Promise((resolve) => {
    const worker = new Worker(name, async () => undefined, {
      connection: { ...connection, maxRetriesPerRequest: null },
      prefix,
      concurrency,
    });
    worker.on('completed', () => {
      if (++done === n) worker.close().then(resolve);
    });
  });
  await finished;
  const rate = n / ((Date.now() - t0) / 1000);
  await queue.obliterate({ force: true });
  await queue.close();
  return rate;
}

/** Complaints as intake stores them: case, first event, outbox row (the worker relays them). */
async function insertCases(pool, n) {
  const client = await pool.connect();
  try {
    for (let i = 0; i < n; i += 500) {
      const batch = Array.from({ length: Math.min(500, n - i) }, () => complaintBody(today));
      await client.query('begin');
      await client.query(
        `with v as (
           select x.*, nextval(pg_get_serial_sequence('cases', 'id')) as id
             from jsonb_to_recordset($1::jsonb) as x(tn text, cat text, area text, name text, addr text, tail text, track text)
         ), c as (
           insert into cases (id, tracking_no, access_code_hash, track, status, rule_set, category_code, intake_channel, consumer_name,
             consumer_phone_enc, consumer_phone_hash, consumer_phone_tail, respondent_name, respondent_key, respondent_address,
             respondent_area_code, incident_date, description, demand, received_at, received_on, acceptance_due)
           overriding system value
           select id, tn, '\\x00', track, 'received', 'order121', cat, 'web', '测试', '\\x00', '\\x00', tail, name, 'name:' || name, addr,
                  area, $2::date, '基准测试投诉', '退款', now(), $2::date, $2::date + 10 from v
           returning id
         ), e as (insert into case_event (case_id, type, actor_type, to_status, public) select id, 'received', 'system', 'received', true from c)
         insert into outbox (topic, payload) select 'case.received', jsonb_build_object('caseId', id::text, 'round', 0) from c`,
        [
          JSON.stringify(
            batch.map((b, k) => ({
              tn: `B${process.pid}${randomBytes(5).toString('hex')}${k}`,
              cat: b.categoryCode,
              area: b.respondent.areaCode,
              name: b.respondent.name,
              addr: b.respondent.address,
              tail: b.consumer.phone.slice(-4),
              track: k % 10 === 0 ? 'report' : 'complaint',
            })),
          ),
          today,
        ],
      );
      await client.query('commit');
    }
  } finally {
    client.release();
  }
}

async function waitRouted(pool) {
  for (;;) {
    const { rows } = await pool.query(`select count(*)::int as n from cases where status = 'received'`);
    if (rows[0].n === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function steadyIntake(pool, perSecond, seconds) {
  let n = 0;
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const tick = Date.now();
    const batch = Math.max(1, Math.round(perSecond / 10));
    await insertCases(pool, batch);
    n += batch;
    await new Promise((r) => setTimeout(r, Math.max(0, 100 - (Date.now() - tick))));
  }
  return n;
}
