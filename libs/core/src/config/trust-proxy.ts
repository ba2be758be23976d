import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Which reverse proxies may name the client in X-Forwarded-For, as express's `trust proxy` takes it:
 * `false` (none: the socket's address is the client), a number of hops, or a list of addresses,
 * CIDR ranges and proxy-addr's names (loopback, linklocal, uniquelocal).
 */
export type TrustProxy = false | number | string[];

const NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One entry of the list: an IPv4/IPv6 address, a CIDR range of one, or a proxy-addr name. */
function trustProxyEntryOk(entry: string): boolean {
  if (NAMES.has(entry)) return true;
  const slash = entry.indexOf('/');
  if (slash < 0) return isIP(entry) !== 0;
  const version = isIP(entry.slice(0, slash));
  const bits = entry.slice(slash + 1);
  if (!version || !/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (version === 4 ? 32 : 128);
}

/** TRUST_PROXY: `false`/`none` (the default), a hop count 0–10, or a comma list of addresses/CIDRs. */
export const trustProxySchema = z
  .string()
  .trim()
  .transform((v, ctx): TrustProxy => {
    const lower = v.toLowerCase();
    if (lower === 'false' || lower === 'none' || lower === '0') return false;
    if (/^\d+$/.test(lower)) {
      const hops = Number(lower);
      if (hops <= 10) return hops;
      ctx.addIssue({ code: 'custom', message: 'a hop count must be between 0 and 10' });
      return z.NEVER;
    }
    const entries = lower
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    const bad = entries.filter((e) => !trustProxyEntryOk(e));
    if (!entries.length || bad.length) {
      ctx.addIssue({
        code: 'custom',
        message: `must be false, a hop count, or a comma list of IP addresses/CIDR ranges (not ${bad.join(', ') || 'empty'})`,
      });
      return z.NEVER;
    }
    return entries;
  });
