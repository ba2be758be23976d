import { Module } from '@nestjs/common';
import { CryptoModule } from '@weiquan/core';
import { EmailGateway } from './gateways/email.gateway';
import { LoggingSmsGateway, SmsGateway } from './gateways/sms.gateway';
import { NotificationSender } from './notification.sender';
import { NotificationWriter } from './notification.writer';
import { ReconcileNotificationsHandler, SendNotificationHandler } from './notifications.handlers';
import { NotificationsRepository } from './notifications.repository';

/** The writer, for any process whose transactions cause notifications (API and worker). */
@Module({ providers: [NotificationWriter], exports: [NotificationWriter] })
export class NotificationsModule {}

/**
 * Sending, for the worker: the job handlers and the gateways. SMS goes through SmsGateway, logged
 * only until a provider is configured (provide another SmsGateway here); email through SMTP_URL.
 */
@Module({
  imports: [CryptoModule, NotificationsModule],
  providers: [
    NotificationsRepository,
    NotificationSender,
    { provide: SmsGateway, useClass: LoggingSmsGateway },
    EmailGateway,
    SendNotificationHandler,
    ReconcileNotificationsHandler,
  ],
  exports: [NotificationsModule, NotificationSender],
})
export class NotificationsWorkerModule {}
