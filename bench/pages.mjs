#!/usr/bin/env node
// npm run bench:pages — how fast the built pages (dist/web, served by the API) become usable on a cheap
// phone on a poor network: headless chromium at 390×844, Chrome's "Fast 3G" (562.5 ms RTT, 180 KB/s
// down) and a 4× CPU slowdown, each load in a new browser context (a cold cache). Per page: first
// paint, the moment it is usable (the filing form's submit button, the tracking page's 查询 button, the
// dashboard's first KPI number), bytes on the wire and uncompressed text assets; and, in the same run
// and under the same throttling, a ~1 KB static page from a bare node:http server: the floor the network
// alone imposes. Prints medians, the ratio to that floor and whether each bar is met. Exits 0 whether the
// bars are met or not: it reports, it is not a test.
//   --runs N (default 3)  --no-throttle (no network or CPU throttling, to compare)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { ensureBuild, ensureDependencies, ROOT } from '../scripts/lib/prepare.mjs';
import { benchEnv, cli, createBenchDatabase, freePort, startProcess } from './lib.mjs';
import { CPU_SLOWDOWN, FAST_3G, measurePage, median, startBaselineServer, TIMED_OUT, WAIT_MS } from './lib/page-timing.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'no-throttle': { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(values.runs) || 3);
const throttle = !values['no-throttle'];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The pages, what "usable" means on each, and the bar for it (null: first paint only). */
const PAGES = [
  { name: 'landing /', path: '/', ready: null, bar: null },
  { name: 'filing /complaint/new', path: '/complaint/new', ready: { kind: 'button', text: '提交' }, what: 'submit button', bar: 4000 },
  { name: 'tracking /track', path: '/track', ready: { kind: 'button', text: '查询' }, what: '查询 button', bar: 3000 },
  { name: 'dashboard /dashboard', path: '/dashboard', ready: { kind: 'kpi' }, what: 'first KPI', bar: 6000, signedIn: true },
];
const FIRST_PAINT_BAR = 1500;

ensureDependencies();
ensureBuild();

// Everything started is stopped once, whether the run ends, fails or is interrupted.
const open = [];
let cleaning = null;
const cleanup = () =>
  (cleaning ??= (async () => {
    for (const close of open.reverse()) {
      try {
        await close();
      } catch (e) {
        console.error(`cleanup: ${e?.message ?? e}`);
      }
    }
  })());
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the API and dropping the bench database…`);
    void cleanup().finally(() => process.exit(130));
  });
}

try {
  const db = await createBenchDatabase('pages');
  open.push(() => db.drop());
  const port = await freePort();
  const env = benchEnv(db.url, {
    PORT: String(port),
    WEB_DIST_DIR: join(ROOT, 'dist/web'),
    LOGIN_RATE_LIMIT: '1000000',
  });
  cli(env, 'setup');
  const account = createAdmin(env);

  const base = `http://127.0.0.1:${port}`;
  const api = await startProcess('dist/apps/api/src/main.js', env, `${base}/health/live`);
  open.push(() => api.stop());
  if (
    !(await fetch(`${base}/health/live`)
      .then((r) => r.ok)
      .catch(() => false))
  )
    throw new Error(`the API did not come up on ${base}`);

  const floor = await startBaselineServer();
  open.push(() => floor.close());
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
  open.push(() => browser.close());

  console.log(
    `\npage-speed benchmark ${new Date().toISOString()} — ${runs} cold load(s) per page, 390×844, ` +
      (throttle
        ? `Fast 3G (${FAST_3G.latency} ms RTT, ${FAST_3G.downloadThroughput / 1000} KB/s down, ${FAST_3G.uploadThroughput / 1000} KB/s up), CPU ×${CPU_SLOWDOWN}`
        : 'no throttling'),
  );

  const results = { baseline: [], ...Object.fromEntries(PAGES.map((p) => [p.name, []])) };
  for (let i = 0; i < runs; i++) {
    // Interleaved, so that the machine's other load falls on every page alike.
    results.baseline.push(await measurePage(browser, floor.url, { throttle }));
    for (const p of PAGES) {
      const session = p.signedIn ? await signIn(base, account) : null;
      const r = await measurePage(browser, base + p.path, { throttle, ready: p.ready, session });
      results[p.name].push(r);
      process.stdout.write(
        `  run ${i + 1}/${runs} ${p.name}: first paint ${fmt(r.fp)}` +
          (p.ready ? `, ${p.what} ${fmt(r.ready)}` : '') +
          `, ${kb(r.bytes)} KB${r.error ? ` (error: ${r.error})` : ''}\n`,
      );
    }
  }

  report(results, floor.size);
} finally {
  await cleanup();
}

