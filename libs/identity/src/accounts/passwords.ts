import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

/** argon2id with the library's defaults (64 MiB, 3 passes, 4 lanes): above OWASP's minimum. */
const OPTIONS = { type: argon2.argon2id } as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

/** False for a wrong password and for a hash that cannot be read, never an exception. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** 18 random bytes as base64url: 24 characters, 144 bits. Shown once, stored only as a hash. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

let dummy: Promise<string> | undefined;

/**
 * Spends the same time as checking a real password, for usernames that do not exist, so the answer
 * time does not tell which usernames do.
 */
export async function verifyDummy(password: string): Promise<false> {
  dummy ??= hashPassword(generatePassword());
  await verifyPassword(await dummy, password);
  return false;
}
