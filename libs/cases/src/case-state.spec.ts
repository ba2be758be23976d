import type { CaseFacts } from './case-state';
import { allowedActions, decideAction } from './case-state';
import { decideWithdrawal, withdrawalTerminates } from './withdrawal.rules';
import type { MergeParty } from './report-merge.rules';
import { mergeRefusal } from './report-merge.rules';
import { casePeriods, ruleSet } from './rule-set';
import type { CityPolicy, RuleSetCode } from './rule-set';

const under = (code: RuleSetCode, policy?: CityPolicy) => casePeriods(ruleSet(code), policy);
const complaint = (status: CaseFacts['status'], extra: Partial<CaseFacts> = {}): CaseFacts => ({
  track: 'complaint',
  status,
  ruleSet: under('order121'),
  referral: false,
  decisionExtended: false,
  decisionPaused: false,
  followUpDone: false,
  running: ['mediation', 'termination-notice', 'reporter-notice', 'follow-up'],
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
  it('an assigned complaint may be accepted, refused, handed back or noted (and the business may state its side), nothing else', () => {
    expect(allowedActions(complaint('assigned'))).toEqual(['accept', 'refuse', 'hand-back', 'note', 'statement']);
  });

  it.each([
    ['order20', 45, 'working'],
    ['order121', 60, 'calendar'],
  ] as const)(
    'accepting under %s meets the acceptance clock, starts mediation (%i %s days) and tells the consumer',
    (code, days, count) => {
      const t = ok(complaint('assigned', { ruleSet: under(code) }), { action: 'accept' });
      expect(t.to).toBe('accepted');
      expect(t.clocks).toEqual([
        { op: 'meet', clock: 'acceptance' },
        { op: 'start', clock: 'mediation', days, count },
      ]);
      expect(t.notify).toBe('accepted');
    },
  );

  it('refusing needs a reason code of the rule set, and cites its article', () => {
    const missing = decideAction(complaint('assigned'), { action: 'refuse' });
    expect(missing).toMatchObject({ ok: false, kind: 'invalid', problems: [{ field: 'reasonCode' }] });
    const wrong = decideAction(complaint('assigned'), { action: 'refuse', reasonCode: '9' });
    expect(wrong).toMatchObject({ ok: false, kind: 'invalid', problems: [{ field: 'reasonCode' }] });
    const t = ok(complaint('assigned', { ruleSet: under('order20') }), { action: 'refuse', reasonCode: '4' });
    expect(t.to).toBe('refused');
    expect(t.reason?.basis).toBe('总局令第20号第十五条第（四）项');
    expect(t.notify).toBe('refused');
  });

  it('reason 6 (someone else’s name, identity not verified) exists under Order 121 only', () => {
    expect(decideAction(complaint('assigned', { ruleSet: under('order20') }), { action: 'refuse', reasonCode: '6' })).toMatchObject({
      ok: false,
      kind: 'invalid',
    });
    expect(ok(complaint('assigned'), { action: 'refuse', reasonCode: '6' }).to).toBe('refused');
  });

  it('an action not allowed now answers with the allowed ones', () => {
    expect(decideAction(complaint('assigned'), { action: 'resolve', amountRecoveredFen: 0, agreement: true })).toEqual({
      ok: false,
      kind: 'not-allowed',
      allowed: ['accept', 'refuse', 'hand-back', 'note', 'statement'],
    });
  });

  it('mediation pauses and resumes the mediation clock (testing or appraisal), with a note on the pause', () => {
    expect(decideAction(complaint('mediating'), { action: 'pause-clock' })).toMatchObject({ ok: false, problems: [{ field: 'note' }] });
    const pause = ok(complaint('mediating'), { action: 'pause-clock', note: '送检：质量鉴定' });
    expect(pause).toMatchObject({ to: 'paused', clocks: [{ op: 'pause', clock: 'mediation' }] });
    expect(allowedActions(complaint('paused'))).toEqual(['resume-clock', 'terminate', 'report-violation', 'note', 'statement']);
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
      { op: 'start', clock: 'termination-notice', days: 7, count: 'working' },
    ]);
    expect(ok(complaint('terminated'), { action: 'close' }).clocks).toEqual([
      { op: 'meet', clock: 'termination-notice' },
      { op: 'start', clock: 'follow-up', days: 10, count: 'working' },
    ]);
  });

  // Order 121 Art. 23(1); Order 20 Art. 21(1): once accepted, a withdrawal is termination ground 1.
  it.each([
    ['complaint', 'received', false],
    ['complaint', 'assigned', false],
    ['complaint', 'accepted', true],
    ['complaint', 'mediating', true],
    ['complaint', 'paused', true],
    ['complaint', 'terminated', false],
    ['report', 'deciding', false],
  ] as const)('a consumer withdrawing a %s that is %s terminates its mediation: %s', (track, status, terminates) => {
    expect(withdrawalTerminates(track, status)).toBe(terminates);
    const f = track === 'report' ? report(status) : complaint(status);
    expect(decideWithdrawal(f) !== null).toBe(terminates);
  });

  it.each([
    ['order20', '总局令第20号第二十一条第（一）项'],
    ['order121', '总局令第121号第二十三条第（一）项'],
  ] as const)('a withdrawal in mediation under %s terminates on ground 1 (%s) with the 7-day notice', (code, basis) => {
    expect(decideWithdrawal(complaint('paused', { ruleSet: under(code) }))).toMatchObject({
      action: 'terminate',
      from: 'paused',
      to: 'terminated',
      reason: { kind: 'termination', code: '1', basis },
      clocks: [
        { op: 'meet', clock: 'mediation' },
        { op: 'start', clock: 'termination-notice', days: 7, count: 'working' },
      ],
    });
  });

  it('closing starts the follow-up visit the city’s policy sets (10 working days by default; 0 turns it off)', () => {
    expect(ok(complaint('resolved'), { action: 'close' }).clocks).toEqual([
      { op: 'start', clock: 'follow-up', days: 10, count: 'working' },
    ]);
    const none = complaint('resolved', { ruleSet: under('order121', { reporterNoticeDays: 5, followUpDays: 0 }) });
    expect(ok(none, { action: 'close' }).clocks).toEqual([]);
    expect(
      ok(complaint('closed', { ruleSet: none.ruleSet, running: [] }), { action: 'record-follow-up', note: '电话回访' }).clocks,
    ).toEqual([]);
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
      'merge-into',
      'note',
    ]);
    expect(ok(report('deciding'), { action: 'extend-decision', note: '案情复杂' }).clocks).toEqual([
      { op: 'extend', clock: 'decision', days: 15 },
    ]);
    expect(allowedActions(report('deciding', { decisionExtended: true }))).not.toContain('extend-decision');
  });

  it('a decision starts the 5-working-day reporter notice, met when the report is closed with the notice', () => {
    const opened = ok(report('deciding'), { action: 'open-enforcement' });
    expect(opened).toMatchObject({ to: 'case-opened', outcome: { decision: 'opened' } });
    expect(opened.clocks).toEqual([
      { op: 'meet', clock: 'decision' },
      { op: 'start', clock: 'reporter-notice', days: 5, count: 'working' },
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
    const closing = ok(report('case-opened', { referral: true, running: [] }), { action: 'close' });
    expect(closing.notify).toBeUndefined();
    expect(closing.clocks).toEqual([]);
  });

  it('the decision clock pauses for testing, inspection or appraisal and resumes (处罚程序规定 Art. 18)', () => {
    expect(decideAction(report('deciding'), { action: 'pause-clock' })).toMatchObject({ ok: false, problems: [{ field: 'note' }] });
    expect(ok(report('deciding'), { action: 'pause-clock', note: '抽样送检' })).toMatchObject({
      to: 'deciding',
      clocks: [{ op: 'pause', clock: 'decision' }],
    });
    const paused = report('deciding', { decisionPaused: true });
    expect(allowedActions(paused)).toEqual([
      'resume-clock',
      'open-enforcement',
      'decline-enforcement',
      'extend-decision',
      'merge-into',
      'note',
    ]);
    expect(ok(paused, { action: 'resume-clock' }).clocks).toEqual([{ op: 'resume', clock: 'decision' }]);
  });

  it('complaint-only actions do not exist on reports', () => {
    expect(decideAction(report('assigned'), { action: 'refuse', reasonCode: '1' })).toMatchObject({ ok: false, kind: 'not-allowed' });
    expect(decideAction(report('deciding'), { action: 'start-mediation' })).toMatchObject({ ok: false, kind: 'not-allowed' });
  });
});

