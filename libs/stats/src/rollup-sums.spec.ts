import { collect, RollupSums } from './rollup-sums';
import type { CaseAttributes, StatEvent } from './stat-event';
import { deltas } from './rollup.rules';

const shop: CaseAttributes = {
  track: 'complaint',
  categoryCode: 'catering',
  areaCode: '371502',
  channel: 'offline',
  prepaid: false,
  issueType: null,
  respondentKey: 'uscc:91371500MA3C5XXXX1',
  respondentName: '聊城市某餐饮店',
};
let seq = 0;
const ev = (type: string, day: string, over: Partial<StatEvent> = {}): StatEvent => ({
  id: String(++seq),
  day,
  type,
  unitCode: null,
  data: {},
  ...over,
});

describe('RollupSums: increments summed per table and key', () => {
  it('sums the same key across separate adds, and keeps days and months apart', () => {
    const sums = new RollupSums();
    sums.add(deltas(ev('received', '2026-05-20'), shop, 'detail'));
    sums.add(deltas(ev('received', '2026-05-20'), shop, 'detail'));
    sums.add(deltas(ev('received', '2026-05-21'), shop, 'detail'));
    const t = sums.take();
    expect(t.get('area_day')!.map((r) => [r.day, r.received])).toEqual([
      ['2026-05-20', 2],
      ['2026-05-21', 1],
    ]);
    expect(t.get('area_month')!.map((r) => [r.month, r.received])).toEqual([['2026-05-01', 3]]);
    expect(t.get('respondent')!.map((r) => [r.month, r.complaints])).toEqual([['2026-05-01', 3]]);
  });

  it('counts the rows it holds, and take() hands them over and starts again from nothing', () => {
    const sums = new RollupSums(['day']);
    sums.add(deltas(ev('received', '2026-05-20'), shop, 'detail'));
    // The area day row, the city-wide respondent row and the early warning's two day rows.
    expect(sums.size).toBe(4);
    sums.add(deltas(ev('received', '2026-05-20'), shop, 'detail'));
    expect(sums.size).toBe(4);
    const taken = sums.take();
    expect(taken.get('area_day')).toHaveLength(1);
    expect(taken.get('watch_day')).toEqual([{ respondent_key: shop.respondentKey, day: '2026-05-20', complaints: 2 }]);
    expect(taken.get('slice_day')).toEqual([{ area_code: '371502', category_code: 'catering', day: '2026-05-20', complaints: 2 }]);
    expect(sums.size).toBe(0);
    expect(sums.take().size).toBe(0);
  });

  it('money is summed exactly in fen, and a counter nothing touched is left out of the row', () => {
    const resolve = (fen: number) => ev('resolve', '2026-06-02', { unitCode: 'ST-001', data: { outcome: { amountRecoveredFen: fen } } });
    const [row] = collect([...deltas(resolve(12_345_678_901), shop, 'detail'), ...deltas(resolve(99), shop, 'detail')], ['day']).get(
      'unit_day',
    )!;
    expect(row.recovered_fen).toBe(12_345_679_000);
    expect(row.resolved).toBe(2);
    expect(Object.keys(row)).not.toContain('refused');
  });

  it("the respondent name is the latest event's, whatever order the events are added in", () => {
    const renamed = { ...shop, respondentName: '聊城市某餐饮店（新）' };
    const late = ev('received', '2026-05-20');
    const early = { ...ev('received', '2026-05-20'), id: '1' };
    const [row] = new RollupSums().add(deltas(late, renamed)).add(deltas(early, shop)).take().get('respondent')!;
    expect(row).toMatchObject({ respondent_name: '聊城市某餐饮店（新）', name_event_id: late.id, complaints: 2 });
  });

  it('rows come sorted by key, so two batches always write in the same order', () => {
    const days = ['2026-05-23', '2026-05-21', '2026-05-22'];
    const rows = collect(
      days.flatMap((d) => deltas(ev('received', d), shop, 'detail')),
      ['day'],
    ).get('area_day')!;
    expect(rows.map((r) => r.day)).toEqual(['2026-05-21', '2026-05-22', '2026-05-23']);
  });

  it('business rows by day and month; a settlement taken back sums to nothing on its day', () => {
    const code = '91371502MA3C8X2Q13';
    const business = { ...shop, respondentKey: `uscc:${code}` };
    const accept = ev('accept-offer', '2026-05-12', {
      unitCode: code,
      holderType: 'business',
      data: { outcome: { amountRecoveredFen: 26850 }, handlingWorkingDays: 4 },
    });
    const reopen = ev('escalated', '2026-05-18', {
      unitCode: code,
      data: { cause: 'not-delivered', stage: 'formal', from: code, fromType: 'business' },
      settledBefore: { id: accept.id, day: accept.day, unitCode: code, data: accept.data },
    });
    const t = collect([...deltas(accept, business), ...deltas(reopen, business)]);
    expect(t.get('business_day')!.map((r) => [r.credit_code, r.day, r.settled ?? 0, r.escalated_not_delivered ?? 0])).toEqual([
      [code, '2026-05-12', 0, 0],
      [code, '2026-05-18', 0, 1],
    ]);
    expect(t.get('business_month')).toEqual([{ credit_code: code, month: '2026-05-01', escalated_not_delivered: 1 }]);
    expect(t.get('area_month')!.every((r) => !r.settled && !r.settled_fen && r.escalated === 1)).toBe(true);
  });
});
