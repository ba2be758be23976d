/**
 * The checks a 12315 desk clerk applies to who is complaining and about whom. Pure functions.
 */

/** A mainland mobile number, normalised to 11 digits (spaces, dashes and +86 removed), or null. */
export function normaliseMobile(input: string): string | null {
  const digits = input.replace(/[\s\-()]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters with a check character. */
export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(code[i]) * USCC_WEIGHTS[i];
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check] === code[17];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Resident identity number (公民身份号码), GB 11643-1999: 18 characters, a real birth date, check character. */
export function isValidIdNumber(
  id: string,
  today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()),
): boolean {
  const v = id.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const birth = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  const d = new Date(`${birth}T00:00:00Z`);
  // `today` is the date in China: someone born today is valid from midnight Beijing time.
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== birth || birth > today || d.getUTCFullYear() < 1900) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(v[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === v[17];
}

/**
 * How respondents are matched (duplicates, hotspots): by credit code when given, else by a
 * normalised name (full-width folded, spaces and punctuation dropped).
 */
export function respondentKey(name: string, creditCode?: string | null): string {
  if (creditCode) return `uscc:${creditCode}`;
  const folded = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
  return `name:${folded}`;
}

/** Shorter than this once normalised, an address names no household ("聊城", "东昌府区"): it is not matched. */
const MIN_ADDRESS_CHARS = 6;

/**
 * How consumers' addresses are matched (Order 121 Art. 17(4): several people giving the same
 * address), through a keyed hash of this form, never the address itself: width folded, lower case,
 * no spacing, punctuation or symbols, without a leading 中国 / 山东省 / 聊城市 (which people write or
 * leave out). Null when too short to name a household.
 */
export function normaliseAddress(address: string): string | null {
  let folded = address
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
  for (const prefix of ['中国', '山东省', '聊城市']) if (folded.startsWith(prefix)) folded = folded.slice(prefix.length);
  return [...folded].length >= MIN_ADDRESS_CHARS ? folded : null;
}
