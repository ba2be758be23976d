#!/usr/bin/env node
// npm run bench:warnings — what one pass of the early-warning detector costs at 100 thousand and at
// 1 million cases: it must follow the number of changed subjects, not the size of the history.
// (A script of its own rather than a part of bench/stats.mjs, which is already ~560 lines and times
// HTTP endpoints; this one times a compiled Nest provider in-process.)
//
// For each size: the database bench:stats uses (`setup`, N cases from bench/lib/generate-cases.mjs,
// `stats:rebuild`, VACUUM ANALYZE of the rollups). Then, every size's database present at once and
// measured round-robin (so that the machine's drift falls on every size alike), for each count of
// subjects (--subjects, half respondents and half area × category slices — no more slices than the
// smallest size has, so that every size gets the same mix —, picked from the rollups among those
// with complaints in the detector's 97 days, by a hash of their key):
//  - the subjects marked changed with the compiled `WatchRepository.markChanged` (the aggregator's
//    SQL), then the compiled `EarlyWarningService.evaluatePending` timed, as the worker's job runs it,
//    on the data's last day (--to). The first pass opens the alerts its subjects deserve (not timed);
//    every timed pass after it finds them open and has nothing new to write: the steady state.
//  - the reference, with plain pg in the same round: as many primary-key lookups on stat_watch_day as
//    there are subjects, one statement each (what a detector reading a row per subject would cost).
//  - for information: the detector's two reads of the rollups alone (its own statements, a batch of
//    200 at a time), plain pg.
// Then EXPLAIN (ANALYZE, BUFFERS) of its statements on 200 subjects at each size (the compiled
// repository's own SQL, run through an explaining Sql; the write in a rolled-back transaction), and
// the cases/case_event scan counters (pg_stat_user_tables) before and after: they must not move.
//
//   --sizes 100000,1000000   --subjects 200,1000   --reps 15 (timed passes, after 1 untimed)
//   --seed 1   --to 2026-11-20 (the data's last day: the detector's "today")
//   --no-build               use node_modules and dist/ as they are
//   --keep                   keep (and reuse) the databases, named as `bench:stats --keep` names them
//                            (wq_bench_stats_<size>_seed<seed>_<to>): either script reuses the other's
//   --plans                  print every plan in full (by default the largest size's, and the others'
//                            one-line summaries)
import 'reflect-metadata';
import { hostname, cpus, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ensureBuild, ensureDependencies, ROOT } from '../scripts/lib/prepare.mjs';
import { benchEnv, cli, createBenchDatabase, percentile } from './lib.mjs';
import { generateCases } from './lib/generate-cases.mjs';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    subjects: { type: 'string', default: '200,1000' },
    reps: { type: 'string', default: '15' },
    seed: { type: 'string', default: '1' },
    to: { type: 'string', default: '2026-11-20' },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    plans: { type: 'boolean', default: false },
  },
});
const list = (s) =>
  s
    .split(',')
    .map((x) => Number(x.trim()))
    .filter((n) => n > 0);
