import { answerBucket, businessDeltas } from './business-rollup.rules';
import type { CaseAttributes, StatEvent } from './stat-event';
import type { Increment } from './rollup.rules';
import { countersOf, unitOf } from './case-counters.rules';
import { deltas } from './rollup.rules';

const BIZ = '91371502MA3C8X2Q13';
const complaint: CaseAttributes = {
  track: 'complaint',
  categoryCode: 'catering',
  areaCode: '371502',
  channel: 'offline',
  prepaid: false,
  issueType: null,
  respondentKey: `uscc:${BIZ}`,
  respondentName: '聊城市某火锅店',
};
const business = { type: 'business', code: BIZ, name: '聊城市某火锅店' };
const station = { type: 'station', code: 'ST-371502-001', name: '某商场服务站' };

let seq = 500;
const ev = (type: string, over: Partial<StatEvent> = {}): StatEvent => ({
  id: String(++seq),
  day: '2026-05-20',
  type,
  unitCode: null,
  data: {},
  ...over,
});
const of = <R extends Increment['rollup']>(list: Increment[], rollup: R) =>
  list.filter((i): i is Extract<Increment, { rollup: R }> => i.rollup === rollup);
/** The business rows of an event: [credit code, day, counters]. */
const rows = (e: StatEvent, c = complaint) => of(deltas(e, c), 'business').map((i) => [i.key.creditCode, i.key.day, i.counters]);
const escalated = (cause: string, over: Record<string, unknown> = {}) =>
  ev('escalated', {
    unitCode: BIZ,
    data: { cause, stage: 'formal', from: BIZ, fromType: 'business', acceptanceDue: '2026-05-29', ...over },
  });

