import 'reflect-metadata';
import { loadConfigOrExit } from '@weiquan/core';
import { createApi } from './create-api';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApi(config);
  await app.listen(config.port, config.host);
}

main().catch((err: Error) => {
  process.stderr.write(`api failed to start: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
