import { readAlertEmail } from '../alert-email.rules';
import type { StationType } from '../directory.types';
import { STATION_TYPES } from '../directory.types';
import type { Field } from './station-import.columns';
import { COLUMN_ALIASES, FIELD_ZH, TYPE_ALIASES } from './station-import.columns';
import type { DirectoryReference, ImportPlan, ImportProblem, NewVenue, RawStationRow, StationRecord } from './station-import.types';

/**
 * Decides what a station file means: every row checked against the directory, every problem
 * reported with its line. Pure: no I/O, so each rule is tested on its own.
 */

const TRUE = new Set(['true', '1', 'yes', 'y', '是', '启用', '正常']);
const FALSE = new Set(['false', '0', 'no', 'n', '否', '停用', '注销']);
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const MAX_TEXT = 200;
/** How far (degrees) outside the span of the area centres a station may sit. */
const BOUNDS_MARGIN = 0.6;

export function planStationImport(rows: RawStationRow[], ref: DirectoryReference): ImportPlan {
  const problems: ImportProblem[] = [];
  if (rows.length === 0) {
    problems.push({ line: 0, code: 'empty-file', message: '文件中没有任何站点', messageEn: 'the file holds no stations' });
    return { stations: [], newVenues: [], problems };
  }
  const ctx = new Context(ref);
  const firstLineOf = new Map<string, number>();
  const stations: StationRecord[] = [];
  const newVenues = new Map<string, NewVenue>();

  for (const row of rows) {
    const found: ImportProblem[] = [];
    const record = readRow(row, ctx, found, newVenues);
    // Checked on the code as written, whatever else is wrong with either row, so one upload shows all.
    const code = codeOf(row);
    const first = code ? firstLineOf.get(code) : undefined;
    if (code && first !== undefined) {
      found.push(
        problem(row.line, 'code', 'duplicate-code', `编码 "${code}" 与第 ${first} 行重复`, `code "${code}" repeats line ${first}`),
      );
    } else if (code) {
      firstLineOf.set(code, row.line);
    }
    if (found.length > 0) problems.push(...found);
    else if (record) stations.push(record);
  }
  return { stations, newVenues: [...newVenues.values()], problems };
}

class Context {
  readonly areas: Map<string, DirectoryReference['areas'][number]>;
  readonly categoryByCode: Set<string>;
  readonly categoryByName: Map<string, string>;
  readonly venues: Map<string, DirectoryReference['venues'][number]>;
  readonly bounds: { minLat: number; maxLat: number; minLng: number; maxLng: number } | null;

  constructor(ref: DirectoryReference) {
    this.areas = new Map(ref.areas.map((a) => [a.code, a]));
    this.categoryByCode = new Set(ref.categories.map((c) => c.code));
    this.categoryByName = new Map(ref.categories.map((c) => [c.name, c.code]));
    this.venues = new Map(ref.venues.map((v) => [v.code, v]));
    const centred = ref.areas.filter((a) => a.lat !== null && a.lng !== null) as { lat: number; lng: number }[];
    this.bounds =
      centred.length === 0
        ? null
        : {
            minLat: Math.min(...centred.map((a) => a.lat)) - BOUNDS_MARGIN,
            maxLat: Math.max(...centred.map((a) => a.lat)) + BOUNDS_MARGIN,
            minLng: Math.min(...centred.map((a) => a.lng)) - BOUNDS_MARGIN,
            maxLng: Math.max(...centred.map((a) => a.lng)) + BOUNDS_MARGIN,
          };
  }
}

/** Own keys only: a column or type called "constructor" must not match Object.prototype. */
function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function problem(line: number, field: Field | undefined, code: ImportProblem['code'], message: string, messageEn: string): ImportProblem {
  return { line, ...(field ? { field } : {}), code, message, messageEn };
}

/** A field as text: a JSON number or boolean as written; an object or array as JSON, so a problem names what the file holds. */
function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function codeOf(row: RawStationRow): string {
  const column = Object.keys(row.fields).find(
    (c) => (lookup(COLUMN_ALIASES, c.trim()) ?? lookup(COLUMN_ALIASES, c.trim().toLowerCase())) === 'code',
  );
  return column ? text(row.fields[column]) : '';
}

function normaliseColumns(row: RawStationRow, found: ImportProblem[]): Partial<Record<Field, unknown>> {
  const out: Partial<Record<Field, unknown>> = {};
  for (const [column, value] of Object.entries(row.fields)) {
    const field = lookup(COLUMN_ALIASES, column.trim()) ?? lookup(COLUMN_ALIASES, column.trim().toLowerCase());
    if (!field) {
      found.push(problem(row.line, undefined, 'unknown-column', `无法识别的列 "${column}"`, `unknown column "${column}"`));
      continue;
    }
    out[field] = value;
  }
  return out;
}

