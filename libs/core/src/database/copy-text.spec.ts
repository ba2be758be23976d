import { copyText } from './copy-text';

describe('copyText (COPY … FROM STDIN, text format)', () => {
  it('writes one line per row, columns in the order given, tab-separated', () => {
    expect(
      copyText(
        [
          { a: '371502', b: 3, c: true },
          { a: '*', b: 0, c: false },
        ],
        ['c', 'a', 'b'],
      ),
    ).toBe('t\t371502\t3\nf\t*\t0\n');
  });

  it('escapes what would end a field or a line, and backslashes, so a name arrives as written', () => {
    expect(copyText([{ name: '聊城\t某店\n二号\\分店\r' }], ['name'])).toBe('聊城\\t某店\\n二号\\\\分店\\r\n');
  });

  it('writes \\N for null, and the given value for an absent column', () => {
    expect(copyText([{ a: null }], ['a', 'b'])).toBe('\\N\t\\N\n');
    expect(copyText([{ a: null }], ['a', 'b'], 0)).toBe('\\N\t0\n');
  });
});
