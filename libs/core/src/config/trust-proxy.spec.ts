import { trustProxySchema } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it.each([
    ['false', false],
    ['none', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['loopback', ['loopback']],
    ['10.0.0.1', ['10.0.0.1']],
    ['10.0.0.0/8, 192.168.1.5 ,::1', ['10.0.0.0/8', '192.168.1.5', '::1']],
    ['fd00::/8', ['fd00::/8']],
  ])('accepts %j as %j', (input, expected) => {
    expect(trustProxySchema.parse(input)).toEqual(expected);
  });

  it.each(['11', 'true', 'proxy.example', '10.0.0.0/33', '::1/129', '10.0.0.1/x', ',', '300.1.1.1'])('refuses %j', (input) => {
    expect(trustProxySchema.safeParse(input).success).toBe(false);
  });
});
