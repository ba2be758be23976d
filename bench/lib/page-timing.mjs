// Cold page loads in headless chromium, throttled like a cheap phone on a poor network, measured
// through the Chrome DevTools Protocol: paint timings, the moment a named element is usable, the
// bytes on the wire and which text assets came uncompressed. Used by bench/pages.mjs.
//
// The pages send a Content-Security-Policy without 'unsafe-eval': everything run in a page here is a
// function (with its argument), never a string expression.
/* global document, getComputedStyle */
import { createServer } from 'node:http';

/** Chrome DevTools' "Fast 3G" preset (562.5 ms round trip, 1.44 Mbit/s down, 675 kbit/s up). */
export const FAST_3G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: 180_000,
  uploadThroughput: 84_375,
  connectionType: 'cellular3g',
};
/** Lighthouse's mobile CPU slowdown: a cheap phone against a desktop. */
export const CPU_SLOWDOWN = 4;
export const PHONE = { width: 390, height: 844 };
/** The longest any one wait may take; past it the figure is "timed out". */
export const WAIT_MS = 60_000;
export const TIMED_OUT = 'timed out';

const MOBILE_UA =
  'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36 weiquan-bench';
const TEXT_TYPES = new Set(['Document', 'Script', 'Stylesheet']);
const TEXT_MIME = /html|javascript|ecmascript|css/i;
const COMPRESSED = /^(br|gzip|zstd|deflate)$/i;

/**
 * Runs in the page (serialised by playwright): performance.now() once the element `spec` names is
 * shown (laid out with a size, not visibility:hidden, not transparent), else false.
 *  - { kind: 'button', text }: a submit button inside a form, preferring one whose text holds `text`;
 *    failing any, any button whose text holds `text`.
 *  - { kind: 'kpi' }: a dashboard KPI value with a digit in it.
 */
export function readyProbe(spec) {
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0;
  };
  const texted = (el) => (el.textContent ?? '').replace(/\s+/g, '').includes(spec.text);
  let candidates;
  if (spec.kind === 'kpi') {
    candidates = [
      ...document.querySelectorAll('[data-testid^="kpi-"][data-testid$="-value"], .wq-kpi-value, .ant-statistic-content-value'),
    ].filter((el) => /\d/.test(el.textContent ?? ''));
  } else {
    const submits = [...document.querySelectorAll('form button[type="submit"], form input[type="submit"]')];
    const named = submits.filter(texted);
    candidates = named.length ? named : submits.length ? submits : [...document.querySelectorAll('button')].filter(texted);
  }
  return candidates.some(shown) ? performance.now() : false;
}

/** Runs in the page: the paint entries once first-contentful-paint is in, else false. */
function paintProbe() {
  const entries = performance.getEntriesByType('paint');
  const at = (name) => entries.find((e) => e.name === name)?.startTime ?? null;
  const fcp = at('first-contentful-paint');
  return fcp === null ? false : { fp: at('first-paint') ?? fcp, fcp };
}

function header(headers, name) {
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() === name) return String(v);
  return null;
}

async function orTimeout(promise) {
  try {
    return await promise;
  } catch (e) {
    if (e?.name === 'TimeoutError' || /timeout/i.test(String(e?.message))) return TIMED_OUT;
    throw e;
  }
}

/**
 * One cold load of `url` in a new browser context (an empty cache, no connections, no cookies):
 * `ready` is a readyProbe spec (or null), `session` an object of sessionStorage items set before the
 * page's scripts run (a signed-in member of staff). Returns milliseconds from navigation start:
 *   { fp, fcp, ready, bytes, requests, failed, textAssets, uncompressed: [path…], error? }
 * where a figure that did not come within WAIT_MS is TIMED_OUT.
 */
export async function measurePage(browser, url, { throttle = true, ready = null, session = null } = {}) {
  const context = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    userAgent: MOBILE_UA,
    locale: 'zh-CN',
  });
  const out = { fp: TIMED_OUT, fcp: TIMED_OUT, ready: ready ? TIMED_OUT : null, bytes: 0, requests: 0, failed: 0 };
  const responses = new Map();
  try {
    if (session) {
      await context.addInitScript((items) => {
        try {
          for (const [k, v] of Object.entries(items)) sessionStorage.setItem(k, v);
        } catch {
          /* about:blank has no storage */
        }
      }, session);
    }
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const cdp = await context.newCDPSession(page);
    cdp.on('Network.responseReceived', (e) => {
      responses.set(e.requestId, {
        url: e.response.url,
        type: e.type,
        mime: e.response.mimeType,
        encoding: header(e.response.headers, 'content-encoding'),
      });
    });
    cdp.on('Network.loadingFinished', (e) => {
      out.bytes += e.encodedDataLength;
      out.requests++;
    });
    cdp.on('Network.loadingFailed', () => out.failed++);
    await cdp.send('Network.enable');
    if (throttle) {
      await cdp.send('Network.emulateNetworkConditions', FAST_3G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    }

    const nav = await orTimeout(page.goto(url, { waitUntil: 'commit', timeout: WAIT_MS }));
    if (nav === TIMED_OUT) return out;
    const readyAt = ready
      ? orTimeout(page.waitForFunction(readyProbe, ready, { polling: 'raf', timeout: WAIT_MS }).then((h) => h.jsonValue()))
      : Promise.resolve(null);
    const paints = orTimeout(page.waitForFunction(paintProbe, undefined, { polling: 'raf', timeout: WAIT_MS }).then((h) => h.jsonValue()));
    const [r, p] = await Promise.all([readyAt, paints]);
    out.ready = r;
    if (p !== TIMED_OUT) Object.assign(out, p);
    // What the page goes on to load (lazy chunks, API calls) counts in its bytes: until the load event
    // and a quiet network, or a while.
    await orTimeout(page.waitForLoadState('load', { timeout: WAIT_MS }));
    await orTimeout(page.waitForLoadState('networkidle', { timeout: 15_000 }));
  } catch (e) {
    out.error = String(e?.message ?? e).split('\n')[0];
  } finally {
    await context.close().catch(() => undefined);
  }
  const text = [...responses.values()].filter((r) => /^https?:/.test(r.url) && (TEXT_TYPES.has(r.type) || TEXT_MIME.test(r.mime ?? '')));
  out.textAssets = text.length;
  out.uncompressed = text.filter((r) => !COMPRESSED.test(r.encoding ?? '')).map((r) => new URL(r.url).pathname);
  return out;
}

/** The floor: a ~1 KB static HTML page from a bare node:http server, loaded the same way. */
export async function startBaselineServer() {
  const para = '消费者可以在线提交投诉和举报，凭受理编号和查询码查询办理进度。';
  const html = Buffer.from(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>baseline</title></head><body><h1>基准页面</h1>${`<p>${para}</p>`.repeat(9)}</body></html>`,
  );
  const server = createServer((req, res) => {
    if (req.url !== '/') return void res.writeHead(404, { 'Content-Length': 0 }).end(); // the favicon is not the floor's
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': html.length, 'Cache-Control': 'no-store' });
    res.end(html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    size: html.length,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The median of the runs, a timed-out run counting as longer than any other; TIMED_OUT when that is the median. */
export function median(values) {
  const xs = values.filter((v) => v !== null && v !== undefined).map((v) => (v === TIMED_OUT ? Infinity : v));
  if (!xs.length) return null;
  xs.sort((a, b) => a - b);
  const m = xs.length % 2 ? xs[(xs.length - 1) / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2;
  return Number.isFinite(m) ? m : TIMED_OUT;
}
