import { CaseKit } from './support/case-kit';

/**
 * The claimant flags on the staff case file (GET /cases/{id}): Order 121 Art. 17's factors with
 * their evidence, gathered through the keyed hashes of phone and address, and never acted on.
 */
describe('claimant flags on the case file (Order 121 Art. 17)', () => {
  let kit: CaseKit;

  beforeAll(async () => {
    kit = await CaseKit.start();
  });

  afterAll(async () => {
    await kit?.close();
  });

  type Factor = {
    item: number;
    status: string;
    evidence: { what: string; count: number; reached: boolean; trackingNos: string[]; names: string[] }[];
  };
  const factor = (d: { claimant: { art17: { factors: Factor[] } } }, item: number) =>
    d.claimant.art17.factors.find((f) => f.item === item)!;
  const line = (f: Factor, what: string) => f.evidence.find((e) => e.what === what)!;

  it('an ordinary complaint: every factor shown, nothing noted; items (1) and (3) say what the data cannot show', async () => {
    const c = await kit.assigned();
    const d = await (await kit.handlerOf(c)).detail(c.id);
    expect(d.claimant.art17).toMatchObject({
      basis: '《市场监督管理投诉举报处理办法》第十七条',
      noted: false,
      factors: [
        { item: 1, status: 'not-in-data', evidence: [] },
        { item: 2, status: 'not-noted' },
        { item: 3, status: 'for-handler', evidence: [] },
        { item: 4, status: 'not-noted' },
        { item: 5, status: 'for-handler', evidence: [] },
      ],
    });
    expect(d.claimant.art17.purpose.zh).toContain('第十六条第（三）项');
    // The case is not held back by any of it: the handler may accept or refuse as always.
    expect(d.allowedActions).toEqual(expect.arrayContaining(['accept', 'refuse']));
  });

  it('(4) several people with one phone number, and with one address, with the evidence and names masked', async () => {
    const address = '东昌府区柳园街道幸福小区 8 号楼 1 单元 302';
    const first = await kit.file({ consumer: { name: '赵一', phone: '13906359901', address } });
    const second = await kit.file({ consumer: { name: '钱二', phone: '13906359901', address: `山东省聊城市${address}` } });
    const third = await kit.file({ consumer: { name: '孙三', phone: '13906359902', address: address.replace(/ /g, '') } });
    const routed = await kit.route(third.trackingNo);
    const d = await (await kit.handlerOf(routed)).detail(routed.id);
    const f4 = factor(d, 4);
    expect(f4.status).toBe('noted');
    // This phone (…9902) is used by one person: nothing to note there.
    expect(line(f4, 'people-on-phone')).toMatchObject({ count: 1, reached: false, names: ['孙*'] });
    expect(line(f4, 'people-at-address')).toMatchObject({
      count: 3,
      reached: true,
      names: ['孙*', '钱*', '赵*'],
      trackingNos: [second.trackingNo, first.trackingNo],
    });
    expect(d.claimant.art17.noted).toBe(true);

    const r2 = await kit.route(second.trackingNo);
    const d2 = await (await kit.handlerOf(r2)).detail(r2.id);
    expect(line(factor(d2, 4), 'people-on-phone')).toMatchObject({
      count: 2,
      reached: true,
      names: ['钱*', '赵*'],
      trackingNos: [first.trackingNo],
    });
    // No address stored in the clear anywhere: only its keyed hash is compared.
    const [row] = await kit.q<{ all: string }>(`select to_jsonb(c.*)::text as all from cases c where tracking_no = $1`, [
      second.trackingNo,
    ]);
    expect(row.all).not.toContain('幸福小区');
  });

  it('(2) three complaints against one business within 30 days by one complainant', async () => {
    const phone = '13906359911';
    const respondent = { name: '聊城市测试连锁超市', address: '东昌府区东昌路 1 号', areaCode: '371502' };
    const filed = [];
    for (const text of ['买到过期牛奶一箱，要求退一赔十。', '买到过期酸奶两箱，要求退一赔十。', '买到过期面包三袋，要求退一赔十。']) {
      filed.push(await kit.file({ consumer: { name: '李四', phone }, respondent, categoryCode: 'food', description: text }));
    }
    // The first is still open, so the second and third (same business, category, track) are duplicates of it: filings all the same.
    const routed = await kit.route(filed[0].trackingNo);
    const d = await (await kit.handlerOf(routed)).detail(routed.id);
    expect(factor(d, 2).status).toBe('noted');
    expect(line(factor(d, 2), 'same-business')).toMatchObject({
      count: 3,
      reached: true,
      trackingNos: [filed[2].trackingNo, filed[1].trackingNo],
    });
  });

  it('a report gets no Art. 17 assessment, and staff who do not handle it see no claimant flags at all', async () => {
    const r = await kit.assigned({ kind: 'report' });
    const d = await (await kit.handlerOf(r)).detail(r.id);
    expect(d.claimant).toMatchObject({ art17: null });
    const analyst = await kit.staff('city-analyst');
    expect((await analyst.detail(r.id)).claimant).toBeNull();
  });
});
