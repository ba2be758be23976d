import type { CaseStatus } from './case-status';
import type { CaseFacts, Transition } from './case-state';
import { terminationClocks } from './case-state';
import { findReason } from './reason-codes';

/** A complaint in these states is in the department's mediation (受理 given, not yet concluded). */
const IN_MEDIATION: readonly CaseStatus[] = ['accepted', 'mediating', 'paused'];

/**
 * Whether a consumer's withdrawal ends the mediation rather than the case: once a complaint is
 * accepted, withdrawal is termination ground 1 (Order 121 Art. 23(1); Order 20 Art. 21(1)). Before
 * 受理, and for reports, the case is simply withdrawn.
 */
export function withdrawalTerminates(track: 'complaint' | 'report', status: CaseStatus): boolean {
  return track === 'complaint' && IN_MEDIATION.includes(status);
}

/**
 * A consumer's withdrawal during mediation, as a termination on ground 1: the mediation clock is met
 * and the notice to both parties starts, as when staff terminate; the handler then closes the case.
 * Null where a withdrawal does not terminate (see `withdrawalTerminates`).
 */
export function decideWithdrawal(f: CaseFacts): Transition | null {
  if (!withdrawalTerminates(f.track, f.status)) return null;
  const found = findReason('termination', f.ruleSet.code, '1');
  if (!found) throw new Error(`termination ground 1 missing under ${f.ruleSet.code}`);
  return {
    action: 'terminate',
    from: f.status,
    to: 'terminated',
    reason: { kind: 'termination', ...found },
    clocks: terminationClocks(f),
  };
}
