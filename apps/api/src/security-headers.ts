import type { AppConfig } from '@weiquan/core';
import { languageOf, sameSecret } from '@weiquan/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of the pages (dist/web) and the API. The built pages load only their
 * own hashed scripts (no inline script: Vite emits none); antd writes its CSS-in-JS as inline
 * <style> tags and style attributes, so 'unsafe-inline' is allowed for styles only. Images may be
 * data: (antd icons, echarts exports) or blob: (attachment previews). Nothing may frame the pages.
 * The queue dashboard (bull-board) runs under it too; only its Google web font is refused (it falls
 * back to the system font, and an administrator's visit is not announced to a third party).
 */
const PAGES_CSP = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  // Plain-HTTP deployments (an intranet without TLS) would break with it; HSTS covers HTTPS ones.
  upgradeInsecureRequests: null,
};

/** Swagger UI (/docs): its own inline <style> and data: images, and the online validator's badge. */
const DOCS_CSP = { ...PAGES_CSP, imgSrc: ["'self'", 'data:', 'https://validator.swagger.io'] };

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every answer (helmet): the CSP above, X-Content-Type-Options: nosniff,
 * X-Frame-Options: DENY, Referrer-Policy: strict-origin-when-cross-origin, and HSTS only over HTTPS:
 * when the request arrived over TLS (req.secure, which honours X-Forwarded-Proto from a TRUST_PROXY
 * proxy) or always when HSTS=true (a TLS proxy the API does not trust for forwarded headers).
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  const common = {
    strictTransportSecurity: false,
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' as const },
  };
  const pages = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: PAGES_CSP } });
  const docs = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: DOCS_CSP } });
  return (req: Request, res: Response, next: NextFunction) => {
    if (config.http.hsts || req.secure) res.setHeader('Strict-Transport-Security', HSTS);
    if (/^\/docs(\/|$)/.test(req.path)) docs(req, res, next);
    else pages(req, res, next);
  };
}

/**
 * Who may read /metrics: with METRICS_TOKEN set, a scraper sending `Authorization: Bearer <token>`
 * (else 401); without it, anyone in development and test, and no one in production (403 saying to
 * set it).
 */
export function metricsAccess(config: AppConfig): RequestHandler {
  const token = config.http.metricsToken;
  return (req: Request, res: Response, next: NextFunction) => {
    if (token === null) {
      if (config.nodeEnv !== 'production') return next();
      return refuse(req, res, 403, {
        zh: '生产环境下 /metrics 须设置 METRICS_TOKEN 后以 Authorization: Bearer <令牌> 访问',
        en: 'in production /metrics needs METRICS_TOKEN to be set, then Authorization: Bearer <token>',
      });
    }
    const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (sameSecret(given, token)) return next();
    res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
    return refuse(req, res, 401, {
      zh: '读取 /metrics 需要 Authorization: Bearer <METRICS_TOKEN>',
      en: 'reading /metrics needs Authorization: Bearer <METRICS_TOKEN>',
    });
  };
}

const REASONS: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden' };

/** An answer in the contract's error shape and the caller's language, before Nest sees the request. */
export function refuse(req: Request, res: Response, status: 401 | 403, text: { zh: string; en: string }): void {
  res.status(status).json({ statusCode: status, error: REASONS[status], message: text[languageOf(req.headers['accept-language'])] });
}
