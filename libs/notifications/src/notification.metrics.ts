import { Injectable } from '@nestjs/common';
import { Counter, Gauge, register } from 'prom-client';
import { NotificationsRepository } from './notifications.repository';

let source: NotificationsRepository | undefined;

/**
 * What an operator watches to see whether consumers hear from the system: messages settled by
 * channel and outcome (sent; not sent because no provider is configured; failed, to be retried),
 * and the unsent ones in PostgreSQL (waiting or retrying, and given up after every attempt).
 */
@Injectable()
export class NotificationMetrics {
  private readonly outcomes =
    (register.getSingleMetric('weiquan_notifications_total') as Counter<'channel' | 'outcome'> | undefined) ??
    new Counter({
      name: 'weiquan_notifications_total',
      help: 'Notification send attempts by channel and outcome (sent, not-sent: no provider configured, failed: retried with backoff)',
      labelNames: ['channel', 'outcome'],
    });

  constructor(repo: NotificationsRepository) {
    source = repo;
    if (!register.getSingleMetric('weiquan_notifications_unsent')) {
      new Gauge({
        name: 'weiquan_notifications_unsent',
        help: 'Unsent notifications in PostgreSQL: retrying (attempts left) and failed (every attempt used, for an operator)',
        labelNames: ['state'],
        async collect() {
          if (!source) return;
          const counts = await source.unsentCounts();
          this.set({ state: 'retrying' }, counts.retrying);
          this.set({ state: 'failed' }, counts.failed);
        },
      });
    }
  }

  settled(channel: 'sms' | 'email', outcome: 'sent' | 'not-sent' | 'failed'): void {
    this.outcomes.inc({ channel, outcome });
  }
}
