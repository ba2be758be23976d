import type { Bilingual } from '@weiquan/core';
import { isEmail } from 'class-validator';

/** The longest address SMTP carries (RFC 5321's path limit), as the column allows. */
const MAX_LENGTH = 254;

/**
 * A unit's alert address as an operator gives it (station file, CLI): blank means none; otherwise
 * one plain address (no display name, no list), so the digest goes exactly where the bureau said.
 * Pure.
 */
export function readAlertEmail(given: string): { email: string | null } | { problem: Bilingual } {
  const email = given.trim();
  if (!email) return { email: null };
  if (email.length > MAX_LENGTH)
    return { problem: { zh: `提醒邮箱过长（最多 ${MAX_LENGTH} 个字符）`, en: `the alert email is longer than ${MAX_LENGTH} characters` } };
  if (!isEmail(email))
    return { problem: { zh: `提醒邮箱 "${email}" 不是有效的电子邮箱地址`, en: `alert email "${email}" is not a valid email address` } };
  return { email };
}
