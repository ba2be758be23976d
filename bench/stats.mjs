#!/usr/bin/env node
// npm run bench:stats — statistics and the staff case list at 100 thousand and 1 million cases.
// For each size: a database of its own (dropped afterwards), `setup`, N synthetic cases with their
// history (bench/lib/generate-cases.mjs), the rollups rebuilt (`stats:rebuild`, when the CLI has
// it), the API started; then, one request at a time and round-robin over the rows (so that whatever
// else the machine does falls on every row alike), p50/p95 of
//  - every GET /api/v1/stats/* endpoint the API's OpenAPI document lists, as a city analyst, for
//    one year, and for one year cut by area and category (or by the filters the endpoint takes);
//  - the staff case list GET /api/v1/cases?limit=20 as the staff of the busiest station: the first
//    page, the overdue filter, and a keyset page deep in the queue (plus, for information, the
//    first page of a county bureau — its own cases and its area's stations' — and of the analyst,
//    and what the queue page asks for as it opens: the open work by deadline, the status counts and
//    the header's overdue and due-soon counts, for each of the three);
//  - in the same run, the reference: the same summary computed with a plain GROUP BY over the
//    cases table, timed with pg directly (what every dashboard request would cost without rollups).
// Prints the table (p95 ratio to the smallest size) and each bar as met or not.
//
//   --sizes 100000,1000000   10 million is optional (--sizes 100000,1000000,10000000): on the 2-core
//                            sandbox generating it took 42 min and ~38 GB of disk, `stats:rebuild`
//                            24 min (~36,000 events/s), each GROUP BY reference run ~5 s. With
//                            --keep, a second run measures the kept databases in minutes.
//   --requests 200           rounds (plus 5 warm-up rounds)
//   --reference-requests 20  GROUP BY reference runs per variant
//   --seed 1   --to 2026-11-20 (the data's last day; the year measured ends there)
//   --rebuild-max N          above N cases, skip `stats:rebuild` and the /stats rows (the list and the
//                            reference are still measured)
//   --no-build               use node_modules and dist/ as they are (no npm ci, no rebuild)
//   --keep                   keep each size's database (wq_bench_stats_<size>_seed<seed>_<to>, its
//                            secrets in data/bench/<name>.json) and, on the next run with --keep,
//                            measure it again without generating it; its rollups are rebuilt only if
//                            they are behind its history. Drop it with dropdb when done (10M: ~38 GB).
//                            All sizes are then measured in one round-robin, every size's API up at
//                            once, so that the machine's drift falls on every size alike.
import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { hostname, cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ensureBuild, ensureDependencies } from '../scripts/lib/prepare.mjs';
import { benchEnv, cli, createBenchDatabase, freePort, percentile, startProcess } from './lib.mjs';
import { cliHas, generateCases } from './lib/generate-cases.mjs';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    requests: { type: 'string', default: '200' },
    'reference-requests': { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    to: { type: 'string', default: '2026-11-20' },
    'no-build': { type: 'boolean', default: false },
    'rebuild-max': { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
const requests = Number(values.requests);
const refRequests = Number(values['reference-requests']);
const rebuildMax = values['rebuild-max'] === undefined ? Infinity : Number(values['rebuild-max']);
if (!values['no-build']) {
  ensureDependencies();
  ensureBuild();
}

const to = values.to;
const from = (() => {
  const d = new Date(`${to}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
})();
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const AREA = '371502';
const CATEGORY = 'catering';
const HOLDING = ['assigned', 'accepted', 'mediating', 'paused', 'deciding', 'settling', 'negotiating', 'offered'];

const results = []; // { size, group, endpoint, p50, p95, status }
const runs = []; // per size: generator and rebuild figures
const notes = [];

/**
 * One size made ready: its database filled, its rollups current, its API up, and the rows to measure
 * (`targets`). `close(ctx)` stops the API and drops the database (unless kept).
 */
async function prepare(size) {
  console.log(`\n━━ ${size.toLocaleString('en')} cases ━━`);
  const db = values.keep
    ? await createBenchDatabase(`stats_${size}_seed${values.seed}_${to.replaceAll('-', '')}`, { kept: true })
    : await createBenchDatabase(`stats${size}`);
  const ctx = { size, db, api: null, pool: null, targets: [] };
  try {
    const port = await freePort();
    const env = benchEnv(db.url, {
      PORT: String(port),
      DATABASE_POOL_SIZE: '10',
      TOKEN_TTL_SECONDS: '86400',
      LOGIN_RATE_LIMIT: '1000000',
      LOGIN_MAX_FAILURES: '1000',
      // The /stats endpoints to time are read from the OpenAPI document, which production hides by default.
      DOCS_ENABLED: 'true',
      QUEUE_PREFIX: `benchs${process.pid}_${size}`,
      ...(db.kept ? { DATA_KEY: db.kept.DATA_KEY, TOKEN_SECRET: db.kept.TOKEN_SECRET } : {}),
    });
    // What a kept database's record holds (unused without --keep).
    let meta = db.kept;
    if (meta) {
      console.log(
        `  kept database ${db.name}: generated earlier (${meta.generated.cases.toLocaleString('en')} cases, ${meta.generated.seconds.toFixed(1)} s)`,
      );
    } else {
      cli(env, 'setup');
      const generated = await generateCases(db.url, { count: size, seed: Number(values.seed), to, dataKey: env.DATA_KEY });
      meta = { DATA_KEY: env.DATA_KEY, TOKEN_SECRET: env.TOKEN_SECRET, generated };
      db.keep(meta);
    }
    const run = { size, gen: meta.generated, rebuildSeconds: null };
    runs.push(run);

    const statsHere = size <= rebuildMax;
    if (!statsHere) {
      notes.push(
        `${size.toLocaleString('en')}: rollups not rebuilt and /stats not measured (--rebuild-max ${rebuildMax.toLocaleString('en')})`,
      );
      console.log('  stats:rebuild skipped (--rebuild-max): /stats not measured at this size');
    } else if (db.kept && (await rollupsCurrent(db.url))) {
      cli(env, 'migrate'); // a no-op, unless dist/ was rebuilt with new migrations since it was filled
      run.rebuildSeconds = db.kept.rebuildSeconds ?? null;
      run.rebuildEarlier = true;
      console.log(`  rollups current (rebuilt earlier${run.rebuildSeconds ? ` in ${run.rebuildSeconds.toFixed(1)} s` : ''}): not rebuilt`);
    } else if (cliHas('stats:rebuild')) {
      try {
        cli(env, 'migrate'); // a no-op, unless dist/ was rebuilt with new migrations since `setup`
        const t = performance.now();
        cli(env, 'stats:rebuild');
        run.rebuildSeconds = (performance.now() - t) / 1000;
        console.log(`  stats:rebuild ${run.rebuildSeconds.toFixed(1)} s`);
        db.keep({ ...meta, rebuildSeconds: run.rebuildSeconds });
        // The planner's statistics of the freshly written rollups: autovacuum would gather them within a
        // minute or so, but it is off on some servers (the sandbox's) and the first requests come now.
        const t2 = performance.now();
        const c = new pg.Client({ connectionString: db.url });
        await c.connect();
        const { rows: tables } = await c.query(`select tablename from pg_tables where schemaname = 'public' and tablename like 'stat\\_%'`);
        for (const { tablename } of tables) await c.query(`vacuum analyze ${tablename}`);
        await c.end();
        console.log(`  vacuum analyze of ${tables.length} rollup tables ${((performance.now() - t2) / 1000).toFixed(1)} s`);
      } catch (err) {
        notes.push(`${size.toLocaleString('en')}: ${err.message}; the /stats figures at this size are without rebuilt rollups`);
        console.log(`  ${err.message}`);
      }
    } else {
      console.log('  the CLI has no stats:rebuild command in this build: no rollups');
    }

    const pool = (ctx.pool = new pg.Pool({ connectionString: db.url, max: 2 }));
    const [{ station }] = (
      await pool.query(
        `select assignee_code as station from cases where assignee_type = 'station' group by 1 order by count(*) desc, 1 limit 1`,
      )
    ).rows;
    const [{ n: stationCases, overdue: stationOverdue }] = (
      await pool.query(
        `select count(*)::int as n, count(*) filter (where due_on < $2)::int as overdue from cases where assignee_code = $1`,
        [station, today],
      )
    ).rows;
    const [{ deep }] = (
      await pool.query(`select id::text as deep from cases where assignee_code = $1 order by id desc offset $2 limit 1`, [
        station,
        Math.floor(stationCases * 0.8),
      ])
    ).rows;
    const county = `MR-${AREA}`;
    const users = await createUsers(pool, [
      { username: 'bench-analyst', role: 'city-analyst', unitType: null, unitCode: null },
      { username: 'bench-station', role: 'station-staff', unitType: 'station', unitCode: station },
      { username: 'bench-county', role: 'regulator-staff', unitType: 'regulator', unitCode: county },
    ]);
    console.log(
      `  busiest station ${station}: ${stationCases.toLocaleString('en')} cases, ${stationOverdue.toLocaleString('en')} overdue today (${today})`,
    );
    run.station = { code: station, cases: stationCases, overdue: stationOverdue };

    ctx.api = await startProcess('dist/apps/api/src/main.js', env, `http://127.0.0.1:${port}/health/live`);
    const base = `http://127.0.0.1:${port}`;
    const token = {};
    for (const u of users) token[u.username] = await login(base, u);

    // 1. /stats endpoints, as the OpenAPI document lists them.
    const targets = ctx.targets;
    const spec = await openapi(base);
    const statsPaths = statsHere ? Object.entries(spec?.paths ?? {}).filter(([p, ops]) => p.startsWith('/api/v1/stats') && ops.get) : [];
    if (statsHere && !statsPaths.length) console.log('  the API lists no /api/v1/stats endpoints in this build');
    for (const [path, ops] of statsPaths) {
      for (const variant of statsVariants(ops.get)) {
        // The filtered variant: the first set of filters the endpoint takes (some cuts are refused by design).
        let query = null;
        let label = variant.label;
        for (const filter of variant.filters ?? [{}]) {
          const q = { ...variant.query, ...filter };
          const res = await fetch(`${base}${path}?${new URLSearchParams(q)}`, {
            headers: { authorization: `Bearer ${token['bench-analyst']}` },
          });
          const body = await res.text();
          if (res.ok) {
            query = q;
            if (variant.filters)
              label = `${variant.label}, ${Object.entries(filter)
                .map(([k, v]) => `${k}=${v}`)
                .join(' ')})`;
            break;
          }
          if (!variant.filters) {
            query = q; // measured anyway: its status goes in the table
            break;
          }
          console.log(`  ${path} ${new URLSearchParams(q)} → ${res.status} ${body.slice(0, 160)}`);
        }
        if (!query) {
          notes.push(
            `${size.toLocaleString('en')}: GET ${path.replace('/api/v1', '')} ${variant.label}: none of the area/category/unit filters accepted`,
          );
          continue;
        }
        targets.push({
          group: 'stats',
          label: `GET ${path.replace('/api/v1', '')}${label ? ` ${label}` : ''}`,
          url: `${base}${path}?${new URLSearchParams(query)}`,
          token: token['bench-analyst'],
        });
      }
    }

    // 2. The staff case list.
    const cursor = Buffer.from(`c:${deep}`).toString('base64url');
    const lists = [
      ['list', 'GET /cases?limit=20 (busiest station, first page)', '/api/v1/cases?limit=20', 'bench-station'],
      ['list', 'GET /cases?limit=20&overdue=true (station)', '/api/v1/cases?limit=20&overdue=true', 'bench-station'],
      ['list', 'GET /cases?limit=20&cursor=… (station, 80 % deep)', `/api/v1/cases?limit=20&cursor=${cursor}`, 'bench-station'],
      ['list-info', `GET /cases?limit=20 (county bureau ${county}, first page)`, '/api/v1/cases?limit=20', 'bench-county'],
      ['list-info', `GET /cases?limit=20&overdue=true (county bureau)`, '/api/v1/cases?limit=20&overdue=true', 'bench-county'],
      ['list-info', 'GET /cases?limit=20 (city analyst, first page)', '/api/v1/cases?limit=20', 'bench-analyst'],
      // What the queue page asks for as it opens: the open work by deadline, the status counts, the header's counts.
      ...[
        ['station', 'bench-station'],
        [`county bureau ${county}`, 'bench-county'],
        ['city analyst', 'bench-analyst'],
      ].flatMap(([who, user]) => [
        [
          'list-info',
          `GET /cases?view=open&sort=due&limit=20 (${who}: the queue as it opens)`,
          '/api/v1/cases?view=open&sort=due&limit=20',
          user,
        ],
        ['list-info', `GET /cases/counts (${who})`, '/api/v1/cases/counts', user],
        ['list-info', `GET /cases/workload (${who})`, '/api/v1/cases/workload', user],
      ]),
    ];
    for (const [group, label, path, user] of lists) targets.push({ group, label, url: `${base}${path}`, token: token[user] });

    return ctx;
  } catch (err) {
    await close(ctx);
    throw err;
  }
}

/** In the same run, the reference: the summary from the cases table itself, per request. */
async function measureReference({ size, pool }) {
  for (const variant of [
    { label: '1 year', where: '', params: [] },
    {
      label: `1 year, area ${AREA}, category ${CATEGORY}`,
      where: 'and respondent_area_code = $4 and category_code = $5',
      params: [AREA, CATEGORY],
    },
  ]) {
    const sql = referenceSummary(variant.where);
    const params = [from, to, today, ...variant.params];
    await pool.query(sql, params); // warm
    const ms = [];
    for (let i = 0; i < refRequests; i++) {
      const t = performance.now();
      await pool.query(sql, params);
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    record(size, 'reference', `GROUP BY over cases: summary, ${variant.label}`, {
      p50: percentile(ms, 50),
      p95: percentile(ms, 95),
      n: ms.length,
      statuses: 'sql',
    });
  }
}

async function close(ctx) {
  await ctx.pool?.end();
  await ctx.api?.stop();
  await ctx.db.drop();
}

// Round-robin (one request to each row in turn, `requests` rounds): whatever else the machine does
// meanwhile falls on every row alike. With --keep every size's database is there at once, so all the
// sizes go into one round-robin: the bar compares sizes, and on this VM the speed drifts by ±25 %
// from one minute to the next. Without --keep, one size at a time (each is dropped before the next
// is made: 10M alone is ~38 GB).
if (values.keep) {
  const ready = [];
  try {
    for (const size of sizes) ready.push(await prepare(size));
    console.log(`\n━━ every size together (${sizes.map((n) => n.toLocaleString('en')).join(', ')}) ━━`);
    const targets = ready.flatMap((c) => c.targets.map((t) => ({ ...t, size: c.size })));
    for (const [t, m] of await measureAll(targets, requests)) record(t.size, t.group, t.label, m);
    for (const c of ready) await measureReference(c);
  } finally {
    for (const c of ready) await close(c);
  }
} else {
  for (const size of sizes) {
    const c = await prepare(size);
    try {
      for (const [t, m] of await measureAll(c.targets, requests)) record(size, t.group, t.label, m);
      await measureReference(c);
    } finally {
      await close(c);
    }
  }
}

// ------------------------------------------------------------------------------------------------
// Report

const smallest = sizes[0];
const largest = sizes[sizes.length - 1];
const base100k = sizes.includes(100_000) ? 100_000 : smallest;
const p95At = (size, endpoint) => results.find((r) => r.size === size && r.endpoint === endpoint)?.p95;
console.log(
  `\nstatistics benchmark ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${hostname()}`,
);
console.log(
  `period ${from}..${to}; filters area ${AREA}, category ${CATEGORY}; ${requests} requests per row (one at a time), reference ${refRequests} runs`,
);
for (const r of runs) {
  console.log(
    `generator at ${r.size.toLocaleString('en')}: ${r.gen.cases.toLocaleString('en')} cases, ${r.gen.rows.toLocaleString('en')} rows in ${r.gen.seconds.toFixed(1)} s ` +
      `(${Math.round(r.gen.casesPerSecond).toLocaleString('en')} cases/s, ${Math.round(r.gen.rowsPerSecond).toLocaleString('en')} rows/s)` +
      (r.rebuildSeconds !== null
        ? `; stats:rebuild ${r.rebuildSeconds.toFixed(1)} s${r.rebuildEarlier ? ' (an earlier run: kept database)' : ''}`
        : r.rebuildEarlier
          ? '; rollups rebuilt by an earlier run (kept database)'
          : r.size > rebuildMax
            ? '; stats:rebuild skipped (--rebuild-max)'
            : '; no stats:rebuild in this build') +
      (r.station
        ? `; busiest station ${r.station.code}: ${r.station.cases.toLocaleString('en')} cases, ${r.station.overdue.toLocaleString('en')} overdue`
        : ''),
  );
}
const table = results.map((r) => ({
  size: r.size.toLocaleString('en'),
  endpoint: r.endpoint,
  'p50 ms': r.p50.toFixed(1),
  'p95 ms': r.p95.toFixed(1),
  [`p95 / p95@${smallest.toLocaleString('en')}`]: (r.p95 / (p95At(smallest, r.endpoint) ?? NaN)).toFixed(2),
  status: r.statuses,
}));
console.table(table);
console.log('\nmarkdown:\n');
console.log(`| cases | endpoint | p50 ms | p95 ms | p95 ÷ p95 at ${smallest.toLocaleString('en')} | status |`);
console.log('|---|---|---|---|---|---|');
for (const row of table) console.log(`| ${Object.values(row).join(' | ')} |`);

console.log('\nbars:');
const statsSizes = [...new Set(results.filter((r) => r.group === 'stats').map((r) => r.size))];
const statsAt = statsSizes.length ? Math.max(...statsSizes) : null;
if (statsAt === null) {
  console.log('  statistics: NOT MEASURED — no /api/v1/stats endpoints in this build, or no rollups at any size (--rebuild-max)');
} else {
  for (const r of results.filter((x) => x.group === 'stats' && x.size === statsAt)) {
    const ref = p95At(base100k, r.endpoint);
    const under = r.p95 < 100;
    const flat = statsAt === base100k || ref === undefined ? null : r.p95 <= 2 * ref;
    const answered = /^2\d\d/.test(r.statuses);
    const verdict =
      statsAt < 10_000_000
        ? under && flat !== false && answered
          ? 'so far '
          : 'NOT MET'
        : under && flat !== false && answered
          ? 'met    '
          : 'NOT MET';
    console.log(
      `  ${verdict} ${r.endpoint}: p95 ${r.p95.toFixed(1)} ms at ${statsAt.toLocaleString('en')} (bar < 100 ms at 10,000,000)` +
        (flat === null ? '' : `, ${(r.p95 / ref).toFixed(2)}× its ${base100k.toLocaleString('en')} figure (bar ≤ 2×)`) +
        (answered ? '' : ` — answered ${r.statuses}`),
    );
  }
  if (statsAt < 10_000_000)
    console.log(
      `  (the statistics bar is stated at 10 million cases; /stats was measured up to ${statsAt.toLocaleString('en')} in this run, so "so far" is not "met")`,
    );
}
const listAt = sizes.includes(1_000_000) ? 1_000_000 : largest;
for (const r of results.filter((x) => x.group === 'list' && x.size === listAt)) {
  const ok = r.p95 < 50 && /^2\d\d/.test(r.statuses);
  console.log(
    `  ${listAt !== 1_000_000 ? 'n/a    ' : ok ? 'met    ' : 'NOT MET'} ${r.endpoint}: p95 ${r.p95.toFixed(1)} ms at ${listAt.toLocaleString('en')} (bar < 50 ms at 1,000,000)${listAt !== 1_000_000 ? ' — 1 million not measured in this run' : ''}`,
  );
}
for (const n of notes) console.log(`  note: ${n}`);
const failed = results.some((r) => r.group !== 'reference' && !/^2\d\d/.test(r.statuses));
process.exitCode = failed ? 1 : 0;

// ------------------------------------------------------------------------------------------------

function record(size, group, endpoint, m) {
  results.push({ size, group, endpoint, ...m });
  console.log(
    `  ${size.toLocaleString('en').padStart(10)}  ${endpoint.padEnd(72)} p50 ${m.p50.toFixed(1).padStart(7)} ms  p95 ${m.p95.toFixed(1).padStart(7)} ms  ${m.statuses}`,
  );
}

/** Whether a kept database's rollups have applied its whole history (then a rebuild would change nothing). */
async function rollupsCurrent(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(`select (select last_event_id from stat_watermark) = (select max(id) from case_event) as current`);
    return rows[0]?.current === true;
  } catch {
    return false; // an older schema
  } finally {
    await c.end();
  }
}

/** Staff accounts straight into staff_user, with an argon2id hash as the accounts service makes. */
async function createUsers(pool, list) {
  const out = [];
  for (const u of list) {
    const password = randomBytes(18).toString('base64url');
    const hash = await argon2.hash(password, { type: argon2.argon2id });
    await pool.query(
      `insert into staff_user (username, display_name, password_hash, role, unit_type, unit_code) values ($1, $1, $2, $3, $4, $5)
       on conflict (username) do update set password_hash = excluded.password_hash, role = excluded.role, unit_type = excluded.unit_type, unit_code = excluded.unit_code`,
      [u.username, hash, u.role, u.unitType, u.unitCode],
    );
    out.push({ ...u, password });
  }
  return out;
}

async function login(base, u) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: u.username, password: u.password }),
  });
  if (!res.ok) throw new Error(`login ${u.username}: ${res.status} ${await res.text()}`);
  return (await res.json()).accessToken;
}