const sizes = list(values.sizes);
const counts = list(values.subjects);
const reps = Number(values.reps);
const to = values.to;
if (!values['no-build']) {
  ensureDependencies();
  ensureBuild(['server']);
}
const require = createRequire(import.meta.url);
const built = (path) => require(join(ROOT, 'dist', path));
const { Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const core = built('libs/core/src/index.js');
const { SCHEMA } = built('libs/schema/src/index.js');
const { WarningsWorkerModule, EarlyWarningService, DEFAULT_THRESHOLDS, watchPeriods } = built('libs/warnings/src/index.js');
const { WatchRepository } = built('libs/stats/src/watch.repository.js');

/** The detector's "today" is the data's last day (noon in China): its window holds the latest complaints. */
const now = new Date(`${to}T12:00:00+08:00`);
const periods = watchPeriods(to, DEFAULT_THRESHOLDS);
const rangeFrom = periods.baseline.from; // the 97 days the detector reads: baseline + window

const rows = []; // { size, n, what, ms[] }
const info = []; // per size: generation, rebuild, subjects picked, detections, scan counters, plans
const watch = new WatchRepository();

async function prepare(size) {
  console.log(`\n━━ ${size.toLocaleString('en')} cases ━━`);
  const db = values.keep
    ? await createBenchDatabase(`stats_${size}_seed${values.seed}_${to.replaceAll('-', '')}`, { kept: true })
    : await createBenchDatabase(`warn${size}`);
  const ctx = { size, db, app: null, pool: null, note: { size } };
  try {
    const env = benchEnv(db.url, {
      QUEUE_PREFIX: `benchw${process.pid}_${size}`,
      ...(db.kept ? { DATA_KEY: db.kept.DATA_KEY, TOKEN_SECRET: db.kept.TOKEN_SECRET } : {}),
    });
    let meta = db.kept;
    if (meta) {
      console.log(`  kept database ${db.name} (generated earlier in ${meta.generated.seconds.toFixed(1)} s)`);
      cli(env, 'migrate');
    } else {
      cli(env, 'setup');
      const generated = await generateCases(db.url, { count: size, seed: Number(values.seed), to, dataKey: env.DATA_KEY });
      meta = { DATA_KEY: env.DATA_KEY, TOKEN_SECRET: env.TOKEN_SECRET, generated };
      console.log(`  generated ${generated.cases.toLocaleString('en')} cases in ${generated.seconds.toFixed(1)} s`);
    }
    ctx.note.generated = meta.generated;
    const pool = (ctx.pool = new pg.Pool({ connectionString: db.url, max: 2 }));
    // Read on a connection of its own, closed at once: its statistics reach pg_stat_user_tables before
    // the scan counters are read (a pooled one flushes them up to a second later, as a false "moved").
    const check = new pg.Client({ connectionString: db.url });
    await check.connect();
    const current = await check
      .query(`select (select last_event_id from stat_watermark) = (select max(id) from case_event) as current`)
      .then((r) => r.rows[0]?.current === true);
    await check.end();
    if (!current) {
      const t = performance.now();
      cli(env, 'stats:rebuild');
      meta.rebuildSeconds = (performance.now() - t) / 1000;
      console.log(`  stats:rebuild ${meta.rebuildSeconds.toFixed(1)} s`);
      const { rows: tables } = await pool.query(
        `select tablename from pg_tables where schemaname = 'public' and tablename like 'stat\\_%'`,
      );
      for (const { tablename } of tables) await pool.query(`vacuum analyze ${tablename}`);
    }
    db.keep(meta);
    ctx.note.rebuildSeconds = meta.rebuildSeconds ?? null;
    await pool.query('analyze warning_alert; analyze stat_watch_changed');

    // The subjects: real ones, with complaints in the 97 days the detector reads, by a hash of their key.
    const max = Math.max(...counts);
    const slices = (
      await pool.query(
        `select area_code || '|' || category_code as key from stat_area_day
          where area_code <> '*' and category_code <> '*' and track = 'complaint' and day between $1 and $2
          group by area_code, category_code order by md5(area_code || '|' || category_code) limit $3`,
        [rangeFrom, to, Math.ceil(max / 2)],
      )
    ).rows.map((r) => ({ kind: 'slice', key: r.key }));
    const businesses = (
      await pool.query(
        `select respondent_key as key from stat_watch_day where day between $1 and $2
          group by respondent_key order by md5(respondent_key) limit $3`,
        [rangeFrom, to, max],
      )
    ).rows.map((r) => ({ kind: 'business', key: r.key }));
    const [{ n: allBusinesses }] = (await pool.query(`select count(distinct respondent_key)::int as n from stat_watch_day`)).rows;
    ctx.note.available = { slices: slices.length, businesses: businesses.length, allBusinesses };
    console.log(
      `  subjects with complaints ${rangeFrom}..${to}: ${slices.length} slices${slices.length < max / 2 ? ' (all of them)' : ''}, ≥ ${businesses.length.toLocaleString('en')} respondents (of ${allBusinesses.toLocaleString('en')} in the rollup)`,
    );
    ctx.candidates = { slices, businesses };

    await new Promise((r) => setTimeout(r, 1500));
    ctx.scansBefore = await caseScans(pool);
    const config = core.loadConfigOrExit(env);
    class WarningsBenchModule {}
    Module({ imports: [core.ConfigModule.forRoot(config), core.DatabaseModule.forRoot(SCHEMA, 'weiquan-bench'), WarningsWorkerModule] })(
      WarningsBenchModule,
    );
    ctx.app = await NestFactory.createApplicationContext(WarningsBenchModule, { logger: ['error'] });
    ctx.detector = ctx.app.get(EarlyWarningService, { strict: false });
    return ctx;
  } catch (err) {
    await close(ctx);
    throw err;
  }
}

/** Marks `set` changed as the aggregator does, in a transaction of its own. */
async function mark(ctx, set) {
  const client = await ctx.pool.connect();
  try {
    await client.query('begin');
    await client.query('delete from stat_watch_changed');
    await watch.markChanged({ query: async (text, params) => (await client.query(text, params)).rows }, set);
    await client.query('commit');
  } finally {
    client.release();
  }
}

async function evaluateOnce(ctx, n) {
  await mark(ctx, ctx.sets.get(n));
  const t = performance.now();
  const r = await ctx.detector.evaluatePending(now);
  const ms = performance.now() - t;
  if (r.evaluated !== n) throw new Error(`evaluatePending evaluated ${r.evaluated} subjects, not ${n}`);
  return { ms, r };
}

/** The reference: `n` primary-key lookups on stat_watch_day, one statement each, plain pg. */
async function lookups(ctx, n) {
  const keys = ctx.sets.get(n).filter((s) => s.kind === 'business');
  const client = await ctx.pool.connect();
  try {
    const t = performance.now();
    for (let i = 0; i < n; i++)
      await client.query('select complaints, prepaid, signal, prepaid_signal from stat_watch_day where respondent_key = $1 and day = $2', [
        keys[i % keys.length].key,
        to,
      ]);
    return performance.now() - t;
  } finally {
    client.release();
  }
}

/** The detector's two reads alone (its own statements, 200 subjects a statement), plain pg. */
async function readsOnly(ctx, n) {
  const client = await ctx.pool.connect();
  const sql = { query: async (text, params) => (await client.query(text, params)).rows };
  try {
    const set = ctx.sets.get(n);
    const t = performance.now();
    for (let i = 0; i < set.length; i += 200) {
      const batch = set.slice(i, i + 200);
      await watch.businessCounts(
        sql,
        batch.filter((s) => s.kind === 'business').map((s) => s.key),
        periods.window,
        periods.baseline,
      );
      await watch.sliceCounts(
        sql,
        batch.filter((s) => s.kind === 'slice').map((s) => splitSlice(s.key)),
        periods.window,
        periods.baseline,
      );
    }
    return performance.now() - t;
  } finally {
    client.release();
  }
}

/** The scan counters of the tables the detector must never read. */
async function caseScans(pool) {
  await pool.query('select pg_stat_clear_snapshot()');
  const { rows: r } = await pool.query(
    `select relname, seq_scan::int as seq, coalesce(idx_scan, 0)::int as idx from pg_stat_user_tables
      where relname in ('cases', 'case_event') order by relname`,
  );
  return Object.fromEntries(r.map((x) => [x.relname, { seq: x.seq, idx: x.idx }]));
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the detector's statements for one batch of 200 subjects: the
 * compiled repository's SQL through a Sql that explains instead of running (inside a transaction
 * rolled back, as takeChanged deletes).
 */
async function explain(ctx) {
  const set = ctx.sets.get(200) ?? ctx.sets.get(Math.min(...counts)).slice(0, 200);
  await mark(ctx, set);
  const client = await ctx.pool.connect();
  const plans = [];
  const explaining = (label) => ({
    query: async (text, params) => {
      const r = await client.query(`explain (analyze, buffers, costs off, timing on) ${text}`, params);
      plans.push({ label, plan: r.rows.map((x) => x['QUERY PLAN']).join('\n') });
      return [];
    },
  });
  try {
    await client.query('begin');
    await watch.takeChanged(explaining('takeChanged (the changed subjects taken, 200)'), 200);
    await watch.historyStart(explaining('historyStart'));
    await watch.businessCounts(
      explaining(`businessCounts (${set.filter((s) => s.kind === 'business').length} respondents)`),
      set.filter((s) => s.kind === 'business').map((s) => s.key),
      periods.window,
      periods.baseline,
    );
    await watch.sliceCounts(
      explaining(`sliceCounts (${set.filter((s) => s.kind === 'slice').length} slices)`),
      set.filter((s) => s.kind === 'slice').map((s) => splitSlice(s.key)),
      periods.window,
      periods.baseline,
    );
  } finally {
    await client.query('rollback');
    client.release();
  }
  await ctx.pool.query('delete from stat_watch_changed');
  return plans;
}

async function close(ctx) {
  await ctx.app?.close();
  await ctx.pool?.end();
  await ctx.db.drop();
}

function splitSlice(key) {
  const [areaCode, categoryCode] = key.split('|');
  return { areaCode, categoryCode };
}

function record(size, n, what, ms) {
  let row = rows.find((r) => r.size === size && r.n === n && r.what === what);
  if (!row) rows.push((row = { size, n, what, ms: [] }));
  row.ms.push(ms);
}

// ------------------------------------------------------------------------------------------------

const out = (s = '') => process.stdout.write(`${s}\n`);
const ready = [];
try {
  for (const size of sizes) ready.push(await prepare(size));
  // The same mix at every size: half slices, as many as the size with the fewest has; respondents make up the rest.
  const sliceCap = Math.min(...ready.map((c) => c.candidates.slices.length));
  for (const ctx of ready) {
    const { slices, businesses } = ctx.candidates;
    ctx.sets = new Map(
      counts.map((n) => {
        const s = slices.slice(0, Math.min(Math.floor(n / 2), sliceCap));
        return [n, [...businesses.slice(0, n - s.length), ...s]];
      }),
    );
    for (const [n, set] of ctx.sets)
      if (set.length < n) throw new Error(`only ${set.length} subjects with complaints in the period at ${ctx.size}, not ${n}`);
  }
  out(
    `subjects: ${counts.map((n) => `${n} = ${ready[0].sets.get(n).filter((x) => x.kind === 'slice').length} slices + the rest respondents`).join('; ')}`,
  );
  console.log(`\n━━ measuring: ${sizes.map((s) => s.toLocaleString('en')).join(' and ')} round-robin, ${reps} passes ━━`);
  // The untimed first pass: alerts open where the subjects deserve one (and the caches are warm).
  for (const ctx of ready)
    for (const n of counts) {
      const { r } = await evaluateOnce(ctx, n);
      ctx.note[`first${n}`] = { opened: r.opened.length, updated: r.updated };
      await lookups(ctx, n);
      await readsOnly(ctx, n);
    }
  for (let i = 0; i < reps; i++)
    for (const ctx of ready)
      for (const n of counts) {
        const { ms, r } = await evaluateOnce(ctx, n);
        record(ctx.size, n, 'evaluatePending', ms);
        ctx.note[`steady${n}`] = { opened: r.opened.length, updated: r.updated };
        record(ctx.size, n, 'reference: PK lookups', await lookups(ctx, n));
        record(ctx.size, n, 'its two reads alone', await readsOnly(ctx, n));
      }
  for (const ctx of ready) {
    ctx.note.plans = await explain(ctx);
    await ctx.app.close();
    ctx.app = null;
    await new Promise((r) => setTimeout(r, 1500)); // the closed connections' statistics reach pg_stat
    ctx.note.scans = { before: ctx.scansBefore, after: await caseScans(ctx.pool) };
    info.push(ctx.note);
  }
} finally {
  for (const ctx of ready) await close(ctx);
}

// ------------------------------------------------------------------------------------------------
// Report

const smallest = sizes[0];
const largest = sizes[sizes.length - 1];
out(
  `\nearly-warning evaluation benchmark ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${hostname()}`,
);
out(
  `detector's today ${to}: window ${periods.window.from}..${periods.window.to}, baseline ${periods.baseline.from}..${periods.baseline.to}`,
);
out(`${reps} timed passes per row after one untimed; seed ${values.seed}`);
for (const n of info) {
  const g = n.generated;
  out(
    `${n.size.toLocaleString('en')}: generated ${g.cases.toLocaleString('en')} cases in ${g.seconds.toFixed(1)} s` +
      (n.rebuildSeconds ? `, stats:rebuild ${n.rebuildSeconds.toFixed(1)} s` : '') +
      `; ${n.available.allBusinesses.toLocaleString('en')} respondents in stat_watch_day, ${n.available.slices} slices with complaints in the 97 days; ` +
      counts
        .map(
          (c) =>
            `${c} subjects: first pass opened ${n[`first${c}`].opened} alerts, each timed pass updated ${n[`steady${c}`].updated} and opened ${n[`steady${c}`].opened}`,
        )
        .join('; '),
  );
}
const stat = (r) => {
  const s = [...r.ms].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95) };
};
const p50Of = (size, n, what) => {
  const r = rows.find((x) => x.size === size && x.n === n && x.what === what);
  return r ? stat(r).p50 : NaN;
};
out('\nmarkdown:\n');
out(
  `| cases | subjects | what | p50 ms | p95 ms | µs per subject (p50) | p50 ÷ reference | p50 ÷ p50 at ${smallest.toLocaleString('en')} |`,
);
out('|---|---|---|---|---|---|---|---|');
for (const n of counts)
  for (const what of ['evaluatePending', 'reference: PK lookups', 'its two reads alone'])
    for (const size of sizes) {
      const r = rows.find((x) => x.size === size && x.n === n && x.what === what);
      if (!r) continue;
      const { p50, p95 } = stat(r);
      out(
        `| ${size.toLocaleString('en')} | ${n.toLocaleString('en')} | ${what} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${((p50 * 1000) / n).toFixed(0)} | ` +
          `${what === 'evaluatePending' ? (p50 / p50Of(size, n, 'reference: PK lookups')).toFixed(2) : ''} | ${(p50 / p50Of(smallest, n, what)).toFixed(2)} |`,
      );
    }

