// Makes a fresh clone runnable: installs dependencies and builds when (and only when) needed.
// Plain Node with no dependencies, because it runs before `npm ci`.
//
// WEIQUAN_NO_PREPARE=1 skips both (the test command sets it for everything it spawns, so a test that
// runs the start command never installs or builds under the other tests' feet); what is missing is
// then an error, not an install.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const skip = ['1', 'true', 'yes'].includes(String(process.env.WEIQUAN_NO_PREPARE ?? '').toLowerCase());

function fail(message) {
  process.stderr.write(`\n✗ ${message}\n`);
  process.exit(1);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env, shell: process.platform === 'win32' });
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

function sha1(text) {
  return createHash('sha1').update(text).digest('hex');
}

function installedStamp() {
  return sha1(readFileSync(join(ROOT, 'package.json')) + '\0' + readFileSync(join(ROOT, 'package-lock.json')));
}

/**
 * Asks `npm ci --dry-run` whether this npm accepts the committed lockfile, without touching
 * node_modules. Returns null when it does, else npm's reasons (the `Missing: …` lines), without the
 * usage text npm prints after them.
 */
export function lockfileProblems() {
  const r = spawnSync(npm, ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: process.env,
    shell: process.platform === 'win32',
  });
  if (r.status === 0) return null;
  const lines = `${r.stdout}\n${r.stderr}`
    .split('\n')
    .map((l) => l.replace(/^npm error\s?/, '').trimEnd())
    .filter((l) => /missing|invalid|in sync|lock ?file|ERESOLVE|notarget|code E/i.test(l) && !/^\s*npm (ci|install) \[/.test(l));
  const shown = lines.slice(0, 8);
  if (lines.length > shown.length) shown.push(`… (${lines.length - shown.length} more)`);
  return shown.length ? shown : [`npm ci --dry-run exited ${r.status ?? r.signal}`];
}

/**
 * `npm ci` when node_modules is missing or was installed from another package.json/lockfile. Never
 * falls back to `npm install`, which would rewrite the committed lockfile: if npm refuses it, stop and
 * say what to do.
 */
export function ensureDependencies() {
  const stamp = join(ROOT, 'node_modules', '.weiquan-lock-sha1');
  const want = installedStamp();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  if (skip) {
    if (existsSync(join(ROOT, 'node_modules', '.package-lock.json'))) return; // the caller vouches for what it installed
    fail('依赖未安装，且设置了 WEIQUAN_NO_PREPARE / dependencies are not installed and WEIQUAN_NO_PREPARE is set: run npm ci');
  }
  const problems = lockfileProblems();
  if (problems) {
    const version = npmVersion();
    fail(
      [
        `此版本的 npm (${version}) 不接受 package-lock.json / this npm (${version}) refuses package-lock.json:`,
        ...problems.map((l) => `    ${l}`),
        '  package-lock.json 与 package.json 不一致时，由修改依赖的开发者运行 `npm install` 并提交新的锁文件；',
        '  这里不会自动改写锁文件。/ When package.json and the lockfile disagree, whoever changed the dependencies',
        '  runs `npm install` (or `npm install --package-lock-only`) and commits the lockfile; nothing here rewrites it.',
      ].join('\n'),
    );
  }
  process.stdout.write('• 安装依赖 / installing dependencies (npm ci)…\n');
  run(npm, ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stamp, want);
}

function npmVersion() {
  const r = spawnSync(npm, ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
  return (r.stdout || '').trim() || 'unknown';
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

const BUILDS = [
  {
    name: 'server',
    script: 'build:server',
    stamp: 'dist/.server-stamp',
    output: 'dist/apps/api/src/main.js',
    sources: ['apps/api', 'apps/worker', 'apps/cli', 'libs', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
  },
  { name: 'web', script: 'build:web', stamp: 'dist/.web-stamp', output: 'dist/web/index.html', sources: ['apps/web', 'package-lock.json'] },
];

/**
 * Rebuilds the server (tsc) and the pages (vite) when their sources changed since the last build;
 * `only` (e.g. ['server']) limits it to those builds.
 */
export function ensureBuild(only = null) {
  for (const t of BUILDS) {
    if (only && !only.includes(t.name)) continue;
    const want = sourceStamp(t.sources);
    const stampPath = join(ROOT, t.stamp);
    if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === want && existsSync(join(ROOT, t.output))) continue;
    if (skip) {
      if (existsSync(join(ROOT, t.output))) continue; // the caller vouches for the build it has
      fail(`${t.output} 不存在，且设置了 WEIQUAN_NO_PREPARE / is missing and WEIQUAN_NO_PREPARE is set: run npm run build`);
    }
    process.stdout.write(`• 构建 / building ${t.name}…\n`);
    run(npm, ['run', '--silent', t.script]);
    mkdirSync(dirname(stampPath), { recursive: true });
    writeFileSync(stampPath, want);
  }
}