async function openapi(base) {
  for (const path of ['/api/v1/docs/openapi.json', '/docs/openapi.json']) {
    try {
      const res = await fetch(`${base}${path}`);
      if (res.ok) return await res.json();
    } catch {
      /* next */
    }
  }
  notes.push('no OpenAPI document at /api/v1/docs/openapi.json or /docs/openapi.json');
  return null;
}

/**
 * The requests to time for one /stats operation: the year without filters and with the area and
 * category filters (those the operation takes), for each value of a required choice of ≤ 3 values
 * (hotspots by respondent/category/area), else its first value (a metric).
 */
function statsVariants(op) {
  const params = (op.parameters ?? []).filter((p) => p.in === 'query');
  const names = new Set(params.map((p) => p.name));
  const period = {};
  if (names.has('from')) period.from = from;
  if (names.has('to')) period.to = to;
  let combos = [{ label: '', query: period }];
  for (const p of params.filter((x) => x.required)) {
    const choices =
      p.schema?.enum ?? p.schema?.items?.enum ?? [p.example ?? p.schema?.example ?? p.schema?.default].filter((v) => v !== undefined);
    const picked = choices.length <= 3 ? choices : choices.slice(0, 1);
    combos = combos.flatMap((c) =>
      picked.map((v) => ({ label: `${c.label}${c.label ? ' ' : ''}${p.name}=${v}`, query: { ...c.query, [p.name]: String(v) } })),
    );
  }
  const out = [];
  for (const c of combos) {
    out.push({ label: `${c.label} (1 year)`.trim(), query: c.query });
    // Filters tried in this order; the first the endpoint accepts is measured.
    const filters = [];
    if (names.has('areaCode') && names.has('categoryCode')) filters.push({ areaCode: AREA, categoryCode: CATEGORY });
    if (names.has('categoryCode')) filters.push({ categoryCode: CATEGORY });
    if (names.has('areaCode')) filters.push({ areaCode: AREA });
    if (names.has('unit')) filters.push({ unit: `MR-${AREA}` });
    if (filters.length) out.push({ label: `${c.label} (1 year`.trim(), query: c.query, filters });
  }
  return out;
}