out('\nper-run ms (evaluatePending):');
for (const r of rows.filter((x) => x.what === 'evaluatePending'))
  out(`  ${r.size.toLocaleString('en').padStart(10)} × ${String(r.n).padStart(5)}: ${r.ms.map((x) => x.toFixed(1)).join(' ')}`);

out('\nplans (EXPLAIN ANALYZE, BUFFERS; 200 subjects, half slices):');
let touched = false;
for (const n of info)
  for (const p of n.plans) {
    const casesRead = /\bon (cases|case_event)\b/.test(p.plan);
    const seq = /Seq Scan/.test(p.plan);
    touched ||= casesRead;
    const time = p.plan.match(/Execution Time: ([\d.]+) ms/)?.[1];
    const bufs = p.plan.match(/Buffers: shared ([^\n]+)/)?.[1]; // the top node's: the statement's
    // Rows the scans of the rollups returned (actual rows × loops): what the statement reads.
    const read = [...p.plan.matchAll(/Scan[^\n]* on (stat_\w+)[^\n]*rows=(\d+) loops=(\d+)/g)]
      .map((m) => `${(Number(m[2]) * Number(m[3])).toLocaleString('en')} rows of ${m[1]}`)
      .join(', ');
    out(
      `  ${n.size.toLocaleString('en')}  ${p.label}: ${time} ms, buffers ${bufs ?? '—'}, read ${read || '—'}${seq ? ', HAS A SEQ SCAN' : ', no seq scan'}${casesRead ? ', READS cases/case_event' : ', no cases/case_event'}`,
    );
    // The keys' literal array is long: shortened.
    if (values.plans || n.size === largest)
      out(p.plan.replace(/'\{[^}]{120,}\}'/g, (m) => `${m.slice(0, 100)}…}'`).replace(/^/gm, '      '));
  }

