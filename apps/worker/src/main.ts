import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@weiquan/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** The worker: queue processors and schedules, no HTTP routes. Run as many as the load needs. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
}

main().catch((err: Error) => {
  process.stderr.write(`worker failed to start: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
