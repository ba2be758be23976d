// The zero-setup services of `npm start`: an embedded PostgreSQL (PGlite behind its socket server)
// and, when no Redis answers, a private redis-server. Loaded after dependencies are installed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/**
 * PGlite serves one transaction at a time through its multiplexer, so every process's pool must fit
 * in `maxConnections` together: the launcher gives API and worker small pools (see start.mjs).
 */
export async function startEmbeddedPostgres(dataDir, maxConnections) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const dir = join(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create({ dataDir: dir });
  const port = Number(process.env.PGLITE_PORT) || (await freePort());
  const server = new PGLiteSocketServer({ db: holdingSessionUntilSync(db), host: '127.0.0.1', port, maxConnections });
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    describe: `内置 PostgreSQL (PGlite) / embedded PostgreSQL, data in ${dir}, port ${port}`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

// Extended-query messages that leave a sequence open until its Sync: Parse, Bind, Describe, Execute,
// Close, Flush. Sync, a simple Query, Terminate or a startup message close it.
const OPENS_SEQUENCE = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));

/**
 * PGlite has a single session. pglite-socket 0.2 queues each connection's protocol *messages* and
 * keeps the session with one connection only while a transaction is open, so when a client's
 * Parse/Bind/Execute/Sync arrive in separate TCP reads (as they do under load) another connection's
 * Parse can land in between: a query then runs someone else's unnamed statement (wrong rows) or fails
 * with "unnamed prepared statement does not exist". The queue asks `isInTransaction()` to decide
 * whether to keep the session with the last connection, so this view of the database also answers
 * true while a sequence has not reached its Sync.
 */
export function holdingSessionUntilSync(db) {
  let openSequence = false;
  return {
    get waitReady() {
      return db.waitReady;
    },
    isInTransaction: () => openSequence || db.isInTransaction(),
    runExclusive: (fn) => db.runExclusive(fn),
    execProtocolRawStream(message, options) {
      openSequence = OPENS_SEQUENCE.has(message[0]);
      return db.execProtocolRawStream(message, options);
    },
    // Called to roll back after a connection drops mid-transaction or mid-sequence.
    exec(sql) {
      openSequence = false;
      return db.exec(sql);
    },
  };
}

export async function redisAnswers(url) {
  const { default: Redis } = await import('ioredis');
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1500 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * A throwaway redis-server on loopback: Redis only carries jobs, so nothing is kept on disk. If it
 * exits while the system runs it is started again on the same port (the jobs it held are re-made from
 * PostgreSQL by the worker's reconcilers), and the operator is told.
 */
export async function startPrivateRedis() {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const bin = found.stdout.trim();
  if (found.status !== 0 || !bin) {
    throw new Error(
      '没有可用的 Redis，且 PATH 中找不到 redis-server。请安装 Redis（Debian/Ubuntu: apt-get install redis-server；macOS: brew install redis），或设置 REDIS_URL 指向一个 Redis。\n' +
        'No Redis answers and there is no redis-server on PATH: install one (apt-get install redis-server / brew install redis) or set REDIS_URL.',
    );
  }
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let stopping = false;
  let child;
  let timer;
  const launch = () => {
    child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
      stdio: 'ignore',
    });
    child.once('exit', (code, signal) => {
      if (stopping) return;
      process.stderr.write(
        `✗ redis-server 已退出 / exited (${signal ?? `code ${code}`}); 1 秒后在同一端口重启 / restarting on port ${port} in 1 s\n`,
      );
      timer = setTimeout(() => {
        if (!stopping) launch();
      }, 1000);
    });
  };
  launch();
  for (let i = 0; i < 50; i++) {
    if (await redisAnswers(url)) {
      return {
        url,
        describe: `私有 redis-server / private redis-server on 127.0.0.1:${port} (pid ${child.pid})`,
        async stop() {
          stopping = true;
          clearTimeout(timer);
          if (child.exitCode !== null || child.signalCode) return;
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
          await exited;
          clearTimeout(kill);
        },
      };
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  stopping = true;
  child.kill('SIGKILL');
  throw new Error(`redis-server did not start on port ${port}`);
}
