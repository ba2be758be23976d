import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { JobQueue, QUEUES } from '@weiquan/core';
import { StaffAuthenticator, staffOnly } from '@weiquan/identity';
import type { NextFunction, Request, Response } from 'express';
import { refuse } from './security-headers';

const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * The queue dashboard (bull-board): every queue of the contract, with failed jobs and their errors.
 * Mounted when QUEUE_DASHBOARD is true (the default) and open to administrators only: a staff
 * token of role `admin` as `Authorization: Bearer <token>` or the `wq_token` cookie (which login sets
 * for administrators, scoped to this path); otherwise 401 or 403 in the contract's error shape.
 * The dashboard's actions (retry, add, clean: anything but GET/HEAD) must come from its own pages
 * (sameOrigin), so another site cannot drive them with the administrator's cookie.
 */
export function mountQueueDashboard(app: NestExpressApplication): void {
  const jobs = app.get(JobQueue);
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: Object.values(QUEUES).map((q) => new BullMQAdapter(jobs.queue(q))), serverAdapter: adapter });
  app.use(QUEUE_DASHBOARD_PATH, sameOrigin, staffOnly(app.get(StaffAuthenticator), ['admin']), adapter.getRouter());
}

/**
 * Refuses (403) a state-changing request whose Origin, or failing that Referer, is not this server
 * (its Host), or that names neither. Browsers send Origin on every cross-origin POST/PUT/DELETE.
 */
function sameOrigin(req: Request, res: Response, next: NextFunction): void {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
  const from = req.headers.origin ?? req.headers.referer;
  if (hostOf(from) === req.headers.host && req.headers.host !== undefined) return next();
  refuse(req, res, 403, {
    zh: '队列面板的操作只能从本站页面发起（Origin 不符）',
    en: 'queue dashboard actions must come from this site’s own pages (Origin mismatch)',
  });
}

function hostOf(url: string | undefined): string | null {
  if (!url || url === 'null') return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