function readRow(row: RawStationRow, ctx: Context, found: ImportProblem[], newVenues: Map<string, NewVenue>): StationRecord | null {
  const f = normaliseColumns(row, found);
  const line = row.line;
  const required = (field: Field): string => {
    const v = text(f[field]);
    if (!v) found.push(problem(line, field, 'missing', `缺少${FIELD_ZH[field]}`, `${field} is missing`));
    else if (v.length > MAX_TEXT)
      found.push(
        problem(line, field, 'invalid', `${FIELD_ZH[field]}过长（最多 ${MAX_TEXT} 字）`, `${field} is longer than ${MAX_TEXT} characters`),
      );
    return v;
  };

  const code = required('code');
  if (code && !CODE.test(code)) {
    found.push(
      problem(
        line,
        'code',
        'invalid',
        `编码 "${code}" 只能由字母、数字、- 和 _ 组成，最长 32 位`,
        `code "${code}" must be letters, digits, - or _, at most 32 long`,
      ),
    );
  }
  const name = required('name');
  const address = required('address');

  const typeText = required('type');
  const type = (STATION_TYPES as readonly string[]).includes(typeText.toLowerCase())
    ? (typeText.toLowerCase() as StationType)
    : lookup(TYPE_ALIASES, typeText);
  if (typeText && !type) {
    found.push(
      problem(
        line,
        'type',
        'unknown-type',
        `未知的站点类型 "${typeText}"（应为 ${STATION_TYPES.join('/')} 或 商场/景区/市场/社区/平台/企业）`,
        `unknown station type "${typeText}" (expected ${STATION_TYPES.join(', ')})`,
      ),
    );
  }

  const areaCode = required('areaCode');
  if (areaCode && !ctx.areas.has(areaCode)) {
    found.push(problem(line, 'areaCode', 'unknown-area', `未知的区域代码 "${areaCode}"`, `unknown area code "${areaCode}"`));
  }

  const [lat, lng] = readCoordinates(line, f, ctx, found);
  const categories = readCategories(line, f.categories, ctx, found);
  const capacity = readCapacity(line, f.capacity, found);
  const active = readActive(line, f.active, found);
  const phone = text(f.phone) || null;
  if (phone && !/^[0-9+\-() ]{5,20}$/.test(phone)) {
    found.push(problem(line, 'phone', 'invalid', `电话 "${phone}" 格式不正确`, `phone "${phone}" is not a phone number`));
  }

  const alertEmail = readAlertEmailField(line, f, found);

  const venueCode = readVenue(line, f, { code, areaCode, type, address, lat, lng }, ctx, found, newVenues);

  if (found.length > 0 || !type) return null;
  return {
    code,
    name,
    type,
    areaCode,
    venueCode,
    address,
    lat,
    lng,
    categories,
    capacity: capacity!,
    active,
    phone,
    ...(alertEmail === undefined ? {} : { alertEmail }),
  };
}

/** Undefined when the row has no such column: the station keeps the address it has (a blank clears it). */
function readAlertEmailField(line: number, f: Partial<Record<Field, unknown>>, found: ImportProblem[]): string | null | undefined {
  if (!('alertEmail' in f)) return undefined;
  const read = readAlertEmail(text(f.alertEmail));
  if ('email' in read) return read.email;
  found.push(problem(line, 'alertEmail', 'invalid', read.problem.zh, read.problem.en));
  return null;
}

function readCoordinates(
  line: number,
  f: Partial<Record<Field, unknown>>,
  ctx: Context,
  found: ImportProblem[],
): [number | null, number | null] {
  const latText = text(f.lat);
  const lngText = text(f.lng);
  if (!latText && !lngText) return [null, null];
  if (!latText || !lngText) {
    const missing: Field = latText ? 'lng' : 'lat';
    found.push(problem(line, missing, 'bad-coordinates', '经纬度须同时填写或同时留空', 'give both latitude and longitude, or neither'));
    return [null, null];
  }
  const lat = Number(latText);
  const lng = Number(lngText);
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) {
    found.push(
      problem(
        line,
        'lat',
        'bad-coordinates',
        `纬度 "${latText}" 不是 -90 到 90 之间的数`,
        `latitude "${latText}" is not a number between -90 and 90`,
      ),
    );
    return [null, null];
  }
  if (!Number.isFinite(lng) || lng < -180 || lng > 180) {
    found.push(
      problem(
        line,
        'lng',
        'bad-coordinates',
        `经度 "${lngText}" 不是 -180 到 180 之间的数`,
        `longitude "${lngText}" is not a number between -180 and 180`,
      ),
    );
    return [null, null];
  }
  const b = ctx.bounds;
  if (b && (lat < b.minLat || lat > b.maxLat || lng < b.minLng || lng > b.maxLng)) {
    found.push(
      problem(
        line,
        'lat',
        'bad-coordinates',
        `坐标 (${lat}, ${lng}) 不在本市范围内（经纬度是否填反？）`,
        `coordinates (${lat}, ${lng}) are outside the city (latitude and longitude swapped?)`,
      ),
    );
    return [null, null];
  }
  return [round6(lat), round6(lng)];
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function readCategories(line: number, value: unknown, ctx: Context, found: ImportProblem[]): string[] {
  const items = Array.isArray(value) ? value.map(text) : text(value).split(/[|;；、，,/\s]+/);
  const codes: string[] = [];
  for (const item of items.filter(Boolean)) {
    const code = ctx.categoryByCode.has(item) ? item : ctx.categoryByName.get(item);
    if (!code) found.push(problem(line, 'categories', 'unknown-category', `未知的品类 "${item}"`, `unknown category "${item}"`));
    else if (!codes.includes(code)) codes.push(code);
  }
  if (codes.length === 0 && !found.some((p) => p.line === line && p.field === 'categories')) {
    found.push(problem(line, 'categories', 'missing', '至少需要一个受理品类', 'at least one category is required'));
  }
  return codes;
}

