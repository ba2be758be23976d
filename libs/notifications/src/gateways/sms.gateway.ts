import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { maskPhone } from '@weiquan/core';

/**
 * Sends one SMS. A real provider (Alibaba Cloud SMS, Tencent Cloud SMS, a carrier gateway…) is
 * added later by implementing this class and providing it in place of LoggingSmsGateway in
 * NotificationsWorkerModule. `send` must throw when the message was not accepted, so the job
 * records the error and retries.
 */
export abstract class SmsGateway {
  /** Whether messages really leave: false for the logging stand-in, whose messages are recorded as not sent. */
  abstract readonly delivers: boolean;
  abstract send(phone: string, text: string): Promise<void>;
}

/**
 * The default until a provider is contracted: nothing is sent. It logs the message with the phone
 * masked (138****8000), never the full number, and says at start that SMS is not sent; the sender
 * records each message as not sent, and the consumer's timeline says so (never "已发送").
 */
@Injectable()
export class LoggingSmsGateway extends SmsGateway implements OnModuleInit {
  readonly delivers = false;
  private readonly logger = new Logger('SmsGateway');

  onModuleInit(): void {
    this.logger.warn('没有配置短信服务：短信通知只记录、不发送 / no SMS provider configured: SMS notices are recorded, not sent');
  }

  send(phone: string, text: string): Promise<void> {
    this.logger.log({ to: maskPhone(phone), text }, 'SMS not sent (no provider configured): logged only');
    return Promise.resolve();
  }
}
