import { CASE_STATUSES } from '../case-status';
import type { CaseStatus } from '../case-status';
import { clockEnded, FINISHED_STATUSES, isFinished, isOpenWork, OPEN_STATUSES } from './open-work';

describe('open work', () => {
  it('every status is either open or finished, never both', () => {
    expect([...OPEN_STATUSES, ...FINISHED_STATUSES].sort()).toEqual([...CASE_STATUSES].sort());
    expect(OPEN_STATUSES.filter((s) => FINISHED_STATUSES.includes(s))).toEqual([]);
  });

  it.each<[CaseStatus, boolean]>([
    ['assigned', false],
    ['mediating', false],
    // Concluded, but still to be closed (and a notice may run).
    ['resolved', false],
    ['terminated', false],
    ['case-opened', false],
    ['settling', false],
    ['closed', true],
    ['withdrawn', true],
    ['refused', true],
    ['settled', true],
    ['duplicate', true],
    ['transferred', true],
  ])('%s finished: %s', (status, finished) => expect(isFinished(status)).toBe(finished));

  it.each<[string, CaseStatus, { metOn: string | null; running: boolean }, boolean]>([
    ['a withdrawn complaint’s acceptance period', 'withdrawn', { metOn: null, running: false }, true],
    ['a closed complaint’s follow-up, still running', 'closed', { metOn: null, running: true }, false],
    ['a closed case’s met mediation period', 'closed', { metOn: '2026-03-02', running: false }, false],
    ['a mediation period paused (not running) while the case is open', 'paused', { metOn: null, running: false }, false],
    ['a refused complaint’s unmet clock', 'refused', { metOn: null, running: false }, true],
  ])('%s: ended %s', (_name, status, clock, ended) => expect(clockEnded(status, clock)).toBe(ended));

  it.each<[string, CaseStatus, string | null, boolean]>([
    ['a case waiting to be accepted', 'assigned', '2026-12-10', true],
    ['a paused mediation (no date running)', 'paused', null, true],
    ['a closed complaint whose follow-up visit is due', 'closed', '2026-12-10', true],
    ['a closed complaint whose follow-up was recorded (or the city set none)', 'closed', null, false],
    ['a withdrawn complaint', 'withdrawn', null, false],
    // Only a closed case keeps a step: another finished case with a stale date is not work.
    ['a refused complaint', 'refused', '2026-12-10', false],
    ['a settled dispute', 'settled', null, false],
  ])('%s: open work %s', (_name, status, dueOn, open) => expect(isOpenWork(status, dueOn)).toBe(open));
});
