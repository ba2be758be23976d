#!/usr/bin/env node
// `npm test`: every tier — type checks, unit tests (rules), integration tests (real PostgreSQL and
// Redis), end-to-end tests (HTTP, and the start command itself). Installs and builds first if needed.
// Uses TEST_DATABASE_URL / TEST_REDIS_URL (default: the local servers); each test file makes its own
// database and queue prefix and drops them afterwards. Extra arguments go to jest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuild, ensureDependencies, ROOT } from './lib/prepare.mjs';

ensureDependencies();
ensureBuild();

function step(title, cmd, args) {
  process.stdout.write(`\n• ${title}\n`);
  return spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, TZ: 'Asia/Shanghai' } }).status;
}

const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
if (step('类型检查 / type check (server, tests)', process.execPath, [tsc, '-p', 'tsconfig.json', '--noEmit']) !== 0) process.exit(1);
if (step('类型检查 / type check (web)', process.execPath, [tsc, '-p', 'apps/web/tsconfig.json']) !== 0) process.exit(1);

const out = mkdtempSync(join(tmpdir(), 'weiquan-jest-'));
const resultFile = join(out, 'results.json');
const jest = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const status = step('测试 / tests (unit, integration, end-to-end)', process.execPath, [jest, '--json', `--outputFile=${resultFile}`, ...process.argv.slice(2)]);

let summary = 'tests: 0 passed, 1 failed';
try {
  const r = JSON.parse(readFileSync(resultFile, 'utf8'));
  summary = `tests: ${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed, ${r.numPendingTests} skipped`;
} catch {
  /* jest did not get as far as writing results */
}
rmSync(out, { recursive: true, force: true });
process.stdout.write(`\n${summary}\n`);
process.exit(status === 0 ? 0 : 1);
