import { CASE_STATUSES } from '../case-status';
import type { CaseStatus } from '../case-status';
import { clockEnded, FINISHED_STATUSES, isFinished, OPEN_STATUSES } from './open-work';

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
});
