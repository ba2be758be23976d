import type { CaseFacts } from './case-state';
import { allowedActions, decideAction, runningClock } from './case-state';
import { ruleSet } from './rule-set';

const complaint = (status: CaseFacts['status'], extra: Partial<CaseFacts> = {}): CaseFacts => ({
  track: 'complaint',
  status,
  ruleSet: ruleSet('order121'),
  referral: false,
  decisionExtended: false,
  followUpDone: false,
  ...extra,
});
const report = (status: CaseFacts['status'], extra: Partial<CaseFacts> = {}): CaseFacts => ({
  ...complaint(status, extra),
  track: 'report',
});

function ok(f: CaseFacts, input: Parameters<typeof decideAction>[1]) {
  const d = decideAction(f, input);
  if (!d.ok) throw new Error(`expected ${input.action} to be allowed, got ${JSON.stringify(d)}`);
  return d.transition;
}

describe('complaint track', () => {
  it('an assigned complaint may be accepted, refused, handed back or noted, nothing else', () => {
    expect(allowedActions(complaint('assigned'))).toEqual(['accept', 'refuse', 'hand-back', 'note']);
  });

  it('accepting meets the acceptance clock, starts the 45-working-day mediation clock and tells the consumer', () => {
    const t = ok(complaint('assigned'), { action: 'accept' });
    expect(t.to).toBe('accepted');
    expect(t.clocks).toEqual([
      { op: 'meet', clock: 'acceptance' },
      { op: 'start', clock: 'mediation', days: 45 },
    ]);
    expect(t.notify).toBe('accepted');
  });

  it('refusing needs a reason code of the rule set, and cites its article', () => {
    const missing = decideAction(complaint('assigned'), { action: 'refuse' });
    expect(missing).toMatchObject({ ok: false, kind: 'invalid', problems: [{ field: 'reasonCode' }] });
    const wrong = decideAction(complaint('assigned'), { action: 'refuse', reasonCode: '9' });
    expect(wrong).toMatchObject({ ok: false, kind: 'invalid', problems: [{ field: 'reasonCode' }] });
    const t = ok(complaint('assigned', { ruleSet: ruleSet('order20') }), { action: 'refuse', reasonCode: '4' });
    expect(t.to).toBe('refused');
    expect(t.reason?.basis).toBe('第20号令第十五条第（四）项');
    expect(t.notify).toBe('refused');
  });

  it('reason 6 (false materials) exists under Order 121 only', () => {
    expect(decideAction(complaint('assigned', { ruleSet: ruleSet('order20') }), { action: 'refuse', reasonCode: '6' })).toMatchObject({
      ok: false,
      kind: 'invalid',
    });
    expect(ok(complaint('assigned'), { action: 'refuse', reasonCode: '6' }).to).toBe('refused');
  });

  it('an action not allowed now answers with the allowed ones', () => {
    expect(decideAction(complaint('assigned'), { action: 'resolve', amountRecoveredFen: 0, agreement: true })).toEqual({
      ok: false,
      kind: 'not-allowed',
      allowed: ['accept', 'refuse', 'hand-back', 'note'],
    });
  });

  it('mediation pauses and resumes the mediation clock (testing or appraisal), with a note on the pause', () => {
    expect(decideAction(complaint('mediating'), { action: 'pause-clock' })).toMatchObject({ ok: false, problems: [{ field: 'note' }] });
    const pause = ok(complaint('mediating'), { action: 'pause-clock', note: '送检：质量鉴定' });
    expect(pause).toMatchObject({ to: 'paused', clocks: [{ op: 'pause', clock: 'mediation' }] });
    expect(allowedActions(complaint('paused'))).toEqual(['resume-clock', 'terminate', 'report-violation', 'note']);
    expect(ok(complaint('paused'), { action: 'resume-clock' })).toMatchObject({
      to: 'mediating',
      clocks: [{ op: 'resume', clock: 'mediation' }],
    });
  });

  it('resolving needs the amount recovered and whether an agreement was made', () => {
    expect(decideAction(complaint('mediating'), { action: 'resolve' })).toMatchObject({
      ok: false,
      kind: 'invalid',
      problems: [{ field: 'amountRecovered' }, { field: 'agreement' }],
    });
    const t = ok(complaint('mediating'), { action: 'resolve', amountRecoveredFen: 128050, agreement: true });
    expect(t).toMatchObject({ to: 'resolved', outcome: { amountRecoveredFen: 128050, agreement: true }, notify: 'mediation-resolved' });
  });

  it('an amount on any other action is refused, not ignored', () => {
    expect(decideAction(complaint('assigned'), { action: 'accept', amountRecoveredFen: 100 })).toMatchObject({
      ok: false,
      problems: [{ field: 'amountRecovered' }],
    });
  });

  it('termination meets the mediation clock and starts the 7-day notice to both parties', () => {
    const t = ok(complaint('mediating'), { action: 'terminate', reasonCode: '4' });
    expect(t.to).toBe('terminated');
    expect(t.clocks).toEqual([
      { op: 'meet', clock: 'mediation' },
      { op: 'start', clock: 'termination-notice', days: 7 },
    ]);
    expect(ok(complaint('terminated'), { action: 'close' }).clocks).toEqual([
      { op: 'meet', clock: 'termination-notice' },
      { op: 'start', clock: 'follow-up', days: 10 },
    ]);
  });

  it('closing starts the follow-up clock under Order 121, not under Order 20', () => {
    expect(ok(complaint('resolved'), { action: 'close' }).clocks).toEqual([{ op: 'start', clock: 'follow-up', days: 10 }]);
    expect(ok(complaint('resolved', { ruleSet: ruleSet('order20') }), { action: 'close' }).clocks).toEqual([]);
  });

  it('a follow-up is recorded once', () => {
    expect(allowedActions(complaint('closed'))).toEqual(['record-follow-up', 'note']);
    expect(allowedActions(complaint('closed', { followUpDone: true }))).toEqual(['note']);
  });

  it('a violation lead in mediation opens a linked report and mediation goes on', () => {
    const t = ok(complaint('mediating'), { action: 'report-violation', note: '商家涉嫌虚假宣传' });
    expect(t).toMatchObject({ to: 'mediating', effect: 'open-linked-report' });
  });

  it('hand-back needs a reason and returns the case to routing', () => {
    expect(decideAction(complaint('assigned'), { action: 'hand-back' })).toMatchObject({ ok: false, problems: [{ field: 'note' }] });
    expect(ok(complaint('assigned'), { action: 'hand-back', note: '不属于本站服务范围' })).toMatchObject({
      to: 'received',
      effect: 'hand-back',
    });
  });

  it('finished cases take notes only', () => {
    for (const s of ['refused', 'withdrawn', 'transferred', 'duplicate'] as const) expect(allowedActions(complaint(s))).toEqual(['note']);
  });
});

