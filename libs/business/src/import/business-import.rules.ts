import { isValidUscc, respondentKey } from '@weiquan/complaints/intake/identity.rules';
import type { RawRecord } from '@weiquan/directory/import/record-file.parser';

/**
 * Decides what a file of businesses enrolled for online dispute resolution (在线消费纠纷解决企业)
 * means: every row checked against the city's areas and venues, every problem reported with its
 * line and field. Pure: no Nest, no I/O, so each rule is tested on its own (business-import.rules.spec.ts).
 *
 * The file (read by the shared reader, libs/directory/src/import/record-file.parser.ts):
 *  - CSV, UTF-8 (a BOM is allowed), a header row naming the columns in Chinese or English, one business
 *    per row:
 *      统一社会信用代码,经营者名称,区县代码,场所编码,平台,联系电话,地址
 *      91371502MA3C8X2Q13,聊城市某某餐饮有限公司,371502,V-371502-001,否,0635-8888888,东昌府区东昌路 88 号
 *  - JSON: an array of objects, or `{ "businesses": [...] }`, with the English field names.
 * Columns (COLUMN_ALIASES lists every name accepted):
 *  - creditCode 统一社会信用代码 (required): GB 32100, 18 characters with a correct check character; upper-cased;
 *  - name 经营者名称 (required): 2–100 characters;
 *  - areaCode 区县代码 (required): an area of the city (the `area` table);
 *  - venueCode 场所编码: a venue of the directory, in that area;
 *  - platform 平台: true/false, 是/否, 1/0 (empty: false);
 *  - phone 联系电话 (at most 30 characters), address 地址 (at most 200).
 * A credit code not yet enrolled is added; an enrolled one is updated (merge only: nothing is deleted,
 * suspended or resumed). A column the file leaves out (JSON: a key an object leaves out) keeps an
 * enrolled business's current value; an empty cell clears it (platform: false).
 */

type BusinessField = 'creditCode' | 'name' | 'areaCode' | 'venueCode' | 'platform' | 'phone' | 'address';

/** One problem of the file, as the station import reports them (station-import.types.ts ImportProblem). */
export interface BusinessImportProblem {
  /** 1-based line in the file (0 when the problem is about the whole file). */
  line: number;
  /** The field (or, for an unknown column, the column as written). */
  field?: string;
  code:
    | 'syntax'
    | 'empty-file'
    | 'missing'
    | 'unknown-column'
    | 'invalid'
    | 'duplicate-code'
    | 'unknown-area'
    | 'unknown-venue'
    | 'venue-area-mismatch';
  message: string;
  messageEn: string;
}

/** What a business's record holds that the file sets. */
interface BusinessValues {
  name: string;
  areaCode: string;
  venueCode: string | null;
  platform: boolean;
  phone: string | null;
  address: string | null;
}

export interface ExistingBusiness extends BusinessValues {
  creditCode: string;
}

/** What the rules check rows against, read in the import's transaction. */
export interface BusinessImportReference {
  areas: string[];
  venues: { code: string; areaCode: string }[];
  /** The enrolled businesses among the file's credit codes. */
  existing: ExistingBusiness[];
}

export interface BusinessRecord extends BusinessValues {
  creditCode: string;
  /** `respondentKey(name)`: how intake matches a complaint naming the business without its code. */
  nameKey: string;
}

export interface BusinessImportPlan {
  /** Credit codes not yet enrolled. */
  added: BusinessRecord[];
  /** Enrolled businesses the file changes. */
  updated: BusinessRecord[];
  /** Enrolled businesses the file lists as they are. */
  unchanged: number;
  problems: BusinessImportProblem[];
}