describe('businessDeltas: what one history event adds to the rollup of an enrolled business', () => {
  it.each<[string, StatEvent, [string, Record<string, number>][]]>([
    ['routed to the business: received', ev('assigned', { data: { assignee: business, stage: 'settlement' } }), [[BIZ, { received: 1 }]]],
    [
      'passed to it by a station: received',
      ev('referred-to-business', {
        unitCode: 'ST-371502-001',
        data: { assignee: business, from: 'ST-371502-001', settlementDue: '2026-06-03' },
      }),
      [[BIZ, { received: 1 }]],
    ],
    ['routed to a station: nothing', ev('assigned', { data: { assignee: station, stage: 'settlement' } }), []],
    [
      'the venue’s station steps in: stepped in, for the business it left',
      ev('stepped-in', { unitCode: 'ST-371502-001', data: { assignee: station, from: BIZ } }),
      [[BIZ, { stepped_in: 1 }]],
    ],
    [
      'its first offer on working day 3: bucket 3',
      ev('record-offer', { unitCode: BIZ, data: { offer: { remedy: 'refund' }, answer: { workingDays: 3, first: true } } }),
      [[BIZ, { answer_d3: 1 }]],
    ],
    [
      'its first offer on working day 0 (the day it received the case)',
      ev('record-offer', { unitCode: BIZ, data: { answer: { workingDays: 0, first: true } } }),
      [[BIZ, { answer_d0: 1 }]],
    ],
    [
      'its first offer on working day 10: the last in-time bucket',
      ev('record-offer', { unitCode: BIZ, data: { answer: { workingDays: 10, first: true } } }),
      [[BIZ, { answer_d10: 1 }]],
    ],
    [
      'its first offer after 10 working days: late',
      ev('record-offer', { unitCode: BIZ, data: { answer: { workingDays: 14, first: true } } }),
      [[BIZ, { answer_late: 1 }]],
    ],
    [
      'a revised offer (not the first answer): nothing',
      ev('record-offer', { unitCode: BIZ, data: { answer: { workingDays: 5, first: false } } }),
      [],
    ],
    ['a station’s offer (no answer): nothing', ev('record-offer', { unitCode: 'ST-371502-001', data: { offer: {} } }), []],
    [
      'the consumer accepts the offer of a business holding the case: settled, the amount and the days',
      ev('accept-offer', {
        unitCode: BIZ,
        holderType: 'business',
        data: { outcome: { amountRecoveredFen: 26850 }, settledAtSource: true, handlingWorkingDays: 4 },
      }),
      [[BIZ, { settled: 1, settled_fen: 26850, settle_days: 4 }]],
    ],
    [
      'a settlement at a station: nothing for any business',
      ev('accept-offer', { unitCode: 'ST-371502-001', holderType: 'station', data: { outcome: { amountRecoveredFen: 100 } } }),
      [],
    ],
    [
      'it declines (不同意) on working day 2: an answer, and an escalation declined',
      escalated('business-declined', { answer: { workingDays: 2, first: true } }),
      [[BIZ, { answer_d2: 1, escalated_declined: 1 }]],
    ],
    [
      'it never answered: the "not answered" bucket, which is the no-answer escalation',
      escalated('no-answer'),
      [[BIZ, { escalated_no_answer: 1 }]],
    ],
    ['the consumer rejects its offer', escalated('offer-rejected'), [[BIZ, { escalated_consumer: 1 }]]],
    ['the consumer chooses the formal complaint', escalated('consumer'), [[BIZ, { escalated_consumer: 1 }]]],
    ['the period passes with its offer unaccepted', escalated('deadline-lapsed'), [[BIZ, { escalated_consumer: 1 }]]],
    ['a cause no business should give counts as other', escalated('settlement-failed'), [[BIZ, { escalated_other: 1 }]]],
    [
      'a station’s escalation: nothing for any business',
      ev('escalated', {
        unitCode: 'ST-371502-001',
        data: { cause: 'consumer', stage: 'formal', from: 'ST-371502-001', fromType: 'station' },
      }),
      [],
    ],
    [
      'an older escalation (no cause, no fromType): nothing',
      ev('escalated', { data: { from: 'ST-371502-001', assignee: { type: 'regulator', code: 'MR-371502' }, rule: 'station-sla' } }),
      [],
    ],
    [
      'mediation succeeds in the formal stage: concluded and successful, for the credit code',
      ev('resolve', { unitCode: 'MR-371502', data: { outcome: { amountRecoveredFen: 5000 }, handlingWorkingDays: 12 } }),
      [[BIZ, { mediation_concluded: 1, mediation_resolved: 1 }]],
    ],
    [
      'mediation is terminated: concluded only',
      ev('terminate', { unitCode: 'MR-371502', data: { handlingWorkingDays: 30 } }),
      [[BIZ, { mediation_concluded: 1 }]],
    ],
  ])('%s', (_what, e, expected) => {
    expect(rows(e).map(([code, , counters]) => [code, counters])).toEqual(expected);
  });

  it('mediation counts for respondents named by credit code only, and for complaints only', () => {
    const byName: CaseAttributes = { ...complaint, respondentKey: 'name:某火锅店' };
    expect(businessDeltas(ev('resolve', { unitCode: 'MR-371502' }), byName)).toEqual([]);
    expect(businessDeltas(ev('terminate', { unitCode: 'MR-371502' }), { ...complaint, track: 'report' })).toEqual([]);
  });

  it('counts on the day of the event, by credit code', () => {
    const e = ev('assigned', { day: '2026-03-31', data: { assignee: business, stage: 'settlement' } });
    expect(businessDeltas(e, complaint)).toEqual([
      { rollup: 'business', key: { day: '2026-03-31', creditCode: BIZ }, counters: { received: 1 } },
    ]);
  });

  it.each<[unknown, string | null]>([
    [{ workingDays: 0, first: true }, 'answer_d0'],
    [{ workingDays: 7, first: true }, 'answer_d7'],
    [{ workingDays: 10, first: true }, 'answer_d10'],
    [{ workingDays: 11, first: true }, 'answer_late'],
    [{ workingDays: 3, first: false }, null],
    [{ workingDays: 3 }, null],
    [{ workingDays: -1, first: true }, null],
    [{ workingDays: 2.5, first: true }, null],
    [{ workingDays: '3', first: true }, null],
    [undefined, null],
  ])('answerBucket(%j) = %s', (answer, bucket) => {
    expect(answerBucket(answer)).toBe(bucket);
  });
});

