/**
 * Throttling of failed logins by progressive delays, as plain functions (no I/O). There is no hard
 * lock: after `freeFailures` failures counted against a key (an account's name, known or not, or a
 * client address), each further attempt must wait a delay that doubles per failure up to
 * `maxDelaySeconds`, then is evaluated. The repository locks the key's row, these decide, the
 * repository writes what they return, in one short transaction before the password is checked:
 * an admitted attempt is counted as a failure in advance (so concurrent attempts cannot all pass
 * the gate) and a success gives it back.
 */

export interface ThrottlePolicy {
  /** Failures allowed without any delay. */
  freeFailures: number;
  /** The delay after the `freeFailures`-th failure; each further failure doubles it. */
  baseDelaySeconds: number;
  /** The longest delay. */
  maxDelaySeconds: number;
  /** A key with no failure for this long starts again from nothing. */
  forgetAfterSeconds: number;
}

export interface ThrottleState {
  failures: number;
  /** No attempt is evaluated before this time. */
  blockedUntil: Date | null;
  /** The last counted attempt (null: none yet). */
  lastFailureAt: Date | null;
}

export const FRESH: ThrottleState = { failures: 0, blockedUntil: null, lastFailureAt: null };

export type Admission = { allowed: true; next: ThrottleState } | { allowed: false; retryAfterSeconds: number };

/** The delay that follows the given number of failures: 0 below the free ones, then doubling, capped. */
export function delaySeconds(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures, 30);
  return Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** doublings);
}

/** A state left alone for `forgetAfterSeconds` counts as fresh. */
export function current(state: ThrottleState, policy: ThrottlePolicy, now: Date): ThrottleState {
  if (!state.lastFailureAt) return state.blockedUntil && state.blockedUntil > now ? state : FRESH;
  const idle = now.getTime() - Math.max(state.lastFailureAt.getTime(), state.blockedUntil?.getTime() ?? 0);
  return idle >= policy.forgetAfterSeconds * 1000 ? FRESH : state;
}

/**
 * Whether an attempt may be evaluated now, and if so the state with it counted as a failure (and the
 * delay it would start). While blocked nothing changes: waiting attempts do not extend the delay.
 */
export function admit(state: ThrottleState, policy: ThrottlePolicy, now: Date): Admission {
  const s = current(state, policy, now);
  if (s.blockedUntil && s.blockedUntil > now) {
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((s.blockedUntil.getTime() - now.getTime()) / 1000)) };
  }
  const failures = s.failures + 1;
  const delay = delaySeconds(failures, policy);
  return {
    allowed: true,
    next: { failures, blockedUntil: delay ? new Date(now.getTime() + delay * 1000) : null, lastFailureAt: now },
  };
}

/** The longest wait of several keys' admissions, or the states to write when every key admits. */
export function admitAll(
  admissions: Admission[],
): { allowed: true; next: ThrottleState[] } | { allowed: false; retryAfterSeconds: number } {
  const refused = admissions.filter((a) => !a.allowed);
  if (refused.length) return { allowed: false, retryAfterSeconds: Math.max(...refused.map((a) => a.retryAfterSeconds)) };
  return { allowed: true, next: admissions.map((a) => (a as { next: ThrottleState }).next) };
}

/** A success on an account: its count and delay are cleared. */
export function afterSuccess(): ThrottleState {
  return FRESH;
}

/**
 * A success from a client: the attempt counted in advance is given back, and a delay it started is
 * lifted; failures counted before stay (signing in to one's own account does not clear a client's
 * failures against others).
 */
export function refund(state: ThrottleState, policy: ThrottlePolicy): ThrottleState {
  const failures = Math.max(0, state.failures - 1);
  return { ...state, failures, blockedUntil: failures >= policy.freeFailures ? state.blockedUntil : null };
}
