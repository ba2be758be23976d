import type { CaseAction } from '../case-state';
import type { CaseStatus } from '../case-status';

/**
 * The step a handler most likely takes next on a case in this state, offered first in the case file
 * (one button, the primary one): the common path from 待受理 to 办结. A step that ends a case
 * against the consumer (refuse, terminate, decline) is never the suggestion, and neither is a
 * decision whose two answers are both common (open an enforcement case or not). Null when the
 * handler can only wait (the consumer answers an offer) or must choose. Pure; `allowed` is what the
 * caller may do now.
 */
const LIKELY: Partial<Record<CaseStatus, CaseAction>> = {
  settling: 'take-up',
  negotiating: 'record-offer',
  assigned: 'accept',
  accepted: 'start-mediation',
  // Most mediations end in agreement; recording it asks for the outcome and a confirmation.
  mediating: 'resolve',
  paused: 'resume-clock',
  resolved: 'close',
  terminated: 'close',
  'case-opened': 'close',
  'not-opened': 'close',
  closed: 'record-follow-up',
};

export function nextStep(status: CaseStatus, allowed: readonly CaseAction[]): CaseAction | null {
  const a = LIKELY[status];
  return a && allowed.includes(a) ? a : null;
}
