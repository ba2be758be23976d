#!/usr/bin/env node
// npm run profile:intake — runs the API under --cpu-prof while POST /complaints is driven at 32
// connections for 10 s, then prints where the API process spent its time (self and inclusive).
// The .cpuprofile is kept in data/profiles/ for Chrome DevTools.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuild, ensureDependencies, ROOT } from '../scripts/lib/prepare.mjs';
import { benchEnv, cli, createBenchDatabase, freePort } from './lib.mjs';
import { driveIntake } from './lib/intake-load.mjs';

ensureDependencies();
ensureBuild();
const dir = join(ROOT, 'data', 'profiles', String(Date.now()));
mkdirSync(dir, { recursive: true });
const db = await createBenchDatabase('profile');
try {
  const port = await freePort();
  const env = benchEnv(db.url, { PORT: String(port), DATABASE_POOL_SIZE: '34' });
  cli(env, 'setup');
  const api = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, join(ROOT, 'dist/apps/api/src/main.js')], {
    env,
    stdio: 'inherit',
  });
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/health/live`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const r = await driveIntake(port, { connections: 32, seconds: 10 });
  console.log(`${r.rps.toFixed(0)} req/s, p99 ${Number(r.p99).toFixed(1)} ms`);
  api.kill('SIGINT');
  await new Promise((res) => api.once('exit', res));
} finally {
  await db.drop();
}

const profile = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8'));
const dt = new Map();
profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(ROOT, '')}:${n.callFrame.lineNumber}`;
const self = new Map();
const incl = new Map();
let total = 0;
for (const n of profile.nodes) {
  const d = dt.get(n.id) ?? 0;
  if (!d) continue;
  total += d;
  self.set(label(n), (self.get(label(n)) ?? 0) + d);
  const seen = new Set();
  for (let id = n.id; id !== undefined; id = parent.get(id)) {
    const k = label(byId.get(id));
    if (!seen.has(k)) {
      incl.set(k, (incl.get(k) ?? 0) + d);
      seen.add(k);
    }
  }
}
const show = (title, m) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
};
// By package: a native frame (a syscall, a hash) is charged to the nearest JavaScript caller's package.
const pkg = (url) => {
  if (!url) return null;
  const m = url.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  if (m) return m[1];
  if (url.includes('/dist/')) return url.replace(/^.*\/dist\//, '');
  return null;
};
const byPackage = new Map();
for (const n of profile.nodes) {
  const d = dt.get(n.id) ?? 0;
  if (!d) continue;
  let k = null;
  for (let id = n.id; id !== undefined && !k; id = parent.get(id)) k = pkg(byId.get(id).callFrame.url);
  k ??= n.callFrame.functionName || '(native)';
  byPackage.set(k, (byPackage.get(k) ?? 0) + d);
}
show('self time', self);
show('inclusive time', incl);
show('self time by package (native work charged to its caller)', byPackage);
console.log(`\nprofile: ${dir}`);
