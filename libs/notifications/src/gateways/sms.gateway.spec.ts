import { Logger } from '@nestjs/common';
import { LoggingSmsGateway } from './sms.gateway';

describe('LoggingSmsGateway (the default until an SMS provider is configured)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs the text and the masked phone, never the full number', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    await new LoggingSmsGateway().send('13800138000', '【聊城市场监管】您的投诉（编号 2611210012342）已受理。');
    expect(log).toHaveBeenCalledTimes(1);
    const logged = JSON.stringify(log.mock.calls[0]);
    expect(logged).toContain('138****8000');
    expect(logged).toContain('已受理');
    expect(logged).not.toContain('13800138000');
  });
});