/** Column names the bureau may use, Chinese or English (looked up trimmed, then lower-cased). */
const COLUMN_ALIASES: Record<string, BusinessField> = {
  creditcode: 'creditCode',
  credit_code: 'creditCode',
  uscc: 'creditCode',
  统一社会信用代码: 'creditCode',
  社会信用代码: 'creditCode',
  信用代码: 'creditCode',
  name: 'name',
  名称: 'name',
  经营者名称: 'name',
  企业名称: 'name',
  areacode: 'areaCode',
  area_code: 'areaCode',
  area: 'areaCode',
  区县代码: 'areaCode',
  区域代码: 'areaCode',
  行政区划代码: 'areaCode',
  venuecode: 'venueCode',
  venue_code: 'venueCode',
  venue: 'venueCode',
  场所编码: 'venueCode',
  场所代码: 'venueCode',
  platform: 'platform',
  平台: 'platform',
  是否平台: 'platform',
  平台经营者: 'platform',
  phone: 'phone',
  电话: 'phone',
  联系电话: 'phone',
  address: 'address',
  地址: 'address',
  经营地址: 'address',
};

const FIELD_ZH: Record<BusinessField, string> = {
  creditCode: '统一社会信用代码',
  name: '经营者名称',
  areaCode: '区县代码',
  venueCode: '场所编码',
  platform: '平台标志',
  phone: '联系电话',
  address: '地址',
};

const TRUE = new Set(['true', '1', 'yes', 'y', '是']);
const FALSE = new Set(['false', '0', 'no', 'n', '否']);
const MAX_LENGTH = { phone: 30, address: 200 } as const;

/** Own keys only: a column called "constructor" must not match Object.prototype. */
function columnField(column: string): BusinessField | undefined {
  const c = column.trim();
  if (Object.hasOwn(COLUMN_ALIASES, c)) return COLUMN_ALIASES[c];
  const lower = c.toLowerCase();
  return Object.hasOwn(COLUMN_ALIASES, lower) ? COLUMN_ALIASES[lower] : undefined;
}

/** A credit code as the file writes it, normalised (full-width folded, trimmed, upper case); '' when none. */
export function creditCodeOf(row: RawRecord): string {
  const column = Object.keys(row.fields).find((c) => columnField(c) === 'creditCode');
  const v = column === undefined ? undefined : row.fields[column];
  return typeof v === 'string' ? normaliseCreditCode(v) : '';
}

function normaliseCreditCode(v: string): string {
  return v.normalize('NFKC').trim().toUpperCase();
}

/** The line a CSV file's header row is on: its first line that is not blank. */
export function csvHeaderLine(text: string): number {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const i = lines.findIndex((l) => l.trim() !== '');
  return i < 0 ? 1 : i + 1;
}

function length(s: string): number {
  return [...s].length;
}

export function planBusinessImport(
  rows: RawRecord[],
  ref: BusinessImportReference,
  opts: {
    /** Where unknown columns are reported: a CSV file's header line; otherwise the first row that has one. */
    columnsLine?: number;
  } = {},
): BusinessImportPlan {
  const plan: BusinessImportPlan = { added: [], updated: [], unchanged: 0, problems: [] };
  if (rows.length === 0) {
    plan.problems.push({ line: 0, code: 'empty-file', message: '文件中没有任何经营者', messageEn: 'the file holds no businesses' });
    return plan;
  }
  const areas = new Set(ref.areas);
  const venues = new Map(ref.venues.map((v) => [v.code, v.areaCode]));
  const existing = new Map(ref.existing.map((b) => [b.creditCode, b]));
  const reportedColumns = new Set<string>();
  const firstLineOf = new Map<string, number>();

  for (const row of rows) {
    const found: BusinessImportProblem[] = [];
    const values = readColumns(row, found, reportedColumns, opts.columnsLine);
    const record = readRow(row.line, values, areas, venues, existing, found);
    // Checked on the code as written, whatever else is wrong with either row, so one upload shows all.
    const code = creditCodeOf(row);
    const first = code ? firstLineOf.get(code) : undefined;
    if (code && first !== undefined)
      found.push({
        line: row.line,
        field: 'creditCode',
        code: 'duplicate-code',
        message: `统一社会信用代码 "${code}" 与第 ${first} 行重复`,
        messageEn: `credit code "${code}" repeats line ${first}`,
      });
    else if (code) firstLineOf.set(code, row.line);

    if (found.length > 0 || !record) {
      plan.problems.push(...found);
      continue;
    }
    const before = existing.get(record.creditCode);
    if (!before) plan.added.push(record);
    else if (changed(before, record)) plan.updated.push(record);
    else plan.unchanged++;
  }
  if (plan.problems.length > 0) return { added: [], updated: [], unchanged: 0, problems: plan.problems };
  return plan;
}

