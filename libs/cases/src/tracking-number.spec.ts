import { luhnDigit, makeAccessCode, makeTrackingNo, normaliseTrackingNo } from './tracking-number';

/** The textbook Luhn test of a whole number (check digit included), written independently of the code. */
function passesLuhn(number: string): boolean {
  let sum = 0;
  [...number].reverse().forEach((ch, i) => {
    const d = Number(ch) * (i % 2 === 1 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  });
  return sum % 10 === 0;
}

const isAccepted = (candidate: string) => normaliseTrackingNo(candidate) !== null;

function singleDigitChanges(no: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < no.length; i++) {
    for (let d = 0; d <= 9; d++) if (String(d) !== no[i]) out.push(no.slice(0, i) + d + no.slice(i + 1));
  }
  return out;
}

function adjacentSwaps(no: string): { at: number; swapped: string }[] {
  const out: { at: number; swapped: string }[] = [];
  for (let i = 0; i + 1 < no.length; i++) {
    if (no[i] !== no[i + 1]) out.push({ at: i, swapped: no.slice(0, i) + no[i + 1] + no[i] + no.slice(i + 2) });
  }
  return out;
}

describe('makeTrackingNo', () => {
  it('is the date of receipt (YYMMDD), a 6-digit serial and one check digit', () => {
    const no = makeTrackingNo('2026-11-22', 1234);
    expect(no).toMatch(/^\d{13}$/);
    expect(no.startsWith('261122001234')).toBe(true);
    expect(no).toBe('2611220012340');
    expect(passesLuhn(no)).toBe(true);
  });

  it('gives 2611210012342 for 2026-11-21 / 1234 (the module comment says …7, which fails the Luhn test)', () => {
    expect(makeTrackingNo('2026-11-21', 1234)).toBe('2611210012342');
    expect(passesLuhn('2611210012347')).toBe(false);
    expect(normaliseTrackingNo('2611210012347')).toBeNull();
  });

  it('pads small serials and accepts a serial given as text', () => {
    expect(makeTrackingNo('2026-01-05', 7)).toMatch(/^260105000007\d$/);
    expect(makeTrackingNo('2026-01-05', '7')).toBe(makeTrackingNo('2026-01-05', 7));
  });

  it('grows past 13 digits once the serial needs more than 6, and stays valid', () => {
    const no = makeTrackingNo('2026-11-22', 12_345_678);
    expect(no).toMatch(/^26112212345678\d$/);
    expect(normaliseTrackingNo(no)).toBe(no);
  });

  it('always produces a number that passes the Luhn test', () => {
    for (const day of ['2026-01-01', '2026-06-15', '2026-11-22', '2027-12-31']) {
      for (const serial of [1000, 1001, 4711, 99_999, 999_999]) {
        const no = makeTrackingNo(day, serial);
        expect(passesLuhn(no)).toBe(true);
        expect(normaliseTrackingNo(no)).toBe(no);
      }
    }
  });
});

describe('luhnDigit', () => {
  it.each([
    ['7992739871', 3], // the standard worked example
    ['0', 0],
    ['261122001234', 0],
    ['261121001234', 2],
  ])('of %s is %d', (digits, check) => {
    expect(luhnDigit(digits)).toBe(check);
  });
});

describe('the check digit', () => {
  const no = makeTrackingNo('2026-11-22', 1234);

  it('catches any single changed digit, at every position', () => {
    const changes = singleDigitChanges(no);
    expect(changes).toHaveLength(13 * 9);
    for (const changed of changes) expect({ changed, accepted: isAccepted(changed) }).toEqual({ changed, accepted: false });
  });

  it('catches any swap of two adjacent different digits, at every position', () => {
    const swaps = adjacentSwaps(no);
    expect(swaps.length).toBeGreaterThanOrEqual(8);
    for (const { at, swapped } of swaps) expect({ at, swapped, accepted: isAccepted(swapped) }).toEqual({ at, swapped, accepted: false });
  });

  it.each([
    ['2026-03-14', 271_828],
    ['2027-05-26', 314_159],
    ['2026-11-22', 12_345_678],
  ])('catches every single change and adjacent swap of the number for %s / %d too', (day, serial) => {
    const other = makeTrackingNo(day, serial);
    expect(other).not.toMatch(/09|90/); // Luhn cannot see a 0↔9 swap; see the test below
    for (const changed of singleDigitChanges(other)) expect(isAccepted(changed)).toBe(false);
    for (const { swapped } of adjacentSwaps(other)) expect(isAccepted(swapped)).toBe(false);
  });

  it('cannot see a swap of neighbouring 0 and 9 (the known Luhn blind spot, e.g. any September date)', () => {
    // Documented limitation, not a regression: "260915…" and "269015…" have the same check digit.
    const september = makeTrackingNo('2026-09-15', 1234);
    const swapped = `${september.slice(0, 2)}90${september.slice(4)}`;
    expect(september.slice(2, 4)).toBe('09');
    expect(normaliseTrackingNo(swapped)).toBe(swapped);
  });
});

describe('normaliseTrackingNo', () => {
  const no = makeTrackingNo('2026-11-22', 1234);

  it('accepts the number as given', () => {
    expect(normaliseTrackingNo(no)).toBe(no);
  });

  it.each([
    ['261122 001234 0'],
    ['261122-001234-0'],
    ['2611-2200-1234-0'],
    [' 2611220012340 '],
    ['261122\t001234\t0'],
    ['2 6 1 1 2 2 0 0 1 2 3 4 0'],
  ])('accepts what people type: %j', (typed) => {
    expect(normaliseTrackingNo(typed)).toBe('2611220012340');
  });

  it('rejects a wrong check digit', () => {
    for (let d = 0; d <= 9; d++) {
      if (String(d) !== no[12]) expect(normaliseTrackingNo(no.slice(0, 12) + d)).toBeNull();
    }
  });

  it.each([
    ['26112200123A0', 'a letter'],
    ['261122.001234.0', 'dots'],
    ['261122/001234/0', 'slashes'],
    ['２６１１２２００１２３４０', 'full-width digits'],
    ['261122001234', 'too short (12 digits)'],
    ['', 'empty'],
    ['-', 'only a dash'],
    ['123456789012345678901', 'too long (21 digits)'],
    ['+2611220012340', 'a plus sign'],
  ])('rejects %j (%s)', (input) => {
    expect(normaliseTrackingNo(input)).toBeNull();
  });
});

describe('makeAccessCode', () => {
  it('asks for a number below 10^8 and gives 8 digits', () => {
    const asked: number[] = [];
    const code = makeAccessCode((max) => {
      asked.push(max);
      return 12_345_678;
    });
    expect(asked).toEqual([100_000_000]);
    expect(code).toBe('12345678');
  });

  it.each([
    [0, '00000000'],
    [7, '00000007'],
    [42, '00000042'],
    [1_234_567, '01234567'],
    [99_999_999, '99999999'],
  ])('keeps leading zeros: %d → %s', (n, expected) => {
    expect(makeAccessCode(() => n)).toBe(expected);
    expect(makeAccessCode(() => n)).toMatch(/^\d{8}$/);
  });
});
