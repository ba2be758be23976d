import type { CaseAction, CaseFacts } from './case-state';
import { allowedActions } from './case-state';
import { canWithdraw } from './case-status';
import { mayEscalate } from './settlement.rules';

/**
 * Every way a case can move from its state, in one place: a handler's actions (case-state.ts) and
 * the moves nobody on staff takes: routing by the worker, the consumer accepting an offer,
 * escalation to the formal stage (by the consumer, or by the sweep when a city deadline passes),
 * and withdrawal. The writers of these moves guard on the same rules (`mayEscalate`,
 * `decideAcceptOffer`, `canWithdraw`, routing's `status = 'received'`); this is their map, tested
 * as a state × move table.
 */
export type LifecycleMove = CaseAction | 'route' | 'accept-offer' | 'escalate' | 'withdraw';

export function movesFrom(f: CaseFacts): LifecycleMove[] {
  const system: LifecycleMove[] = [];
  if (f.status === 'received') system.push('route');
  if (f.track === 'complaint' && f.status === 'offered') system.push('accept-offer');
  if (f.track === 'complaint' && mayEscalate(f.status)) system.push('escalate');
  if (canWithdraw(f.status)) system.push('withdraw');
  return [...system, ...allowedActions(f)];
}