describe('deltas with businesses as parties: the area, unit and respondent rollups', () => {
  it('a case routed to a business: a settlement assignment of the city and its area, for no unit', () => {
    const e = ev('assigned', { data: { assignee: business, stage: 'settlement' } });
    expect(unitOf(e)).toBeNull();
    const d = deltas(e, complaint);
    expect(of(d, 'area').map((i) => i.counters)).toEqual(Array(4).fill({ assigned: 1, settlement_assigned: 1 }));
    expect(of(d, 'unit')).toEqual([]);
    expect(of(d, 'respondent')).toEqual([]);
  });

  it('a station passing the case to a business: no second assignment anywhere but the business’s', () => {
    const e = ev('referred-to-business', { unitCode: 'ST-371502-001', data: { assignee: business, from: 'ST-371502-001' } });
    expect(countersOf(e, complaint)).toEqual({});
    expect(unitOf(e)).toBeNull();
    expect(deltas(e, complaint).map((i) => i.rollup)).toEqual(['business']);
  });

  it('the venue’s station stepping in: an arrival at the station, not a case the city received again', () => {
    const e = ev('stepped-in', { unitCode: 'ST-371502-001', data: { assignee: station, from: BIZ } });
    expect(unitOf(e)).toBe('ST-371502-001');
    const d = deltas(e, complaint);
    expect(of(d, 'area')).toEqual([]);
    expect(of(d, 'unit').map((i) => [i.key.unitCode, i.counters])).toEqual([
      ['ST-371502-001', { assigned: 1, settlement_assigned: 1 }],
      ['ST-371502-001', { assigned: 1, settlement_assigned: 1 }],
    ]);
    expect(of(d, 'respondent').map((i) => [i.key.unitCode, i.counters])).toEqual([['ST-371502-001', { complaints: 1 }]]);
    expect(of(d, 'business').map((i) => i.counters)).toEqual([{ stepped_in: 1 }]);
  });

  it('a settlement while a business held the case: the city’s, the respondent’s and the business’s, no unit’s', () => {
    const e = ev('accept-offer', {
      unitCode: BIZ,
      holderType: 'business',
      data: { outcome: { amountRecoveredFen: 26850 }, settledAtSource: true, handlingWorkingDays: 4 },
    });
    expect(unitOf(e)).toBeNull();
    const d = deltas(e, complaint);
    expect(of(d, 'area')[0].counters).toEqual({ settled: 1, settled_fen: 26850, settle_days: 4 });
    expect(of(d, 'unit')).toEqual([]);
    expect(of(d, 'respondent').map((i) => [i.key.unitCode, i.counters])).toEqual([['*', { settled: 1 }]]);
    expect(of(d, 'business').map((i) => i.counters)).toEqual([{ settled: 1, settled_fen: 26850, settle_days: 4 }]);
  });

  it('an escalation from a business: the city’s and the business’s, no unit’s', () => {
    const d = deltas(escalated('no-answer'), complaint);
    expect(of(d, 'area').map((i) => i.counters)).toEqual(Array(4).fill({ escalated: 1 }));
    expect(of(d, 'unit')).toEqual([]);
    expect(of(d, 'business').map((i) => i.counters)).toEqual([{ escalated_no_answer: 1 }]);
  });

  it('a withdrawal or a rating while a business holds the case counts for no unit', () => {
    expect(unitOf(ev('withdrawn', { holderUnit: BIZ, holderType: 'business' }))).toBeNull();
    expect(unitOf(ev('rated', { holderUnit: BIZ, holderType: 'business', data: { rating: 'satisfied' } }))).toBeNull();
    expect(unitOf(ev('withdrawn', { holderUnit: 'ST-371502-001', holderType: 'station' }))).toBe('ST-371502-001');
  });

  describe('not delivered: the consumer accepted, then said the business did not deliver', () => {
    const accepted = {
      id: '77',
      day: '2026-05-12',
      unitCode: BIZ,
      data: { outcome: { amountRecoveredFen: 26850 }, handlingWorkingDays: 4 },
    };

    it('takes the settlement back on the day it was accepted, and counts the escalation on its own day', () => {
      const e = escalated('not-delivered', { offer: { remedy: 'refund' } });
      e.settledBefore = accepted;
      const all = deltas(e, complaint);
      // The area: the escalation today, the settlement taken back on the 12th (four rows each).
      expect(of(all, 'area').map((i) => [i.key.day, i.counters])).toEqual([
        ...Array(4).fill(['2026-05-20', { escalated: 1 }]),
        ...Array(4).fill(['2026-05-12', { settled: -1, settled_fen: -26850, settle_days: -4 }]),
      ]);
      expect(of(all, 'unit')).toEqual([]);
      expect(of(all, 'respondent').map((i) => [i.key.month, i.key.unitCode, i.counters])).toEqual([['2026-05-01', '*', { settled: -1 }]]);
      expect(of(all, 'business').map((i) => [i.key.day, i.counters])).toEqual([
        ['2026-05-20', { escalated_not_delivered: 1 }],
        ['2026-05-12', { settled: -1, settled_fen: -26850, settle_days: -4 }],
      ]);
    });

    it('the take-back is the exact negation of the accepted offer’s own increments', () => {
      const e = escalated('not-delivered');
      e.settledBefore = accepted;
      const original = deltas(
        { id: '77', day: '2026-05-12', type: 'accept-offer', unitCode: BIZ, holderType: 'business', data: accepted.data },
        complaint,
        'detail',
      );
      // What the escalation adds besides its own increments.
      const back = deltas(e, complaint, 'detail').slice(deltas({ ...e, settledBefore: null }, complaint, 'detail').length);
      expect(back.map((i) => i.rollup)).toEqual(original.map((i) => i.rollup));
      back.forEach((b, n) => {
        expect(b.key).toEqual(original[n].key);
        for (const [k, v] of Object.entries(original[n].counters)) expect((b.counters as Record<string, number>)[k]).toBe(-v);
      });
    });

    it('a station’s settlement not delivered: taken back from that station’s unit rows', () => {
      const e = ev('escalated', {
        unitCode: 'ST-371502-001',
        data: { cause: 'not-delivered', stage: 'formal', from: 'ST-371502-001', fromType: 'station' },
        settledBefore: { ...accepted, unitCode: 'ST-371502-001' },
      });
      const d = deltas(e, complaint);
      expect(of(d, 'unit').map((i) => [i.key.day, i.key.unitCode, i.counters])).toEqual([
        ['2026-05-20', 'ST-371502-001', { escalated: 1 }],
        ['2026-05-20', 'ST-371502-001', { escalated: 1 }],
        ['2026-05-12', 'ST-371502-001', { settled: -1, settled_fen: -26850, settle_days: -4 }],
        ['2026-05-12', 'ST-371502-001', { settled: -1, settled_fen: -26850, settle_days: -4 }],
      ]);
      expect(of(d, 'business')).toEqual([]);
    });

    it('with no accepted offer found in the history, only the escalation counts', () => {
      const d = deltas({ ...escalated('not-delivered'), settledBefore: null }, complaint);
      expect(d.map((i) => [i.rollup, 'day' in i.key ? i.key.day : i.key.month])).toEqual([
        ...Array(4).fill(['area', '2026-05-20']),
        ['business', '2026-05-20'],
      ]);
    });
  });
});