type Cell = { present: false } | { present: true; value: unknown };

/** The row's cells by field; each unknown column is reported once, and a field given twice on its row. */
function readColumns(
  row: RawRecord,
  found: BusinessImportProblem[],
  reported: Set<string>,
  columnsLine: number | undefined,
): Map<BusinessField, unknown> {
  const out = new Map<BusinessField, unknown>();
  const columnOf = new Map<BusinessField, string>();
  for (const [column, value] of Object.entries(row.fields)) {
    const field = columnField(column);
    const line = columnsLine ?? row.line;
    if (!field) {
      if (!reported.has(column)) {
        reported.add(column);
        found.push({
          line,
          field: column,
          code: 'unknown-column',
          message: `无法识别的列 "${column}"（可用：统一社会信用代码、经营者名称、区县代码、场所编码、平台、联系电话、地址）`,
          messageEn: `unknown column "${column}" (expected creditCode, name, areaCode, venueCode, platform, phone, address)`,
        });
      }
      continue;
    }
    const twice = columnOf.get(field);
    if (twice !== undefined) {
      const key = `${twice}\u0000${column}`;
      if (!reported.has(key)) {
        reported.add(key);
        found.push({
          line,
          field: column,
          code: 'invalid',
          message: `列 "${column}" 与列 "${twice}" 都是${FIELD_ZH[field]}`,
          messageEn: `columns "${twice}" and "${column}" are both ${field}`,
        });
      }
      continue;
    }
    columnOf.set(field, column);
    out.set(field, value);
  }
  return out;
}

