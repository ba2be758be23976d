import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Manifest } from './page-preloads';
import { areaOf, pagesByArea } from './page-preloads';

const NOT_PAGES = /^\/(api|health|metrics|docs|admin\/queues)(\/|$)/;

/**
 * Serves the built pages (apps/web → dist/web) from the API, with client-side routes falling back
 * to index.html. Hashed assets are cached for a year and sent precompressed (the build writes .br
 * and .gz beside each text asset; brotli when the browser takes it, else gzip); index.html is never
 * cached, so a deploy shows at once, and is compressed on the way out (create-api.ts).
 */
export function serveWeb(app: NestExpressApplication, webDistDir: string): void {
  const dir = resolve(webDistDir);
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    new Logger('web').warn(`no built pages at ${dir}: run "npm run build:web"`);
    return;
  }
  app.use(
    '/assets',
    expressStaticGzip(join(dir, 'assets'), {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      index: false,
      serveStatic: { immutable: true, maxAge: '365d', fallthrough: false },
    }),
  );
  // API calls never look on disk: the static handler would stat a file for every request.
  const files = express.static(dir, { index: false, maxAge: 0 });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (NOT_PAGES.test(req.path)) next();
    else files(req, res, next);
  });
  // index.html per area of the pages, with what that area's first page needs preloaded.
  const manifestFile = join(dir, '.vite', 'manifest.json');
  const html = readFileSync(index, 'utf8');
  const pages = existsSync(manifestFile) ? pagesByArea(JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest, html) : null;
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_PAGES.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(pages?.get(areaOf(req.path)) ?? html);
  });
}
