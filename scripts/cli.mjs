#!/usr/bin/env node
// `npm run cli -- <command>`: operator commands (migrate, seed, directory:import …).
// With DATABASE_URL set it works on that database; otherwise on the system `npm start` is running
// (its address is in data/runtime.json), with the development secrets under data/.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureBuild, ensureDependencies, ROOT } from './lib/prepare.mjs';

ensureDependencies();
ensureBuild();

const env = { ...process.env };
const dataDir = resolve(ROOT, env.DATA_DIR || 'data');
const read = (file) => (existsSync(join(dataDir, file)) ? JSON.parse(readFileSync(join(dataDir, file), 'utf8')) : null);
// sms:templates prints what to register with the SMS provider: no database needed.
if (!env.DATABASE_URL && process.argv[2] !== 'sms:templates') {
  const runtime = read('runtime.json');
  if (!runtime) {
    process.stderr.write(
      '没有设置 DATABASE_URL，也没有正在运行的系统：请先运行 npm start，或设置 DATABASE_URL。\nDATABASE_URL is not set and no system is running: run npm start first, or set DATABASE_URL.\n',
    );
    process.exit(2);
  }
  env.DATABASE_URL = runtime.DATABASE_URL;
  env.REDIS_URL ||= runtime.REDIS_URL;
  // The embedded database serves a few connections in all; the CLI needs one.
  env.DATABASE_POOL_SIZE ||= '1';
}
for (const [k, v] of Object.entries(read('secrets.json') ?? {})) env[k] ||= v;

const r = spawnSync(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
  cwd: process.cwd(),
});
process.exit(r.status ?? 1);
