import type { ParsedFile } from './station-file.parser';
import { detectFormat, parseStationFile } from './station-file.parser';

const CJK = /[\u3400-\u9fff]/;

/** Lines joined with \n, so each test shows the file as the user would see it. */
const file = (...lines: string[]) => lines.join('\n');

/** Parses, and checks what every problem must look like. */
function parse(text: string, format: 'csv' | 'json'): ParsedFile {
  const parsed = parseStationFile(text, format);
  for (const p of parsed.problems) {
    expect(p.message).toMatch(CJK);
    expect(p.messageEn.trim()).not.toBe('');
  }
  return parsed;
}

const lines = (parsed: ParsedFile) => parsed.rows.map((r) => r.line);

describe('parseStationFile: CSV', () => {
  it('gives each row the line it is on, the first data row being line 2', () => {
    const parsed = parse(file('站点编码,站点名称,容量', 'ST-1,甲站,10', 'ST-2,乙站,20', 'ST-3,丙站,30', ''), 'csv');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([
      { line: 2, fields: { 站点编码: 'ST-1', 站点名称: '甲站', 容量: '10' } },
      { line: 3, fields: { 站点编码: 'ST-2', 站点名称: '乙站', 容量: '20' } },
      { line: 4, fields: { 站点编码: 'ST-3', 站点名称: '丙站', 容量: '30' } },
    ]);
  });

  it('trims headers and values and keeps quoted commas', () => {
    const parsed = parse(file(' code , address ', ' ST-1 , "聊城市东昌府区,东昌路1号" '), 'csv');
    expect(parsed.rows).toEqual([{ line: 2, fields: { code: 'ST-1', address: '聊城市东昌府区,东昌路1号' } }]);
  });

  it('counts lines past a UTF-8 BOM and Windows line ends', () => {
    const parsed = parse('\uFEFFcode,name\r\nST-1,甲站\r\nST-2,乙站\r\n', 'csv');
    expect(parsed.problems).toEqual([]);
    expect(Object.keys(parsed.rows[0].fields)).toEqual(['code', 'name']);
    expect(lines(parsed)).toEqual([2, 3]);
  });

  it('skips blank lines but keeps counting them', () => {
    const parsed = parse(file('code,name', 'ST-1,甲站', '', 'ST-2,乙站'), 'csv');
    expect(lines(parsed)).toEqual([2, 4]);
  });

  it('gives a row with a quoted line break the line it starts on', () => {
    const parsed = parse(file('code,address', 'ST-1,"东昌路1号', '客服中心"', 'ST-2,柳园路2号'), 'csv');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0].fields).toEqual({ code: 'ST-1', address: '东昌路1号\n客服中心' });
    expect(lines(parsed)).toEqual([2, 4]);
  });

  it('gives no rows and no problems for a header without data (the rules report the empty file)', () => {
    expect(parse('code,name\n', 'csv')).toEqual({ rows: [], problems: [] });
  });

  it('reports a row with too many columns as one syntax problem on its line', () => {
    const parsed = parse(file('code,name', 'ST-1,甲站', 'ST-2,乙站,多余', 'ST-3,丙站'), 'csv');
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ line: 3, code: 'syntax' });
  });

  it('reports a row with too few columns as one syntax problem on its line', () => {
    const parsed = parse(file('code,name,capacity', 'ST-1,甲站,1', 'ST-2,乙站,2', 'ST-3,丙站'), 'csv');
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ line: 4, code: 'syntax' });
  });

  it('reports an unclosed quote as one syntax problem with a line', () => {
    const parsed = parse(file('code,name', 'ST-1,"甲站', 'ST-2,乙站'), 'csv');
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0].code).toBe('syntax');
    expect(parsed.problems[0].line).toBe(2); // where the quote opened, not where the file ends
  });
});

