import { Injectable, Logger } from '@nestjs/common';
import { maskPhone } from '@weiquan/core';

/**
 * Sends one SMS. A real provider (Alibaba Cloud SMS, Tencent Cloud SMS, a carrier gateway…) is
 * added later by implementing this class and providing it in place of LoggingSmsGateway in
 * NotificationsWorkerModule. `send` must throw when the message was not accepted, so the job
 * records the error and retries.
 */
export abstract class SmsGateway {
  abstract send(phone: string, text: string): Promise<void>;
}

/** The default until a provider is contracted: logs the message with the phone masked (138****8000), never the full number. */
@Injectable()
export class LoggingSmsGateway extends SmsGateway {
  private readonly logger = new Logger('SmsGateway');

  send(phone: string, text: string): Promise<void> {
    this.logger.log({ to: maskPhone(phone), text }, 'SMS (no provider configured: logged only)');
    return Promise.resolve();
  }
}
