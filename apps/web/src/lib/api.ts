import type { ErrorBody, FieldProblem } from '../api/types';

/**
 * The one way pages talk to the API: JSON in and out (`api`), files out (`download`), the page's
 * language in Accept-Language, the staff token when signed in, and errors in the contract's shape
 * (`{ statusCode, error, message, details? }`) turned into ApiError, whose field problems forms show
 * beside their fields. The shapes are the generated ones in ../api/types.
 */
export type { FieldProblem };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: FieldProblem[] = [],
    /** The whole error body: some answers say more (409 `allowed`, 429 `retryAfterSeconds`). */
    readonly body: Partial<ErrorBody> & Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** Problems by field path, e.g. `consumer.phone` → message. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries(this.details.map((d) => [d.field, d.message]));
  }
}

let token: string | null = sessionStorage.getItem('weiquan.token');
let onUnauthorized: (() => void) | null = null;

export function setToken(value: string | null): void {
  token = value;
  if (value) sessionStorage.setItem('weiquan.token', value);
  else sessionStorage.removeItem('weiquan.token');
}

/** Called when a staff request answers 401 (expired token): the console goes back to the login. */
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

function language(): string {
  return localStorage.getItem('weiquan.lang') === 'en' ? 'en' : 'zh-CN';
}

function headersWith(extra: Record<string, string> = {}): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Language': language(), ...extra };
  if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
}

/** An answer that is not 2xx, as an ApiError in the caller's language. */
async function failure(res: Response): Promise<ApiError> {
  const text = await res.text();
  const body = (text ? safeJson(text) : {}) as Partial<ErrorBody> & Record<string, unknown>;
  if (res.status === 401 && token && onUnauthorized) onUnauthorized();
  return new ApiError(res.status, body.message ?? `HTTP ${res.status}`, body.details ?? [], body);
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; form?: FormData } = {},
): Promise<T> {
  const headers = headersWith({ Accept: 'application/json', ...init.headers });
  let body: BodyInit | undefined;
  if (init.form) body = init.form;
  else if (init.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const res = await fetch(`/api/v1${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
  if (!res.ok) throw await failure(res);
  const text = await res.text();
  return (text ? safeJson(text) : null) as T;
}

/** A file the API sends back (exports, attachments), saved under the name it gives, else `fallbackName`. */
export async function download(path: string, fallbackName: string, init: { headers?: Record<string, string> } = {}): Promise<void> {
  const res = await fetch(`/api/v1${path}`, { headers: headersWith(init.headers) });
  if (!res.ok) throw await failure(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res.headers.get('content-disposition')) ?? fallbackName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `attachment; filename*=UTF-8''%E5%B0%8F%E7%A5%A8.png` or `attachment; filename="stats.csv"`. */
function fileNameOf(disposition: string | null): string | null {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // a malformed name: fall through to the plain one
    }
  }
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}

/** 1280.5 → "1,280.50" for display (amounts arrive from the API as yuan strings). */
export function yuan(v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  const [int, dec = '00'] = String(v).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec.padEnd(2, '0').slice(0, 2)}`;
}
