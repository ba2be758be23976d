import { randomBytes } from 'node:crypto';
import { AppConfig, ConfigError } from './app-config';

const key = () => randomBytes(32).toString('base64');
const base = () => ({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/weiquan', DATA_KEY: key(), TOKEN_SECRET: key() });

function problemsOf(env: Record<string, string | undefined>): { variable: string; message: string }[] {
  try {
    AppConfig.fromEnv(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('AppConfig.fromEnv', () => {
  it('fills defaults for everything optional', () => {
    const c = AppConfig.fromEnv(base());
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.redis).toEqual({ url: 'redis://127.0.0.1:6379', prefix: 'wq' });
    expect(c.database.poolSize).toBe(10);
    expect(c.secrets.dataKey).toHaveLength(32);
    expect(c.auth).toEqual({ tokenTtlSeconds: 900, maxFailures: 5, lockMinutes: 15, loginPerMinute: 30, sessionMaxHours: 12 });
    expect(c.trustProxy).toBe(false);
    expect(c.queueDashboard).toBe(true);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads the sign-in settings', () => {
    const c = AppConfig.fromEnv({
      ...base(),
      TOKEN_TTL_SECONDS: '1',
      LOGIN_MAX_FAILURES: '3',
      LOGIN_LOCK_MINUTES: '2',
      LOGIN_RATE_LIMIT: '100',
      SESSION_MAX_HOURS: '8',
      TRUST_PROXY: '127.0.0.1, 10.0.0.0/8',
      QUEUE_DASHBOARD: 'false',
    });
    expect(c.auth).toEqual({ tokenTtlSeconds: 1, maxFailures: 3, lockMinutes: 2, loginPerMinute: 100, sessionMaxHours: 8 });
    expect(c.trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(() => AppConfig.fromEnv({ ...base(), TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
    expect(c.queueDashboard).toBe(false);
  });

  it('reads the HTTP exposure settings: metrics token, docs (off in production by default), HSTS', () => {
    expect(AppConfig.fromEnv(base()).http).toEqual({ metricsToken: null, docsEnabled: true, hsts: false });
    expect(AppConfig.fromEnv({ ...base(), NODE_ENV: 'production' }).http.docsEnabled).toBe(false);
    const c = AppConfig.fromEnv({ ...base(), NODE_ENV: 'production', DOCS_ENABLED: 'true', METRICS_TOKEN: 'a'.repeat(16), HSTS: '1' });
    expect(c.http).toEqual({ metricsToken: 'a'.repeat(16), docsEnabled: true, hsts: true });
    expect(() => AppConfig.fromEnv({ ...base(), METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it('reads the site address emails link to, without its trailing slash; none by default', () => {
    expect(AppConfig.fromEnv(base()).notifications.publicBaseUrl).toBeNull();
    expect(AppConfig.fromEnv({ ...base(), PUBLIC_BASE_URL: 'https://12315.liaocheng.gov.cn/' }).notifications.publicBaseUrl).toBe(
      'https://12315.liaocheng.gov.cn',
    );
    expect(AppConfig.fromEnv({ ...base(), PUBLIC_BASE_URL: 'https://x.example/weiquan//' }).notifications.publicBaseUrl).toBe(
      'https://x.example/weiquan',
    );
  });

  it('reads typed values', () => {
    const c = AppConfig.fromEnv({ ...base(), PORT: '8080', DATABASE_POOL_SIZE: '3', QUEUE_DASHBOARD: 'yes', LOG_LEVEL: 'warn' });
    expect(c.port).toBe(8080);
    expect(c.database.poolSize).toBe(3);
    expect(c.queueDashboard).toBe(true);
    expect(c.log.level).toBe('warn');
  });

  it.each([
    ['PORT', 'abc', /integer/],
    ['PORT', '70000', /≤ 65535/],
    ['PORT', '0', /≥ 1/],
    ['DATABASE_URL', 'mysql://x', /postgres:\/\//],
    ['REDIS_URL', 'localhost:6379', /redis:\/\//],
    ['DATA_KEY', 'c2hvcnQ=', /32 bytes/],
    ['LOG_LEVEL', 'loud', /.+/],
    ['QUEUE_DASHBOARD', 'maybe', /true or false/],
    ['TOKEN_TTL_SECONDS', '0', /≥ 1/],
    ['LOGIN_MAX_FAILURES', 'five', /integer/],
    ['NODE_ENV', 'staging', /.+/],
    ['PUBLIC_BASE_URL', '12315.liaocheng.gov.cn', /https:\/\//],
    ['PUBLIC_BASE_URL', 'https://12315.liaocheng.gov.cn/?x=1', /without \? or #/],
  ])('refuses %s=%s, naming the variable and the value', (variable, value, why) => {
    const problems = problemsOf({ ...base(), [variable]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0].variable).toBe(variable);
    expect(problems[0].message).toMatch(why);
    expect(problems[0].message).toContain(JSON.stringify(value));
  });

  it('names every missing required variable at once', () => {
    const problems = problemsOf({ PORT: 'abc' });
    expect(problems.map((p) => p.variable).sort()).toEqual(['DATABASE_URL', 'DATA_KEY', 'PORT', 'TOKEN_SECRET']);
    expect(problems.find((p) => p.variable === 'DATABASE_URL')!.message).toBe('is required but not set');
  });

  it('treats an empty value as unset', () => {
    expect(AppConfig.fromEnv({ ...base(), PORT: '' }).port).toBe(3000);
  });

  it('puts every problem in the error message', () => {
    expect(() => AppConfig.fromEnv({ ...base(), PORT: 'abc', REDIS_URL: 'nope' })).toThrow(/PORT: .*\n.*REDIS_URL/s);
  });

  it('needs the credentials and templates of the SMS provider it is told to use, and names what is missing', () => {
    expect(AppConfig.fromEnv(base()).sms).toMatchObject({ provider: 'none', tencent: null, signName: '聊城市场监管' });
    expect(problemsOf({ ...base(), SMS_PROVIDER: 'tencent' }).map((p) => p.variable)).toEqual([
      'SMS_TENCENT_SECRET_ID',
      'SMS_TENCENT_SECRET_KEY',
      'SMS_TENCENT_SDK_APP_ID',
      'SMS_TEMPLATES',
    ]);
    expect(problemsOf({ ...base(), SMS_TEMPLATES: 'received:1' })[0].variable).toBe('SMS_TEMPLATES');
    const c = AppConfig.fromEnv({
      ...base(),
      SMS_PROVIDER: 'tencent',
      SMS_TENCENT_SECRET_ID: 'AKIDexample',
      SMS_TENCENT_SECRET_KEY: 'secret',
      SMS_TENCENT_SDK_APP_ID: '1400006666',
      SMS_TEMPLATES: 'received=1850001, accepted=1850002',
    });
    expect(c.sms.templates).toEqual({ received: '1850001', accepted: '1850002' });
    expect(c.sms.tencent).toMatchObject({ region: 'ap-guangzhou', endpoint: 'https://sms.tencentcloudapi.com', sdkAppId: '1400006666' });
  });
});