/** p50/p95 per target of `n` rounds of sequential GETs, one per target per round (after 5 warm-up rounds), each body read in full. */
async function measureAll(targets, n) {
  const state = targets.map((t) => ({ t, ms: [], statuses: new Map(), problem: '' }));
  const once = async (st, keep) => {
    const t0 = performance.now();
    const res = await fetch(st.t.url, { headers: { authorization: `Bearer ${st.t.token}` } });
    const body = await res.arrayBuffer();
    const ms = performance.now() - t0;
    if (!keep) return;
    st.ms.push(ms);
    st.statuses.set(res.status, (st.statuses.get(res.status) ?? 0) + 1);
    if (!res.ok && !st.problem) st.problem = Buffer.from(body).toString('utf8').slice(0, 200);
  };
  for (let i = 0; i < 5; i++) for (const st of state) await once(st, false);
  for (let i = 0; i < n; i++) for (const st of state) await once(st, true);
  return state.map((st) => {
    st.ms.sort((a, b) => a - b);
    if (st.problem) console.log(`  ${st.t.url} → ${st.problem}`);
    const statuses = [...st.statuses].map(([code, k]) => (st.statuses.size === 1 ? String(code) : `${code}×${k}`)).join(' ');
    return [st.t, { p50: percentile(st.ms, 50), p95: percentile(st.ms, 95), n, statuses }];
  });
}

