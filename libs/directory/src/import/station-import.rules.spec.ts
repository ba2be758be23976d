import * as fs from 'fs';
import * as path from 'path';
import { parseStationFile } from './station-file.parser';
import { planStationImport } from './station-import.rules';
import type { DirectoryReference, ImportPlan, ImportProblem, RawStationRow } from './station-import.types';

/** A small directory: three areas of Liaocheng, a few categories, two venues. */
const REF: DirectoryReference = {
  areas: [
    { code: '371502', name: '东昌府区', lat: 36.434, lng: 115.988 },
    { code: '371521', name: '阳谷县', lat: 36.114, lng: 115.792 },
    { code: '371581', name: '临清市', lat: 36.838, lng: 115.705 },
  ],
  categories: [
    { code: 'catering', name: '餐饮服务' },
    { code: 'food', name: '食品' },
    { code: 'prepaid-card', name: '单用途商业预付卡' },
    { code: 'tourism', name: '旅游服务' },
  ],
  venues: [
    { code: 'V-JD', name: '金鼎购物中心', areaCode: '371502' },
    { code: 'V-SHZ', name: '狮子楼景区', areaCode: '371521' },
  ],
};

const CJK = /[\u3400-\u9fff]/;

function row(fields: Record<string, unknown>, line = 2): RawStationRow {
  return { line, fields };
}

/** A row that passes every rule (English column names); tests override or drop fields. */
function good(overrides: Record<string, unknown> = {}, line = 2): RawStationRow {
  const fields: Record<string, unknown> = {
    code: 'ST-001',
    name: '金鼎购物中心消费维权服务站',
    type: 'mall',
    areaCode: '371502',
    address: '山东省聊城市东昌府区东昌路229号',
    lat: '36.4049',
    lng: '115.9611',
    categories: 'catering',
    capacity: '50',
    ...overrides,
  };
  for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete fields[k];
  return row(fields, line);
}

/** Runs the rules and checks what every problem must look like, whatever the test is about. */
function plan(rows: RawStationRow[], ref: DirectoryReference = REF): ImportPlan {
  const result = planStationImport(rows, ref);
  for (const p of result.problems) {
    expect(p.message).toMatch(CJK);
    expect(p.messageEn.trim()).not.toBe('');
    if (p.code !== 'empty-file') expect(rows.map((r) => r.line)).toContain(p.line);
  }
  return result;
}

/** The parts of a problem a test asserts on (the texts are checked by `plan`). */
function brief(p: ImportProblem): { line: number; field: string | undefined; code: ImportProblem['code'] } {
  return { line: p.line, field: p.field, code: p.code };
}

