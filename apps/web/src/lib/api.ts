/**
 * The one way pages talk to the API: JSON in and out, the page's language in Accept-Language, the
 * staff token when signed in, and errors in the contract's shape (`{statusCode, message, details}`)
 * turned into ApiError, whose field problems forms show beside their fields.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: FieldProblem[] = [],
    readonly body: Record<string, unknown> = {},
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

export function getToken(): string | null {
  return token;
}

/** Called when a staff request answers 401 (expired token): the console goes back to the login. */
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

function language(): string {
  return localStorage.getItem('weiquan.lang') === 'en' ? 'en' : 'zh-CN';
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; form?: FormData } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language(), ...init.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (init.form) body = init.form;
  else if (init.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const res = await fetch(`/api/v1${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
  const text = await res.text();
  const json = text ? safeJson(text) : null;
  if (!res.ok) {
    if (res.status === 401 && token && onUnauthorized) onUnauthorized();
    const b = (json ?? {}) as { message?: string; details?: FieldProblem[] };
    throw new ApiError(res.status, b.message ?? `HTTP ${res.status}`, b.details ?? [], (json ?? {}) as Record<string, unknown>);
  }
  return json as T;
}

/** A file the API sends back (exports), with the staff token. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await fetch(`/api/v1${path}`, { headers: { Authorization: `Bearer ${token}`, 'Accept-Language': language() } });
  if (!res.ok) throw new ApiError(res.status, `HTTP ${res.status}`);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
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
