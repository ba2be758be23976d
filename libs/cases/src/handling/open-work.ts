import type { CaseStatus } from '../case-status';
import { CASE_STATUSES } from '../case-status';

/**
 * Which cases are a unit's open work: the queue's default view, and what the header's overdue and
 * due-soon counts are made of. Pure.
 *
 * A case is finished when no handler's step is left to change its state: settled, merged as a
 * duplicate, refused, transferred, closed or withdrawn. Everything else still waits for someone
 * (concluded mediation and report decisions still wait to be closed, and their notices run).
 */
export const FINISHED_STATUSES: readonly CaseStatus[] = ['settled', 'duplicate', 'refused', 'transferred', 'closed', 'withdrawn'];

export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => !FINISHED_STATUSES.includes(s));

/** "Due soon": within this many working days on the official calendar (the queue, the header, the list's dueSoon). */
export const SOON_WORKING_DAYS = 2;

export function isFinished(status: CaseStatus): boolean {
  return FINISHED_STATUSES.includes(status);
}

/**
 * The one finished status that can still owe a step: a closed complaint's follow-up visit (the city's
 * policy) runs after closing, and its due date is the case's `due_on` until it is recorded.
 */
export const FINISHED_WITH_FOLLOW_UP: CaseStatus = 'closed';

/**
 * A unit's open work: every case not finished, and a closed one whose follow-up visit is still due
 * (`dueOn` set), so the visit is listed, counted and flagged overdue like any other deadline.
 */
export function isOpenWork(status: CaseStatus, dueOn: string | null): boolean {
  return !isFinished(status) || (status === FINISHED_WITH_FOLLOW_UP && dueOn !== null);
}

/**
 * A clock that has ended without being met: the case finished while it ran or was paused (a
 * withdrawn complaint's acceptance or mediation period), so nobody owes that deadline any more.
 * The one a closed complaint still runs (the follow-up visit) is not ended.
 */
export function clockEnded(status: CaseStatus, k: { metOn: string | null; running: boolean }): boolean {
  return isFinished(status) && k.metOn === null && !k.running;
}