describe('planStationImport', () => {
  describe('a valid row', () => {
    it('is accepted with Chinese column headers and normalised', () => {
      const result = plan([
        row(
          {
            站点编码: ' ST-371502-001 ',
            站点名称: '金鼎购物中心消费维权服务站',
            类型: '商场',
            区域代码: '371502',
            地址: '山东省聊城市东昌府区东昌路229号客服中心',
            纬度: '36.4049191',
            经度: '115.9611164',
            受理品类: '餐饮服务、food|catering',
            容量: ' 80 ',
            启用: '否',
            联系电话: '0635-8301230',
          },
          2,
        ),
      ]);
      expect(result.problems).toEqual([]);
      expect(result.newVenues).toEqual([]);
      expect(result.stations).toEqual([
        {
          code: 'ST-371502-001',
          name: '金鼎购物中心消费维权服务站',
          type: 'mall',
          areaCode: '371502',
          venueCode: null,
          address: '山东省聊城市东昌府区东昌路229号客服中心',
          lat: 36.404919,
          lng: 115.961116,
          categories: ['catering', 'food'],
          capacity: 80,
          active: false,
          phone: '0635-8301230',
        },
      ]);
    });

    it('takes JSON-typed values as they come (numbers, booleans, category arrays)', () => {
      const result = plan([
        good({ lat: 36.11, lng: 115.79, areaCode: '371521', capacity: 12, active: true, categories: ['旅游服务', 'food'] }),
      ]);
      expect(result.problems).toEqual([]);
      expect(result.stations[0]).toMatchObject({
        lat: 36.11,
        lng: 115.79,
        capacity: 12,
        active: true,
        categories: ['tourism', 'food'],
        phone: null,
      });
    });

    it('may leave out both coordinates, the phone and the active flag (active by default)', () => {
      const result = plan([good({ lat: undefined, lng: undefined })]);
      expect(result.problems).toEqual([]);
      expect(result.stations[0]).toMatchObject({ lat: null, lng: null, phone: null, active: true, venueCode: null });
    });

    it.each<[string, Record<string, unknown>, string | null | undefined]>([
      ['an address', { alertEmail: ' xfz-alerts@dcf.example.com ' }, 'xfz-alerts@dcf.example.com'],
      ['an address under the Chinese column', { 提醒邮箱: 'zhan@example.com' }, 'zhan@example.com'],
      ['a blank one (none: clears it)', { alertEmail: '  ' }, null],
      ['JSON null (none: clears it)', { alertEmail: null }, null],
      ['no such column (the station keeps its address)', {}, undefined],
    ])('reads the alert email: %s', (_what, overrides, alertEmail) => {
      const result = plan([good(overrides)]);
      expect(result.problems).toEqual([]);
      expect(result.stations[0].alertEmail).toBe(alertEmail);
      expect('alertEmail' in result.stations[0]).toBe(alertEmail !== undefined);
    });

    it.each([
      ['商场', 'mall'],
      ['商圈', 'mall'],
      ['景区', 'scenic'],
      ['市场', 'market'],
      ['社区', 'community'],
      ['平台企业', 'platform'],
      ['连锁企业', 'enterprise'],
      ['MALL', 'mall'],
      ['community', 'community'],
    ])('reads type %s as %s', (given, type) => {
      const result = plan([good({ type: given })]);
      expect(result.problems).toEqual([]);
      expect(result.stations[0].type).toBe(type);
    });

    it.each([
      ['餐饮服务、食品', ['catering', 'food']],
      ['catering|food', ['catering', 'food']],
      ['餐饮服务,prepaid-card；食品', ['catering', 'prepaid-card', 'food']],
      ['食品 | 食品 | food', ['food']],
    ])('reads categories %j', (given, codes) => {
      const result = plan([good({ categories: given })]);
      expect(result.problems).toEqual([]);
      expect(result.stations[0].categories).toEqual(codes);
    });

    it.each([
      ['是', true],
      ['启用', true],
      ['TRUE', true],
      ['1', true],
      [1, true],
      ['否', false],
      ['停用', false],
      ['false', false],
      ['0', false],
      [false, false],
    ])('reads active %j as %s', (given, active) => {
      const result = plan([good({ 启用: given })]);
      expect(result.problems).toEqual([]);
      expect(result.stations[0].active).toBe(active);
    });

    it('links a known venue of the same area without planning a new one', () => {
      const result = plan([good({ venueCode: 'V-JD' })]);
      expect(result.problems).toEqual([]);
      expect(result.stations[0].venueCode).toBe('V-JD');
      expect(result.newVenues).toEqual([]);
    });
  });

  describe('problems', () => {
    it('reports an empty file once, for the whole file', () => {
      const result = plan([]);
      expect(result.problems.map(brief)).toEqual([{ line: 0, field: undefined, code: 'empty-file' }]);
      expect(result.stations).toEqual([]);
    });

    it.each(['code', 'name', 'type', 'areaCode', 'address', 'categories', 'capacity'])('reports a missing %s', (field) => {
      const result = plan([good({ [field]: undefined }, 7)]);
      expect(result.problems.map(brief)).toEqual([{ line: 7, field, code: 'missing' }]);
      expect(result.stations).toEqual([]);
    });

    it.each(['code', 'name', 'type', 'areaCode', 'address', 'categories', 'capacity'])('reports a blank %s as missing', (field) => {
      const result = plan([good({ [field]: '  ' }, 4)]);
      expect(result.problems.map(brief)).toEqual([{ line: 4, field, code: 'missing' }]);
    });

    it.each(['备注', 'remarks'])('reports an unknown column %s', (column) => {
      const result = plan([good({ [column]: 'x' }, 3)]);
      expect(result.problems.map(brief)).toEqual([{ line: 3, field: undefined, code: 'unknown-column' }]);
      expect(result.problems[0].message).toContain(column);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a code with a space', { code: 'ST 001' }, 'code'],
      ['a code with a slash', { code: 'ST/001' }, 'code'],
      ['a code in Chinese', { code: '站点一' }, 'code'],
      ['a code starting with -', { code: '-ST001' }, 'code'],
      ['a code of 33 characters', { code: 'A'.repeat(33) }, 'code'],
      ['a name over 200 characters', { name: '站'.repeat(201) }, 'name'],
      ['capacity 0', { capacity: '0' }, 'capacity'],
      ['capacity 2.5', { capacity: '2.5' }, 'capacity'],
      ['capacity abc', { capacity: 'abc' }, 'capacity'],
      ['capacity -3', { capacity: -3 }, 'capacity'],
      ['capacity 100001', { capacity: 100001 }, 'capacity'],
      ['a phone with letters', { phone: '0635-abc' }, 'phone'],
      ['a phone that is too short', { phone: '123' }, 'phone'],
      ['an alert email without @', { alertEmail: 'station.example.com' }, 'alertEmail'],
      ['two alert emails', { alertEmail: 'a@example.com;b@example.com' }, 'alertEmail'],
      ['an alert email with a display name', { 提醒邮箱: '服务站 <a@example.com>' }, 'alertEmail'],
      ['an alert email over 254 characters', { alertEmail: `${'a'.repeat(250)}@example.com` }, 'alertEmail'],
      ['active "maybe"', { active: 'maybe' }, 'active'],
      ['active "有时"', { 启用: '有时' }, 'active'],
    ])('reports %s as invalid', (_what, overrides, field) => {
      const result = plan([good(overrides, 5)]);
      expect(result.problems.map(brief)).toEqual([{ line: 5, field, code: 'invalid' }]);
      expect(result.stations).toEqual([]);
    });

    it('accepts a code of exactly 32 characters', () => {
      expect(plan([good({ code: 'A'.repeat(32) })]).problems).toEqual([]);
    });

    it('reports a repeated code on the second occurrence, naming the first line', () => {
      const result = plan([good({}, 2), good({ code: 'ST-002' }, 3), good({ name: '另一个站' }, 9)]);
      expect(result.problems.map(brief)).toEqual([{ line: 9, field: 'code', code: 'duplicate-code' }]);
      expect(result.problems[0].message).toContain('第 2 行');
      expect(result.problems[0].messageEn).toContain('line 2');
      expect(result.stations.map((s) => s.code)).toEqual(['ST-001', 'ST-002']);
    });

    it('reports a repeated code even when the repeating row has other problems too', () => {
      const result = plan([good({}, 2), good({ capacity: '0' }, 3)]);
      expect(result.problems.map(brief)).toEqual(
        expect.arrayContaining([
          { line: 3, field: 'capacity', code: 'invalid' },
          { line: 3, field: 'code', code: 'duplicate-code' },
        ]),
      );
    });

    it.each<[string, Record<string, unknown>, string, ImportProblem['code']]>([
      ['an area not in the directory', { areaCode: '371599' }, 'areaCode', 'unknown-area'],
      ['an area given by name', { areaCode: '东昌府区' }, 'areaCode', 'unknown-area'],
      ['an unknown type', { type: '超市' }, 'type', 'unknown-type'],
      ['a type that is an Object.prototype key', { type: 'constructor' }, 'type', 'unknown-type'],
      ['an unknown category name', { categories: '餐饮服务、宠物服务' }, 'categories', 'unknown-category'],
      ['an unknown category code', { categories: ['pets'] }, 'categories', 'unknown-category'],
      ['a venue code not in the directory, without a venue name', { venueCode: 'V-NOPE' }, 'venueCode', 'unknown-venue'],
      ['a venue of another area', { venueCode: 'V-SHZ' }, 'venueCode', 'venue-area-mismatch'],
      ['a latitude without a longitude', { lng: undefined }, 'lng', 'bad-coordinates'],
      ['a longitude without a latitude', { lat: '' }, 'lat', 'bad-coordinates'],
      ['latitude 95', { lat: '95' }, 'lat', 'bad-coordinates'],
      ['a latitude that is not a number', { lat: '北纬36度' }, 'lat', 'bad-coordinates'],
      ['a longitude that is not a number', { lng: 'abc' }, 'lng', 'bad-coordinates'],
      ['longitude 200', { lng: 200 }, 'lng', 'bad-coordinates'],
      ['swapped latitude and longitude', { lat: '115.9', lng: '36.4' }, 'lat', 'bad-coordinates'],
      ['a point in Beijing', { lat: '39.9', lng: '116.4' }, 'lat', 'bad-coordinates'],
      ['a point just south of the city', { lat: '35.3', lng: '115.9' }, 'lat', 'bad-coordinates'],
    ])('reports %s', (_what, overrides, field, code) => {
      const result = plan([good(overrides, 6)]);
      expect(result.problems.map(brief)).toEqual([{ line: 6, field, code }]);
      expect(result.stations).toEqual([]);
    });

    it('reports an unknown column even when it is an Object.prototype key', () => {
      const result = plan([good({ constructor: 'x' }, 3)]);
      expect(result.problems.map(brief)).toEqual([{ line: 3, field: undefined, code: 'unknown-column' }]);
    });

    it('reports each unknown category, and names it', () => {
      const result = plan([good({ categories: '宠物服务|catering|二手车' }, 4)]);
      expect(result.problems.map(brief)).toEqual([
        { line: 4, field: 'categories', code: 'unknown-category' },
        { line: 4, field: 'categories', code: 'unknown-category' },
      ]);
      expect(result.problems.map((p) => p.message).join()).toMatch(/宠物服务.*二手车/);
    });

    it('reports every problem of a row, all on its line', () => {
      const result = plan([good({ code: 'ST 1', areaCode: '999999', capacity: '0', phone: 'x' }, 11)]);
      expect(result.problems.map(brief)).toEqual(
        expect.arrayContaining([
          { line: 11, field: 'code', code: 'invalid' },
          { line: 11, field: 'areaCode', code: 'unknown-area' },
          { line: 11, field: 'capacity', code: 'invalid' },
          { line: 11, field: 'phone', code: 'invalid' },
        ]),
      );
      expect(result.problems).toHaveLength(4);
    });

    it('reports problems only on the lines of bad rows, and still plans the good rows', () => {
      const rows = [
        good({ code: 'ST-01' }, 2),
        good({ code: 'ST-02', areaCode: '000000' }, 3),
        good({ code: 'ST-03', areaCode: '371521', lat: '36.1', lng: '115.8' }, 4),
        good({ code: 'ST-04', capacity: '2.5', 备注: '新站' }, 5),
        good({ code: 'ST-05', lat: '115.9', lng: '36.4' }, 7),
        good({ code: 'ST-06', type: '景区', categories: '旅游服务' }, 8),
        good({ code: 'ST-01' }, 9),
      ];
      const result = plan(rows);
      expect([...new Set(result.problems.map((p) => p.line))].sort((a, b) => a - b)).toEqual([3, 5, 7, 9]);
      expect(result.problems.map(brief)).toEqual([
        { line: 3, field: 'areaCode', code: 'unknown-area' },
        { line: 5, field: undefined, code: 'unknown-column' },
        { line: 5, field: 'capacity', code: 'invalid' },
        { line: 7, field: 'lat', code: 'bad-coordinates' },
        { line: 9, field: 'code', code: 'duplicate-code' },
      ]);
      expect(result.stations.map((s) => s.code)).toEqual(['ST-01', 'ST-03', 'ST-06']);
    });
  });

  describe('venues', () => {
    it('plans a new venue for a venue name without a known code, and reuses it by name within the area', () => {
      const result = plan([
        good({ code: 'ST-A', venueName: '聊城古城', type: '景区', categories: '旅游服务' }, 2),
        good({ code: 'ST-B', 场所名称: '聊城古城', type: 'scenic', categories: '餐饮服务', lat: undefined, lng: undefined }, 3),
        good({ code: 'ST-C', venueName: '聊城古城', areaCode: '371521', lat: '36.12', lng: '115.80' }, 4),
      ]);
      expect(result.problems).toEqual([]);
      expect(result.newVenues).toEqual([
        {
          code: 'V-ST-A',
          name: '聊城古城',
          type: 'scenic',
          areaCode: '371502',
          address: '山东省聊城市东昌府区东昌路229号',
          lat: 36.4049,
          lng: 115.9611,
        },
        {
          code: 'V-ST-C',
          name: '聊城古城',
          type: 'mall',
          areaCode: '371521',
          address: '山东省聊城市东昌府区东昌路229号',
          lat: 36.12,
          lng: 115.8,
        },
      ]);
      expect(result.stations.map((s) => [s.code, s.venueCode])).toEqual([
        ['ST-A', 'V-ST-A'],
        ['ST-B', 'V-ST-A'],
        ['ST-C', 'V-ST-C'],
      ]);
    });

    it('reuses a known venue of the same name in the same area', () => {
      const result = plan([good({ venueName: '金鼎购物中心' })]);
      expect(result.problems).toEqual([]);
      expect(result.newVenues).toEqual([]);
      expect(result.stations[0].venueCode).toBe('V-JD');
    });

    it('does not reuse a known venue of the same name in another area', () => {
      const result = plan([good({ venueName: '狮子楼景区' })]);
      expect(result.problems).toEqual([]);
      expect(result.newVenues.map((v) => [v.code, v.areaCode])).toEqual([['V-ST-001', '371502']]);
      expect(result.stations[0].venueCode).toBe('V-ST-001');
    });

    it('creates a new venue under the code given with its name', () => {
      const result = plan([
        good({ code: 'ST-1', venueCode: 'V-NEW', venueName: '东昌湖风景区' }, 2),
        good({ code: 'ST-2', venueCode: 'V-NEW' }, 3),
      ]);
      expect(result.problems).toEqual([]);
      expect(result.newVenues.map((v) => [v.code, v.name])).toEqual([['V-NEW', '东昌湖风景区']]);
      expect(result.stations.map((s) => s.venueCode)).toEqual(['V-NEW', 'V-NEW']);
    });

    it('reports a station of another area using a venue created earlier in the file', () => {
      const result = plan([
        good({ code: 'ST-1', venueCode: 'V-NEW', venueName: '东昌湖风景区' }, 2),
        good({ code: 'ST-2', venueCode: 'V-NEW', areaCode: '371521', lat: undefined, lng: undefined }, 3),
      ]);
      expect(result.problems.map(brief)).toEqual([{ line: 3, field: 'venueCode', code: 'venue-area-mismatch' }]);
    });

    it('accepts a venue name with a station code of the longest allowed length', () => {
      const result = plan([good({ code: 'A'.repeat(32), venueName: '新建商场' })]);
      expect(result.problems).toEqual([]);
      expect(result.newVenues).toHaveLength(1);
      expect(result.stations[0].venueCode).toBe(result.newVenues[0].code);
    });

    it('never plans a new venue under the code of an existing venue', () => {
      // The directory already holds venue V-ST-9 (another place, in another area). A file row
      // ST-9 names a new venue; the code made up for it must not be the existing one's.
      const ref: DirectoryReference = { ...REF, venues: [...REF.venues, { code: 'V-ST-9', name: '阳谷农贸市场', areaCode: '371521' }] };
      const result = plan([good({ code: 'ST-9', venueName: '东昌府区新建商场' })], ref);
      expect(result.problems).toEqual([]);
      const existing = new Set(ref.venues.map((v) => v.code));
      expect(result.newVenues.filter((v) => existing.has(v.code))).toEqual([]);
      const venueCode = result.stations[0].venueCode;
      expect(result.newVenues.find((v) => v.code === venueCode)).toMatchObject({ name: '东昌府区新建商场', areaCode: '371502' });
    });
  });

  describe('the shipped seed data', () => {
    const seeds = path.join(__dirname, '../../../../seeds');
    const read = (name: string) => fs.readFileSync(path.join(seeds, `${name}.json`), 'utf8');
    const areas = JSON.parse(read('areas')).areas as { code: string; name: string; lat: number | null; lng: number | null }[];
    const categories = JSON.parse(read('categories')).categories as { code: string; name: string }[];
    const venues = JSON.parse(read('venues')).venues as { code: string; name: string; areaCode: string; named?: boolean }[];
    const ref: DirectoryReference = {
      areas: areas.map(({ code, name, lat, lng }) => ({ code, name, lat, lng })),
      categories: categories.map(({ code, name }) => ({ code, name })),
      venues: venues.map(({ code, name, areaCode }) => ({ code, name, areaCode })),
    };
    const parsed = parseStationFile(read('stations'), 'json');
    const result = planStationImport(parsed.rows, ref);

    it('parses and plans without a single problem', () => {
      expect(parsed.problems).toEqual([]);
      expect(result.problems).toEqual([]);
      expect(result.newVenues).toEqual([]);
    });

    it('holds exactly 191 stations, all active', () => {
      expect(result.stations).toHaveLength(191);
      expect(result.stations.filter((s) => !s.active)).toEqual([]);
    });

    it('covers all 11 areas', () => {
      expect(areas).toHaveLength(11);
      expect(new Set(result.stations.map((s) => s.areaCode))).toEqual(new Set(areas.map((a) => a.code)));
    });

    it('gives every named venue exactly one station', () => {
      const named = venues.filter((v) => v.named === true);
      expect(named.length).toBeGreaterThan(0);
      for (const v of named) {
        expect({ venue: v.code, stations: result.stations.filter((s) => s.venueCode === v.code).length }).toEqual({
          venue: v.code,
          stations: 1,
        });
      }
    });

    it('has at least 35 community stations', () => {
      expect(result.stations.filter((s) => s.type === 'community').length).toBeGreaterThanOrEqual(35);
    });
  });
});
