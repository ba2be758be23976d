// CPU time of processes from /proc (Linux), to tell per request how much each side of a benchmark
// spent: the API, PostgreSQL's backends, Redis, and the whole machine.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const TICKS = 100; // USER_HZ on Linux

function seconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime + stime
  } catch {
    return 0; // gone
  }
}

function pidsNamed(pattern) {
  return readdirSync('/proc').filter((p) => {
    if (!/^\d+$/.test(p)) return false;
    try {
      return pattern.test(readFileSync(`/proc/${p}/comm`, 'utf8').trim());
    } catch {
      return false;
    }
  });
}

function processTree(root) {
  const children = new Map();
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const ppid = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ')[1];
      children.set(ppid, [...(children.get(ppid) ?? []), p]);
    } catch {
      /* gone */
    }
  }
  const all = [String(root)];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]) ?? []));
  return all;
}

function machineBusy() {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/);
  const [user, nice, system, , , irq, softirq] = ticks.map(Number);
  return (user + nice + system + irq + softirq) / TICKS;
}

/**
 * Starts counting. `stop(n)` answers microseconds of CPU per unit of work (n requests), for the
 * process tree rooted at each of `roots`, all PostgreSQL and Redis processes, and the machine.
 * Null where /proc is not there (not Linux).
 */
export function cpuMeter(roots = {}) {
  if (!existsSync('/proc/stat')) return { stop: () => null };
  const groups = () => ({
    ...Object.fromEntries(Object.entries(roots).map(([name, pid]) => [name, processTree(pid)])),
    postgres: pidsNamed(/^postgres/),
    redis: pidsNamed(/^redis-server/),
  });
  const tree0 = groups();
  const before = Object.fromEntries(Object.entries(tree0).map(([k, pids]) => [k, new Map(pids.map((p) => [p, seconds(p)]))]));
  const busy0 = machineBusy();
  return {
    stop(n) {
      const out = {};
      for (const [k, pids] of Object.entries(groups())) {
        // Processes started during the run (new backends) count from zero.
        const used = pids.reduce((sum, p) => sum + seconds(p) - (before[k]?.get(p) ?? 0), 0);
        out[k] = Math.round((1e6 * used) / n);
      }
      out.machine = Math.round((1e6 * (machineBusy() - busy0)) / n);
      return out;
    },
  };
}
