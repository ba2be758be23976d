import { Logger } from '@nestjs/common';
import { LoggingSmsGateway } from './sms.gateway';

describe('LoggingSmsGateway (the default until an SMS provider is configured)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs the text and the masked phone, never the full number, nor the variables that hold the access code', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    await new LoggingSmsGateway().send({
      phone: '13800138000',
      kind: 'received',
      variables: ['投诉', '2611210012342', '73920148'],
      text: '【聊城市场监管】您的投诉（查询编号 2611210012342）已收到。',
    });
    expect(log).toHaveBeenCalledTimes(1);
    const logged = JSON.stringify(log.mock.calls[0]);
    expect(logged).toContain('138****8000');
    expect(logged).toContain('已收到');
    expect(logged).not.toContain('13800138000');
    expect(logged).not.toContain('73920148');
  });
});
