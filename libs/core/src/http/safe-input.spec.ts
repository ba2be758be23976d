import type { IncomingMessage, ServerResponse } from 'node:http';
import { jsonDepthExceeds, SafeInputPipe, unsafeInput, verifyJsonBody } from './safe-input';

const verify = (body: string | Buffer, encoding = 'utf-8') =>
  verifyJsonBody({} as IncomingMessage, {} as ServerResponse, Buffer.isBuffer(body) ? body : Buffer.from(body), encoding);
const statusOf = (f: () => void) => {
  try {
    f();
    return 'accepted';
  } catch (e) {
    return (e as { getStatus(): number }).getStatus();
  }
};

describe('jsonDepthExceeds', () => {
  it('counts nesting of objects and arrays, not brackets inside strings or escaped quotes', () => {
    expect(jsonDepthExceeds('[[[]]]', 3)).toBe(false);
    expect(jsonDepthExceeds('[[[[]]]]', 3)).toBe(true);
    expect(jsonDepthExceeds('{"a":"[[[[[\\"{{{{"}', 1)).toBe(false);
    expect(jsonDepthExceeds('['.repeat(100_000))).toBe(true);
  });
});

describe('unsafeInput', () => {
  it('names every NUL, forbidden key and tiny fraction by its dotted path', () => {
    const value = JSON.parse('{"a":{"b":["ok","x\\u0000"]},"__proto__":{"c":1},"n":1e-7,"ok":0.5,"d\\u0000":1}') as unknown;
    expect(unsafeInput(value).map((p) => `${p.field}: ${p.message.en}`)).toEqual([
      '__proto__: this field name is not allowed',
      'a.b.1: must not contain the NUL character (U+0000)',
      'd\\u0000: must not contain the NUL character (U+0000)',
      'n: is too small a fraction (below 0.000001)',
    ]);
    expect(unsafeInput('a\u0000', 'trackingNo')).toEqual([
      { field: 'trackingNo', message: expect.objectContaining({ zh: expect.any(String) }) },
    ]);
    expect(unsafeInput({ buffer: Buffer.from([0]), name: '小票.png', size: 3 })).toEqual([]);
  });
});

describe('verifyJsonBody', () => {
  it('accepts ordinary JSON and refuses what must never reach a handler', () => {
    expect(statusOf(() => verify('{"description":"商家拒绝退款 😀 [[{{","amount":268.5}'))).toBe('accepted');
    expect(statusOf(() => verify('['.repeat(33) + ']'.repeat(33)))).toBe(400);
    expect(statusOf(() => verify('{"a":"\\u0000"}'))).toBe(400);
    expect(statusOf(() => verify('{"\\u0063onstructor":1}'))).toBe(400);
    expect(statusOf(() => verify(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d])))).toBe(400);
    expect(statusOf(() => verify('{}', 'utf-16le'))).toBe(415);
    expect(statusOf(() => verify('{"a":"\\u00'))).toBe('accepted'); // left to the parser's own 400
  });
});

describe('SafeInputPipe', () => {
  it('names a path or query parameter by its name', () => {
    const pipe = new SafeInputPipe();
    expect(pipe.transform('WQ1', { type: 'param', data: 'trackingNo' })).toBe('WQ1');
    expect(() => pipe.transform('W\u0000', { type: 'param', data: 'trackingNo' })).toThrow(/trackingNo/);
    expect(() => pipe.transform({ respondent: '\u0000' }, { type: 'query' })).toThrow(/respondent/);
  });
});