describe('parseStationFile: JSON', () => {
  const stations = file(
    '[', //                          1
    '  {', //                        2
    '    "code": "ST-1",', //        3
    '    "capacity": 10,', //        4
    '    "active": false,', //       5
    '    "categories": ["food", "catering"]', // 6
    '  },', //                       7
    '  {', //                        8
    '    "code": "ST-2",', //        9
    '    "lat": 36.4,', //          10
    '    "phone": null', //         11
    '  }', //                       12
    ']', //                         13
  );

  it('reads a top-level array, each row on the line its object starts', () => {
    const parsed = parse(stations, 'json');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([
      { line: 2, fields: { code: 'ST-1', capacity: 10, active: false, categories: ['food', 'catering'] } },
      { line: 8, fields: { code: 'ST-2', lat: 36.4, phone: null } },
    ]);
  });

  it('reads the seed shape { "note": ..., "stations": [...] }', () => {
    const text = file(
      '{', //                           1
      '  "note": "样例数据",', //       2
      '  "stations": [', //             3
      '    {', //                       4
      '      "code": "ST-1"', //        5
      '    },', //                      6
      '    { "code": "ST-2" },', //     7
      '    {', //                       8
      '      "code": "ST-3"', //        9
      '    }', //                      10
      '  ]', //                        11
      '}', //                          12
    );
    const parsed = parse(text, 'json');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => [r.line, r.fields.code])).toEqual([
      [4, 'ST-1'],
      [7, 'ST-2'],
      [8, 'ST-3'],
    ]);
  });

  it('reads past a UTF-8 BOM and Windows line ends', () => {
    const parsed = parse('\uFEFF[\r\n  {\r\n    "code": "ST-1"\r\n  },\r\n  {\r\n    "code": "ST-2"\r\n  }\r\n]\r\n', 'json');
    expect(parsed.problems).toEqual([]);
    expect(lines(parsed)).toEqual([2, 5]);
  });

  it.each<[string, string, number]>([
    ['a missing comma', file('[', '  {', '    "code": "ST-1"', '    "name": "甲站"', '  }', ']'), 4],
    ['a trailing comma', file('[', '  {', '    "code": "ST-1",', '  }', ']'), 4],
    ['an unclosed string', file('[', '  {', '    "code": "ST-1', '  }', ']'), 3],
    ['a comment', file('[', '  // 第一站', '  { "code": "ST-1" }', ']'), 2],
    ['single quotes', file('[', "  { 'code': 'ST-1' }", ']'), 2],
    ['an empty document', '', 1],
  ])('reports %s as a syntax problem on its line', (_what, text, line) => {
    const parsed = parse(text, 'json');
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ line, code: 'syntax' });
  });

  it('reports an element that is not an object on its line, and keeps the other rows', () => {
    const text = file(
      '[', //                 1
      '  {', //               2
      '    "code": "ST-1"', // 3
      '  },', //              4
      '  "ST-2",', //         5
      '  [1, 2],', //         6
      '  { "code": "ST-3" }', // 7
      ']', //                 8
    );
    const parsed = parse(text, 'json');
    expect(parsed.problems.map((p) => [p.line, p.code])).toEqual([
      [5, 'syntax'],
      [6, 'syntax'],
    ]);
    expect(lines(parsed)).toEqual([2, 7]);
  });

  it.each<[string, string]>([
    ['an object without stations', file('{', '  "note": "样例数据",', '  "venues": []', '}')],
    ['stations that is not an array', file('{', '  "stations": { "code": "ST-1" }', '}')],
    ['a bare string', '"ST-1"'],
    ['a number', '42'],
  ])('reports %s as a problem', (_what, text) => {
    const parsed = parse(text, 'json');
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ line: 1, code: 'syntax' });
  });

  it('reads an empty array as no rows and no problems (the rules report the empty file)', () => {
    expect(parse('[]', 'json')).toEqual({ rows: [], problems: [] });
  });
});

describe('detectFormat', () => {
  it.each<[string, string, 'csv' | 'json']>([
    ['stations.json', 'code,name', 'json'],
    ['STATIONS.JSON', '', 'json'],
    ['服务站名单.csv', '[{"code":"ST-1"}]', 'csv'],
    ['list.CSV', '', 'csv'],
    ['upload', '[{"code":"ST-1"}]', 'json'],
    ['upload.txt', '\n  {\n  "stations": []\n}', 'json'],
    ['upload.txt', '\uFEFF[]', 'json'],
    ['', 'code,name\nST-1,甲站', 'csv'],
    ['stations.json.bak', '站点编码,站点名称', 'csv'],
    ['upload.xlsx', '', 'csv'],
  ])('takes %j with %j as %s', (fileName, text, format) => {
    expect(detectFormat(fileName, text)).toBe(format);
  });
});
