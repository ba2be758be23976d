// Four clients on the embedded PostgreSQL send parameterised queries whose protocol messages leave in
// separate TCP writes a moment apart (as they do on a loaded machine), and report how many answers
// came back wrong or failed. Run by test/embedded-postgres.int-spec.ts in a child process, because
// the launcher's helpers are ES modules.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../scripts/lib/embedded.mjs';

const dir = mkdtempSync(join(tmpdir(), 'weiquan-pglite-'));
const embedded = await startEmbeddedPostgres(dir, 8);

function splitWrites(client) {
  const stream = client.connection.stream;
  const write = stream.write.bind(stream);
  let chain = Promise.resolve();
  stream.write = (chunk, ...rest) => {
    chain = chain.then(() => new Promise((done) => setTimeout(() => done(write(chunk, ...rest)), 1)));
    return true;
  };
}

const clients = [];
for (let k = 0; k < 4; k++) {
  const client = new pg.Client(embedded.url);
  client.on('error', () => undefined);
  await client.connect();
  splitWrites(client);
  clients.push(client);
}
let wrong = 0;
const errors = new Set();
await Promise.all(
  clients.map(async (client, k) => {
    for (let i = 0; i < 60; i++) {
      try {
        const { rows } = await client.query('select $1::int as n, $2::text as who', [i, `c${k}`]);
        if (rows[0]?.n !== i || rows[0]?.who !== `c${k}`) wrong++;
      } catch (e) {
        errors.add(e.message);
      }
    }
  }),
);
process.stdout.write(JSON.stringify({ queries: clients.length * 60, wrong, errors: [...errors] }) + '\n');
await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
await embedded.stop();
rmSync(dir, { recursive: true, force: true });
