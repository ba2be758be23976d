import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { NestExpressApplication } from '@nestjs/platform-express';
import { JobQueue, QUEUES } from '@weiquan/core';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * The queue dashboard (bull-board): every queue of the contract, with failed jobs and their errors.
 * Mounted only when QUEUE_DASHBOARD=true until staff roles exist to close it to administrators.
 */
export function mountQueueDashboard(app: NestExpressApplication): void {
  const jobs = app.get(JobQueue);
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: Object.values(QUEUES).map((q) => new BullMQAdapter(jobs.queue(q))), serverAdapter: adapter });
  app.use(QUEUE_DASHBOARD_PATH, adapter.getRouter());
}
