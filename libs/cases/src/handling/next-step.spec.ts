import { CASE_STATUSES } from '../case-status';
import type { CaseStatus } from '../case-status';
import { nextStep } from './next-step';

describe('the likely next step', () => {
  it.each<[CaseStatus, string[], string | null]>([
    ['assigned', ['accept', 'refuse', 'hand-back', 'note'], 'accept'],
    ['accepted', ['start-mediation', 'resolve', 'terminate', 'report-violation', 'note'], 'start-mediation'],
    ['mediating', ['pause-clock', 'resolve', 'terminate', 'report-violation', 'note'], 'resolve'],
    ['paused', ['resume-clock', 'terminate', 'note'], 'resume-clock'],
    ['resolved', ['close', 'note'], 'close'],
    ['terminated', ['close', 'note'], 'close'],
    ['settling', ['take-up', 'settlement-failed', 'hand-back', 'note'], 'take-up'],
    ['negotiating', ['record-offer', 'settlement-failed', 'hand-back', 'note'], 'record-offer'],
    // The consumer answers the offer; the station waits.
    ['offered', ['record-offer', 'settlement-failed', 'note'], null],
    // A report's decision is the handler's: neither way is suggested.
    ['deciding', ['open-enforcement', 'decline-enforcement', 'extend-decision', 'note'], null],
    ['closed', ['record-follow-up', 'note'], 'record-follow-up'],
    // Follow-up done: nothing left but notes.
    ['closed', ['note'], null],
    // A reader who may not act is offered nothing.
    ['assigned', [], null],
  ])('%s with %j: %s', (status, allowed, next) => expect(nextStep(status, allowed as never)).toBe(next));

  it('never suggests a step that ends a case against the consumer', () => {
    for (const status of CASE_STATUSES)
      expect(['refuse', 'terminate', 'decline-enforcement', 'settlement-failed', 'hand-back']).not.toContain(
        nextStep(status, ['refuse', 'terminate', 'decline-enforcement', 'settlement-failed', 'hand-back', 'close', 'accept'] as never),
      );
  });
});
