import { Module } from '@nestjs/common';
import { AppConfig, CryptoModule } from '@weiquan/core';
import { EmailGateway } from './gateways/email.gateway';
import { LoggingSmsGateway, SmsGateway } from './gateways/sms.gateway';
import { TencentSmsGateway } from './gateways/tencent-sms.gateway';
import { NotificationMetrics } from './notification.metrics';
import { NotificationSender } from './notification.sender';
import { NotificationWriter } from './notification.writer';
import { ReconcileNotificationsHandler, SendNotificationHandler } from './notifications.handlers';
import { NotificationsRepository } from './notifications.repository';

/** The writer, for any process whose transactions cause notifications (API and worker). */
@Module({ providers: [NotificationWriter], exports: [NotificationWriter] })
export class NotificationsModule {}

/**
 * Sending, for the worker: the job handlers and the gateways. SMS goes through the provider of
 * SMS_PROVIDER (Tencent Cloud SMS), or is logged and recorded as not sent when none is configured;
 * email through SMTP_URL.
 */
@Module({
  imports: [CryptoModule, NotificationsModule],
  providers: [
    NotificationsRepository,
    NotificationSender,
    NotificationMetrics,
    {
      provide: SmsGateway,
      inject: [AppConfig],
      useFactory: (config: AppConfig): SmsGateway =>
        config.sms.provider === 'tencent' ? new TencentSmsGateway(config) : new LoggingSmsGateway(),
    },
    EmailGateway,
    SendNotificationHandler,
    ReconcileNotificationsHandler,
  ],
  exports: [NotificationsModule, NotificationSender],
})
export class NotificationsWorkerModule {}
