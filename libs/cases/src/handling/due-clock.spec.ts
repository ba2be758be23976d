import type { CaseStatus } from '../case-status';
import { DUE_CLOCKS, DUE_LABEL, dueClockOf } from './due-clock';

describe('which deadline a due date is', () => {
  const of = (track: 'complaint' | 'report', status: CaseStatus, takeUpDue: string | null = null, dueOn: string | null = '2026-05-08') =>
    dueClockOf({ track, status, dueOn, takeUpDue });

  it.each<['complaint' | 'report', CaseStatus, string | null]>([
    ['complaint', 'assigned', 'acceptance'],
    ['complaint', 'received', 'acceptance'],
    ['report', 'assigned', 'decision'],
    ['report', 'deciding', 'decision'],
    ['complaint', 'accepted', 'mediation'],
    ['complaint', 'mediating', 'mediation'],
    ['complaint', 'terminated', 'termination-notice'],
    ['report', 'case-opened', 'reporter-notice'],
    ['report', 'not-opened', 'reporter-notice'],
    ['complaint', 'closed', 'follow-up'],
    ['complaint', 'negotiating', 'settlement'],
    ['complaint', 'offered', 'settlement'],
  ])('%s %s: %s', (track, status, clock) => expect(of(track, status)).toBe(clock));

  it('a settling case runs against its take-up day until then, else (a business to answer) its settlement day', () => {
    expect(of('complaint', 'settling', '2026-05-08')).toBe('take-up');
    expect(of('complaint', 'settling', null)).toBe('settlement');
    expect(of('complaint', 'settling', '2026-05-06')).toBe('settlement');
  });

  it('no due date, no deadline named', () => {
    expect(of('complaint', 'assigned', null, null)).toBeNull();
    expect(of('complaint', 'withdrawn', null, null)).toBeNull();
  });

  it('every deadline has a short name in both languages', () => {
    for (const k of DUE_CLOCKS) expect(DUE_LABEL[k]).toEqual({ zh: expect.stringMatching(/期限$/), en: expect.any(String) });
  });
});
