import 'reflect-metadata';
import cluster from 'node:cluster';
import { loadConfigOrExit } from '@weiquan/core';
import { createApi } from './create-api';

/**
 * The API. With API_PROCESSES > 1 this process only supervises that many workers sharing the port
 * (node:cluster), restarting any that dies; they share nothing else but PostgreSQL and Redis.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (config.apiProcesses > 1 && cluster.isPrimary) {
    for (let i = 0; i < config.apiProcesses; i++) cluster.fork();
    let stopping = false;
    cluster.on('exit', (_worker, code) => {
      if (!stopping && code !== 0) cluster.fork();
    });
    const stop = () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    return;
  }
  const app = await createApi(config);
  await app.listen(config.port, config.host);
}

main().catch((err: Error) => {
  process.stderr.write(`api failed to start: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