function readRow(
  line: number,
  values: Map<BusinessField, unknown>,
  areas: Set<string>,
  venues: Map<string, string>,
  existing: Map<string, ExistingBusiness>,
  found: BusinessImportProblem[],
): BusinessRecord | null {
  const problem = (field: BusinessField, code: BusinessImportProblem['code'], message: string, messageEn: string) =>
    found.push({ line, field, code, message, messageEn });
  const cell = (field: BusinessField): Cell => (values.has(field) ? { present: true, value: values.get(field) } : { present: false });
  /** The cell as text ('' when empty or absent); null when it is no text at all (a JSON object or array). */
  const text = (field: BusinessField): string | null => {
    const c = cell(field);
    if (!c.present || c.value === null || c.value === undefined) return '';
    if (typeof c.value === 'string') return c.value.trim();
    if (typeof c.value === 'number' || typeof c.value === 'boolean') return String(c.value);
    problem(field, 'invalid', `${FIELD_ZH[field]}应为文本`, `${field} must be text`);
    return null;
  };
  const required = (field: BusinessField): string | null => {
    const v = text(field);
    if (v === '') problem(field, 'missing', `缺少${FIELD_ZH[field]}`, `${field} is missing`);
    return v || null;
  };

  const codeText = required('creditCode');
  const creditCode = codeText === null ? null : normaliseCreditCode(codeText);
  if (creditCode !== null && !/^[0-9A-Z]{18}$/.test(creditCode))
    problem(
      'creditCode',
      'invalid',
      `统一社会信用代码 "${creditCode}" 格式不正确（应为 18 位数字或大写字母）`,
      `credit code "${creditCode}" is not 18 digits or capital letters (GB 32100)`,
    );
  else if (creditCode !== null && !isValidUscc(creditCode))
    problem(
      'creditCode',
      'invalid',
      `统一社会信用代码 "${creditCode}" 校验码错误（或含不允许的字母 I、O、S、V、Z）`,
      `credit code "${creditCode}" has a wrong check character (or a letter GB 32100 does not use: I, O, S, V, Z)`,
    );

  const name = required('name');
  if (name !== null && (length(name) < 2 || length(name) > 100))
    problem(
      'name',
      'invalid',
      `经营者名称应为 2–100 个字（现为 ${length(name)} 个）`,
      `name must be 2–100 characters (it is ${length(name)})`,
    );

  const areaCode = required('areaCode');
  if (areaCode !== null && !areas.has(areaCode))
    problem('areaCode', 'unknown-area', `不是本市的区县代码 "${areaCode}"`, `"${areaCode}" is not an area of the city`);

  const before = creditCode ? existing.get(creditCode) : undefined;
  /** An optional text field: the file's value, or (column left out) the enrolled business's. */
  const optional = (field: 'venueCode' | 'phone' | 'address'): string | null => {
    if (!cell(field).present) return before ? before[field] : null;
    return text(field) || null;
  };

  const venueCode = optional('venueCode');
  if (venueCode !== null && cell('venueCode').present) {
    const venueArea = venues.get(venueCode);
    if (venueArea === undefined)
      problem('venueCode', 'unknown-venue', `没有这个场所编码 "${venueCode}"`, `no venue "${venueCode}" in the directory`);
    else if (areaCode !== null && areas.has(areaCode) && venueArea !== areaCode)
      problem(
        'venueCode',
        'venue-area-mismatch',
        `场所 "${venueCode}" 位于区县 ${venueArea}，与所在区县 ${areaCode} 不符`,
        `venue "${venueCode}" is in area ${venueArea}, not ${areaCode}`,
      );
  } else if (venueCode !== null && areaCode !== null && areas.has(areaCode) && venues.get(venueCode) !== areaCode) {
    // The file moves an enrolled business to another area and leaves its venue as it was.
    problem(
      'venueCode',
      'venue-area-mismatch',
      `已登记的场所 "${venueCode}" 不在新的所在区县 ${areaCode}：请同时填写场所编码（或留空）`,
      `the enrolled venue "${venueCode}" is not in the new area ${areaCode}: give venueCode too (or an empty one)`,
    );
  }

  const platform = readPlatform(cell('platform'), before, problem);

  const phone = optional('phone');
  const address = optional('address');
  for (const [field, v] of [
    ['phone', phone],
    ['address', address],
  ] as const) {
    if (v !== null && cell(field).present && length(v) > MAX_LENGTH[field])
      problem(
        field,
        'invalid',
        `${FIELD_ZH[field]}不超过 ${MAX_LENGTH[field]} 个字`,
        `${field} is longer than ${MAX_LENGTH[field]} characters`,
      );
  }

  if (found.length > 0 || creditCode === null || name === null || areaCode === null) return null;
  return { creditCode, name, nameKey: respondentKey(name), areaCode, venueCode, platform, phone, address };
}

function readPlatform(
  c: Cell,
  before: ExistingBusiness | undefined,
  problem: (field: BusinessField, code: BusinessImportProblem['code'], message: string, messageEn: string) => void,
): boolean {
  if (!c.present) return before?.platform ?? false;
  if (typeof c.value === 'boolean') return c.value;
  if (c.value === null || c.value === undefined) return false;
  const t = typeof c.value === 'string' || typeof c.value === 'number' ? String(c.value).trim().toLowerCase() : JSON.stringify(c.value);
  if (t === '' || FALSE.has(t)) return false;
  if (TRUE.has(t)) return true;
  problem('platform', 'invalid', `平台标志 "${t}" 应为 是/否 或 true/false`, `platform "${t}" must be true or false`);
  return false;
}

function changed(before: BusinessValues, after: BusinessValues): boolean {
  return (
    before.name !== after.name ||
    before.areaCode !== after.areaCode ||
    before.venueCode !== after.venueCode ||
    before.platform !== after.platform ||
    before.phone !== after.phone ||
    before.address !== after.address
  );
}
