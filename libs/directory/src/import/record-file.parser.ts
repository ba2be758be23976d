import { parse as parseCsv } from 'csv-parse/sync';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { parseTree, printParseErrorCode } from 'jsonc-parser';

/**
 * Reads a list of records (CSV with a header row, or JSON) into raw rows, each with the line it
 * starts on. Only syntax is checked here; each import's rules decide what a row means. Shared by the
 * station import (station-file.parser.ts) and the business import (libs/business/src/import).
 */

/** One record of the file, as read, with the 1-based line it starts on. */
export interface RawRecord {
  line: number;
  fields: Record<string, unknown>;
}

/** A syntax problem: the same shape as every import's problems (station-import.types.ts ImportProblem). */
interface SyntaxProblem {
  line: number;
  code: 'syntax';
  message: string;
  messageEn: string;
}

export type ParsedRecords = { rows: RawRecord[]; problems: SyntaxProblem[] };

/** What a record is called in messages, and the key of the list in the JSON object shape `{ "<key>": [...] }`. */
export interface RecordKind {
  listKey: string;
  zh: string;
  en: string;
  enPlural: string;
}

export function detectFormat(fileName: string, text: string): 'csv' | 'json' {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return /^\s*[[{]/.test(text) ? 'json' : 'csv';
}

export function parseRecordFile(text: string, format: 'csv' | 'json', kind: RecordKind): ParsedRecords {
  return format === 'csv' ? parseCsvRows(text) : parseJsonRows(text, kind);
}

function parseCsvRows(text: string): ParsedRecords {
  try {
    // With info and raw, each record comes with where it ended and its source text.
    const records = parseCsv<{ record: Record<string, string>; info: { lines: number }; raw: string }>(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim()),
      info: true,
      raw: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    });
    return {
      problems: [],
      // csv-parse counts to a record's last line; a quoted line break makes it start earlier.
      // Skipped blank lines before a record are part of its raw text, so they are trimmed off too.
      rows: records.map(({ record, info, raw }) => ({
        line: info.lines - newlines(raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '')),
        fields: record,
      })),
    };
  } catch (err) {
    const e = err as Error & { lines?: number; code?: string };
    // csv-parse reports an unclosed quote where the file ends; the user needs the line it opened on.
    const line = e.code === 'CSV_QUOTE_NOT_CLOSED' ? unclosedQuoteLine(text) : (e.lines ?? 0);
    return {
      rows: [],
      problems: [{ line, code: 'syntax', message: `CSV 格式错误：${e.message}`, messageEn: `CSV syntax error: ${e.message}` }],
    };
  }
}

function unclosedQuoteLine(text: string): number {
  let line = 1;
  let openedOn = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) {
      quoted = !quoted; // a doubled "" inside quotes toggles twice and changes nothing
      if (quoted) openedOn = line;
    }
  }
  return quoted ? openedOn : line;
}

function newlines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function parseJsonRows(text: string, kind: RecordKind): ParsedRecords {
  const errors: ParseError[] = [];
  const clean = text.replace(/^\uFEFF/, '');
  const root = parseTree(clean, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !root) {
    const e = errors[0];
    const what = e ? printParseErrorCode(e.error) : 'empty document';
    return {
      rows: [],
      problems: [
        {
          line: e ? lineAt(clean, e.offset) : 1,
          code: 'syntax',
          message: `JSON 格式错误：${what}`,
          messageEn: `JSON syntax error: ${what}`,
        },
      ],
    };
  }
  // Either a plain array of records or the seed shape { "<listKey>": [...] }.
  const list: JsonNode | undefined =
    root.type === 'array'
      ? root
      : root.type === 'object'
        ? root.children?.find((p) => p.children?.[0]?.value === kind.listKey)?.children?.[1]
        : undefined;
  if (!list || list.type !== 'array') {
    return {
      rows: [],
      problems: [
        {
          line: 1,
          code: 'syntax',
          message: `JSON 应为${kind.zh}数组，或含 "${kind.listKey}" 数组的对象`,
          messageEn: `JSON must be an array of ${kind.enPlural} or an object with a "${kind.listKey}" array`,
        },
      ],
    };
  }
  const rows: RawRecord[] = [];
  const problems: SyntaxProblem[] = [];
  for (const item of list.children ?? []) {
    const line = lineAt(clean, item.offset);
    if (item.type !== 'object') {
      problems.push({
        line,
        code: 'syntax',
        message: `每个${kind.zh}应为一个 JSON 对象`,
        messageEn: `each ${kind.en} must be a JSON object`,
      });
      continue;
    }
    const fields: Record<string, unknown> = {};
    for (const prop of item.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (key && value) fields[String(key.value)] = nodeValue(value);
    }
    rows.push({ line, fields });
  }
  return { rows, problems };
}

function nodeValue(node: JsonNode): unknown {
  if (node.type === 'array') return (node.children ?? []).map(nodeValue);
  if (node.type === 'object')
    return Object.fromEntries((node.children ?? []).map((p) => [p.children![0].value, nodeValue(p.children![1])]));
  return node.value;
}
