import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { JobQueue, QUEUES } from '@weiquan/core';
import { StaffAuthenticator, staffOnly } from '@weiquan/identity';

const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * The queue dashboard (bull-board): every queue of the contract, with failed jobs and their errors.
 * Mounted when QUEUE_DASHBOARD is true (the default) and open to administrators only: a staff
 * token of role `admin` as `Authorization: Bearer <token>` or the `wq_token` cookie (which login sets
 * for administrators, scoped to this path); otherwise 401 or 403 in the contract's error shape.
 */
export function mountQueueDashboard(app: NestExpressApplication): void {
  const jobs = app.get(JobQueue);
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: Object.values(QUEUES).map((q) => new BullMQAdapter(jobs.queue(q))), serverAdapter: adapter });
  app.use(QUEUE_DASHBOARD_PATH, staffOnly(app.get(StaffAuthenticator), ['admin']), adapter.getRouter());
}
