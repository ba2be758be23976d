#!/usr/bin/env node
// `npm test`: every tier — the lockfile check, type checks, lint, formatting, unit tests (rules),
// integration tests (real PostgreSQL and Redis), end-to-end tests (HTTP, pages in Chromium, and the
// start command itself). Installs and builds first if needed, and never during the tests: everything
// the tests spawn gets WEIQUAN_NO_PREPARE=1.
// Uses TEST_DATABASE_URL / TEST_REDIS_URL (default: the local servers); each test file makes its own
// database and queue prefix and drops them afterwards. Extra arguments go to jest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuild, ensureDependencies, lockfileProblems, ROOT } from './lib/prepare.mjs';

// Before anything is installed: would `npm ci` accept the committed lockfile on this npm?
process.stdout.write('• 锁文件检查 / lockfile check (npm ci --dry-run)\n');
const problems = lockfileProblems();
if (problems) {
  process.stderr.write(`✗ npm ci refuses package-lock.json:\n${problems.map((l) => `    ${l}`).join('\n')}\n`);
  process.stdout.write('\ntests: 0 passed, 1 failed\n');
  process.exit(1);
}
ensureDependencies();
ensureBuild();

const env = { ...process.env, TZ: 'Asia/Shanghai', WEIQUAN_NO_PREPARE: '1' };
function step(title, cmd, args) {
  process.stdout.write(`\n• ${title}\n`);
  return spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env }).status;
}
function check(title, cmd, args) {
  if (step(title, cmd, args) === 0) return;
  process.stdout.write('\ntests: 0 passed, 1 failed\n');
  process.exit(1);
}

const bin = (pkg, file) => join(ROOT, 'node_modules', pkg, file);
check('类型检查 / type check (server, tests)', process.execPath, [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json', '--noEmit']);
check('类型检查 / type check (web)', process.execPath, [bin('typescript', 'bin/tsc'), '-p', 'apps/web/tsconfig.json']);
check('代码检查 / lint (eslint)', process.execPath, [
  bin('eslint', 'bin/eslint.js'),
  '--max-warnings',
  '0',
  '--cache',
  '--cache-location',
  'node_modules/.cache/eslint/',
  '.',
]);
check('格式检查 / formatting (prettier --check; npm run format fixes it)', process.execPath, [
  bin('prettier', 'bin/prettier.cjs'),
  '--check',
  '--log-level',
  'warn',
  '.',
]);

const out = mkdtempSync(join(tmpdir(), 'weiquan-jest-'));
const resultFile = join(out, 'results.json');
const jest = bin('jest', 'bin/jest.js');
const status = step('测试 / tests (unit, integration, end-to-end)', process.execPath, [
  jest,
  '--json',
  `--outputFile=${resultFile}`,
  ...process.argv.slice(2),
]);

let summary = 'tests: 0 passed, 1 failed';
try {
  const r = JSON.parse(readFileSync(resultFile, 'utf8'));
  summary = `tests: ${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed, ${r.numPendingTests} skipped`;
  // Browser tests run a failed test once more (test/browser/support/system.ts): say which passed only then.
  const retried = r.testResults.flatMap((f) =>
    f.assertionResults.filter((a) => a.status === 'passed' && a.retryReasons?.length).map((a) => a.fullName),
  );
  if (retried.length)
    summary = `${retried.map((n) => `! passed on its second run (flaky; the first failure is printed above): ${n}`).join('\n')}\n${summary}`;
} catch {
  /* jest did not get as far as writing results */
}
rmSync(out, { recursive: true, force: true });
process.stdout.write(`\n${summary}\n`);
process.exit(status === 0 ? 0 : 1);
