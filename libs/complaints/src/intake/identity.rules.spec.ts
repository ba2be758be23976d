import { isValidIdNumber, isValidUscc, normaliseAddress, normaliseMobile, respondentKey } from './identity.rules';

/**
 * Check characters are computed here from the standards themselves (weights derived, not copied
 * from the code under test), so a wrong table in the code would show up.
 */

// GB 32100-2015: 31 characters (no I, O, S, V, Z); weight of position i is 3^i mod 31.
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function usccCheckChar(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (const ch of first17) {
    const value = USCC_ALPHABET.indexOf(ch);
    if (value < 0) throw new Error(`not a USCC character: ${ch}`);
    sum += value * weight;
    weight = (weight * 3) % 31;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}
const uscc = (first17: string) => first17 + usccCheckChar(first17);
/** The same code with its check character replaced by some other allowed character. */
const withWrongUsccCheck = (code: string) => {
  const right = code[17];
  const wrong = USCC_ALPHABET[(USCC_ALPHABET.indexOf(right) + 7) % 31];
  return code.slice(0, 17) + wrong;
};

// GB 11643-1999: weight of position i (1-based from the right, check digit at position 1) is 2^(i-1) mod 11.
function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}
const idNumber = (area: string, birth: string, seq: string) => {
  const first17 = area + birth + seq;
  return first17 + idCheckChar(first17);
};
/** A 17-digit prefix whose check character is X. */
function prefixWithCheckX(): string {
  for (let seq = 100; seq < 1000; seq++) {
    const first17 = `37150219900307${seq}`;
    if (idCheckChar(first17) === 'X') return first17;
  }
  throw new Error('no prefix with check character X');
}

describe('normaliseMobile', () => {
  it.each(['13', '14', '15', '16', '17', '18', '19'])('accepts an 11-digit number starting %s', (prefix) => {
    const n = `${prefix}800138000`;
    expect(normaliseMobile(n)).toBe(n);
  });

  it.each([
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['86 13800138000', '13800138000'],
    ['+86-199-1234-5678', '19912345678'],
    ['(+86) 13800138000', '13800138000'],
    ['  15912345678  ', '15912345678'],
  ])('normalises %j to %s', (input, expected) => {
    expect(normaliseMobile(input)).toBe(expected);
  });

  it.each([
    ['12800138000', 'prefix 12x'],
    ['11800138000', 'prefix 11x'],
    ['10800138000', 'prefix 10x'],
    ['1380013800', '10 digits'],
    ['138001380000', '12 digits'],
    ['1380013800a', 'a letter'],
    ['l3800138000', 'a letter l for the 1'],
    ['0635-8451235', 'a Liaocheng landline'],
    ['06358451235', 'a landline without the dash'],
    ['+85213800138000', 'a non-mainland country code'],
    ['+8612800138000', '+86 and a 12x number'],
    ['', 'empty'],
    ['   ', 'only spaces'],
  ])('rejects %j (%s)', (input) => {
    expect(normaliseMobile(input)).toBeNull();
  });
});

