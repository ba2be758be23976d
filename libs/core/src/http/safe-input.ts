import { Injectable } from '@nestjs/common';
import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isUtf8 } from 'node:buffer';
import type { Bilingual } from '../i18n/language';
import type { FieldProblem } from '../i18n/localized.exception';
import { invalid, LocalizedException } from '../i18n/localized.exception';

/**
 * Input no handler should ever see, refused once for every route with a 400 naming the field:
 * - U+0000 in any text (PostgreSQL cannot store it in `text`, so it would surface as a 500);
 * - `__proto__`, `constructor` and `prototype` as keys (class-transformer would drop them silently,
 *   and anything merging objects could be polluted by them);
 * - JSON nested deeper than MAX_JSON_DEPTH (checked on the raw text before JSON.parse, so neither the
 *   parser nor the validation pipe's recursion can overflow the stack);
 * - a JSON body that is not valid UTF-8 (the decoder would otherwise replace bad bytes silently);
 * - a fraction so small that JavaScript writes it without a decimal point (1e-7): class-validator's
 *   `maxDecimalPlaces` check throws a TypeError on it (a 500). No amount, coordinate or count of
 *   this service is that small.
 */
const MAX_JSON_DEPTH = 32;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const NUL_TEXT: Bilingual = { zh: '不能包含空字符（U+0000）', en: 'must not contain the NUL character (U+0000)' };
const FORBIDDEN_KEY_TEXT: Bilingual = { zh: '不允许使用该字段名', en: 'this field name is not allowed' };
const TINY_TEXT: Bilingual = { zh: '数值过小（绝对值小于 0.000001 的小数）', en: 'is too small a fraction (below 0.000001)' };

/** Only plain objects (JSON, query, multipart fields, a file's description) and arrays are walked. */
function walkable(v: unknown): v is Record<string, unknown> | unknown[] {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

const join = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);

/** Every NUL and forbidden key in `value`, as `field: problem`, `root` being the field `value` itself is. */
export function unsafeInput(value: unknown, root = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<object>();
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: root, depth: 0 }];
  while (stack.length && problems.length < 20) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) problems.push({ field: path || 'body', message: NUL_TEXT });
      continue;
    }
    if (typeof v === 'number') {
      if (v !== 0 && Math.abs(v) < 1e-6) problems.push({ field: path || 'body', message: TINY_TEXT });
      continue;
    }
    if (!walkable(v) || seen.has(v) || depth > MAX_JSON_DEPTH * 2) continue;
    seen.add(v);
    // Own keys, including a `__proto__` that JSON.parse defines as an own property.
    for (const key of Object.keys(v)) {
      const field = join(path, key.split('\u0000').join('\\u0000'));
      if (FORBIDDEN_KEYS.has(key)) problems.push({ field, message: FORBIDDEN_KEY_TEXT });
      else if (key.includes('\u0000')) problems.push({ field, message: NUL_TEXT });
      stack.push({ v: (v as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
  return problems.sort((a, b) => a.field.localeCompare(b.field));
}

/** The deepest nesting of objects and arrays in JSON text, stopping as soon as it passes `limit`. */
export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * Text worth parsing a second time to look for NUL or forbidden keys (any `\u` escape can spell them;
 * a raw NUL is not JSON at all, the parser refuses it) or tiny fractions (written with an exponent, or
 * with six zeros after the point).
 */
const SUSPICIOUS = /\\u|__proto__|constructor|prototype|[eE]-|\.0{6}/;

/**
 * express.json's `verify`: runs on the raw bytes before they are parsed. A throw becomes the parser's
 * error (passed on with its status by the parse-error handler) and the body is never parsed.
 */
export function verifyJsonBody(_req: IncomingMessage, _res: ServerResponse, buf: Buffer, encoding: string): void {
  if (encoding.toLowerCase() !== 'utf-8')
    throw new LocalizedException(415, { zh: '请求体编码不受支持，请使用 UTF-8', en: 'unsupported body encoding; use UTF-8' });
  if (!isUtf8(buf)) throw new LocalizedException(400, { zh: '请求体不是合法的 UTF-8 文本', en: 'the request body is not valid UTF-8' });
  const text = buf.toString('utf8');
  if (jsonDepthExceeds(text))
    throw new LocalizedException(400, {
      zh: `JSON 嵌套层数过多（最多 ${MAX_JSON_DEPTH} 层）`,
      en: `the JSON is nested too deeply (at most ${MAX_JSON_DEPTH} levels)`,
    });
  if (!SUSPICIOUS.test(text)) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return; // the parser reports it as invalid JSON
  }
  const problems = unsafeInput(parsed);
  if (problems.length) throw invalid(problems);
}

/**
 * The same checks for what reaches a handler by other ways than a JSON body: path parameters,
 * query parameters and multipart text fields (and an uploaded file's name). Runs before the
 * validation pipe, so the problem is reported in the same shape.
 */
@Injectable()
export class SafeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // A named parameter is its own field; uploaded files (a custom decorator) are reported as `file`.
    const root = typeof metadata.data === 'string' ? metadata.data : metadata.type === 'custom' ? 'file' : '';
    const problems = unsafeInput(value, root);
    if (problems.length) throw invalid(problems);
    return value;
  }
}
