import { Logger } from '@nestjs/common';
import type { AppConfig, JobQueue, PersonalDataCipher } from '@weiquan/core';
import type { EmailGateway } from './gateways/email.gateway';
import { LoggingSmsGateway, SmsGateway } from './gateways/sms.gateway';
import type { NotificationMetrics } from './notification.metrics';
import { NotificationSender, safeError } from './notification.sender';
import type { NotificationsRepository } from './notifications.repository';

describe('safeError (what is stored and logged of a failed send)', () => {
  it('masks phone numbers and email addresses', () => {
    expect(safeError(new Error('550 mailbox <li.si@example.com> unavailable'))).toBe('550 mailbox <l***@example.com> unavailable');
    expect(safeError(new Error('number 13800138000 is blacklisted'))).toBe('number 138****8000 is blacklisted');
    expect(safeError('plain string')).toBe('plain string');
  });

  it('is cut to a bounded length', () => {
    expect(safeError(new Error('x'.repeat(5_000)))).toHaveLength(1_000);
  });
});

describe('a message no provider carried is recorded as not sent, never as sent', () => {
  const row = {
    id: '7',
    caseId: '1',
    unitCode: null,
    kind: 'accepted',
    channel: 'sms',
    text: '您的投诉已受理。',
    params: { unitName: '东昌府区市场监督管理局' },
    track: 'complaint',
    trackingNo: '2611210012342',
    secretEnc: null,
    recipientEnc: Buffer.from('x'),
  };
  const sender = (sms: SmsGateway) => {
    const markSent = jest.fn().mockResolvedValue(undefined);
    const repo = {
      transaction: (work: (sql: unknown) => Promise<unknown>) => work({}),
      lockUnsent: jest.fn().mockResolvedValue(row),
      markSent,
      recordFailure: jest.fn(),
    } as unknown as NotificationsRepository;
    const cipher = { decrypt: () => '13800138000' } as unknown as PersonalDataCipher;
    const config = { sms: { signName: '聊城市场监管' } } as AppConfig;
    const metrics = { settled: jest.fn() } as unknown as NotificationMetrics;
    return { s: new NotificationSender(repo, cipher, sms, {} as EmailGateway, {} as JobQueue, config, metrics), markSent };
  };

  it.each([
    ['the logging stand-in (no provider configured)', new LoggingSmsGateway(), 'not-sent', false],
    [
      'a provider that accepted it',
      Object.assign(Object.create(SmsGateway.prototype) as SmsGateway, { delivers: true, send: () => Promise.resolve() }),
      'sent',
      true,
    ],
  ] as const)('%s', async (_name, sms, outcome, delivered) => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const { s, markSent } = sender(sms);
    await expect(s.send('7')).resolves.toBe(outcome);
    // Sent: the timeline records the template as the phone showed it; not sent: the composed text.
    const said = delivered
      ? '【聊城市场监管】您的投诉（查询编号2611210012342）已受理，承办单位：东昌府区市场监督管理局，办理期限请在线查看。可凭查询编号和查询码在线查询办理进度。'
      : undefined;
    expect(markSent).toHaveBeenCalledWith({}, '7', delivered, said);
  });
});

describe('a unit’s alert email', () => {
  const unitRow = (unitEmail: string | null) => ({
    id: '9',
    caseId: null,
    unitCode: 'MR-371502',
    kind: 'unit-alerts',
    channel: 'email',
    subject: '【聊城市消费维权】办理期限提醒',
    text: '已超期 1 件',
    unitEmail,
  });
  const sender = (row: ReturnType<typeof unitRow>) => {
    const repo = {
      transaction: (work: (sql: unknown) => Promise<unknown>) => work({}),
      lockUnsent: jest.fn().mockResolvedValue(row),
      markSent: jest.fn().mockResolvedValue(undefined),
      recordFailure: jest.fn().mockResolvedValue(undefined),
    };
    const email = { send: jest.fn().mockResolvedValue(undefined) };
    const metrics = { settled: jest.fn() } as unknown as NotificationMetrics;
    const s = new NotificationSender(
      repo as unknown as NotificationsRepository,
      {} as PersonalDataCipher,
      new LoggingSmsGateway(),
      email as unknown as EmailGateway,
      {} as JobQueue,
      {} as AppConfig,
      metrics,
    );
    return { s, repo, email };
  };

  it('goes to the unit’s address with its own subject, and is recorded as sent', async () => {
    const { s, repo, email } = sender(unitRow('desk@bureau.example.com'));
    await expect(s.send('9')).resolves.toBe('sent');
    expect(email.send).toHaveBeenCalledWith('desk@bureau.example.com', '【聊城市消费维权】办理期限提醒', '已超期 1 件');
    expect(repo.markSent).toHaveBeenCalledWith({}, '9', true, undefined);
  });

  it('is not sent, but retried with the reason, when the unit has no address any more', async () => {
    const { s, repo, email } = sender(unitRow(null));
    await expect(s.send('9')).rejects.toThrow('unit MR-371502 has no alert email');
    expect(email.send).not.toHaveBeenCalled();
    expect(repo.markSent).not.toHaveBeenCalled();
    expect(repo.recordFailure).toHaveBeenCalledWith({}, '9', 'unit MR-371502 has no alert email');
  });
});
