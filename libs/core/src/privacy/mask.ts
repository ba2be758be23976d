/**
 * What lists, exports and read-only viewers see of personal data (docs/RULES.md, "Personal information": 138****8000). The full
 * values are shown only to the unit handling the case, and every such view is audited.
 */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}

/** 张** : the family name and the length. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(Math.min(chars.length - 1, 3));
}

/** The first six characters (province, city, district, usually) and no more. */
export function maskAddress(address: string): string {
  const chars = [...address.trim()];
  return chars.length <= 6 ? '*'.repeat(chars.length) : `${chars.slice(0, 6).join('')}****`;
}

/** 371502********1234 */
export function maskIdNumber(id: string): string {
  return id.length >= 10 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` : '****';
}

/** a***@example.com */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return at < 1 ? '****' : `${email[0]}***${email.slice(at)}`;
}
