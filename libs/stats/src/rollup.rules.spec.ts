import type { CaseAttributes, StatEvent } from './stat-event';
import type { Increment } from './rollup.rules';
import { countersOf, isSettlementEscalation, unitOf } from './case-counters.rules';
import { deltas } from './rollup.rules';

const complaint: CaseAttributes = {
  track: 'complaint',
  categoryCode: 'catering',
  areaCode: '371502',
  channel: 'offline',
  prepaid: false,
  issueType: null,
  respondentKey: 'uscc:91371500MA3C5XXXX1',
  respondentName: '聊城市某餐饮店',
};
const report: CaseAttributes = {
  ...complaint,
  track: 'report',
  channel: null,
  prepaid: true,
  respondentKey: 'name:某健身房',
  respondentName: '某健身房',
};

let seq = 100;
const ev = (type: string, over: Partial<StatEvent> = {}): StatEvent => ({
  id: String(++seq),
  day: '2026-05-20',
  type,
  unitCode: null,
  data: {},
  ...over,
});
const staff = (type: string, data: Record<string, unknown> = {}, unitCode = 'ST-001') => ev(type, { unitCode, data });

const of = <R extends Increment['rollup']>(list: Increment[], rollup: R) =>
  list.filter((i): i is Extract<Increment, { rollup: R }> => i.rollup === rollup);
/** The counters of the detail area row (all four area rows carry the same counters). */
const counted = (e: StatEvent, c = complaint) => countersOf(e, c);