describe('the periods each rule set runs (docs/RULES.md "Clocks of the formal stage")', () => {
  it.each([
    // rule set, clock, days, count, basis kind, citation contains
    ['order20', 'acceptance', 7, 'working', 'law', '总局令第20号第十四条'],
    ['order121', 'acceptance', 7, 'working', 'law', '总局令第121号第十五条'],
    ['order20', 'mediation', 45, 'working', 'law', '总局令第20号第二十一条第（五）项'],
    ['order121', 'mediation', 60, 'calendar', 'law', '总局令第121号第二十三条第（五）项、第四十五条'],
    ['order20', 'terminationNotice', 7, 'working', 'law', '总局令第20号第二十一条'],
    ['order121', 'terminationNotice', 7, 'working', 'law', '总局令第121号第二十三条'],
    ['order20', 'decision', 15, 'working', 'law', '处罚程序规定》第十八条'],
    ['order121', 'decision', 15, 'working', 'law', '处罚程序规定》第十八条'],
    ['order20', 'decisionExtension', 15, 'working', 'law', '处罚程序规定》第十八条'],
    ['order121', 'decisionExtension', 15, 'working', 'law', '处罚程序规定》第十八条'],
    ['order20', 'reporterNotice', 5, 'working', 'law', '总局令第20号第三十一条'],
    ['order121', 'reporterNotice', 5, 'working', 'policy', '聊城市工作规范'],
    ['order20', 'followUp', 10, 'working', 'policy', '聊城市工作规范'],
    ['order121', 'followUp', 10, 'working', 'policy', '聊城市工作规范'],
  ] as const)('%s %s: %i %s days, %s (%s)', (code, name, days, count, kind, cites) => {
    const period = under(code)[name];
    expect(period).toMatchObject({ days, count, basis: { kind } });
    const text = period!.basis.kind === 'law' ? period!.basis.citation : period!.basis.text;
    expect(text).toContain(cites);
  });

  it('Order 121 sets no period for telling a reporter (Art. 36): with the city policy off there is none', () => {
    expect(ruleSet('order121').reporterNotice).toBeNull();
    expect(under('order121', { reporterNoticeDays: 0, followUpDays: 10 }).reporterNotice).toBeNull();
    expect(under('order20', { reporterNoticeDays: 0, followUpDays: 10 }).reporterNotice).toMatchObject({ days: 5, basis: { kind: 'law' } });
    const t = ok(report('deciding', { ruleSet: under('order121', { reporterNoticeDays: 0, followUpDays: 10 }) }), {
      action: 'open-enforcement',
    });
    expect(t.clocks).toEqual([{ op: 'meet', clock: 'decision' }]);
  });
});

