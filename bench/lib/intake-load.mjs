// Drives POST /api/v1/complaints for the intake benchmark and its profile, with wrk when it is on
// PATH (a C client leaves the two cores to the system under test), else autocannon.
import autocannon from 'autocannon';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { complaintBody } from '../lib.mjs';

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
let runNo = process.pid;

export function defaultClient() {
  return spawnSync('sh', ['-c', 'command -v wrk']).status === 0 ? 'wrk' : 'autocannon';
}

/** Requests/s, p50/p99 (ms) and counts of `seconds` of submissions at `connections`. */
export async function driveIntake(port, { connections, seconds, client = defaultClient() }) {
  if (client === 'wrk') {
    const script = fileURLToPath(new URL('../intake.wrk.lua', import.meta.url));
    const r = spawnSync('wrk', ['-t2', `-c${connections}`, `-d${seconds}s`, '-s', script, `http://127.0.0.1:${port}`], {
      encoding: 'utf8',
      env: { ...process.env, BENCH_TODAY: today, BENCH_RUN: String(runNo++) },
    });
    const line = r.stdout.split('\n').find((l) => l.startsWith('WRK_RESULT '));
    if (!line) throw new Error(`wrk failed: ${r.stderr || r.stdout}`);
    const w = JSON.parse(line.slice('WRK_RESULT '.length));
    return { rps: w.requests / w.seconds, p50: w.p50, p99: w.p99, n: w.requests, ok: w.requests - w.errors, bad: w.errors };
  }
  const post = {
    method: 'POST',
    path: '/api/v1/complaints',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req) => ({ ...req, body: JSON.stringify(complaintBody(today)) }),
  };
  const r = await autocannon({ url: `http://127.0.0.1:${port}`, connections, duration: seconds, requests: [post] });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, n: r.requests.total, ok: r['2xx'], bad: r.non2xx + r.errors };
}
