import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig, maskPhone } from '@weiquan/core';
import { sms } from 'tencentcloud-sdk-nodejs-sms';
import { NOTIFICATION_KINDS } from '../notification.templates';
import { SMS_TEMPLATES } from '../sms/sms-templates';
import type { SmsMessage } from './sms.gateway';
import { SmsGateway } from './sms.gateway';

type Client = InstanceType<typeof sms.v20210111.Client>;

/**
 * Tencent Cloud SMS (SMS_PROVIDER=tencent), through Tencent's own SDK: it signs each request
 * (TC3-HMAC-SHA256) with SMS_TENCENT_SECRET_ID / _KEY and sends the template of the notification's
 * kind (SMS_TEMPLATES) under SMS_SIGN_NAME. A message is sent when Tencent answers `Ok` for the
 * number; anything else throws (the sender records it and the queue retries). The worker refuses to
 * start when a notification kind has no template: a message that cannot be sent is never queued as if it could.
 */
@Injectable()
export class TencentSmsGateway extends SmsGateway implements OnModuleInit {
  readonly delivers = true;
  private readonly logger = new Logger('SmsGateway');
  private readonly client: Client;
  private readonly settings: NonNullable<AppConfig['sms']['tencent']>;

  constructor(private readonly config: AppConfig) {
    super();
    const tencent = config.sms.tencent;
    if (!tencent) throw new Error('TencentSmsGateway needs SMS_PROVIDER=tencent');
    this.settings = tencent;
    const endpoint = new URL(tencent.endpoint);
    this.client = new sms.v20210111.Client({
      credential: { secretId: tencent.secretId, secretKey: tencent.secretKey },
      region: tencent.region,
      // Short: a send holds its notification row locked until it returns.
      profile: { httpProfile: { endpoint: endpoint.host, protocol: `${endpoint.protocol}//`, reqMethod: 'POST', reqTimeout: 10 } },
    });
  }

  onModuleInit(): void {
    const missing = NOTIFICATION_KINDS.filter((kind) => !this.config.sms.templates[kind]);
    if (missing.length)
      throw new Error(
        `SMS_TEMPLATES: 缺少模板 / no template for ${missing.join(', ')} (npm run cli -- sms:templates prints the texts to register)`,
      );
    const unknown = Object.keys(this.config.sms.templates).filter((kind) => !(kind in SMS_TEMPLATES));
    if (unknown.length) throw new Error(`SMS_TEMPLATES: 未知的通知类型 / unknown notification kind ${unknown.join(', ')}`);
    this.logger.log(
      `短信经腾讯云发送 / SMS sent through Tencent Cloud SMS (${this.settings.region}, signature ${this.config.sms.signName})`,
    );
  }

  async send(message: SmsMessage): Promise<void> {
    const templateId = this.config.sms.templates[message.kind];
    const answer = await this.client.SendSms({
      PhoneNumberSet: [`+86${message.phone}`],
      SmsSdkAppId: this.settings.sdkAppId,
      SignName: this.config.sms.signName,
      TemplateId: templateId,
      TemplateParamSet: message.variables,
    });
    const status = answer.SendStatusSet?.[0];
    // The phone number is never in an error or a log line in clear.
    if (status?.Code !== 'Ok')
      throw new Error(
        `Tencent Cloud SMS refused template ${templateId}: ${status?.Code ?? 'no status'} ${status?.Message ?? ''} (request ${answer.RequestId ?? '?'})`,
      );
    this.logger.log({ to: maskPhone(message.phone), kind: message.kind, templateId, serialNo: status.SerialNo }, 'SMS sent');
  }
}