/**
 * The summary of docs/METRICS.md (as far as the cases table holds it, the settlement stage's figures
 * included: settled, escalated, the money and the days) for a period, straight from
 * the cases table: what each /stats/summary request would cost without rollups. Events are dated
 * as the rollups date them (acceptance, conclusion, closing… on their own day), so every row of
 * the table must be read, not only the period's receipts. $1 from, $2 to, $3 today.
 */
function referenceSummary(where) {
  const inPeriod = (col) => `(${col} >= $1::date and ${col} < $2::date + 1)`;
  const inPeriodTs = (col) =>
    `(${col} >= ($1::date)::timestamp at time zone 'Asia/Shanghai' and ${col} < ($2::date + 1)::timestamp at time zone 'Asia/Shanghai')`;
  return `
    select track,
           count(*) filter (where ${inPeriod('received_on')}) as received,
           count(*) filter (where track = 'complaint' and ${inPeriodTs('accepted_at')}) as accepted,
           count(*) filter (where status = 'refused' and ${inPeriodTs('concluded_at')}) as refused,
           count(*) filter (where amount_recovered_fen is not null and status <> 'settled' and ${inPeriodTs('concluded_at')}) as resolved,
           count(*) filter (where track = 'complaint' and outcome_reason_code is not null and status not in ('refused', 'settled') and ${inPeriodTs('concluded_at')}) as terminated,
           count(*) filter (where ${inPeriodTs('closed_at')}) as closed,
           count(*) filter (where track = 'complaint' and ${inPeriod('first_clock_met_on')} and first_clock_met_on <= acceptance_due)::float8
             / nullif(count(*) filter (where track = 'complaint' and ${inPeriod('first_clock_met_on')}), 0) as on_time_acceptance_rate,
           count(*) filter (where amount_recovered_fen is not null and status <> 'settled' and ${inPeriodTs('concluded_at')})::float8
             / nullif(count(*) filter (where track = 'complaint' and status not in ('refused', 'settled') and ${inPeriodTs('concluded_at')}), 0) as mediation_success_rate,
           coalesce(sum(amount_recovered_fen) filter (where status <> 'settled' and ${inPeriodTs('concluded_at')}), 0) as recovered_fen,
           count(*) filter (where settlement_due is not null and ${inPeriodTs('assigned_at')}) as settlement_assigned,
           count(*) filter (where status = 'settled' and ${inPeriodTs('closed_at')}) as settled,
           count(*) filter (where ${inPeriod('escalated_on')}) as escalated,
           coalesce(sum(amount_recovered_fen) filter (where status = 'settled' and ${inPeriodTs('closed_at')}), 0) as settled_fen,
           avg(((closed_at at time zone 'Asia/Shanghai')::date - received_on)) filter (where status = 'settled' and ${inPeriodTs('closed_at')}) as avg_settle_calendar_days,
           avg(((concluded_at at time zone 'Asia/Shanghai')::date - received_on)) filter (where ${inPeriodTs('concluded_at')}) as avg_handling_calendar_days,
           count(*) filter (where rating in ('satisfied', 'basically') and ${inPeriodTs('rated_at')})::float8
             / nullif(count(*) filter (where rating is not null and ${inPeriodTs('rated_at')}), 0) as satisfaction_rate,
           count(*) filter (where ${inPeriodTs('follow_up_at')}) as follow_ups,
           count(*) filter (where decision = 'opened' and ${inPeriodTs('concluded_at')}) as reports_opened,
           count(*) filter (where status = any('{${HOLDING.join(',')}}'::text[])) as open,
           count(*) filter (where due_on < $3::date) as overdue
      from cases
     where true ${where}
     group by track`;
}
