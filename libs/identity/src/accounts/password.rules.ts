import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { Bilingual } from '@weiquan/core';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords';

/** zxcvbn's score (0–4) a password must reach. */
const MIN_PASSWORD_SCORE = 3;

let checker: ZxcvbnFactory | undefined;

/** zxcvbn-ts with the language-independent dictionaries (common passwords, names, keyboard walks). */
function zxcvbn(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  return checker;
}

/**
 * Why a new password is refused, or null when it is acceptable (ASVS 2.1): 12–128 characters, not
 * containing the username, and not guessable (zxcvbn score ≥ 3, the username and display name
 * counted as known words). No composition rules: any characters, spaces and Chinese included.
 */
export function passwordWeakness(password: string, user: { username: string; displayName?: string }): Bilingual | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
    return {
      zh: `密码应为 ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} 个字符`,
      en: `must be ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters`,
    };
  }
  const username = user.username.trim().toLowerCase();
  if (username && password.toLowerCase().includes(username)) {
    return { zh: '密码不能包含用户名', en: 'must not contain the username' };
  }
  const inputs = [username, user.displayName ?? ''].filter(Boolean);
  if (zxcvbn().check(password, inputs).score < MIN_PASSWORD_SCORE) {
    return {
      zh: '密码太容易被猜中（常见密码、单词、键盘序列或重复），请改用更长、更不常见的短语',
      en: 'too easy to guess (a common password, word, keyboard pattern or repetition); use a longer, less common phrase',
    };
  }
  return null;
}
