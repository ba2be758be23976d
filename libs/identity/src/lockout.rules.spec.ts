import type { ThrottleState } from './lockout.rules';
import { admit, admitAll, afterSuccess, current, delaySeconds, FRESH, refund } from './lockout.rules';

const policy = { freeFailures: 3, baseDelaySeconds: 30, maxDelaySeconds: 900, forgetAfterSeconds: 86_400 };
const now = new Date('2025-06-01T08:00:00Z');
const at = (ms: number) => new Date(now.getTime() + ms);
const state = (failures: number, blockedMs: number | null, lastMs: number | null = 0): ThrottleState => ({
  failures,
  blockedUntil: blockedMs === null ? null : at(blockedMs),
  lastFailureAt: lastMs === null ? null : at(lastMs),
});

describe('delaySeconds', () => {
  it.each([
    [0, 0],
    [2, 0],
    [3, 30],
    [4, 60],
    [5, 120],
    [7, 480],
    [8, 900],
    [50, 900],
    [10_000, 900],
  ])('after %i failures waits %i s', (failures, seconds) => {
    expect(delaySeconds(failures, policy)).toBe(seconds);
  });
});

describe('admit', () => {
  it.each<[string, ThrottleState, ThrottleState]>([
    ['a fresh key: counts the attempt, no delay', FRESH, state(1, null)],
    ['below the free failures', state(1, null, -5000), state(2, null)],
    ['the last free failure starts the base delay', state(2, null, -5000), state(3, 30_000)],
    ['after a delay has passed: the next one doubles', state(3, -1, -31_000), state(4, 60_000)],
    ['a delay passed to the millisecond', state(4, 0, -60_000), state(5, 120_000)],
    ['a long-idle key starts again', state(9, -86_400_000, -86_500_000), state(1, null)],
  ])('%s', (_name, before, after) => {
    expect(admit(before, policy, now)).toEqual({ allowed: true, next: after });
  });

  it.each<[string, ThrottleState, number]>([
    ['one millisecond left', state(3, 1), 1],
    ['rounded up to the second', state(3, 29_001), 30],
    ['the longest delay', state(8, 900_000), 900],
  ])('refuses while blocked (%s) without changing the state', (_name, before, seconds) => {
    expect(admit(before, policy, now)).toEqual({ allowed: false, retryAfterSeconds: seconds });
  });

  it('lets exactly freeFailures of many attempts through in a row (each under the row lock)', () => {
    let s = FRESH;
    let evaluated = 0;
    for (let i = 0; i < 25; i++) {
      const a = admit(s, policy, now);
      if (a.allowed) {
        evaluated++;
        s = a.next;
      }
    }
    expect(evaluated).toBe(3);
  });
});

describe('current', () => {
  it.each<[string, ThrottleState, ThrottleState]>([
    ['keeps a recent state', state(2, null, -1000), state(2, null, -1000)],
    ['keeps a running delay', state(5, 60_000, -1000), state(5, 60_000, -1000)],
    ['forgets after forgetAfterSeconds', state(5, -86_400_000, -86_460_000), FRESH],
  ])('%s', (_name, before, after) => {
    expect(current(before, policy, now)).toEqual(after);
  });
});

describe('admitAll', () => {
  it('admits when every key admits, in order', () => {
    expect(admitAll([admit(FRESH, policy, now), admit(state(1, null), policy, now)])).toEqual({
      allowed: true,
      next: [state(1, null), state(2, null)],
    });
  });

  it('refuses with the longest wait of the keys that refuse', () => {
    expect(admitAll([admit(state(3, 10_000), policy, now), admit(FRESH, policy, now), admit(state(4, 50_000), policy, now)])).toEqual({
      allowed: false,
      retryAfterSeconds: 50,
    });
  });
});

describe('after a success', () => {
  it('an account starts again', () => {
    expect(afterSuccess()).toEqual(FRESH);
  });

  it.each<[string, ThrottleState, ThrottleState]>([
    ['gives back the counted attempt', state(2, null), state(1, null)],
    ['lifts the delay the attempt started', state(3, 30_000), state(2, null)],
    ['keeps a delay earned by earlier failures', state(5, 120_000), state(4, 120_000)],
    ['never below zero', state(0, null), state(0, null)],
  ])('a client: %s', (_name, before, after) => {
    expect(refund(before, policy)).toEqual(after);
  });
});
