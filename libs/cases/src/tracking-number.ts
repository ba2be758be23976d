/**
 * Tracking numbers a person can read over the phone: digits only, the day of receipt, a serial
 * number, and a check digit (Luhn) that catches any one mistyped digit and a swap of two neighbours
 * (except 0 and 9, which Luhn cannot tell apart). e.g. 261121 · 001234 · 2 → "2611210012342".
 */
export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function makeTrackingNo(receivedOn: string, serial: number | string): string {
  const body = receivedOn.slice(2, 4) + receivedOn.slice(5, 7) + receivedOn.slice(8, 10) + String(serial).padStart(6, '0');
  return body + luhnDigit(body);
}

/** Accepts what people type (spaces, dashes); null when it cannot be a tracking number. */
export function normaliseTrackingNo(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{13,20}$/.test(digits)) return null;
  return luhnDigit(digits.slice(0, -1)) === Number(digits.slice(-1)) ? digits : null;
}

/** 8 random digits: easy to read out, and 10⁸ guesses behind a rate limit. */
export function makeAccessCode(randomInt: (max: number) => number): string {
  return String(randomInt(100_000_000)).padStart(8, '0');
}
