import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { maskPhone } from '@weiquan/core';
import type { NotificationKind } from '../notification.templates';

/** One SMS to send: the provider's template (by kind) and its variables, and the composed text. */
export interface SmsMessage {
  phone: string;
  kind: NotificationKind;
  /** The template's variables (sms-templates.ts); for `received` and `access-code` they hold the access code, so they are never logged. */
  variables: string[];
  /** The notification's composed text, without the access code: what the logging stand-in logs. */
  text: string;
}

/**
 * Sends one SMS. TencentSmsGateway sends through Tencent Cloud SMS (SMS_PROVIDER=tencent);
 * LoggingSmsGateway, the default, sends nothing. `send` must throw when the provider did not accept
 * the message, so the sender records the error and the queue retries with backoff.
 */
export abstract class SmsGateway {
  /** Whether messages really leave: false for the logging stand-in, whose messages are recorded as not sent. */
  abstract readonly delivers: boolean;
  abstract send(message: SmsMessage): Promise<void>;
}

/**
 * The default until a provider is configured: nothing is sent. It logs the composed text (which never
 * holds the access code) with the phone masked (138****8000), and says at start that SMS is not sent;
 * the sender records each message as not sent, and the consumer's timeline says so (never "已发送").
 */
@Injectable()
export class LoggingSmsGateway extends SmsGateway implements OnModuleInit {
  readonly delivers = false;
  private readonly logger = new Logger('SmsGateway');

  onModuleInit(): void {
    this.logger.warn(
      '没有配置短信服务（SMS_PROVIDER）：短信通知只记录、不发送 / no SMS provider configured (SMS_PROVIDER): SMS notices are recorded, not sent',
    );
  }

  send(message: SmsMessage): Promise<void> {
    this.logger.log(
      { to: maskPhone(message.phone), kind: message.kind, text: message.text },
      'SMS not sent (no provider configured): logged only',
    );
    return Promise.resolve();
  }
}
