import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The early-warning replay (`npm run warnings:replay`), run as the bureau runs it, on a small history:
 * the compiled detector must catch every planted collapse within a week of its start, and raise
 * almost nothing else. No database: the history is generated in memory. Needs the server build
 * (`npm test` builds first).
 */
interface ReplayResult {
  complaints: number;
  collapses: { index: number; collapseDay: string; alertDay: string | null; delayDays: number | null; filedByAlert: number | null }[];
  missed: number[];
  falseAlerts: { business: number; slice: number };
}

function replay(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(
    process.execPath,
    [join(__dirname, '..', 'bench', 'warnings-replay.mjs'), '--cases', '30000', '--collapses', '3', '--no-build', ...args],
    { encoding: 'utf8', timeout: 60_000 },
  );
}

describe('warnings:replay', () => {
  it('detects every planted collapse within 7 days, with few false alerts', () => {
    for (const seed of ['7', '11']) {
      const run = replay('--seed', seed, '--json');
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const r = JSON.parse(run.stdout) as ReplayResult;
      expect(r.complaints).toBeGreaterThan(25_000);
      expect(r.collapses).toHaveLength(3);
      expect(r.missed).toEqual([]);
      for (const c of r.collapses) {
        expect(c.delayDays).toBeGreaterThanOrEqual(0);
        expect(c.delayDays).toBeLessThanOrEqual(7);
        // Detected on complaints already filed, not on the whole burst.
        expect(c.filedByAlert).toBeGreaterThanOrEqual(2);
      }
      // False alerts (the planted steady chains' included) stay rare: at most 8 in ~2.6 years evaluated.
      expect(r.falseAlerts.business + r.falseAlerts.slice).toBeLessThanOrEqual(8);
    }
  });

  it('takes tuned thresholds from a file, and refuses bad ones naming the field', () => {
    const strict = join(tmpdir(), `wq-replay-strict-${process.pid}.json`);
    // Bars no burst of at most 40 complaints in a week can reach: nothing is detected.
    writeFileSync(strict, JSON.stringify({ business: { all: { minExcess: 500 }, prepaid: { minExcess: 500 } } }));
    const r = JSON.parse(replay('--seed', '7', '--json', '--thresholds', strict).stdout) as ReplayResult;
    expect(r.missed).toEqual([1, 2, 3]);

    const bad = join(tmpdir(), `wq-replay-bad-${process.pid}.json`);
    writeFileSync(bad, JSON.stringify({ business: { all: { minCount: 1 } } }));
    const run = replay('--seed', '7', '--thresholds', bad);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('business.all.minCount: an integer from 2 to 10000');
  });
});
