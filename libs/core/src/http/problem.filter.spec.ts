import type { ArgumentsHost } from '@nestjs/common';
import { ProblemFilter } from './problem.filter';

/** What the filter answers for a failure below Nest, and which headers it sets. */
function answer(exception: unknown, lang = 'en') {
  const headers: Record<string, string> = {};
  let status = 0;
  let body: unknown;
  const res = {
    headersSent: false,
    setHeader: (k: string, v: string) => (headers[k] = v),
    status(s: number) {
      status = s;
      return this;
    },
    json: (b: unknown) => (body = b),
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ url: '/x', headers: { 'accept-language': lang } }) }),
  } as unknown as ArgumentsHost;
  const filter = new ProblemFilter();
  (filter as unknown as { logger: { error(): void } }).logger = { error: () => undefined };
  filter.catch(exception, host);
  return { status, headers, body };
}

describe('ProblemFilter: an unavailable database is a 503 the caller may retry', () => {
  it.each([
    ['a statement cancelled by statement_timeout', { code: '57014', message: 'canceling statement due to statement timeout' }],
    ['the same through TypeORM', { message: 'query failed', driverError: { code: '57014' } }],
    ['no pooled connection within the acquire timeout', new Error('timeout exceeded when trying to connect')],
    ['the server shutting down', { code: '57P01', message: 'terminating connection due to administrator command' }],
  ])('%s', (_what, exception) => {
    const { status, headers, body } = answer(exception);
    expect(status).toBe(503);
    expect(headers['Retry-After']).toMatch(/^\d+$/);
    expect(body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: expect.stringMatching(/database is unavailable/) });
    expect((answer(exception, 'zh').body as { message: string }).message).toMatch(/数据库暂时不可用/);
  });

  it('any other failure stays a 500 without its cause', () => {
    const { status, body } = answer(new Error('relation "x" does not exist'));
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toMatch(/relation/);
  });
});
