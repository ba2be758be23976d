import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, maskEmail } from '@weiquan/core';
import { createTransport } from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

type Transport = Transporter<SMTPTransport.SentMessageInfo>;

/**
 * Sends notification emails through the SMTP server of SMTP_URL (smtp:// or smtps://, credentials
 * in the URL), from SMTP_FROM. Without SMTP_URL it is disabled, and the writer writes no email rows.
 */
@Injectable()
export class EmailGateway implements OnApplicationShutdown {
  private readonly logger = new Logger('EmailGateway');
  private readonly transport: Transport | null;

  constructor(private readonly config: AppConfig) {
    const url = config.notifications.smtpUrl;
    // Short timeouts: a send holds its notification row locked until it returns.
    this.transport = url ? createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(to: string, subject: string, text: string): Promise<void> {
    if (!this.transport) throw new Error('email is not configured (SMTP_URL is not set)');
    const info = await this.transport.sendMail({ from: this.config.notifications.smtpFrom, to, subject, text });
    this.logger.log({ to: maskEmail(to), messageId: info.messageId }, 'email sent');
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