/** An administrator for the dashboard (production setup makes no demo accounts): `cli admin:create` prints its password once. */
function createAdmin(env) {
  const username = `bench-pages-${process.pid}`;
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), 'admin:create', username], { env, encoding: 'utf8' });
  const password = /shown this once:\s*(\S+)/.exec(r.stdout ?? '')?.[1];
  if (r.status !== 0 || !password) throw new Error(`cli admin:create failed: ${r.stderr || r.stdout}`);
  return { username, password };
}

/** What the page keeps in sessionStorage after signing in (apps/web/src/lib/session.tsx and lib/api.ts). */
async function signIn(base, { username, password }) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'zh' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`POST /api/v1/auth/login answered ${res.status}: ${await res.text()}`);
  /** @type {{ accessToken: string, expiresIn: number, user: unknown }} */
  const body = await res.json();
  return {
    'weiquan.token': body.accessToken,
    'weiquan.user': JSON.stringify(body.user),
    'weiquan.expires': String(Date.now() + body.expiresIn * 1000),
  };
}

function report(results, floorSize) {
  const pick = (name, key) => median(results[name].map((r) => r[key]));
  const floorFcp = pick('baseline', 'fcp');
  const ratio = (v) => (typeof v === 'number' && typeof floorFcp === 'number' && floorFcp > 0 ? `${(v / floorFcp).toFixed(1)}×` : '—');
  const rows = {
    [`baseline (${floorSize} B static page)`]: row(results.baseline, null, ratio),
  };
  for (const p of PAGES) rows[p.name] = row(results[p.name], p, ratio);
  console.log(`\nmedians of ${runs} run(s), ms from navigation start; × floor = against the baseline page's first contentful paint`);
  console.table(rows);

  const uncompressed = new Set(PAGES.flatMap((p) => results[p.name].flatMap((r) => r.uncompressed ?? [])));
  if (uncompressed.size) {
    const list = [...uncompressed].sort();
    console.log(
      `uncompressed text assets (no content-encoding br/gzip): ${list.slice(0, 12).join(' ')}${list.length > 12 ? ` … (${list.length - 12} more)` : ''}`,
    );
  }
  const errors = PAGES.flatMap((p) => results[p.name].filter((r) => r.error).map((r) => `${p.name}: ${r.error}`));
  for (const e of new Set(errors)) console.log(`error: ${e}`);

  console.log(`\nbars${throttle ? '' : ' (set for the throttled run: this one was not throttled)'}:`);
  const bar = (label, value, limit) => {
    const met = typeof value === 'number' && value < limit;
    console.log(`  ${label.padEnd(44)} < ${String(limit).padStart(4)} ms: ${fmt(value).padStart(10)}  ${met ? 'met' : 'not met'}`);
  };
  for (const p of PAGES.filter((x) => x.bar)) bar(`${p.name} ${p.what}`, pick(p.name, 'ready'), p.bar);
  for (const p of PAGES) bar(`${p.name} first paint`, pick(p.name, 'fp'), FIRST_PAINT_BAR);
}

function row(runsOf, page, ratio) {
  const m = (key) => median(runsOf.map((r) => r[key]));
  const ready = page?.ready ? m('ready') : null;
  const timedOut = runsOf.filter((r) => r.fp === TIMED_OUT || r.ready === TIMED_OUT).length;
  return {
    'first paint': fmt(m('fp')),
    FCP: fmt(m('fcp')),
    usable: page?.ready ? `${fmt(ready)} (${page.what})` : '—',
    '× floor (FCP)': ratio(m('fcp')),
    '× floor (usable)': page?.ready ? ratio(ready) : '—',
    KB: kb(m('bytes')),
    requests: m('requests'),
    'uncompressed text': page
      ? `${median(runsOf.map((r) => r.uncompressed?.length ?? 0))}/${median(runsOf.map((r) => r.textAssets ?? 0))}`
      : '—',
    'timed out': timedOut ? `${timedOut}/${runsOf.length}` : '',
  };
}

function fmt(v) {
  if (v === TIMED_OUT) return `timed out (${WAIT_MS / 1000} s)`;
  return typeof v === 'number' ? v.toFixed(0) : '—';
}

function kb(bytes) {
  return typeof bytes === 'number' ? (bytes / 1024).toFixed(1) : '—';
}