describe('isValidUscc', () => {
  const valid = uscc('91371500MA3C8X2Q1');

  it('accepts a code whose check character follows GB 32100', () => {
    expect(valid).toHaveLength(18);
    expect(isValidUscc(valid)).toBe(true);
  });

  it.each([
    '91371500MA3C8X2Q1',
    '91371502MA3N0E8H2',
    '12371500004999871',
    '52371500MJD720130',
    '93371521MA3ABCDE0',
    'Y1371500MA00000A0',
    '91110000000000000',
  ])('accepts %s + its computed check character', (first17) => {
    expect(isValidUscc(uscc(first17))).toBe(true);
  });

  it('accepts a well-known real code (Huawei Technologies, 914403001922038216)', () => {
    expect(usccCheckChar('91440300192203821')).toBe('6');
    expect(isValidUscc('914403001922038216')).toBe(true);
  });

  it('rejects the real-looking code with a wrong check character', () => {
    expect(isValidUscc(withWrongUsccCheck(valid))).toBe(false);
    expect(isValidUscc('914403001922038217')).toBe(false);
  });

  it('rejects every other check character', () => {
    for (const ch of USCC_ALPHABET) {
      if (ch !== valid[17]) expect(isValidUscc(valid.slice(0, 17) + ch)).toBe(false);
    }
  });

  it('rejects a wrong length', () => {
    expect(isValidUscc(valid.slice(0, 17))).toBe(false);
    expect(isValidUscc(`${valid}0`)).toBe(false);
    expect(isValidUscc('')).toBe(false);
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('rejects the forbidden letter %s', (letter) => {
    // In the body (position 10) and as the check character.
    expect(isValidUscc(`${valid.slice(0, 10)}${letter}${valid.slice(11)}`)).toBe(false);
    expect(isValidUscc(valid.slice(0, 17) + letter)).toBe(false);
  });

  it('rejects letters in the 6-digit administrative division part', () => {
    expect(isValidUscc(uscc('913715A0MA3C8X2Q1'))).toBe(false);
  });

  it('wants upper case (the DTO upper-cases first)', () => {
    const lower = uscc('91371500MA3C8X2Q1').toLowerCase();
    expect(isValidUscc(lower)).toBe(false);
    expect(isValidUscc(lower.toUpperCase())).toBe(true);
  });

  it('rejects a single changed character anywhere', () => {
    for (let i = 0; i < 17; i++) {
      const current = USCC_ALPHABET.indexOf(valid[i]);
      const replacement = i >= 2 && i < 8 ? String((Number(valid[i]) + 1) % 10) : USCC_ALPHABET[(current + 1) % 31];
      expect(isValidUscc(valid.slice(0, i) + replacement + valid.slice(i + 1))).toBe(false);
    }
  });
});

describe('isValidIdNumber', () => {
  const today = '2026-11-22'; // the date in China
  const valid = idNumber('371502', '19900307', '123');

  it('accepts a number built from the GB 11643 weights', () => {
    expect(valid).toMatch(/^37150219900307123[\dX]$/);
    expect(isValidIdNumber(valid, today)).toBe(true);
  });

  it('accepts the example number printed in GB 11643', () => {
    expect(isValidIdNumber('11010519491231002X', today)).toBe(true);
    // The standard's other example is well formed but born in 1880, before the 1900 floor the code sets.
    expect(idCheckChar('44052418800101001')).toBe('4');
    expect(isValidIdNumber('440524188001010014', today)).toBe(false);
  });

  it('accepts a number whose check character is X, in upper or lower case', () => {
    const id = `${prefixWithCheckX()}X`;
    expect(isValidIdNumber(id, today)).toBe(true);
    expect(isValidIdNumber(id.toLowerCase(), today)).toBe(true);
    expect(isValidIdNumber('11010519491231002x', today)).toBe(true);
  });

  it('rejects every wrong check character', () => {
    for (const ch of '0123456789X') {
      if (ch !== valid[17]) expect(isValidIdNumber(valid.slice(0, 17) + ch, today)).toBe(false);
    }
  });

  it('rejects a single changed digit anywhere in the body', () => {
    // Changing a birth-date digit may also make the date impossible; either way it must be refused.
    for (let i = 0; i < 17; i++) {
      const changed = valid.slice(0, i) + String((Number(valid[i]) + 1) % 10) + valid.slice(i + 1);
      expect(isValidIdNumber(changed, today)).toBe(false);
    }
  });

  it('rejects an impossible birth date even with a correct check digit', () => {
    expect(isValidIdNumber(idNumber('371502', '19900230', '123'), today)).toBe(false);
    expect(isValidIdNumber(idNumber('371502', '19901301', '123'), today)).toBe(false);
    expect(isValidIdNumber(idNumber('371502', '19900000', '123'), today)).toBe(false);
    expect(isValidIdNumber(idNumber('371502', '19010229', '123'), today)).toBe(false);
  });

  it('accepts 29 February of a leap year', () => {
    expect(isValidIdNumber(idNumber('371502', '20000229', '123'), today)).toBe(true);
  });

  it('rejects a birth date in the future', () => {
    expect(isValidIdNumber(idNumber('371502', '20261123', '123'), today)).toBe(false);
    expect(isValidIdNumber(idNumber('371502', '20300101', '123'), today)).toBe(false);
    expect(isValidIdNumber(idNumber('371502', '20261121', '123'), today)).toBe(true);
  });

  it('rejects a birth year before 1900', () => {
    expect(isValidIdNumber(idNumber('371502', '18991231', '123'), today)).toBe(false);
  });

  it('rejects wrong lengths and characters', () => {
    expect(isValidIdNumber(valid.slice(0, 17), today)).toBe(false);
    expect(isValidIdNumber(`${valid}1`, today)).toBe(false);
    expect(isValidIdNumber('371502900307123', today)).toBe(false); // the old 15-digit form
    expect(isValidIdNumber(`A${valid.slice(1)}`, today)).toBe(false);
    expect(isValidIdNumber(`${valid.slice(0, 16)}X${valid[17]}`, today)).toBe(false);
    expect(isValidIdNumber('', today)).toBe(false);
  });
});

describe('respondentKey', () => {
  it('uses the credit code when there is one, whatever the name', () => {
    const code = uscc('91371500MA3C8X2Q1');
    expect(respondentKey('聊城市某某餐饮有限公司', code)).toBe(`uscc:${code}`);
    expect(respondentKey('完全不同的名字', code)).toBe(respondentKey('聊城市某某餐饮有限公司', code));
  });

  it('falls back to the name when the credit code is missing, null or empty', () => {
    const byName = respondentKey('聊城市某某餐饮有限公司');
    expect(byName).toBe('name:聊城市某某餐饮有限公司');
    expect(respondentKey('聊城市某某餐饮有限公司', null)).toBe(byName);
    expect(respondentKey('聊城市某某餐饮有限公司', '')).toBe(byName);
  });

  it.each([
    ['聊城市 某某餐饮 有限公司', 'spaces'],
    ['  聊城市某某餐饮有限公司\t', 'leading and trailing white space'],
    ['聊城市\u3000某某餐饮\u3000有限公司', 'ideographic (full-width) spaces'],
    ['聊城市·某某餐饮·有限公司', 'a middle dot'],
    ['聊城市某某餐饮有限公司。', 'a full stop'],
    ['（聊城市）某某餐饮有限公司', 'full-width brackets'],
    ['(聊城市)某某餐饮有限公司', 'ASCII brackets'],
    ['聊城市-某某餐饮-有限公司！', 'dashes and an exclamation mark'],
  ])('matches %j (differs only by %s)', (variant) => {
    expect(respondentKey(variant)).toBe(respondentKey('聊城市某某餐饮有限公司'));
  });

  it('folds full-width letters and digits and ignores case', () => {
    expect(respondentKey('ＡＢＣ超市１号店')).toBe(respondentKey('abc超市1号店'));
    expect(respondentKey('ABC 超市 1 号店')).toBe(respondentKey('abc超市1号店'));
    expect(respondentKey('ＡＢＣ超市１号店')).toBe('name:abc超市1号店');
  });

  it('keeps different names apart', () => {
    expect(respondentKey('聊城市某某餐饮有限公司')).not.toBe(respondentKey('聊城市某某酒店有限公司'));
    expect(respondentKey('abc超市1号店')).not.toBe(respondentKey('abc超市2号店'));
    expect(respondentKey('东昌府区某某餐馆')).not.toBe(respondentKey('临清市某某餐馆'));
  });

  it('keeps a name apart from a credit code that looks the same', () => {
    const code = uscc('91371500MA3C8X2Q1');
    expect(respondentKey(code)).not.toBe(respondentKey('x', code));
  });
});

describe('consumer address matching (Order 121 Art. 17(4))', () => {
  const home = '东昌府区柳园街道某小区3号楼2单元101';
  it.each([
    ['山东省聊城市东昌府区柳园街道某小区3号楼2单元101', 'the province and city written out'],
    ['聊城市 东昌府区 柳园街道 某小区 3号楼 2单元 101', 'spaces'],
    ['东昌府区柳园街道某小区３号楼２单元１０１', 'full-width digits'],
    ['东昌府区柳园街道某小区3号楼-2单元-101。', 'dashes and a full stop'],
    ['中国山东省聊城市东昌府区柳园街道某小区3号楼2单元101', 'the country too'],
  ])('matches %j (differs only by %s)', (variant) => {
    expect(normaliseAddress(variant)).toBe(normaliseAddress(home));
  });

  it('keeps other homes apart', () => {
    expect(normaliseAddress('东昌府区柳园街道某小区3号楼2单元102')).not.toBe(normaliseAddress(home));
    expect(normaliseAddress('临清市柳园街道某小区3号楼2单元101')).not.toBe(normaliseAddress(home));
  });

  it.each(['聊城', '山东省聊城市东昌府区', '  ', '某小区'])('too vague to name a household: %j', (vague) => {
    expect(normaliseAddress(vague)).toBeNull();
  });
});