function readCapacity(line: number, value: unknown, found: ImportProblem[]): number | null {
  const t = text(value);
  if (!t) {
    found.push(problem(line, 'capacity', 'missing', '缺少容量（同时在办案件上限）', 'capacity is missing'));
    return null;
  }
  const n = Number(t);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) {
    found.push(
      problem(
        line,
        'capacity',
        'invalid',
        `容量 "${t}" 应为 1 到 100000 之间的整数`,
        `capacity "${t}" must be a whole number from 1 to 100000`,
      ),
    );
    return null;
  }
  return n;
}

function readActive(line: number, value: unknown, found: ImportProblem[]): boolean {
  if (typeof value === 'boolean') return value;
  const t = text(value).toLowerCase();
  if (!t || TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  found.push(problem(line, 'active', 'invalid', `启用标志 "${t}" 应为 是/否 或 true/false`, `active "${t}" must be true or false`));
  return true;
}

/** A code for a venue the file names but does not code: V-<station code>, never one already taken. */
function freeVenueCode(stationCode: string, ctx: Context, newVenues: Map<string, NewVenue>): string {
  const safe = stationCode.replace(/[^A-Za-z0-9_-]/g, '') || 'X';
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const candidate = `V-${safe}`.slice(0, 32 - suffix.length) + suffix;
    if (!ctx.venues.has(candidate) && !newVenues.has(candidate)) return candidate;
  }
}

function readVenue(
  line: number,
  f: Partial<Record<Field, unknown>>,
  station: { code: string; areaCode: string; type: StationType | undefined; address: string; lat: number | null; lng: number | null },
  ctx: Context,
  found: ImportProblem[],
  newVenues: Map<string, NewVenue>,
): string | null {
  const venueCode = text(f.venueCode);
  const venueName = text(f.venueName);
  if (!venueCode && !venueName) return null;
  const known = venueCode ? (ctx.venues.get(venueCode) ?? newVenues.get(venueCode)) : undefined;
  if (known) {
    if (ctx.areas.has(station.areaCode) && known.areaCode !== station.areaCode) {
      found.push(
        problem(
          line,
          'venueCode',
          'venue-area-mismatch',
          `场所 "${venueCode}" 位于区域 ${known.areaCode}，与站点区域 ${station.areaCode} 不一致`,
          `venue "${venueCode}" is in area ${known.areaCode}, not ${station.areaCode}`,
        ),
      );
    }
    return venueCode;
  }
  if (!venueName) {
    found.push(
      problem(
        line,
        'venueCode',
        'unknown-venue',
        `未知的场所编码 "${venueCode}"（新场所请同时填写场所名称）`,
        `unknown venue code "${venueCode}" (give venueName to create it)`,
      ),
    );
    return null;
  }
  // A venue named but not coded: reuse one of that name in the same area, else create it.
  const sameName = [...ctx.venues.values(), ...newVenues.values()].find((v) => v.name === venueName && v.areaCode === station.areaCode);
  if (!venueCode && sameName) return sameName.code;
  const code = venueCode || freeVenueCode(station.code, ctx, newVenues);
  if (!CODE.test(code)) {
    found.push(problem(line, 'venueCode', 'invalid', `场所编码 "${code}" 格式不正确`, `venue code "${code}" is not valid`));
    return null;
  }
  if (station.type && ctx.areas.has(station.areaCode)) {
    newVenues.set(code, {
      code,
      name: venueName,
      type: station.type,
      areaCode: station.areaCode,
      address: station.address || null,
      lat: station.lat,
      lng: station.lng,
    });
  }
  return code;
}
