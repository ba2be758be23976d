import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobPayloads } from '@weiquan/core';
import { NotificationSender } from './notification.sender';

@Injectable()
@HandlesJob('notifications.send')
export class SendNotificationHandler implements JobHandler<'notifications.send'> {
  constructor(private readonly sender: NotificationSender) {}

  async handle(p: JobPayloads['notifications.send']): Promise<void> {
    await this.sender.send(p.notificationId);
  }
}

@Injectable()
@HandlesJob('notifications.reconcile')
export class ReconcileNotificationsHandler implements JobHandler<'notifications.reconcile'> {
  constructor(private readonly sender: NotificationSender) {}

  async handle(): Promise<void> {
    await this.sender.reconcile();
  }
}
