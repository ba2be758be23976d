/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters of the alphabet
 * below, the last a check character over the first 17 (weights 3^i mod 31). The API checks it too;
 * the pages check it first so a typing slip is said beside the field.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The check character of the first 17 characters, or null when one is not of the alphabet. */
function checkCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0, w = 1; i < 17; i++, w = (w * 3) % 31) {
    const v = ALPHABET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * w;
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Whether the text is a well-formed credit code with the right check character (upper case). */
export function isCreditCode(code: string): boolean {
  return /^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(code) && checkCharacter(code.slice(0, 17)) === code[17];
}
