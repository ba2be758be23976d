import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { storage, Store } from 'nestjs-pino/storage';
import type { Logger } from 'pino';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** A caller's X-Request-Id is kept when it looks like one; otherwise each request gets a fresh id. */
function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** Paths polled by probes and scrapers: not logged when they succeed. */
const QUIET = new Set(['/health/live', '/metrics']);

/**
 * The request logging of the API, as one plain middleware instead of pino-http plus nestjs-pino's
 * Nest middlewares, which serialise the whole request into a child logger up front and pass through
 * Nest's per-route middleware matching (on the intake benchmark this is ~5 % less API CPU per
 * request; docs/PERFORMANCE.md). It does what the API used of them: an id per request (echoed in
 * X-Request-Id), a child logger bound to it that every log line written while handling the request
 * carries (nestjs-pino's context store, read by its Logger/PinoLogger), and one line when the
 * response is done: method, path, status and milliseconds, at `error` for a 5xx and `warn` for a
 * client that hung up first. No bodies and no headers are logged (they carry personal data and
 * credentials).
 */
export function requestLogging(root: Logger) {
  return function logRequest(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const id = requestId(req, res);
    const log = root.child({ reqId: id });
    const start = performance.now();
    const done = () => {
      res.removeListener('finish', done);
      res.removeListener('close', done);
      const status = res.statusCode;
      const entry = {
        req: { method: req.method, url: req.url },
        res: { statusCode: status },
        responseTime: Math.round(performance.now() - start),
      };
      if (!res.writableFinished) log.warn(entry, 'request aborted');
      else if (status >= 500) log.error(entry, 'request errored');
      else if (!(status < 400 && QUIET.has(req.url ?? ''))) log.info(entry, 'request completed');
    };
    res.once('finish', done);
    res.once('close', done);
    storage.run(new Store(log), next);
  };
}
