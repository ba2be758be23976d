import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The embedded PostgreSQL of `npm start` serves API and worker pools on PGlite's single session. A
 * query whose messages arrive in separate reads must still get its own answer, never another
 * connection's rows or "unnamed prepared statement does not exist".
 */
describe('embedded PostgreSQL (scripts/lib/embedded.mjs)', () => {
  it('keeps each extended-protocol query whole when four connections interleave', () => {
    const run = spawnSync(process.execPath, [join(__dirname, 'support', 'embedded-interleaving.mjs')], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { queries: number; wrong: number; errors: string[] };
    expect(result).toEqual({ queries: 240, wrong: 0, errors: [] });
  }, 150_000);
});