// Order 121 Art. 35: a report adding new facts may be merged into the same reporter's earlier report.
describe('merging reports (merge-into)', () => {
  it.each([
    ['order121', 'assigned', true],
    ['order121', 'deciding', true],
    ['order121', 'case-opened', false],
    ['order121', 'not-opened', false],
    ['order121', 'duplicate', false],
    ['order20', 'assigned', false],
    ['order20', 'deciding', false],
  ] as const)('under %s a report %s may merge: %s', (code, status, allowed) => {
    expect(allowedActions(report(status, { ruleSet: under(code) })).includes('merge-into')).toBe(allowed);
  });

  it('a complaint never merges', () => {
    expect(allowedActions(complaint('assigned'))).not.toContain('merge-into');
  });

  it('merging needs a note and the earlier report, and makes this one a duplicate with no clock of its own', () => {
    expect(decideAction(report('deciding'), { action: 'merge-into' })).toMatchObject({
      ok: false,
      kind: 'invalid',
      problems: [{ field: 'note' }, { field: 'mergeInto' }],
    });
    expect(ok(report('deciding'), { action: 'merge-into', note: '补充新的事实', mergeInto: '2611210012342' })).toMatchObject({
      to: 'duplicate',
      effect: 'merge',
      mergeInto: '2611210012342',
      clocks: [],
    });
    expect(decideAction(report('deciding'), { action: 'note', note: '备注', mergeInto: '2611210012342' })).toMatchObject({
      ok: false,
      problems: [{ field: 'mergeInto' }],
    });
  });

  const source: MergeParty = {
    id: '2',
    track: 'report',
    status: 'deciding',
    ruleSet: 'order121',
    assigneeCode: 'REG-371502-SC',
    reporter: 'aa',
    respondentKey: 'shop',
    receivedAt: new Date('2026-05-06T02:00:00Z'),
  };
  const earlier: MergeParty = { ...source, id: '1', status: 'assigned', receivedAt: new Date('2026-05-04T02:00:00Z') };

  it.each([
    ['the same reporter’s earlier open report on the same respondent in the same unit', earlier, null],
    ['also when it is being checked', { ...earlier, status: 'deciding' }, null],
    ['no such report', null, 400],
    ['a complaint', { ...earlier, track: 'complaint' }, 400],
    ['itself', { ...earlier, id: '2' }, 400],
    ['another reporter', { ...earlier, reporter: 'bb' }, 400],
    ['another respondent', { ...earlier, respondentKey: 'other' }, 400],
    ['a later report', { ...earlier, receivedAt: new Date('2026-05-07T02:00:00Z') }, 400],
    ['an Order 20 report', { ...earlier, ruleSet: 'order20' }, 409],
    ['another unit’s report', { ...earlier, assigneeCode: 'REG-371521-SC' }, 409],
    ['a report waiting for routing', { ...earlier, status: 'received', assigneeCode: null }, 409],
    ['a decided report', { ...earlier, status: 'case-opened' }, 409],
    ['a closed report', { ...earlier, status: 'closed' }, 409],
    ['a duplicate', { ...earlier, status: 'duplicate' }, 409],
  ] as const)('into %s: %s', (_, target, status) => {
    const r = mergeRefusal(source, target);
    if (status === null) expect(r).toBeNull();
    else expect(r).toMatchObject({ status, message: { zh: expect.any(String), en: expect.any(String) } });
  });
});
