// Makes a fresh clone runnable: installs dependencies and builds when (and only when) needed.
// Plain Node with no dependencies, because it runs before `npm ci`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args, { allowFailure = false } = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (r.status !== 0 && allowFailure) return false;
  if (r.status !== 0) {
    process.stderr.write(`\n✗ ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status || 1);
  }
  return true;
}

function sha1(text) {
  return createHash('sha1').update(text).digest('hex');
}

/** `npm ci` when node_modules is missing or was installed from a different package-lock.json. */
export function ensureDependencies() {
  const lock = join(ROOT, 'package-lock.json');
  const stamp = join(ROOT, 'node_modules', '.weiquan-lock-sha1');
  const want = sha1(readFileSync(lock));
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  process.stdout.write('• 安装依赖 / installing dependencies (npm ci)…\n');
  // Some npm 11 builds write lockfiles without other platforms' optional binaries and then refuse
  // them in `npm ci` (npm/cli#8320). `npm install` installs the same locked versions from it.
  if (!run(npm, ['ci', '--no-audit', '--no-fund'], { allowFailure: true })) {
    process.stdout.write('• npm ci refused the lockfile; installing the locked versions with npm install…\n');
    run(npm, ['install', '--no-audit', '--no-fund']);
  }
  writeFileSync(stamp, want);
}

function walk(dir, out) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else {
      const s = statSync(path);
      out.push(`${path}:${s.size}:${s.mtimeMs}`);
    }
  }
}

function sourceStamp(parts) {
  const out = [];
  for (const p of parts) {
    const path = join(ROOT, p);
    if (existsSync(path) && statSync(path).isDirectory()) walk(path, out);
    else if (existsSync(path)) out.push(`${path}:${statSync(path).size}:${statSync(path).mtimeMs}`);
  }
  return sha1(out.sort().join('\n'));
}

/** Rebuilds the server (tsc) and the pages (vite) when their sources changed since the last build. */
export function ensureBuild() {
  const common = ['package-lock.json'];
  const targets = [
    { name: 'server', script: 'build:server', stamp: 'dist/.server-stamp', sources: ['apps/api', 'apps/worker', 'apps/cli', 'libs', 'tsconfig.json', 'tsconfig.build.json', ...common] },
    { name: 'web', script: 'build:web', stamp: 'dist/.web-stamp', sources: ['apps/web', ...common] },
  ];
  for (const t of targets) {
    const want = sourceStamp(t.sources);
    const stampPath = join(ROOT, t.stamp);
    if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === want) continue;
    process.stdout.write(`• 构建 / building ${t.name}…\n`);
    run(npm, ['run', '--silent', t.script]);
    writeFileSync(stampPath, want);
  }
}