describe('deltas: what one history event adds to the rollups', () => {
  it('a received complaint: the area row and its three grouping rows, no unit, the respondent city-wide', () => {
    const d = deltas(ev('received'), complaint);
    expect(of(d, 'area').map((i) => i.key)).toEqual([
      {
        day: '2026-05-20',
        track: 'complaint',
        areaCode: '371502',
        categoryCode: 'catering',
        channel: 'offline',
        prepaid: false,
        issueType: 'unknown',
      },
      {
        day: '2026-05-20',
        track: 'complaint',
        areaCode: '371502',
        categoryCode: '*',
        channel: 'offline',
        prepaid: false,
        issueType: 'unknown',
      },
      {
        day: '2026-05-20',
        track: 'complaint',
        areaCode: '*',
        categoryCode: 'catering',
        channel: 'offline',
        prepaid: false,
        issueType: 'unknown',
      },
      { day: '2026-05-20', track: 'complaint', areaCode: '*', categoryCode: '*', channel: 'offline', prepaid: false, issueType: 'unknown' },
    ]);
    for (const i of of(d, 'area')) expect(i.counters).toEqual({ received: 1 });
    expect(of(d, 'unit')).toEqual([]);
    expect(of(d, 'respondent')).toEqual([
      {
        rollup: 'respondent',
        key: { month: '2026-05-01', unitCode: '*', respondentKey: 'uscc:91371500MA3C5XXXX1' },
        counters: { complaints: 1 },
        name: { text: '聊城市某餐饮店', areaCode: '371502', eventId: String(seq) },
      },
    ]);
  });

  it('a report (also one opened from a mediation lead) is received on its own track; no channel is "unknown"', () => {
    const d = deltas(ev('received', { data: { referredFrom: '12' } }), report);
    expect(of(d, 'area')[0]).toMatchObject({ key: { track: 'report', channel: 'unknown', prepaid: true }, counters: { received: 1 } });
    expect(of(d, 'respondent')[0].counters).toEqual({ reports: 1 });
  });

  it('the area rows carry the issue type the consumer named ("unknown" when none), for the breakdown by issue type', () => {
    const d = deltas(ev('received'), { ...complaint, issueType: 'false-advertising' });
    expect(of(d, 'area').map((i) => i.key.issueType)).toEqual([
      'false-advertising',
      'false-advertising',
      'false-advertising',
      'false-advertising',
    ]);
    expect(of(deltas(ev('received'), complaint), 'area')[0].key).toMatchObject({ issueType: 'unknown' });
  });

  it('a duplicate is counted as such, never as received, and is no respondent hotspot', () => {
    const d = deltas(ev('duplicate', { data: { duplicateOf: '7' } }), complaint);
    expect(of(d, 'area')[0].counters).toEqual({ duplicates: 1 });
    expect(of(d, 'respondent')).toEqual([]);
  });

  it('an assignment counts for the assignee: arrivals at the unit, and the respondent at that unit', () => {
    const d = deltas(ev('assigned', { data: { assignee: { type: 'station', code: 'ST-001', name: '某站' } } }), complaint);
    expect(of(d, 'area')[0].counters).toEqual({ assigned: 1 });
    expect(of(d, 'unit').map((i) => i.key)).toEqual([
      { day: '2026-05-20', track: 'complaint', unitCode: 'ST-001', categoryCode: 'catering' },
      { day: '2026-05-20', track: 'complaint', unitCode: 'ST-001', categoryCode: '*' },
    ]);
    expect(of(d, 'respondent').map((i) => [i.key.unitCode, i.counters])).toEqual([['ST-001', { complaints: 1 }]]);
  });

  it('an escalation counts as an arrival at the bureau; a transfer out counts for the desk it went through', () => {
    const esc = ev('escalated', { data: { from: 'ST-001', assignee: { type: 'regulator', code: 'MR-371502', name: '东昌府区局' } } });
    expect(unitOf(esc)).toBe('MR-371502');
    expect(counted(esc)).toEqual({ assigned: 1 });
    const tr = ev('transferred', { data: { assignee: { type: 'regulator', code: 'MR-371500', name: '市局' } } });
    expect(unitOf(tr)).toBe('MR-371500');
    expect(counted(tr)).toEqual({ transferred: 1 });
    expect(of(deltas(tr, complaint), 'respondent')).toEqual([]);
  });

  describe('the settlement stage (协商和解)', () => {
    const station = { type: 'station', code: 'ST-001', name: '某站' };
    const bureau = { type: 'regulator', code: 'MR-371502', name: '东昌府区局' };

    it('a station getting a settlement case: an arrival at the station, and a settlement assignment', () => {
      const e = ev('assigned', { data: { assignee: station, stage: 'settlement' } });
      expect(unitOf(e)).toBe('ST-001');
      expect(counted(e)).toEqual({ assigned: 1, settlement_assigned: 1 });
      const d = deltas(e, complaint);
      for (const i of [...of(d, 'area'), ...of(d, 'unit')]) expect(i.counters).toEqual({ assigned: 1, settlement_assigned: 1 });
      expect(of(d, 'unit').map((i) => i.key.unitCode)).toEqual(['ST-001', 'ST-001']);
      expect(of(d, 'respondent').map((i) => [i.key.unitCode, i.counters])).toEqual([['ST-001', { complaints: 1 }]]);
    });

    it('a formal assignment (to a regulator) is no settlement assignment', () => {
      expect(counted(ev('assigned', { data: { assignee: bureau, stage: 'formal' } }))).toEqual({ assigned: 1 });
      // No station could take it when first routed: it never was in the settlement stage.
      const direct = ev('assigned', {
        data: { assignee: bureau, stage: 'formal', formal: { countsFrom: '2026-05-20', acceptanceDue: '2026-05-29', escalated: false } },
      });
      expect(counted(direct)).toEqual({ assigned: 1 });
    });

    it('handed back by its station with no other station left, it goes formal: an escalation for the area, not for any unit', () => {
      const e = ev('assigned', {
        data: { assignee: bureau, stage: 'formal', formal: { countsFrom: '2026-05-20', acceptanceDue: '2026-05-29', escalated: true } },
      });
      expect(unitOf(e)).toBe('MR-371502');
      expect(counted(e)).toEqual({ assigned: 1, escalated: 1 });
      const d = deltas(e, complaint);
      for (const i of of(d, 'area')) expect(i.counters).toEqual({ assigned: 1, escalated: 1 });
      for (const i of of(d, 'unit')) expect(i.counters).toEqual({ assigned: 1 });
      expect(of(d, 'unit')).toHaveLength(2);
      expect(of(d, 'respondent').map((i) => [i.key.unitCode, i.counters])).toEqual([['MR-371502', { complaints: 1 }]]);
      // The grouping rows left out for the rebuild's fold are the same with the unit's own counters.
      expect(deltas(e, complaint, 'detail').filter((i) => i.rollup === 'unit')).toEqual([of(d, 'unit')[0]]);
    });

    it('taking the case up and recording an offer count nothing', () => {
      expect(deltas(staff('take-up'), complaint)).toEqual([]);
      expect(deltas(staff('record-offer', { offer: { remedy: 'refund', amountFen: 50000, message: '全额退款' } }), complaint)).toEqual([]);
    });

    it('the consumer accepting the offer: settled at the source, the amount and the working days apart from mediation’s', () => {
      const e = ev('accept-offer', {
        unitCode: 'ST-001',
        data: { outcome: { amountRecoveredFen: 86000 }, settledAtSource: true, handlingWorkingDays: 4 },
      });
      expect(unitOf(e)).toBe('ST-001');
      expect(counted(e)).toEqual({ settled: 1, settled_fen: 86000, settle_days: 4 });
      const d = deltas(e, complaint);
      expect(of(d, 'unit').map((i) => [i.key.unitCode, i.counters])).toEqual([
        ['ST-001', { settled: 1, settled_fen: 86000, settle_days: 4 }],
        ['ST-001', { settled: 1, settled_fen: 86000, settle_days: 4 }],
      ]);
      expect(of(d, 'respondent').map((i) => [i.key.unitCode, i.counters])).toEqual([
        ['*', { settled: 1 }],
        ['ST-001', { settled: 1 }],
      ]);
      // An apology settles too, with nothing recovered, on the day it was filed.
      expect(
        counted(ev('accept-offer', { unitCode: 'ST-001', data: { outcome: { amountRecoveredFen: 0 }, handlingWorkingDays: 0 } })),
      ).toEqual({ settled: 1 });
    });

    it.each(['consumer', 'offer-rejected', 'settlement-failed', 'take-up-lapsed', 'deadline-lapsed'])(
      'leaving the settlement stage (cause %s) is an escalation for the station it left, never an assignment',
      (cause) => {
        const e = ev('escalated', {
          unitCode: 'ST-001',
          data: { cause, stage: 'formal', from: 'ST-001', acceptanceDue: '2026-05-29' },
        });
        expect(isSettlementEscalation(e)).toBe(true);
        expect(unitOf(e)).toBe('ST-001');
        expect(counted(e)).toEqual({ escalated: 1 });
        const d = deltas(e, complaint);
        expect(of(d, 'area')).toHaveLength(4);
        expect(of(d, 'unit').map((i) => [i.key.unitCode, i.counters])).toEqual([
          ['ST-001', { escalated: 1 }],
          ['ST-001', { escalated: 1 }],
        ]);
        expect(of(d, 'respondent')).toEqual([]);
      },
    );

    it('an escalation no station held counts for the area only', () => {
      const e = ev('escalated', { unitCode: null, data: { cause: 'consumer', stage: 'formal' } });
      expect(unitOf(e)).toBeNull();
      const d = deltas(e, complaint);
      expect(of(d, 'area').map((i) => i.counters)).toEqual([{ escalated: 1 }, { escalated: 1 }, { escalated: 1 }, { escalated: 1 }]);
      expect(of(d, 'unit')).toEqual([]);
    });

    it('an older escalation (a late station, no cause, an assignee) still counts as an arrival at the bureau', () => {
      const legacy = ev('escalated', { unitCode: null, data: { from: 'ST-001', assignee: bureau, rule: 'station-sla' } });
      expect(isSettlementEscalation(legacy)).toBe(false);
      expect(unitOf(legacy)).toBe('MR-371502');
      expect(counted(legacy)).toEqual({ assigned: 1 });
      expect(of(deltas(legacy, complaint), 'respondent').map((i) => [i.key.unitCode, i.counters])).toEqual([
        ['MR-371502', { complaints: 1 }],
      ]);
    });

    it('a hand-back or a withdrawal in the settlement stage counts for the station, as before', () => {
      expect(of(deltas(ev('handed-back', { unitCode: 'ST-001' }), complaint), 'unit')[0]).toMatchObject({
        key: { unitCode: 'ST-001' },
        counters: { handed_back: 1 },
      });
      expect(of(deltas(ev('withdrawn', { holderUnit: 'ST-001' }), complaint), 'unit')[0]).toMatchObject({
        key: { unitCode: 'ST-001' },
        counters: { withdrawn: 1 },
      });
    });
  });

  it('a hand-back counts for the unit that handed it back', () => {
    const d = deltas(ev('handed-back', { unitCode: 'ST-002' }), complaint);
    expect(of(d, 'unit')[0]).toMatchObject({ key: { unitCode: 'ST-002' }, counters: { handed_back: 1 } });
  });

  it('accepting a complaint: accepted, and the acceptance clock met on time', () => {
    const e = staff('accept', { met: [{ clock: 'acceptance', dueOn: '2026-05-27', metOn: '2026-05-20', onTime: true }] });
    expect(counted(e)).toEqual({ accepted: 1, acceptance_decided: 1, acceptance_on_time: 1 });
    const d = deltas(e, complaint);
    expect(of(d, 'unit')[0].key.unitCode).toBe('ST-001');
    expect(of(d, 'respondent').map((i) => [i.key.unitCode, i.counters])).toEqual([
      ['*', { accepted: 1 }],
      ['ST-001', { accepted: 1 }],
    ]);
  });

  it('taking up a report for review is not 受理 and counts nothing', () => {
    expect(deltas(staff('accept', {}, 'MR-371502'), report)).toEqual([]);
  });

  it('a late refusal: refused, decided but not on time, and its working days', () => {
    const e = staff('refuse', {
      met: [{ clock: 'acceptance', dueOn: '2026-05-07', metOn: '2026-05-20', onTime: false }],
      handlingWorkingDays: 9,
    });
    expect(counted(e)).toEqual({ refused: 1, acceptance_decided: 1, concluded: 1, handling_days: 9 });
  });

  it('resolved: the amount recovered in fen, a written agreement, the working days', () => {
    const e = staff('resolve', {
      outcome: { amountRecoveredFen: 128050, agreement: true },
      met: [{ clock: 'mediation', onTime: true }],
      handlingWorkingDays: 12,
    });
    expect(counted(e)).toEqual({ resolved: 1, recovered_fen: 128050, agreements: 1, concluded: 1, handling_days: 12 });
    expect(of(deltas(e, complaint), 'respondent')[0].counters).toEqual({ resolved: 1, recovered_fen: 128050 });
    expect(counted(staff('resolve', { outcome: { amountRecoveredFen: 0, agreement: false }, handlingWorkingDays: 0 }))).toEqual({
      resolved: 1,
      concluded: 1,
    });
  });

  it('terminated mediation', () => {
    expect(counted(staff('terminate', { reason: { code: '3' }, handlingWorkingDays: 30 }))).toEqual({
      terminated: 1,
      concluded: 1,
      handling_days: 30,
    });
  });

  it('reports: case opened (立案) or not, each a concluding decision', () => {
    expect(
      counted(
        staff(
          'open-enforcement',
          { outcome: { decision: 'opened' }, met: [{ clock: 'decision', onTime: true }], handlingWorkingDays: 4 },
          'MR-371502',
        ),
        report,
      ),
    ).toEqual({ reports_opened: 1, concluded: 1, handling_days: 4 });
    expect(counted(staff('decline-enforcement', { handlingWorkingDays: 15 }, 'MR-371502'), report)).toEqual({
      reports_not_opened: 1,
      concluded: 1,
      handling_days: 15,
    });
    expect(of(deltas(staff('open-enforcement', {}, 'MR-371502'), report), 'respondent')[0].counters).toEqual({ reports_opened: 1 });
  });

  it('closing: a complaint, or a report with the reporter told on time (or late)', () => {
    expect(counted(staff('close', { clocks: [] }))).toEqual({ complaints_closed: 1 });
    expect(counted(staff('close', { met: [{ clock: 'reporter-notice', onTime: true }] }), report)).toEqual({
      reports_closed: 1,
      reporter_notice_due: 1,
      reporter_notice_on_time: 1,
    });
    expect(counted(staff('close', { met: [{ clock: 'reporter-notice', onTime: false }] }), report)).toEqual({
      reports_closed: 1,
      reporter_notice_due: 1,
    });
    // A report opened from a mediation lead has no reporter to tell.
    expect(counted(staff('close'), report)).toEqual({ reports_closed: 1 });
  });

  it('a follow-up visit', () => {
    expect(counted(staff('record-follow-up', { met: [{ clock: 'follow-up', onTime: true }] }))).toEqual({ follow_ups: 1 });
  });

  it('a rating counts for the unit holding the case; an unknown rating counts nothing', () => {
    const sat = ev('rated', { data: { rating: 'satisfied' }, holderUnit: 'ST-001' });
    expect(counted(sat)).toEqual({ rated: 1, rated_satisfied: 1 });
    expect(counted(ev('rated', { data: { rating: 'basically' } }))).toEqual({ rated: 1, rated_basically: 1 });
    expect(counted(ev('rated', { data: { rating: 'dissatisfied' } }))).toEqual({ rated: 1 });
    expect(counted(ev('rated', { data: { rating: 'great' } }))).toEqual({});
    const d = deltas(sat, complaint);
    expect(of(d, 'unit').map((i) => i.key.unitCode)).toEqual(['ST-001', 'ST-001']);
    expect(of(d, 'respondent')).toEqual([]);
  });

  it('a withdrawal counts for the holder, or for no unit while the case waits for routing', () => {
    const held = deltas(ev('withdrawn', { holderUnit: 'ST-003' }), complaint);
    expect(of(held, 'unit')[0]).toMatchObject({ key: { unitCode: 'ST-003' }, counters: { withdrawn: 1 } });
    expect(of(held, 'respondent').map((i) => i.key.unitCode)).toEqual(['*', 'ST-003']);
    const waiting = deltas(ev('withdrawn', { holderUnit: null }), complaint);
    expect(of(waiting, 'area')).toHaveLength(4);
    expect(of(waiting, 'unit')).toEqual([]);
  });

  it.each([
    'note',
    'start-mediation',
    'pause-clock',
    'resume-clock',
    'extend-decision',
    'report-violation',
    'supplement',
    'attachment',
    'notified',
    'reminder',
    'overdue',
    'stage-migrated',
  ])('"%s" counts nothing', (type) => {
    expect(deltas(ev(type, { unitCode: 'ST-001', data: { met: [{ clock: 'mediation', onTime: true }], clocks: [] } }), complaint)).toEqual(
      [],
    );
  });

  it('never trusts malformed event data: negative or fractional money and days count nothing', () => {
    expect(counted(staff('resolve', { outcome: { amountRecoveredFen: -5 }, handlingWorkingDays: 2.5 }))).toEqual({ resolved: 1 });
    expect(counted(staff('resolve', { outcome: 'x', met: 'y', handlingWorkingDays: '3' }))).toEqual({ resolved: 1 });
    expect(unitOf(ev('assigned', { data: { assignee: null } }))).toBeNull();
  });

  it('counts on the China day it is given, and the respondent by month', () => {
    const d = deltas(ev('received', { day: '2026-01-31' }), complaint);
    expect(of(d, 'area')[0].key.day).toBe('2026-01-31');
    expect(of(d, 'respondent')[0].key.month).toBe('2026-01-01');
  });

  it("with rows 'detail', leaves out exactly the grouping rows ('*' area or category) and keeps the respondent rows", () => {
    const e = ev('assigned', { data: { assignee: { type: 'station', code: 'ST-001', name: '某站' } } });
    const all = deltas(e, complaint);
    const grouping = (i: Increment) =>
      (i.rollup === 'area' || i.rollup === 'unit') && (i.key.categoryCode === '*' || (i.rollup === 'area' && i.key.areaCode === '*'));
    expect(all.filter(grouping)).toHaveLength(4);
    expect(deltas(e, complaint, 'detail')).toEqual(all.filter((i) => !grouping(i)));
  });
});
