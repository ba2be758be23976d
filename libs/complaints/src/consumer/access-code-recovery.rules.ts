/**
 * Getting a new access code with the phone on file (POST /complaints/{trackingNo}/access-code).
 * Pure: no Nest, no I/O.
 *
 * The answer never depends on the case: an unknown number, a wrong phone, a right one and a case
 * past its daily limit all answer the same, so neither numbers nor phones can be probed. It says only
 * whether SMS can be sent at all, which is the same for every caller.
 */

/** New codes a case may get in one day (China time): each one voids the last and costs an SMS. */
const RECOVERIES_PER_DAY = 3;

export type RecoveryAnswer = { status: 'accepted' } | { status: 'unavailable' };

/** `unavailable` when no SMS provider is configured: a new code nobody receives would only void the old one. */
export function recoveryAnswer(smsAvailable: boolean): RecoveryAnswer {
  return smsAvailable ? { status: 'accepted' } : { status: 'unavailable' };
}

/** Whether a new code is issued and sent: SMS can be sent, the case exists, the phone is the one on file, and today's limit is not reached. */
export function mayReissue(r: { smsAvailable: boolean; found: boolean; phoneMatches: boolean; reissuedToday: number }): boolean {
  return r.smsAvailable && r.found && r.phoneMatches && r.reissuedToday < RECOVERIES_PER_DAY;
}