describe('report track', () => {
  it('a regulator decides on opening an enforcement case, and may extend the decision once', () => {
    expect(allowedActions(report('assigned'))).toEqual([
      'accept',
      'hand-back',
      'open-enforcement',
      'decline-enforcement',
      'extend-decision',
      'note',
    ]);
    expect(ok(report('deciding'), { action: 'extend-decision', note: '案情复杂' }).clocks).toEqual([
      { op: 'extend', clock: 'decision', days: 15 },
    ]);
    expect(allowedActions(report('deciding', { decisionExtended: true }))).not.toContain('extend-decision');
  });

  it('a decision starts the 5-day reporter notice, met when the report is closed with the notice', () => {
    const opened = ok(report('deciding'), { action: 'open-enforcement' });
    expect(opened).toMatchObject({ to: 'case-opened', outcome: { decision: 'opened' } });
    expect(opened.clocks).toEqual([
      { op: 'meet', clock: 'decision' },
      { op: 'start', clock: 'reporter-notice', days: 5 },
    ]);
    expect(ok(report('case-opened'), { action: 'close' })).toMatchObject({
      to: 'closed',
      notify: 'report-decision',
      clocks: [{ op: 'meet', clock: 'reporter-notice' }],
    });
  });

  it('declining needs a no-case reason', () => {
    expect(decideAction(report('deciding'), { action: 'decline-enforcement' })).toMatchObject({
      ok: false,
      problems: [{ field: 'reasonCode' }],
    });
    expect(ok(report('deciding'), { action: 'decline-enforcement', reasonCode: '1' })).toMatchObject({
      to: 'not-opened',
      outcome: { decision: 'not-opened' },
    });
  });

  it('a report opened by staff from a lead has no reporter to tell', () => {
    expect(ok(report('deciding', { referral: true }), { action: 'open-enforcement' }).clocks).toEqual([{ op: 'meet', clock: 'decision' }]);
    expect(ok(report('case-opened', { referral: true }), { action: 'close' }).notify).toBeUndefined();
  });

  it('complaint-only actions do not exist on reports', () => {
    expect(decideAction(report('assigned'), { action: 'refuse', reasonCode: '1' })).toMatchObject({ ok: false, kind: 'not-allowed' });
    expect(decideAction(report('deciding'), { action: 'start-mediation' })).toMatchObject({ ok: false, kind: 'not-allowed' });
  });
});

describe('runningClock', () => {
  it('names the deadline a case in each state runs against', () => {
    expect(runningClock('complaint', 'assigned')).toBe('acceptance');
    expect(runningClock('report', 'assigned')).toBe('decision');
    expect(runningClock('complaint', 'mediating')).toBe('mediation');
    expect(runningClock('complaint', 'paused')).toBeNull();
    expect(runningClock('complaint', 'closed')).toBe('follow-up');
    expect(runningClock('report', 'not-opened')).toBe('reporter-notice');
  });
});
