import { Writable } from 'node:stream';
import express from 'express';
import { PinoLogger } from 'nestjs-pino';
import pino from 'pino';
import request from 'supertest';
import { requestLogging } from './request-logging';

/** An app behind the middleware, with every log line it writes kept as JSON. */
function appWithLogs(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  const root = pino({ level, base: { process: 'api' } }, sink);
  // Nest's logger as services use it: it reads the logger bound to the request being handled.
  const service = new PinoLogger({ pinoHttp: { logger: root } });
  const app = express();
  app.use(requestLogging(root));
  app.get('/work', (_req, res) => {
    service.info({ step: 'routing' }, 'routed');
    res.json({ ok: true });
  });
  app.get('/boom', (_req, res) => void res.status(500).json({}));
  app.get('/health/live', (_req, res) => void res.json({}));
  app.get('/slow', () => undefined); // never answers: the client gives up
  return { app, lines };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('requestLogging: one line per request, and the request id on every line written for it', () => {
  it("echoes a caller's X-Request-Id, or gives a fresh one when it does not look like an id", async () => {
    const { app } = appWithLogs();
    await request(app).get('/work').set('X-Request-Id', 'trace-12345678').expect('x-request-id', 'trace-12345678');
    const res = await request(app).get('/work').set('X-Request-Id', 'bad id!');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs the completed request (method, path, status, milliseconds) and nothing of its headers', async () => {
    const { app, lines } = appWithLogs();
    await request(app).get('/work?x=1').set('Authorization', 'Bearer secret-token').set('X-Request-Id', 'trace-12345678');
    await settle();
    const done = lines.find((l) => l.msg === 'request completed')!;
    expect(done).toMatchObject({
      level: 30,
      process: 'api',
      reqId: 'trace-12345678',
      req: { method: 'GET', url: '/work?x=1' },
      res: { statusCode: 200 },
    });
    expect(typeof done.responseTime).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('secret-token');
  });

  it('a line a service writes while handling the request carries the request id', async () => {
    const { app, lines } = appWithLogs();
    await request(app).get('/work').set('X-Request-Id', 'trace-abcdefgh');
    await settle();
    expect(lines.find((l) => l.msg === 'routed')).toMatchObject({ reqId: 'trace-abcdefgh', step: 'routing' });
  });

  it('a 5xx is logged as an error; a successful probe is not logged at all', async () => {
    const { app, lines } = appWithLogs();
    await request(app).get('/boom');
    await request(app).get('/health/live');
    await settle();
    expect(lines.map((l) => [l.msg, l.level, (l.req as { url: string }).url])).toEqual([['request errored', 50, '/boom']]);
  });

  it('a client that hangs up before the answer is logged as aborted, at warn (seen at the production level)', async () => {
    const { app, lines } = appWithLogs('warn');
    const server = app.listen(0);
    const { port } = server.address() as { port: number };
    const controller = new AbortController();
    const pending = fetch(`http://127.0.0.1:${port}/slow`, { signal: controller.signal }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    await pending;
    await new Promise((r) => setTimeout(r, 100));
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    expect(lines.map((l) => [l.msg, l.level])).toEqual([['request aborted', 40]]);
  });
});
