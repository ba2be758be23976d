import { afterFailure, afterSuccess, loginGate } from './lockout.rules';

const policy = { maxFailures: 3, lockMinutes: 15 };
const now = new Date('2025-06-01T08:00:00Z');
const at = (ms: number) => new Date(now.getTime() + ms);

describe('loginGate', () => {
  it('allows an account that was never locked', () => {
    expect(loginGate({ lockedUntil: null }, now)).toEqual({ allowed: true });
  });

  it('allows once the lock has expired, to the millisecond', () => {
    expect(loginGate({ lockedUntil: now }, now)).toEqual({ allowed: true });
    expect(loginGate({ lockedUntil: at(-1) }, now)).toEqual({ allowed: true });
  });

  it('refuses while locked, with the seconds and minutes left rounded up', () => {
    expect(loginGate({ lockedUntil: at(1) }, now)).toEqual({ allowed: false, secondsLeft: 1, minutesLeft: 1 });
    expect(loginGate({ lockedUntil: at(61_000) }, now)).toEqual({ allowed: false, secondsLeft: 61, minutesLeft: 2 });
    expect(loginGate({ lockedUntil: at(15 * 60_000) }, now)).toEqual({ allowed: false, secondsLeft: 900, minutesLeft: 15 });
  });
});

describe('afterFailure', () => {
  it('counts failures below the limit without locking', () => {
    expect(afterFailure({ failedLogins: 0, lockedUntil: null }, policy, now)).toEqual({
      failedLogins: 1,
      lockedUntil: null,
      lockedNow: false,
    });
    expect(afterFailure({ failedLogins: 1, lockedUntil: null }, policy, now)).toEqual({
      failedLogins: 2,
      lockedUntil: null,
      lockedNow: false,
    });
  });

  it('locks for the lock time at the limit and starts the count again', () => {
    expect(afterFailure({ failedLogins: 2, lockedUntil: null }, policy, now)).toEqual({
      failedLogins: 0,
      lockedUntil: at(15 * 60_000),
      lockedNow: true,
    });
  });

  it('locks at once when the limit is one', () => {
    expect(afterFailure({ failedLogins: 0, lockedUntil: null }, { maxFailures: 1, lockMinutes: 1 }, now).lockedNow).toBe(true);
  });

  it('does not extend a lock still running', () => {
    const locked = { failedLogins: 0, lockedUntil: at(60_000) };
    expect(afterFailure(locked, policy, now)).toEqual({ ...locked, lockedNow: false });
  });

  it('treats an expired lock as none: a fresh count', () => {
    expect(afterFailure({ failedLogins: 0, lockedUntil: at(-1000) }, policy, now)).toEqual({
      failedLogins: 1,
      lockedUntil: null,
      lockedNow: false,
    });
  });
});

describe('afterSuccess', () => {
  it('clears the count and the lock', () => {
    expect(afterSuccess()).toEqual({ failedLogins: 0, lockedUntil: null });
  });
});
