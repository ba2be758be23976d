import type { RawRecord } from '@weiquan/directory/import/record-file.parser';
import { parseRecordFile } from '@weiquan/directory/import/record-file.parser';
import type { BusinessImportPlan, BusinessImportProblem, BusinessImportReference, ExistingBusiness } from './business-import.rules';
import { csvHeaderLine, planBusinessImport } from './business-import.rules';

/** Credit codes with correct check characters (GB 32100). */
const A = '91371502MA3C8X2Q13';
const B = '91371502MA3C5LJ0XK';
const C = '91371521MA3D00001J';

const ENROLLED: ExistingBusiness = {
  creditCode: C,
  name: '阳谷县某某超市有限公司',
  areaCode: '371521',
  venueCode: 'V-SHZ',
  platform: true,
  phone: '0635-6666666',
  address: '阳谷县狮子楼街 1 号',
};

/** Three areas of Liaocheng, two venues, one business enrolled already. */
const REF: BusinessImportReference = {
  areas: ['371502', '371521', '371581'],
  venues: [
    { code: 'V-JD', areaCode: '371502' },
    { code: 'V-SHZ', areaCode: '371521' },
  ],
  existing: [ENROLLED],
};

const CJK = /[\u3400-\u9fff]/;

/** A row that passes every rule (English column names); tests override fields, or drop them with undefined. */
function good(overrides: Record<string, unknown> = {}, line = 2): RawRecord {
  const fields: Record<string, unknown> = {
    creditCode: A,
    name: '聊城市某某餐饮有限公司',
    areaCode: '371502',
    venueCode: 'V-JD',
    platform: 'false',
    phone: '0635-8888888',
    address: '东昌府区东昌路 88 号',
    ...overrides,
  };
  for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete fields[k];
  return { line, fields };
}

/** Runs the rules, and checks what every problem must look like whatever the test is about. */
function plan(rows: RawRecord[], ref: BusinessImportReference = REF, columnsLine?: number): BusinessImportPlan {
  const result = planBusinessImport(rows, ref, { columnsLine });
  for (const p of result.problems) {
    expect(p.message).toMatch(CJK);
    expect(p.messageEn.trim()).not.toBe('');
    if (p.code !== 'empty-file') expect(p.field).toBeTruthy();
  }
  if (result.problems.length > 0) expect(result).toMatchObject({ added: [], updated: [], unchanged: 0 });
  return result;
}

const where = (problems: BusinessImportProblem[]) => problems.map((p) => [p.line, p.field, p.code]);

