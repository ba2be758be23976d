#!/usr/bin/env node
// npm run drill:faults — while complaints stream in through the API: SIGKILL a worker mid-batch,
// FLUSHALL Redis, restart PostgreSQL. Meanwhile settlement cases leave for the formal stage: consumers
// escalate through the API, and take-up deadlines pushed into the past (SQL) let the worker's sweep
// escalate others. Afterwards every acknowledged complaint must exist and be assigned exactly once per
// routing round; no case escalated twice; every escalated case at a regulator in the formal stage,
// never at a station again; unit loads equal to a recount.
//
// Of every 10 submissions (rotating, so `kind: both` falls in each share): 6 are filed with
// path 'settlement' — 3 escalated by the consumer as soon as a station holds them (after 0.2–3 s),
// 1 whose take-up deadline is pushed into the past (the sweep escalates it), 1 pushed back too and
// escalated by the consumer the moment the drill sees the sweep running (both race for it), 1 left
// at its station — and 4 with path 'formal' (straight to a regulator).
//
// It runs its own PostgreSQL (initdb in a temporary folder) and its own redis-server, so the faults
// touch nothing else on the machine.   --complaints N (default 5000)  --rate R per s (default 250)
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';
import { ensureBuild, ensureDependencies } from '../scripts/lib/prepare.mjs';
import { complaintBody, freePort, startProcess } from './lib.mjs';