out('\ncases / case_event scan counters (pg_stat_user_tables) before the detector booted and after it closed:');
for (const n of info) {
  const moved = ['cases', 'case_event'].filter(
    (t) => n.scans.after[t].seq !== n.scans.before[t].seq || n.scans.after[t].idx !== n.scans.before[t].idx,
  );
  touched ||= moved.length > 0;
  out(
    `  ${n.size.toLocaleString('en')}: ${['cases', 'case_event']
      .map((t) => `${t} seq ${n.scans.before[t].seq}→${n.scans.after[t].seq}, idx ${n.scans.before[t].idx}→${n.scans.after[t].idx}`)
      .join('; ')}${moved.length ? ` — MOVED: ${moved.join(', ')}` : ' — unchanged'}`,
  );
}

out('\nverdict:');
if (sizes.length > 1)
  for (const n of counts) {
    const ratio = p50Of(largest, n, 'evaluatePending') / p50Of(smallest, n, 'evaluatePending');
    const refRatio = p50Of(largest, n, 'reference: PK lookups') / p50Of(smallest, n, 'reference: PK lookups');
    // Flat: within the noise the reference itself shows between the sizes, or 25 %, whichever is larger.
    const noise = Math.max(0.25, Math.abs(refRatio - 1));
    const flat = Math.abs(ratio - 1) <= noise;
    out(
      `  ${flat ? 'flat    ' : 'NOT FLAT'} ${n} subjects: evaluatePending p50 at ${largest.toLocaleString('en')} is ${ratio.toFixed(2)}× its ${smallest.toLocaleString('en')} figure ` +
        `(the reference's ${refRatio.toFixed(2)}×; flat means within ±${Math.round(noise * 100)} %)`,
    );
  }
out(`  ${touched ? 'THE DETECTOR READ cases OR case_event' : 'cases and case_event untouched (plans and scan counters)'}`);
process.exitCode = touched ? 1 : 0;
