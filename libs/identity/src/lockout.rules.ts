/**
 * Per-account lockout after repeated failed logins, as plain functions (no I/O): the repository
 * reads the row under a lock, these decide, the repository writes what they return.
 */

export interface LockoutPolicy {
  /** Consecutive failures that lock the account. */
  maxFailures: number;
  /** How long a lock lasts. */
  lockMinutes: number;
}

export interface LockoutState {
  failedLogins: number;
  lockedUntil: Date | null;
}

export type LoginGate = { allowed: true } | { allowed: false; secondsLeft: number; minutesLeft: number };

/** Whether a login may be tried now. While locked even the right password is refused. */
export function loginGate(state: Pick<LockoutState, 'lockedUntil'>, now: Date): LoginGate {
  if (!state.lockedUntil) return { allowed: true };
  const ms = state.lockedUntil.getTime() - now.getTime();
  if (ms <= 0) return { allowed: true };
  const secondsLeft = Math.ceil(ms / 1000);
  return { allowed: false, secondsLeft, minutesLeft: Math.ceil(secondsLeft / 60) };
}

/**
 * The state after one more failed attempt. Reaching the limit locks the account for the lock time
 * and starts the count again, so after the lock expires the account has the full number of tries.
 * A lock that has expired counts as no lock.
 */
export function afterFailure(state: LockoutState, policy: LockoutPolicy, now: Date): LockoutState & { lockedNow: boolean } {
  if (!loginGate(state, now).allowed) return { ...state, lockedNow: false };
  const failures = state.failedLogins + 1;
  if (failures >= policy.maxFailures) {
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000), lockedNow: true };
  }
  return { failedLogins: failures, lockedUntil: null, lockedNow: false };
}

/** A successful login clears the count and any expired lock. */
export function afterSuccess(): LockoutState {
  return { failedLogins: 0, lockedUntil: null };
}