describe('planBusinessImport: each field', () => {
  it.each<[string, Record<string, unknown>, string, BusinessImportProblem['code']]>([
    ['a missing credit code', { creditCode: undefined }, 'creditCode', 'missing'],
    ['an empty credit code', { creditCode: '  ' }, 'creditCode', 'missing'],
    ['a credit code of 17 characters', { creditCode: A.slice(0, 17) }, 'creditCode', 'invalid'],
    ['a credit code with a wrong check character', { creditCode: `${A.slice(0, 17)}4` }, 'creditCode', 'invalid'],
    ['a credit code with a letter GB 32100 does not use', { creditCode: `${A.slice(0, 16)}I${A[17]}` }, 'creditCode', 'invalid'],
    ['a credit code given as a JSON object', { creditCode: { code: A } }, 'creditCode', 'invalid'],
    ['a missing name', { name: undefined }, 'name', 'missing'],
    ['a name of one character', { name: '店' }, 'name', 'invalid'],
    ['a name of 101 characters', { name: '某'.repeat(101) }, 'name', 'invalid'],
    ['a name given as a JSON array', { name: ['某某', '公司'] }, 'name', 'invalid'],
    ['a missing area', { areaCode: undefined }, 'areaCode', 'missing'],
    ['an area of another city', { areaCode: '370102' }, 'areaCode', 'unknown-area'],
    ['the city itself as the area', { areaCode: '371500' }, 'areaCode', 'unknown-area'],
    ['an unknown venue', { venueCode: 'V-NOWHERE' }, 'venueCode', 'unknown-venue'],
    ['a venue in another area', { venueCode: 'V-SHZ' }, 'venueCode', 'venue-area-mismatch'],
    ['a platform flag that is not yes or no', { platform: 'maybe' }, 'platform', 'invalid'],
    ['a platform flag given as a JSON number other than 0 or 1', { platform: 2 }, 'platform', 'invalid'],
    ['a phone of 31 characters', { phone: '1'.repeat(31) }, 'phone', 'invalid'],
    ['an address of 201 characters', { address: '路'.repeat(201) }, 'address', 'invalid'],
  ])('refuses %s', (_what, overrides, field, code) => {
    const result = plan([good(overrides, 7)]);
    expect(where(result.problems)).toEqual([[7, field, code]]);
  });

  it.each<[string, Record<string, unknown>, Partial<Record<string, unknown>>]>([
    ['a lower-case credit code, upper-cased', { creditCode: A.toLowerCase() }, { creditCode: A }],
    ['a full-width credit code with spaces around it, folded', { creditCode: ` ${A.replace('M', 'Ｍ')} ` }, { creditCode: A }],
    ['a name of two characters', { name: '某店' }, { name: '某店' }],
    ['a name of 100 characters', { name: '某'.repeat(100) }, { name: '某'.repeat(100) }],
    ['the name key, as intake matches respondents', { name: '聊城市 某某餐饮（有限公司）' }, { nameKey: 'name:聊城市某某餐饮有限公司' }],
    ['a JSON number as the area', { areaCode: 371502 }, { areaCode: '371502' }],
    ['no venue', { venueCode: '' }, { venueCode: null }],
    ['a JSON null venue', { venueCode: null }, { venueCode: null }],
    ['no venue column', { venueCode: undefined }, { venueCode: null }],
    ['platform 是', { platform: '是' }, { platform: true }],
    ['platform TRUE', { platform: 'TRUE' }, { platform: true }],
    ['platform 1', { platform: '1' }, { platform: true }],
    ['platform as a JSON true', { platform: true }, { platform: true }],
    ['platform 否', { platform: '否' }, { platform: false }],
    ['platform as a JSON 0', { platform: 0 }, { platform: false }],
    ['an empty platform cell: false', { platform: '' }, { platform: false }],
    ['no platform column: false', { platform: undefined }, { platform: false }],
    ['no phone and no address', { phone: '', address: undefined }, { phone: null, address: null }],
    ['a phone of 30 characters', { phone: '1'.repeat(30) }, { phone: '1'.repeat(30) }],
    ['an address of 200 characters', { address: '路'.repeat(200) }, { address: '路'.repeat(200) }],
  ])('accepts %s', (_what, overrides, expected) => {
    const result = plan([good(overrides)]);
    expect(result.problems).toEqual([]);
    expect(result.added).toEqual([expect.objectContaining(expected)]);
  });

  it('reports every bad field of a row, not only the first', () => {
    const result = plan([good({ creditCode: `${A.slice(0, 17)}4`, name: '', areaCode: '371581', venueCode: 'V-JD' }, 3)]);
    expect(where(result.problems)).toEqual([
      [3, 'creditCode', 'invalid'],
      [3, 'name', 'missing'],
      [3, 'venueCode', 'venue-area-mismatch'],
    ]);
  });

  it('reads Chinese column names, with spaces around them', () => {
    const row: RawRecord = {
      line: 2,
      fields: {
        ' 统一社会信用代码 ': A,
        经营者名称: '聊城市某某餐饮有限公司',
        区县代码: '371502',
        场所编码: 'V-JD',
        平台: '否',
        联系电话: '0635-8888888',
        地址: '东昌府区东昌路 88 号',
      },
    };
    expect(plan([row]).added).toEqual([
      {
        creditCode: A,
        name: '聊城市某某餐饮有限公司',
        nameKey: 'name:聊城市某某餐饮有限公司',
        areaCode: '371502',
        venueCode: 'V-JD',
        platform: false,
        phone: '0635-8888888',
        address: '东昌府区东昌路 88 号',
      },
    ]);
  });
});

describe('planBusinessImport: the file as a whole', () => {
  it('reports an empty file', () => {
    expect(where(plan([]).problems)).toEqual([[0, undefined, 'empty-file']]);
  });

  it('reports a credit code the file repeats on the later line, naming the first, even written in lower case', () => {
    const result = plan([good({}, 2), good({ creditCode: B }, 3), good({ creditCode: A.toLowerCase(), name: '另一个名称' }, 5)]);
    expect(where(result.problems)).toEqual([[5, 'creditCode', 'duplicate-code']]);
    expect(result.problems[0].message).toContain('第 2 行');
  });

  it.each<[string, number | undefined, number]>([
    ['on the header line of a CSV file', 1, 1],
    ['on the first row that has it otherwise (JSON)', undefined, 2],
  ])('reports an unknown column once, %s', (_what, columnsLine, line) => {
    const result = plan([good({ 备注: '甲' }, 2), good({ creditCode: B, 备注: '乙' }, 3)], REF, columnsLine);
    expect(where(result.problems)).toEqual([[line, '备注', 'unknown-column']]);
  });

  it('does not take a column called "constructor" for a field', () => {
    expect(where(plan([good({ constructor: 'x' })]).problems)).toEqual([[2, 'constructor', 'unknown-column']]);
  });

  it('reports two columns for one field', () => {
    const result = plan([good({ 名称: '另一个名称' }, 2)], REF, 1);
    expect(where(result.problems)).toEqual([[1, '名称', 'invalid']]);
  });

  it('lists every bad row, and writes none when any is bad', () => {
    const result = plan([good({}, 2), good({ creditCode: B, areaCode: '999999' }, 3), good({ creditCode: C, venueCode: 'V-X' }, 4)]);
    expect(where(result.problems)).toEqual([
      [3, 'areaCode', 'unknown-area'],
      [4, 'venueCode', 'unknown-venue'],
    ]);
  });
});

