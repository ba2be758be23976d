import { fenToYuan, yuanToFen } from './money';

describe('money in fen', () => {
  it('reads fen as yuan with two decimals, exactly', () => {
    expect(fenToYuan(128050)).toBe('1280.50');
    expect(fenToYuan('5')).toBe('0.05');
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(-199)).toBe('-1.99');
    expect(fenToYuan('900719925474099312')).toBe('9007199254740993.12');
  });

  it('turns yuan with two decimals into fen without float drift', () => {
    expect(yuanToFen(268.55)).toBe(26855);
    expect(yuanToFen(0.29)).toBe(29);
    expect(yuanToFen(1280.5)).toBe(128050);
  });
});