const { values } = parseArgs({ options: { complaints: { type: 'string', default: '5000' }, rate: { type: 'string', default: '250' } } });
const total = Number(values.complaints);
const rate = Number(values.rate);
ensureDependencies();
ensureBuild();
const { startPrivateRedis } = await import('../scripts/lib/embedded.mjs');
// The status lists of the built code: the same ones unit_load and the settlement stage use.
const { HOLDING_STATUSES, SETTLEMENT_OPEN } = await import('../dist/libs/cases/src/case-status.js');
const say = (s) => console.log(`[${new Date().toISOString().slice(11, 23)}] ${s}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// Ctrl+C still cleans up: the finally block below stops every process this drill started.
process.on('SIGINT', () => (interrupted = true));
process.on('SIGTERM', () => (interrupted = true));
let interrupted = false;

/** What happens to submission i (rotating by ten, shifted each ten so `kind: both`, i % 10 = 0, falls in every share). */
const ROLES = ['consumer', 'consumer', 'consumer', 'lapse', 'contested', 'stay', 'formal', 'formal', 'formal', 'formal'];
const roleOf = (i) => ROLES[(i + Math.floor(i / 10)) % 10];

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
const pgCtlArgs = (action) => [
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
];
const pgCtl = (action) => run('pg_ctl', pgCtlArgs(action));
/** The restart without blocking the drill: clients keep filing and escalating while PostgreSQL is down. */
const pgCtlAsync = (action) => promisify(execFile)(...asPostgres('pg_ctl', pgCtlArgs(action)));
pgCtl('start');
const databaseUrl = `postgres://postgres@127.0.0.1:${pgPort}/postgres`;

/**
 * One connection for the drill's own reads and writes while the faults happen: on an error (the
 * restart) it answers null and reconnects on the next call; the caller tries again later.
 */
function drillDb() {
  let client = null;
  return {
    async query(text, params) {
      try {
        if (!client) {
          const c = new pg.Client({ connectionString: databaseUrl });
          c.on('error', () => {
            if (client === c) client = null;
          });
          await c.connect();
          client = c;
        }
        return (await client.query(text, params)).rows;
      } catch {
        const c = client;
        client = null;
        await c?.end().catch(() => {});
        return null;
      }
    },
    async end() {
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}

const redis = await startPrivateRedis();
const processes = [];
// One connection per loop of the drill (the poller, the pusher, the watcher, the settle loop).
const dbs = { poller: drillDb(), pusher: drillDb(), watcher: drillDb(), settle: drillDb() };
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
  const api = `http://127.0.0.1:${port}/api/v1`;
  processes.push(await startProcess('dist/apps/api/src/main.js', { ...env, PORT: String(port) }, `http://127.0.0.1:${port}/health/live`));
  const workerA = await startProcess('dist/apps/worker/src/main.js', env);
  const workerB = await startProcess('dist/apps/worker/src/main.js', env);
  processes.push(workerA, workerB);

  // --- the stream: each complaint retried with its Idempotency-Key until acknowledged -----------
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const acknowledged = new Map();
  /** The complaint case of each acknowledged submission: { no, code, role, pushedAt, outcome, answeredAt }. */
  const plans = [];
  let retries = 0;
  let fatal = null;
  const post = async (i) => {
    const role = roleOf(i);
    const body = JSON.stringify({ ...complaintBody(today), path: role === 'formal' ? 'formal' : 'settlement' });
    // A restart takes seconds: two minutes of failures in a row is a broken build or schema, not a fault.
    const giveUpAt = Date.now() + 120_000;
    let last = 'no answer';
    while (!interrupted && !fatal) {
      if (Date.now() > giveUpAt) {
        fatal = new Error(`complaint ${i} still failing after 120 s: ${last}`);
        return;
      }
      try {
        const res = await fetch(`${api}/complaints`, {
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
          const complaint = a.cases.find((c) => c.track === 'complaint');
          if (complaint && complaint.status === 'received') {
            const plan = { no: complaint.trackingNo, code: a.accessCode, role, pushedAt: null, outcome: null, answeredAt: null };
            plans.push(plan);
            if (role === 'consumer' || role === 'contested') escalations.push(consumerEscalates(plan));
          }
          return;
        }
        if (res.status < 500) {
          // A 4xx is the client's fault, not a fault of the drill: stop and say so.
          fatal = new Error(`complaint ${i} refused: ${res.status} ${await res.text()}`);
          return;
        }
        last = `${res.status} ${(await res.text()).slice(0, 300)}`;
      } catch {
        /* connection refused or reset while a process restarts: retry */
      }
      retries++;
      await sleep(250);
    }
  };

  // --- where each settlement case is: one query for every waiting consumer ----------------------
  /** tracking no → resolve('station' | 'formal' | 'timeout'), for consumers waiting for a station to hold their case. */
  const waiting = new Map();
  const atStation = (no) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => waiting.delete(no) && resolve('timeout'), 180_000).unref();
      waiting.set(no, (where) => {
        clearTimeout(timer);
        waiting.delete(no);
        resolve(where);
      });
    });
  let done = false;
  const poller = (async () => {
    while (!done && !interrupted) {
      await sleep(300);
      if (!waiting.size) continue;
      const rows = await dbs.poller.query(`select tracking_no as no, status, stage from cases where tracking_no = any($1)`, [
        [...waiting.keys()],
      ]);
      for (const r of rows ?? []) {
        if (r.stage === 'formal') waiting.get(r.no)?.('formal');
        else if (SETTLEMENT_OPEN.includes(r.status)) waiting.get(r.no)?.('station');
      }
    }
  })();

  // --- the sweep's cases: take-up deadlines pushed into the past, every second ------------------
  // Two China days back (the sweep escalates a case whose take-up day is before today); clock_due is
  // the column the sweep's query reads.
  const lapseTargets = () => plans.filter((p) => (p.role === 'lapse' || p.role === 'contested') && !p.pushedAt && !p.neverAtStation);
  const pusher = (async () => {
    while (!done && !interrupted) {
      await sleep(1000);
      const targets = lapseTargets();
      if (!targets.length) continue;
      const nos = targets.map((p) => p.no);
      const pushed = await dbs.pusher.query(
        `update cases set take_up_due = (now() at time zone 'Asia/Shanghai')::date - 2, clock_due = (now() at time zone 'Asia/Shanghai')::date - 2
          where tracking_no = any($1) and status = 'settling' and stage = 'settlement' returning tracking_no as no`,
        [nos],
      );
      if (!pushed) continue;
      const byNo = new Map(targets.map((p) => [p.no, p]));
      const now = Date.now();
      for (const r of pushed) byNo.get(r.no).pushedAt = now;
      // Routed straight to a regulator (no station could help): nothing for the sweep.
      const formal = await dbs.pusher.query(`select tracking_no as no from cases where tracking_no = any($1) and stage = 'formal'`, [nos]);
      for (const r of formal ?? []) if (!byNo.get(r.no).pushedAt) byNo.get(r.no).neverAtStation = true;
    }
  })();

  // --- the sweep seen running: the contested cases' consumers escalate at that moment -------------
  let sweepEscalations = 0;
  let sweepSeenAt = 0;
  const sweepWaiters = [];
  const sweepRuns = () => new Promise((resolve) => sweepWaiters.push(resolve));
  const watcher = (async () => {
    while (!done && !interrupted) {
      await sleep(100);
      const rows = await dbs.watcher.query(`select count(*)::int as n from case_event where type = 'escalated' and actor_type = 'system'`);
      if (!rows) continue;
      if (rows[0].n > sweepEscalations) {
        sweepSeenAt ||= Date.now();
        for (const w of sweepWaiters.splice(0)) w();
      }
      sweepEscalations = rows[0].n;
    }
  })();

  // --- the consumers: escalate through the API with the access code of the filing answer ---------
  const escalations = [];
  let escalationRetries = 0;
  /** Escalation requests without an answer or answered 5xx: when, and what. */
  const escalationFailures = [];
  /** GET /complaints/{no} as the consumer, retried through the faults. */
  const view = async (p) => {
    for (let attempt = 0; attempt < 240 && !interrupted; attempt++) {
      try {
        const res = await fetch(`${api}/complaints/${p.no}`, { headers: { 'x-access-code': p.code } });
        if (res.ok) return await res.json();
        if (res.status < 500) throw new Error(`GET ${p.no}: ${res.status} ${await res.text()}`);
      } catch (err) {
        if (err instanceof Error && err.message.startsWith('GET ')) throw err;
      }
      await sleep(250);
    }
    return null;
  };
  async function consumerEscalates(p) {
    try {
      const where = await atStation(p.no);
      if (where !== 'station') {
        p.outcome = where === 'formal' ? 'never-at-station' : 'gave-up (never routed)';
        return;
      }
      if (p.role === 'contested') {
        // Pushed back by the drill, then escalated by the consumer the moment the sweep is seen at work.
        for (let w = 0; w < 900 && !p.pushedAt && !interrupted; w++) await sleep(200);
        await Promise.race([sweepRuns(), new Promise((r) => setTimeout(r, 150_000).unref())]);
      } else await sleep(200 + Math.random() * 2800);
      let ambiguous = false;
      for (let attempt = 0; attempt < 400 && !interrupted; attempt++) {
        let res = null;
        try {
          res = await fetch(`${api}/complaints/${p.no}/escalate`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-access-code': p.code },
            body: JSON.stringify(attempt % 2 ? {} : { reason: '商家一直不处理，我要正式投诉' }),
          });
        } catch (err) {
          // The answer was lost (a restart): the escalation may or may not have happened.
          escalationFailures.push({ at: Date.now(), what: `no answer (${err instanceof Error ? err.message : String(err)})` });
        }
        if (res?.status === 200) {
          p.outcome = 'escalated';
          p.answeredAt = Date.now();
          return;
        }
        if (res?.status === 409) {
          // Not in the settlement stage any more: our earlier attempt did it (answer lost), or the sweep.
          const v = await view(p);
          if (v?.stage === 'formal') {
            p.outcome = ambiguous ? 'failed, then formal' : 'already formal';
            p.answeredAt = Date.now();
            return;
          }
        } else if (res && res.status < 500) {
          fatal = new Error(`escalation of ${p.no} refused: ${res.status} ${await res.text()}`);
          return;
        } else {
          ambiguous = true;
          if (res) escalationFailures.push({ at: Date.now(), what: `${res.status} ${(await res.text()).slice(0, 200)}` });
        }
        escalationRetries++;
        await sleep(250);
      }
      p.outcome = 'gave-up (no answer)';
    } catch (err) {
      fatal ??= err;
    }
  }

  const streamDone = (async () => {
    const inflight = new Set();
    for (let i = 0; i < total; i++) {
      const p = post(i).finally(() => inflight.delete(p));
      inflight.add(p);
      if (interrupted || fatal) break;
      if (inflight.size >= 64) await Promise.race(inflight);
      await sleep(1000 / rate);
    }
    await Promise.all(inflight);
  })();

  const at = (fraction) =>
    new Promise((resolve, reject) => {
      const check = () =>
        fatal || interrupted
          ? reject(fatal ?? new Error('interrupted'))
          : acknowledged.size >= total * fraction
            ? resolve()
            : setTimeout(check, 50);
      check();
    });
  const answered = () => plans.filter((p) => p.outcome === 'escalated').length;
  const faults = {};
  await at(0.2);
  faults.kill = Date.now();
  say(`SIGKILL worker ${workerA.child.pid} mid-batch (${acknowledged.size} acknowledged so far, ${answered()} escalations answered)`);
  workerA.child.kill('SIGKILL');
  processes.push(await startProcess('dist/apps/worker/src/main.js', env));
  await at(0.45);
  faults.flush = Date.now();
  say(`FLUSHALL on Redis (${answered()} escalations answered)`);
  const flush = spawnSync('redis-cli', ['-u', redis.url, 'FLUSHALL'], { encoding: 'utf8' });
  if (flush.status !== 0) throw new Error(`FLUSHALL failed: ${flush.stderr}`);
  await at(0.7);
  faults.restart = Date.now();
  say(`restarting PostgreSQL (${answered()} escalations answered)`);
  await pgCtlAsync('restart');
  faults.back = Date.now();
  say(`PostgreSQL is back (${answered()} escalations answered)`);
  await streamDone;
  if (fatal) throw fatal;
  say(`stream done: ${acknowledged.size} complaints acknowledged, ${retries} retries; ${answered()} escalations answered so far`);

  // --- the system settles: routing, the consumers' escalations, the sweep (every 60 s) ------------
  const settleFrom = Date.now();
  const settleDeadline = settleFrom + 300_000;
  const trackingNos = [...acknowledged.values()].flat();
  let consumersDone = false;
  void Promise.all(escalations).then(() => (consumersDone = true));
  let lastSay = 0;
  for (;;) {
    await sleep(1000);
    if (fatal) throw fatal;
    const pending = plans.filter((p) => (p.role === 'lapse' || p.role === 'contested') && !p.neverAtStation);
    const rows = await dbs.settle.query(
      `select (select count(*)::int from cases where status = 'received') as unrouted,
              (select count(*)::int from cases where tracking_no = any($1) and stage = 'settlement') as lapsing`,
      [pending.map((p) => p.no)],
    );
    if (!rows) continue;
    const [{ unrouted, lapsing }] = rows;
    const unpushed = lapseTargets().length;
    if ((unrouted === 0 && lapsing === 0 && unpushed === 0 && consumersDone) || interrupted || Date.now() > settleDeadline) break;
    if (Date.now() - lastSay > 15_000) {
      lastSay = Date.now();
      say(
        `settling: ${unrouted} unrouted, ${lapsing} lapsed take-ups not yet escalated by the sweep, ${unpushed} not yet pushed back, ` +
          `consumers ${consumersDone ? 'done' : `${plans.filter((p) => p.outcome).length} of ${escalations.length} done`}`,
      );
    }
  }
  const settledIn = (Date.now() - settleFrom) / 1000;
  const timedOut = Date.now() > settleDeadline;
  done = true;
  await Promise.all([poller, pusher, watcher]);
  for (const d of Object.values(dbs)) await d.end();
  say(timedOut ? `NOT settled after ${settledIn.toFixed(0)} s: judging the state as it is` : `settled after ${settledIn.toFixed(0)} s`);

  // --- the verdict ---------------------------------------------------------------------------
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const escalated200 = plans.filter((p) => p.outcome === 'escalated').map((p) => p.no);
  const escalationTargets = plans.filter((p) => p.role === 'consumer' || p.role === 'contested' || p.pushedAt).map((p) => p.no);
  const pushedNos = plans.filter((p) => p.pushedAt).map((p) => p.no);
  const formalNos = plans.filter((p) => p.role === 'formal').map((p) => p.no);
  const contestedNos = plans.filter((p) => p.role === 'contested' && p.pushedAt).map((p) => p.no);
  const settlementNos = plans.filter((p) => p.role !== 'formal').map((p) => p.no);
  const {
    rows: [v],
  } = await client.query(
    `with ev as materialized (
       -- the routing events, each with the routing round it belongs to: rounds start at 0 and each
       -- escalation or hand-back starts the next one
       select case_id, id, type, data, round from (
         select e.case_id, e.id, e.type, e.data,
                coalesce(sum(case when e.type in ('escalated', 'handed-back') then 1 else 0 end)
                           over (partition by e.case_id order by e.id rows between unbounded preceding and 1 preceding), 0) as round
           from case_event e where e.type in ('assigned', 'transferred', 'escalated', 'handed-back')) x
        where type in ('assigned', 'transferred')
     ),
     esc as (select case_id, min(id) as eid from case_event where type = 'escalated' group by case_id)
     select (select count(*)::int from cases where tracking_no = any($1)) as present,
            (select count(*)::int from cases) as cases,
            (select count(*)::int from cases where status = 'received') as unrouted,
            (select count(*)::int from cases where status in ('settling', 'negotiating', 'offered')) as at_station,
            (select count(*)::int from cases where status = 'assigned' and assignee_type = 'regulator') as at_regulator,
            (select count(*)::int from cases where status in ('refused', 'closed')) as desk,
            (select count(*)::int from cases where status = 'duplicate') as duplicates,
            (select count(*)::int from (select case_id from ev group by case_id, round having count(*) > 1) x) as twice,
            (select count(*)::int from cases c left join (select case_id, count(*)::int as n from ev where type = 'assigned' group by 1) a
               on a.case_id = c.id where c.status not in ('received', 'duplicate') and coalesce(a.n, 0) <> c.routing_round + 1) as rounds_mismatch,
            (select count(*)::int from (select case_id from routing_decision group by case_id, round having count(*) > 1) x) as decided_twice,
            (select count(*)::int from unit_load l full join (select assignee_code as code, count(*)::int as n from cases where status = any($5) group by 1) r
               on r.code = l.unit_code where coalesce(l.open_cases, 0) <> coalesce(r.n, 0)) as load_mismatches,
            (select count(distinct c.id)::int from cases c join ev on ev.case_id = c.id and ev.type = 'assigned' and ev.round = 0
               where c.tracking_no = any($4) and ev.data->'assignee'->>'type' = 'station') as settlement_at_station,
            (select count(distinct c.id)::int from cases c join ev on ev.case_id = c.id and ev.type = 'assigned'
               where c.tracking_no = any($6) and ev.data->'assignee'->>'type' = 'station') as formal_at_station,
            (select count(*)::int from esc) as escalated,
            (select count(*)::int from case_event where type = 'escalated' and actor_type = 'consumer') as by_consumer,
            (select count(*)::int from case_event where type = 'escalated' and actor_type = 'system') as by_sweep,
            (select count(*)::int from (select case_id from case_event where type = 'escalated' group by case_id having count(*) > 1) x) as escalated_twice,
            (select count(*)::int from esc join cases c on c.id = esc.case_id where c.status = 'received') as escalated_unrouted,
            (select count(*)::int from esc join cases c on c.id = esc.case_id
               where c.assignee_type is distinct from 'regulator' or c.stage <> 'formal') as escalated_not_regulator,
            (select count(*)::int from esc where not exists (select 1 from case_event e where e.case_id = esc.case_id and e.id > esc.eid
               and e.type = 'assigned' and e.data->'assignee'->>'type' = 'regulator')) as escalated_no_regulator_event,
            (select count(*)::int from esc where exists (select 1 from case_event e where e.case_id = esc.case_id and e.id > esc.eid
               and e.type = 'assigned' and e.data->'assignee'->>'type' = 'station')) as escalated_then_station,
            (select count(*)::int from esc join cases c on c.id = esc.case_id where not (c.tracking_no = any($7))) as escalated_unasked,
            (select count(*)::int from cases c where c.tracking_no = any($2) and not exists (select 1 from case_event e
               where e.case_id = c.id and e.type = 'escalated' and e.actor_type = 'consumer')) as answered_not_recorded,
            (select count(*)::int from cases where tracking_no = any($3) and stage = 'settlement') as lapsed_not_escalated,
            (select jsonb_object_agg(s, n) from (select c.status as s, count(*)::int as n from esc join cases c on c.id = esc.case_id group by 1) x) as escalated_status,
            (select jsonb_object_agg(a, n) from (select e.actor_type as a, count(*)::int as n from case_event e join cases c on c.id = e.case_id
               where e.type = 'escalated' and c.tracking_no = any($8) group by 1) x) as contested_by,
            -- seconds from receipt to the first assignment, and from an escalation to the regulator's
            (select jsonb_build_object('p50', percentile_cont(0.5) within group (order by s), 'p95', percentile_cont(0.95) within group (order by s), 'max', max(s))
               from (select extract(epoch from min(e.at) - c.received_at)::float8 as s from cases c
                       join case_event e on e.case_id = c.id and e.type = 'assigned' group by c.id, c.received_at) x) as routed_s,
            (select jsonb_build_object('p50', percentile_cont(0.5) within group (order by s), 'p95', percentile_cont(0.95) within group (order by s), 'max', max(s))
               from (select extract(epoch from (select min(a.at) from case_event a where a.case_id = e.case_id and a.id > e.id and a.type = 'assigned') - e.at)::float8 as s
                       from case_event e where e.type = 'escalated') x) as rerouted_s`,
    [trackingNos, escalated200, pushedNos, settlementNos, HOLDING_STATUSES, formalNos, escalationTargets, contestedNos],
  );
  // The same by when a case was received: which fault it waited through.
  const { rows: phases } = await client.query(
    `select phase, count(*)::int as n, percentile_cont(0.5) within group (order by s) as p50, percentile_cont(0.95) within group (order by s) as p95
       from (select case when c.received_at < to_timestamp($1 / 1000.0) then 1 when c.received_at < to_timestamp($2 / 1000.0) then 2
                         when c.received_at < to_timestamp($3 / 1000.0) then 3 when c.received_at < to_timestamp($4 / 1000.0) then 4 else 5 end as phase,
                    extract(epoch from min(e.at) - c.received_at)::float8 as s
               from cases c join case_event e on e.case_id = c.id and e.type = 'assigned' group by c.id, c.received_at) x
      group by 1 order by 1`,
    [faults.kill, faults.flush, faults.restart, faults.back],
  );
  await client.end();
  const PHASES = ['', 'before the SIGKILL', 'SIGKILL → FLUSHALL', 'FLUSHALL → restart', 'during the restart', 'after it'];
  const lost = trackingNos.length - v.present;
  const count = (f) => plans.filter(f).length;
  const consumerPlans = plans.filter((p) => p.role === 'consumer' || p.role === 'contested');
  const gaveUp = count((p) => p.outcome?.startsWith('gave-up'));
  const inFaults = count((p) => p.outcome === 'escalated' && p.answeredAt >= faults.kill && p.answeredAt <= faults.back);
  // PostgreSQL's restart is the one fault the API answers 503 for: from its start to 5 s after it is back.
  const unexpected = escalationFailures.filter((f) => f.at < faults.restart || f.at > faults.back + 5_000);
  const secs = (q) => (q?.p50 == null ? 'n/a' : `${q.p50.toFixed(1)} / ${q.p95.toFixed(1)} / ${q.max.toFixed(1)}`);
  console.log('\nfault drill', new Date().toISOString());
  console.table({
    'complaints acknowledged (cases)': trackingNos.length,
    'present in PostgreSQL': v.present,
    lost,
    'complaints filed for settlement / formal': `${settlementNos.length} / ${formalNos.length}`,
    'settlement filings a station took (round 0)': v.settlement_at_station,
    'formal filings assigned to a station': v.formal_at_station,
    'now at a station / at a regulator / decided by the desk': `${v.at_station} / ${v.at_regulator} / ${v.desk}`,
    'linked duplicates (not routed)': v.duplicates,
    'still unrouted': v.unrouted,
    'consumer escalations asked (case at a station)': consumerPlans.length - count((p) => p.outcome === 'never-at-station'),
    '  answered 200': escalated200.length,
    '  answered 200 between the SIGKILL and PostgreSQL back': inFaults,
    '  no answer or 5xx, then found formal': count((p) => p.outcome === 'failed, then formal'),
    '  409, already formal (the sweep first)': count((p) => p.outcome === 'already formal'),
    '  requests without an answer or 5xx (outside the restart)': `${escalationFailures.length} (${unexpected.length})`,
    '  client gave up': gaveUp,
    '  retried requests': escalationRetries,
    'take-up deadlines pushed into the past (SQL)': pushedNos.length,
    '  contested by the consumer during a sweep run (won by consumer / sweep)': `${contestedNos.length} (${v.contested_by?.consumer ?? 0} / ${v.contested_by?.system ?? 0})`,
    'escalated in PostgreSQL (by consumer / by sweep)': `${v.escalated} (${v.by_consumer} / ${v.by_sweep})`,
    'escalated more than once': v.escalated_twice,
    'escalated, still received': v.escalated_unrouted,
    'escalated, not at a regulator in the formal stage': v.escalated_not_regulator,
    'escalated, no regulator assignment after it': v.escalated_no_regulator_event,
    'escalated, then assigned to a station': v.escalated_then_station,
    'escalated though nobody escalated it': v.escalated_unasked,
    'answered 200 but no consumer escalation recorded': v.answered_not_recorded,
    'lapsed take-ups still in settlement': v.lapsed_not_escalated,
    'assigned more than once in a routing round': v.twice,
    'assignments ≠ routing rounds': v.rounds_mismatch,
    'routing decisions twice for one round': v.decided_twice,
    'unit loads differing from a recount': v.load_mismatches,
    'receipt → first assignment, s (p50 / p95 / max)': secs(v.routed_s),
    'escalation → regulator, s (p50 / p95 / max)': secs(v.rerouted_s),
  });
  console.log(
    `receipt → first assignment by when received (n: p50 / p95 s): ${phases.map((r) => `${PHASES[r.phase]} ${r.n}: ${r.p50.toFixed(1)} / ${r.p95.toFixed(1)}`).join('; ')}`,
  );
  console.log(
    `status of the escalated cases: ${JSON.stringify(v.escalated_status ?? {})}; settled ${settledIn.toFixed(0)} s after the stream`,
  );
  if (unexpected.length) {
    const first = unexpected[0];
    console.log(
      `WARN: ${unexpected.length} escalation requests failed outside PostgreSQL's restart, ` +
        `the first ${((first.at - faults.back) / 1000).toFixed(1)} s after it was back: ${first.what}`,
    );
  }
  if (sweepSeenAt)
    console.log(`the sweep was first seen escalating ${((sweepSeenAt - faults.flush) / 1000).toFixed(0)} s after the FLUSHALL`);
  const exercised = escalated200.length > 0 && v.by_sweep > 0;
  const ok =
    exercised &&
    !timedOut &&
    lost === 0 &&
    v.unrouted === 0 &&
    v.twice === 0 &&
    v.rounds_mismatch === 0 &&
    v.decided_twice === 0 &&
    v.load_mismatches === 0 &&
    v.formal_at_station === 0 &&
    v.escalated_twice === 0 &&
    v.escalated_unrouted === 0 &&
    v.escalated_not_regulator === 0 &&
    v.escalated_no_regulator_event === 0 &&
    v.escalated_then_station === 0 &&
    v.escalated_unasked === 0 &&
    v.answered_not_recorded === 0 &&
    v.lapsed_not_escalated === 0 &&
    gaveUp === 0;
  console.log(
    ok
      ? 'PASS: nothing lost, nothing assigned twice in a round, nothing escalated twice, every escalated case at a regulator'
      : `FAIL${exercised ? '' : ' (escalations were not exercised: none answered 200 or none by the sweep)'}`,
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  // Stops the drill's own loops and clients (a failure leaves them running otherwise).
  interrupted = true;
  for (const d of Object.values(dbs)) await d.end();
  for (const p of processes) await p.stop();
  await redis.stop();
  try {
    pgCtl('stop');
  } catch {
    /* already down */
  }
  rmSync(pgDir, { recursive: true, force: true });
}