describe('planBusinessImport: merging with the businesses enrolled already', () => {
  const enrolledRow = (overrides: Record<string, unknown> = {}) =>
    good({
      creditCode: C,
      name: ENROLLED.name,
      areaCode: ENROLLED.areaCode,
      venueCode: ENROLLED.venueCode,
      platform: '是',
      phone: ENROLLED.phone,
      address: ENROLLED.address,
      ...overrides,
    });

  it.each<[string, Record<string, unknown>, 'added' | 'updated' | 'unchanged', Partial<Record<string, unknown>>]>([
    ['a new credit code is added', {}, 'added', { creditCode: A }],
    ['an enrolled one, as it is, is left unchanged', {}, 'unchanged', {}],
    [
      'an enrolled one with a new name is updated, with its name key',
      { name: '阳谷县某某购物中心' },
      'updated',
      { nameKey: 'name:阳谷县某某购物中心' },
    ],
    [
      'an enrolled one moved to another area and venue is updated',
      { areaCode: '371502', venueCode: 'V-JD' },
      'updated',
      { venueCode: 'V-JD' },
    ],
    ['an empty cell clears the phone', { phone: '' }, 'updated', { phone: null, address: ENROLLED.address }],
    ['an empty platform cell makes it no platform', { platform: '' }, 'updated', { platform: false }],
    ['a column left out keeps the enrolled venue', { venueCode: undefined }, 'unchanged', {}],
    [
      'a column left out keeps the enrolled platform flag, phone and address',
      { platform: undefined, phone: undefined, address: undefined },
      'unchanged',
      {},
    ],
    [
      'a column left out keeps the value while another changes',
      { phone: undefined, address: '阳谷县新址 2 号' },
      'updated',
      { phone: ENROLLED.phone, platform: true },
    ],
  ])('%s', (_what, overrides, outcome, expected) => {
    const rows = [outcome === 'added' ? good() : enrolledRow(overrides)];
    const result = plan(rows);
    expect(result.problems).toEqual([]);
    expect({ added: result.added.length, updated: result.updated.length, unchanged: result.unchanged }).toEqual({
      added: outcome === 'added' ? 1 : 0,
      updated: outcome === 'updated' ? 1 : 0,
      unchanged: outcome === 'unchanged' ? 1 : 0,
    });
    if (outcome !== 'unchanged') expect([...result.added, ...result.updated][0]).toMatchObject(expected);
  });

  it('refuses moving an enrolled business to another area while leaving out its venue there', () => {
    const result = plan([enrolledRow({ areaCode: '371502', venueCode: undefined })]);
    expect(where(result.problems)).toEqual([[2, 'venueCode', 'venue-area-mismatch']]);
  });
});

describe('a CSV file through the shared reader', () => {
  it('reads a Chinese header and reports problems on the file’s own lines', () => {
    const text = [
      '统一社会信用代码,经营者名称,区县代码,场所编码,平台,联系电话,地址',
      `${A},聊城市某某餐饮有限公司,371502,V-JD,否,0635-8888888,东昌府区东昌路 88 号`,
      `${B.slice(0, 17)}4,聊城市某某服装店,371502,V-NOWHERE,否,,`,
    ].join('\n');
    const parsed = parseRecordFile(text, 'csv', { listKey: 'businesses', zh: '经营者', en: 'business', enPlural: 'businesses' });
    expect(parsed.problems).toEqual([]);
    const result = plan(parsed.rows, REF, csvHeaderLine(text));
    expect(where(result.problems)).toEqual([
      [3, 'creditCode', 'invalid'],
      [3, 'venueCode', 'unknown-venue'],
    ]);
  });

  it.each<[string, number]>([
    ['code,name', 1],
    ['\uFEFFcode,name', 1],
    ['\n\r\n  \ncode,name\nx,y', 4],
  ])('finds the header line of %j', (text, line) => {
    expect(csvHeaderLine(text)).toBe(line);
  });
});
