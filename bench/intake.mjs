#!/usr/bin/env node
// npm run bench:intake — POST /api/v1/complaints at 32 connections for 20 s, and in the same run the
// raw PostgreSQL rate of inserting the same rows (case + history event + outbox + matter claim, and the receipt SMS, one transaction each)
// at the same concurrency. Prints requests/s, p50/p99 latency and the ratio.
//   --duration S (default 20)  --connections N (default 32)  --api N (API processes, default 1)
//   --client wrk|autocannon (default: wrk when it is on PATH — a C client leaves the two cores to the
//   system under test — otherwise autocannon)
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ensureBuild, ensureDependencies } from '../scripts/lib/prepare.mjs';
import { cpuMeter } from './lib/cpu.mjs';
import { defaultClient, driveIntake } from './lib/intake-load.mjs';
import { benchEnv, cli, complaintBody, createBenchDatabase, freePort, percentile, settleDatabase, startProcess } from './lib.mjs';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '32' },
    api: { type: 'string', default: '1' },
    client: { type: 'string' },
  },
});
const client = values.client ?? defaultClient();
const duration = Number(values.duration);
const connections = Number(values.connections);
const apiProcs = Number(values.api);
ensureDependencies();
ensureBuild();

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const db = await createBenchDatabase('intake');
try {
  const port = await freePort();
  const env = benchEnv(db.url, { PORT: String(port), DATABASE_POOL_SIZE: String(Math.ceil(connections / apiProcs) + 2) });
  cli(env, 'setup');

  // 1. The API (API_PROCESSES workers sharing the port through node:cluster).
  const api0 = await startProcess(
    'dist/apps/api/src/main.js',
    { ...env, API_PROCESSES: String(apiProcs) },
    `http://127.0.0.1:${port}/health/live`,
  );
  let api;
  try {
    await driveIntake(port, { connections, seconds: 3, client }); // warm-up: every pooled connection opened, JIT warm
    await settleDatabase(db.url);
    const cpu = cpuMeter({ api: api0.child.pid });
    api = await driveIntake(port, { connections, seconds: duration, client });
    api.cpu = cpu.stop(api.n);
  } finally {
    await api0.stop();
  }

  // 2. Raw PostgreSQL: the same rows, one transaction each, same concurrency.
  const raw = await rawInserts(db.url, connections, duration);

  const ratio = api.rps / raw.rps;
  console.log(
    '\nintake benchmark',
    new Date().toISOString(),
    `(${connections} connections, ${duration} s, ${apiProcs} API process(es), client ${client})`,
  );
  console.table({
    'POST /complaints': {
      'req/s': api.rps.toFixed(0),
      'p50 ms': Number(api.p50).toFixed(1),
      'p99 ms': Number(api.p99).toFixed(1),
      '2xx': api.ok,
      'not 2xx': api.bad,
    },
    'raw PostgreSQL tx': {
      'req/s': raw.rps.toFixed(0),
      'p50 ms': raw.p50.toFixed(1),
      'p99 ms': raw.p99.toFixed(1),
      '2xx': raw.n,
      'not 2xx': 0,
    },
  });
  if (api.cpu && raw.cpu) {
    // Where the two cores went, per request (Node: the API process, or the raw run's pg client).
    console.log('CPU µs per request (user + system):');
    console.table({
      'POST /complaints': { Node: api.cpu.api, PostgreSQL: api.cpu.postgres, Redis: api.cpu.redis, machine: api.cpu.machine },
      'raw PostgreSQL tx': { Node: raw.cpu.client, PostgreSQL: raw.cpu.postgres, Redis: raw.cpu.redis, machine: raw.cpu.machine },
    });
  }
  console.log(`ratio API/raw = ${ratio.toFixed(2)} (bar ≥ 0.50); p99 = ${Number(api.p99).toFixed(1)} ms (bar < 100 ms)`);
  process.exitCode = api.bad > 0 ? 1 : 0;
} finally {
  await db.drop();
}

async function rawInserts(url, concurrency, seconds) {
  const pool = new pg.Pool({ connectionString: url, max: concurrency });
  await Promise.all(Array.from({ length: concurrency }, () => pool.query('select 1')));
  await settleDatabase(url);
  const cpu = cpuMeter({ client: process.pid }); // once the backends exist, until before they go
  const latencies = [];
  const until = Date.now() + seconds * 1000;
  let seq = 0;
  const worker = async () => {
    const client = await pool.connect();
    try {
      while (Date.now() < until) {
        const b = complaintBody(today);
        const t0 = performance.now();
        const n = seq++;
        await client.query('begin');
        // The same rows the API writes: per case (two for "both") the case, its event, its outbox row
        // and its matter claim; per submission the receipt SMS and its outbox row.
        let firstId = null;
        for (const track of b.kind === 'both' ? ['complaint', 'report'] : ['complaint']) {
          const { rows } = await client.query(
            `insert into cases (tracking_no, access_code_hash, track, status, rule_set, category_code, purchase_channel, prepaid, intake_channel,
               consumer_name, consumer_phone_enc, consumer_phone_hash, consumer_phone_tail, consumer_address_enc, respondent_name, respondent_key,
               respondent_address, respondent_area_code, incident_date, amount_fen, description, demand, consent_to_publish, received_at, received_on, acceptance_due)
             values ($1, $2, $20, 'received', 'order121', $3, $4, $5, 'web', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, now(), $15, $15)
             returning id`,
            [
              `raw${process.pid}${n}${track[0]}`,
              randomBytes(32),
              b.categoryCode,
              b.channel,
              b.prepaid,
              b.consumer.name,
              randomBytes(40),
              randomBytes(32),
              b.consumer.phone.slice(-4),
              randomBytes(60),
              b.respondent.name,
              `name:${b.respondent.name}`,
              b.respondent.address,
              b.respondent.areaCode,
              b.incidentDate,
              Math.round(b.amount * 100),
              b.description,
              b.demand,
              b.consentToPublish,
              track,
            ],
          );
          await client.query(
            `insert into case_event (case_id, type, actor_type, to_status, public) values ($1, 'received', 'system', 'received', true)`,
            [rows[0].id],
          );
          await client.query(`insert into outbox (topic, payload) values ('case.received', jsonb_build_object('caseId', $1::text))`, [
            rows[0].id,
          ]);
          await client.query(`insert into matter_claim (key, case_id, received_at) values ($1, $2, now())`, [randomBytes(32), rows[0].id]);
          firstId ??= rows[0].id;
        }
        const { rows: receipt } = await client.query(
          `insert into notification (case_id, kind, channel, text, params, secret_enc) values ($1, 'received', 'sms', $2, '{}', $3) returning id`,
          [
            firstId,
            `【聊城市场监管】您的投诉（编号 raw${process.pid}${n}c）已收到。凭编号和查询码可在线查询办理进度，查询码请妥善保管。`,
            randomBytes(40),
          ],
        );
        await client.query(
          `insert into outbox (topic, payload) values ('notification.created', jsonb_build_object('notificationId', $1::text))`,
          [receipt[0].id],
        );
        await client.query('commit');
        latencies.push(performance.now() - t0);
      }
    } finally {
      client.release();
    }
  };
  const t0 = Date.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (Date.now() - t0) / 1000;
  const used = cpu.stop(latencies.length);
  await pool.end();
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    n: latencies.length,
    cpu: used,
  };
}
